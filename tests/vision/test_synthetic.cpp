#include "footfall/vision/counter.hpp"
#include "footfall/vision/synthetic_scene.hpp"
#include "footfall/vision/truth.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace footfall::vision;

namespace {

struct Run {
  Score score;
  std::vector<TruthEvent> counted;
  std::vector<TruthEvent> truth;
  std::int64_t frames = 0;
};

// Streams the scene through a counter set up as the scene's camera would be, and scores it
// against the scene's exact truth within ±1 s.
Run count_scene(const SceneConfig& config) {
  SyntheticScene scene(config);
  CounterConfig counter_config;
  counter_config.line = scene.line();
  counter_config.fps = scene.fps();
  PeopleCounter counter(counter_config);
  Run run;
  for (const TruthCrossing& t : scene.truth()) run.truth.push_back({t.frame_index, t.direction});
  Frame frame;
  while (scene.read(frame)) {
    for (const Crossing& c : counter.process(frame)) run.counted.push_back({c.frame_index, c.direction});
    ++run.frames;
  }
  run.score = score_crossings(run.counted, run.truth, static_cast<std::int64_t>(std::lround(scene.fps())));
  return run;
}

SceneConfig scripted(std::vector<ScriptedWalker> script, double duration_s = 20.0) {
  SceneConfig config;
  config.random_traffic = false;
  config.duration_s = duration_s;
  config.script = std::move(script);
  return config;
}

ScriptedWalker walker(double start_s, Direction direction, double lateral = 0.5) {
  ScriptedWalker w;
  w.start_s = start_s;
  w.direction = direction;
  w.lateral = lateral;
  return w;
}

}  // namespace

TEST_CASE("the synthetic scene streams like a camera and is deterministic") {
  SceneConfig config;
  config.seed = 7;
  config.duration_s = 4.0;
  config.start_time_ms = 1'000'000;
  SyntheticScene a(config);
  SyntheticScene b(config);
  CHECK(a.frame_count() == 60);
  CHECK(a.fps() == doctest::Approx(15.0));
  CHECK(a.truth().size() == b.truth().size());
  Frame fa;
  Frame fb;
  std::int64_t frames = 0;
  while (a.read(fa)) {
    REQUIRE(b.read(fb));
    CHECK(fa.image.type() == CV_8UC3);
    CHECK(fa.image.cols == 640);
    CHECK(fa.image.rows == 480);
    CHECK(fa.index == frames);
    CHECK(fa.timestamp_ms == 1'000'000 + std::llround(static_cast<double>(frames) * 1000.0 / 15.0));
    CHECK(cv::norm(fa.image, fb.image, cv::NORM_L1) == doctest::Approx(0.0));
    ++frames;
  }
  CHECK(frames == 60);
  CHECK_FALSE(b.read(fb));
}

TEST_CASE("the scene's truth is the frame at which the body centre passes the line") {
  // 90 px/s from 2.5 radii above the top edge: the centre reaches y = 240 after (240 + 55) / 90 s.
  const SyntheticScene scene(scripted({walker(1.0, Direction::In)}));
  REQUIRE(scene.truth().size() == 1);
  const double crossing_s = 1.0 + (240.0 + 2.5 * 22.0) / 90.0;
  CHECK(scene.truth()[0].frame_index == static_cast<std::int64_t>(std::floor(crossing_s * 15.0)) + 1);
  CHECK(scene.truth()[0].direction == Direction::In);
}

TEST_CASE("one walker each way is counted exactly") {
  const Run run = count_scene(scripted({walker(1.0, Direction::In, 0.3), walker(9.0, Direction::Out, 0.7)}));
  REQUIRE(run.truth.size() == 2);
  CHECK(run.score.in.matched == 1);
  CHECK(run.score.out.matched == 1);
  CHECK(run.score.in.extra + run.score.out.extra == 0);
  CHECK(run.score.accuracy() == doctest::Approx(1.0));
}

TEST_CASE("a pair walking side by side counts two") {
  const Run run = count_scene(scripted({walker(1.0, Direction::In, 0.45), walker(1.0, Direction::In, 0.55)}));
  REQUIRE(run.truth.size() == 2);
  CHECK(run.score.in.matched == 2);
  CHECK(run.score.in.extra == 0);
}

