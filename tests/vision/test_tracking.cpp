#include "footfall/vision/assignment.hpp"
#include "footfall/vision/counter.hpp"
#include "footfall/vision/line_crossing.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace footfall::vision;

namespace {

const cv::Size kFrame(640, 480);
// Horizontal line across the middle, inside below; 15 px of hysteresis.
LineCrossingDetector door() { return LineCrossingDetector(CountingLine{}, kFrame, 15.0); }

// Feeds a path of y positions at fixed x and returns the crossings it produced.
std::vector<Crossing> walk(LineCrossingDetector& line, int track, float x, const std::vector<float>& ys,
                           std::int64_t first_frame = 0) {
  std::vector<Crossing> out;
  std::int64_t frame = first_frame;
  for (const float y : ys) {
    if (auto c = line.update(track, {x, y}, frame, frame * 100)) out.push_back(*c);
    ++frame;
  }
  return out;
}

std::vector<float> ramp(float from, float to, float step) {
  std::vector<float> ys;
  if (from < to) {
    for (float y = from; y <= to; y += step) ys.push_back(y);
  } else {
    for (float y = from; y >= to; y -= step) ys.push_back(y);
  }
  return ys;
}

}  // namespace

TEST_CASE("a walk through the door counts once, with the frame it passed the line") {
  auto line = door();
  const auto crossings = walk(line, 1, 320.F, ramp(100.F, 400.F, 10.F));
  REQUIRE(crossings.size() == 1);
  CHECK(crossings[0].direction == Direction::In);
  CHECK(crossings[0].track_id == 1);
  CHECK(crossings[0].frame_index == 15);  // y = 250 is the first position past 240
  CHECK(crossings[0].timestamp_ms == 1500);

  auto back = door();
  const auto out = walk(back, 2, 320.F, ramp(400.F, 100.F, 10.F));
  REQUIRE(out.size() == 1);
  CHECK(out[0].direction == Direction::Out);
}

TEST_CASE("jitter around the line within the margin does not count") {
  auto line = door();
  std::vector<float> ys = ramp(100.F, 230.F, 10.F);
  for (int i = 0; i < 30; ++i) ys.push_back(i % 2 == 0 ? 252.F : 228.F);
  const auto more = ramp(230.F, 100.F, 10.F);
  ys.insert(ys.end(), more.begin(), more.end());
  CHECK(walk(line, 1, 320.F, ys).empty());
}

TEST_CASE("a U-turn on the line is not a visit") {
  auto line = door();
  std::vector<float> ys = ramp(100.F, 245.F, 5.F);
  const auto back = ramp(245.F, 100.F, 5.F);
  ys.insert(ys.end(), back.begin(), back.end());
  CHECK(walk(line, 1, 320.F, ys).empty());
}

TEST_CASE("someone who leaves and comes back counts again") {
  auto line = door();
  std::vector<float> ys = ramp(400.F, 100.F, 10.F);
  const auto back = ramp(100.F, 400.F, 10.F);
  ys.insert(ys.end(), back.begin(), back.end());
  const auto crossings = walk(line, 1, 320.F, ys);
  REQUIRE(crossings.size() == 2);
  CHECK(crossings[0].direction == Direction::Out);
  CHECK(crossings[1].direction == Direction::In);
}

TEST_CASE("a crossing outside the segment's extent does not count") {
  const CountingLine half{{0.F, 0.5F}, {0.5F, 0.5F}, {0.25F, 0.9F}};
  LineCrossingDetector line(half, kFrame, 15.0);
  CHECK(walk(line, 1, 500.F, ramp(100.F, 400.F, 10.F)).empty());
  CHECK(walk(line, 2, 300.F, ramp(100.F, 400.F, 10.F)).size() == 1);
}

TEST_CASE("the inside point decides the direction, whichever way the segment runs") {
  const CountingLine reversed{{1.F, 0.5F}, {0.F, 0.5F}, {0.5F, 0.1F}};
  LineCrossingDetector line(reversed, kFrame, 15.0);
  const auto crossings = walk(line, 1, 320.F, ramp(100.F, 400.F, 10.F));
  REQUIRE(crossings.size() == 1);
  CHECK(crossings[0].direction == Direction::Out);
}

TEST_CASE("a forgotten track starts over and cannot complete an old crossing") {
  auto line = door();
  CHECK(walk(line, 1, 320.F, ramp(100.F, 245.F, 10.F)).empty());
  line.forget(1);
  CHECK(walk(line, 1, 320.F, ramp(245.F, 400.F, 10.F)).empty());
}

TEST_CASE("solve_assignment finds the minimum-cost matching") {
  SUBCASE("greedy would be wrong") {
    // Greedy takes (0,0)=1 and is left with (1,1)=10; the optimum is 2 + 3.
    const auto a = solve_assignment({{1.0, 2.0}, {3.0, 10.0}});
    CHECK(a == std::vector<int>{1, 0});
  }
  SUBCASE("more rows than columns leaves a row unassigned") {
    const auto a = solve_assignment({{5.0}, {1.0}, {3.0}});
    CHECK(a == std::vector<int>{-1, 0, -1});
  }
  SUBCASE("more columns than rows") {
    const auto a = solve_assignment({{4.0, 1.0, 3.0}});
    CHECK(a == std::vector<int>{1});
  }
  SUBCASE("empty") { CHECK(solve_assignment({}).empty()); }
}

TEST_CASE("parse_detector accepts the documented names and rejects others") {
  CHECK(parse_detector("auto") == DetectorKind::Auto);
  CHECK(parse_detector("bg") == DetectorKind::BackgroundSubtraction);
  CHECK(parse_detector("background-subtraction") == DetectorKind::BackgroundSubtraction);
  CHECK(parse_detector("DNN") == DetectorKind::Dnn);
  CHECK(parse_detector("hog") == DetectorKind::Hog);
  CHECK_THROWS_AS(parse_detector("magic"), std::invalid_argument);
}

TEST_CASE("the DNN detector without a usable model fails clearly") {
  CounterConfig config;
  config.detector = DetectorKind::Dnn;
  CHECK_THROWS_AS(PeopleCounter{config}, std::runtime_error);
  config.model_path = "/nonexistent/model.weights";
  CHECK_THROWS_WITH_AS(PeopleCounter{config}, doctest::Contains("/nonexistent/model.weights"), std::runtime_error);
}

TEST_CASE("a track that jumps across the line right after it is born counts nothing") {
  auto line = door();
  // Born inside, then an identity switch onto someone walking outside.
  CHECK(walk(line, 1, 320.F, {300.F, 150.F, 140.F, 130.F}).empty());
  // Seen inside long enough, the same jump is a real (if fast) crossing.
  auto settled = door();
  CHECK(walk(settled, 2, 320.F, {300.F, 295.F, 150.F, 140.F}).size() == 1);
}
