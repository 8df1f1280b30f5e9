#include "scratch_path.hpp"
#include "counting/counting_loop.hpp"

#include "footfall/data/store/count_writer.hpp"
#include "footfall/data/store/store.hpp"
#include "store/connection.hpp"  // data/src: raw SQL on the store under test
#include "footfall/vision/synthetic_scene.hpp"

#include <SQLiteCpp/Statement.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace {

// A live camera that goes dark for a few reads mid-run, then comes back: the synthetic door
// behind a flaky cable.
class FlakyCamera final : public footfall::vision::FrameSource {
 public:
  explicit FlakyCamera(footfall::vision::SceneConfig config) : scene_(std::move(config)) {}
  bool read(footfall::vision::Frame& frame) override {
    ++reads_;
    if (reads_ > 100 && reads_ <= 105) return false;  // unplugged
    return scene_.read(frame);
  }
  [[nodiscard]] double fps() const override { return scene_.fps(); }
  [[nodiscard]] bool is_live() const override { return true; }
  [[nodiscard]] std::string describe() const override { return "flaky synthetic camera"; }
  [[nodiscard]] const footfall::vision::SyntheticScene& scene() const { return scene_; }

 private:
  footfall::vision::SyntheticScene scene_;
  int reads_ = 0;
};

}  // namespace

TEST_CASE("a camera that drops out mid-run is survived, and the outage is logged as a gap") {
  footfall::vision::SceneConfig config;
  config.duration_s = 30.0;
  config.seed = 7;
  auto camera = std::make_unique<FlakyCamera>(config);
  const auto& scene = camera->scene();
  const auto truth = scene.truth().size();

  footfall::app::CountingSetup setup;
  setup.camera.line = scene.line();
  footfall::app::CountingLoop loop(setup);
  int gaps = 0;
  std::string last_state;
  loop.on_gap = [&](std::int64_t start_ms, std::int64_t end_ms, const std::string& reason) {
    ++gaps;
    CHECK(end_ms >= start_ms);
    CHECK(reason == "camera dropped");
  };
  loop.on_state = [&](const std::string& state, const std::string&) { last_state = state; };
  // A live source never ends by itself; stop once the scene has played out.
  std::int64_t frames = 0;
  loop.on_frame = [&](const footfall::vision::Frame&, const footfall::vision::PeopleCounter&,
                      const footfall::app::CountingProgress& progress) {
    frames = progress.frames;
    if (frames + 1 >= scene.frame_count()) loop.stop();
  };
  const auto result = loop.run(std::move(camera));
  CHECK(gaps == 1);
  CHECK(last_state == "ok");
  CHECK(frames + 1 >= static_cast<std::int64_t>(config.duration_s * config.fps));
  MESSAGE("counted " << result.entries + result.exits << " of " << truth << " true crossings");
  CHECK(result.entries + result.exits > 0);
}