TEST_CASE("a group of four counts four") {
  std::vector<ScriptedWalker> group;
  for (int i = 0; i < 4; ++i) group.push_back(walker(1.0 + 0.7 * (i / 2), Direction::Out, 0.44 + 0.11 * (i % 2)));
  const Run run = count_scene(scripted(group));
  REQUIRE(run.truth.size() == 4);
  CHECK(run.score.out.matched == 4);
  CHECK(run.score.out.extra == 0);
}

TEST_CASE("a U-turn on the line counts nothing") {
  ScriptedWalker w = walker(1.0, Direction::In);
  w.u_turn_on_line = true;
  const Run run = count_scene(scripted({w}));
  CHECK(run.truth.empty());
  CHECK(run.counted.empty());
}

TEST_CASE("someone standing on the line for 20 s counts once, when they finally cross") {
  ScriptedWalker w = walker(1.0, Direction::Out);
  w.linger_on_line_s = 20.0;
  const Run run = count_scene(scripted({w}, 32.0));
  REQUIRE(run.truth.size() == 1);
  CHECK(run.counted.size() == 1);
  CHECK(run.score.out.matched == 1);
}

TEST_CASE("a sudden lighting change does not count anyone") {
  SceneConfig config = scripted({walker(1.0, Direction::In), walker(10.0, Direction::Out)});
  config.lighting_step_at_s = 7.0;
  const Run run = count_scene(config);
  CHECK(run.score.accuracy() == doctest::Approx(1.0));
}

TEST_CASE("camera shake does not count anyone") {
  SceneConfig config = scripted({walker(1.0, Direction::In, 0.3), walker(8.0, Direction::Out, 0.6)});
  config.camera_shake_px = 3.0;
  const Run run = count_scene(config);
  CHECK(run.score.accuracy() == doctest::Approx(1.0));
}

TEST_CASE("a minute of random traffic is counted accurately") {
  for (const std::uint32_t seed : {1U, 2U, 3U}) {
    CAPTURE(seed);
    SceneConfig config;
    config.seed = seed;
    config.duration_s = 60.0;
    const Run run = count_scene(config);
    MESSAGE("seed " << seed << ": truth " << run.truth.size() << ", counted " << run.counted.size()
                    << ", accuracy " << run.score.accuracy());
    CHECK(run.truth.size() >= 5);
    CHECK(run.score.accuracy() >= 0.9);
  }
}

TEST_CASE("a bag put down beside the door is learned into the floor and people walking past it still count") {
  SceneConfig config = scripted({walker(8.0, Direction::In, 0.25), walker(12.0, Direction::Out, 0.3),
                                 walker(16.0, Direction::In, 0.7)},
                                24.0);
  config.bag_left_at_s = 2.0;
  const Run run = count_scene(config);
  CHECK(run.score.accuracy() == doctest::Approx(1.0));
}

TEST_CASE("a white balance shift while people walk does not count anyone or lose anyone") {
  SceneConfig config = scripted({walker(1.0, Direction::In, 0.3), walker(4.0, Direction::Out, 0.6),
                                 walker(9.0, Direction::In, 0.5)});
  config.white_balance_step_at_s = 5.0;
  const Run run = count_scene(config);
  CHECK(run.score.accuracy() == doctest::Approx(1.0));
}

TEST_CASE("people already in view when counting starts, and four minutes of hostile traffic") {
  // Someone walking in and someone walking out are mid-frame at the first frame; a bag is put down
  // and the white balance shifts later on.
  ScriptedWalker early_in = walker(-2.0, Direction::In, 0.5);
  ScriptedWalker early_out = walker(-1.0, Direction::Out, 0.8);
  for (const std::uint32_t seed : {1U, 2U}) {
    CAPTURE(seed);
    SceneConfig config;
    config.seed = seed;
    config.duration_s = 240.0;
    config.script = {early_in, early_out};
    config.bag_left_at_s = 60.0;
    config.white_balance_step_at_s = 150.0;
    const Run run = count_scene(config);
    MESSAGE("seed " << seed << ": truth " << run.truth.size() << ", counted " << run.counted.size()
                    << ", accuracy " << run.score.accuracy());
    CHECK(run.score.accuracy() >= 0.98);
  }
}