TEST_CASE("a covered lens is reported within 10 s, counts nobody, and becomes a gap when uncovered") {
  footfall::vision::SourceOptions options;
  options.start_time_ms = 1'000'000;
  auto source = footfall::vision::open_source("synthetic:7:covered=10-25", options);
  footfall::app::CountingSetup setup;
  setup.max_seconds = 40.0;
  footfall::app::CountingLoop loop(setup);
  std::vector<std::string> states;
  std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> gaps;
  std::vector<std::int64_t> crossing_times;
  loop.on_state = [&](const std::string& state, const std::string& message) {
    states.push_back(state);
    if (state == "covered") CHECK(message.find("covered") != std::string::npos);
  };
  loop.on_gap = [&](std::int64_t start_ms, std::int64_t end_ms, const std::string& reason) {
    gaps.emplace_back(start_ms, end_ms, reason);
  };
  loop.on_crossing = [&](const footfall::vision::Crossing& crossing) { crossing_times.push_back(crossing.timestamp_ms); };
  loop.run(std::move(source));

  CHECK(states == std::vector<std::string>{"ok", "covered", "ok"});
  REQUIRE(gaps.size() == 1);
  const auto& [start_ms, end_ms, reason] = gaps[0];
  CHECK(reason == "camera covered");
  CHECK(start_ms > 1'000'000 + 10'000);
  CHECK(start_ms <= 1'000'000 + 10'000 + 10'000);  // detected within 10 s
  CHECK(end_ms >= 1'000'000 + 25'000);
  CHECK(end_ms < 1'000'000 + 25'000 + 200);
  for (const std::int64_t t : crossing_times) CHECK_FALSE((t >= start_ms && t < end_ms));
  CHECK(std::count_if(crossing_times.begin(), crossing_times.end(), [](std::int64_t t) { return t > 1'025'000; }) > 0);
}

TEST_CASE("a lens still covered when counting stops is recorded as a gap up to the last frame") {
  footfall::vision::SourceOptions options;
  options.start_time_ms = 0;
  auto source = footfall::vision::open_source("synthetic:7:covered=2-60", options);
  footfall::app::CountingSetup setup;
  setup.max_seconds = 12.0;
  footfall::app::CountingLoop loop(setup);
  std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> gaps;
  loop.on_gap = [&](std::int64_t start_ms, std::int64_t end_ms, const std::string& reason) {
    gaps.emplace_back(start_ms, end_ms, reason);
  };
  loop.run(std::move(source));
  REQUIRE(gaps.size() == 1);
  CHECK(std::get<2>(gaps[0]) == "camera covered");
  CHECK(std::get<1>(gaps[0]) >= 11'900);
}

namespace {

// A live camera stamping frames with a wall clock that is set back an hour at 20 s (NTP fixing a
// fast clock) and forward two hours at 40 s; its lens is covered from 15 s to 25 s, across the jump.
class JumpingClockCamera final : public footfall::vision::FrameSource {
 public:
  JumpingClockCamera(footfall::vision::SceneConfig config, bool jump) : scene_(std::move(config)), jump_(jump) {}
  bool read(footfall::vision::Frame& frame) override {
    if (!scene_.read(frame)) return false;
    const std::int64_t scene_ms = frame.timestamp_ms;
    if (jump_ && scene_ms >= 20'000) frame.timestamp_ms -= 3'600'000;
    if (jump_ && scene_ms >= 40'000) frame.timestamp_ms += 2 * 3'600'000;
    health_.covered = scene_ms >= 18'000 && scene_ms < 25'000;  // flagged 3 s into the cover
    return true;
  }
  [[nodiscard]] double fps() const override { return scene_.fps(); }
  [[nodiscard]] bool is_live() const override { return true; }
  [[nodiscard]] std::string describe() const override { return "camera with a jumping clock"; }
  [[nodiscard]] footfall::vision::SourceHealth health() const override { return health_; }

 private:
  footfall::vision::SyntheticScene scene_;
  bool jump_;
  footfall::vision::SourceHealth health_;
};

struct ClockRun {
  std::vector<std::pair<std::int64_t, footfall::vision::Direction>> crossings;  // frame, direction
  std::int64_t stored = 0;
  std::int64_t stored_distinct = 0;
  std::vector<footfall::data::CameraGap> gaps;
};

ClockRun count_with_clock(bool jump) {
  footfall::vision::SceneConfig config;
  config.seed = 12;
  config.duration_s = 60.0;
  config.covered_from_s = 15.0;
  config.covered_until_s = 25.0;
  auto camera = std::make_unique<JumpingClockCamera>(config, jump);
  const auto frames = static_cast<std::int64_t>(config.duration_s * config.fps);
  const auto db = footfall::testing::scratch_path("footfall-clock-" + std::to_string(jump) + ".db");
  std::filesystem::remove(db);
  ClockRun run;
  {
    footfall::data::Store store(db.string());
    footfall::data::CountEventWriter writer(db.string());
    footfall::app::CountingSetup setup;
    footfall::app::CountingLoop loop(setup);
    loop.on_crossing = [&](const footfall::vision::Crossing& crossing) {
      run.crossings.emplace_back(crossing.frame_index, crossing.direction);
      writer.push(footfall::app::to_count_event(crossing, "main"));
    };
    loop.on_gap = [&](std::int64_t start_ms, std::int64_t end_ms, const std::string& reason) {
      store.add_camera_gap({"main", start_ms, end_ms, reason});  // the schema refuses end < start
      run.gaps.push_back({"main", start_ms, end_ms, reason});
    };
    loop.on_frame = [&](const footfall::vision::Frame&, const footfall::vision::PeopleCounter&,
                        const footfall::app::CountingProgress& progress) {
      if (progress.frames + 1 >= frames) loop.stop();
    };
    loop.run(std::move(camera));
    REQUIRE(writer.flush());
    SQLite::Statement count(
        footfall::data::testing::connection(store),
        "SELECT count(*), count(DISTINCT time_ms || direction || track) FROM count_events");
    REQUIRE(count.executeStep());
    run.stored = count.getColumn(0).getInt64();
    run.stored_distinct = count.getColumn(1).getInt64();
  }
  std::filesystem::remove(db);
  return run;
}

}  // namespace

TEST_CASE("a wall-clock jump back and forth neither loses nor duplicates a crossing") {
  const ClockRun steady = count_with_clock(false);
  const ClockRun jumping = count_with_clock(true);
  REQUIRE(steady.crossings.size() >= 5);
  // Tracking runs on frame order, not on the stamps: the same people are counted at the same frames.
  CHECK(jumping.crossings == steady.crossings);
  CHECK(jumping.stored == static_cast<std::int64_t>(jumping.crossings.size()));
  CHECK(jumping.stored_distinct == jumping.stored);
  REQUIRE(jumping.gaps.size() == 1);  // the cover, which ended after the clock went back
  CHECK(jumping.gaps[0].reason == "camera covered");
  CHECK(jumping.gaps[0].end_ms >= jumping.gaps[0].start_ms);
}

TEST_CASE("the kiosk plays recordings and synthetic scenes as live, stamped from now; cameras keep their clock") {
  using footfall::app::play_as_live;
  footfall::vision::SourceOptions recording;
  play_as_live("/var/footfall/door.mp4", recording, 1'795'424'400'000);
  CHECK(recording.realtime);
  CHECK(recording.start_time_ms == 1'795'424'400'000);

  footfall::vision::SourceOptions scene;
  play_as_live("synthetic:4", scene, 42);
  CHECK(scene.realtime);
  CHECK(scene.start_time_ms == 42);

  footfall::vision::SourceOptions camera;
  play_as_live("/dev/video0", camera, 42);
  CHECK_FALSE(camera.realtime);
  CHECK_FALSE(camera.start_time_ms.has_value());
}
