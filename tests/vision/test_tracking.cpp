#include <doctest/doctest.h>

#include <vector>

#include "footfall/vision/assignment.hpp"
#include "footfall/vision/counter.hpp"
#include "footfall/vision/line_crossing.hpp"
#include "tracker.hpp"  // vision/src: the tracker is internal, tested here on its own

using namespace footfall::vision;

namespace {

const cv::Size kFrame(640, 480);
// Horizontal line across the middle, inside below; 15 px of hysteresis.
constexpr double kMargin = 15.0;
// walk() feeds one position every 100 ms.
constexpr double kFps = 10.0;
LineCrossingDetector door(double fps = kFps) { return LineCrossingDetector(CountingLine{}, kFrame, fps); }

// Feeds a path of y positions at fixed x and returns the crossings it produced.
std::vector<Crossing> walk(LineCrossingDetector& line, int track, float x, const std::vector<float>& ys,
                           std::int64_t first_frame = 0) {
  std::vector<Crossing> out;
  std::int64_t frame = first_frame;
  for (const float y : ys) {
    if (auto c = line.update(track, {x, y}, kMargin, frame, frame * 100)) out.push_back(*c);
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
  LineCrossingDetector line(half, kFrame, kFps);
  CHECK(walk(line, 1, 500.F, ramp(100.F, 400.F, 10.F)).empty());
  CHECK(walk(line, 2, 300.F, ramp(100.F, 400.F, 10.F)).size() == 1);
}

TEST_CASE("the inside point decides the direction, whichever way the segment runs") {
  const CountingLine reversed{{1.F, 0.5F}, {0.F, 0.5F}, {0.5F, 0.1F}};
  LineCrossingDetector line(reversed, kFrame, kFps);
  const auto crossings = walk(line, 1, 320.F, ramp(100.F, 400.F, 10.F));
  REQUIRE(crossings.size() == 1);
  CHECK(crossings[0].direction == Direction::Out);
}

TEST_CASE("a track born near the line counts once it is clear on the other side") {
  // Born 12 px outside (inside the 15 px band), as when someone steps in from the frame's edge.
  auto line = door();
  const auto crossings = walk(line, 1, 320.F, ramp(228.F, 400.F, 4.F));
  REQUIRE(crossings.size() == 1);
  CHECK(crossings[0].direction == Direction::In);

  auto stays = door();
  CHECK(walk(stays, 2, 320.F, ramp(228.F, 100.F, 4.F)).empty());

  // Born on the line itself, it has no side yet: moving off it is not a crossing.
  auto on_it = door();
  CHECK(walk(on_it, 3, 320.F, ramp(240.F, 400.F, 8.F)).empty());
}

TEST_CASE("the margin is the caller's: the same walk counts with a small person's margin, not a tall one's") {
  // 30 px past the line: clear for a 15 px margin, still on the line for a 40 px one.
  const std::vector<float> ys = ramp(200.F, 270.F, 5.F);
  LineCrossingDetector small(CountingLine{}, kFrame, kFps);
  LineCrossingDetector tall(CountingLine{}, kFrame, kFps);
  int small_count = 0;
  int tall_count = 0;
  std::int64_t frame = 0;
  for (const float y : ys) {
    if (small.update(1, {320.F, y}, 15.0, frame, frame * 100)) ++small_count;
    if (tall.update(1, {320.F, y}, 40.0, frame, frame * 100)) ++tall_count;
    ++frame;
  }
  CHECK(small_count == 1);
  CHECK(tall_count == 0);
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
  CHECK_THROWS_WITH_AS(PeopleCounter{config}, doctest::Contains("/nonexistent/model.weights"),
                       std::runtime_error);
}

TEST_CASE("a track that jumps across the line right after it is born counts nothing") {
  auto line = door();
  // Born inside, then an identity switch onto someone walking outside.
  CHECK(walk(line, 1, 320.F, {300.F, 150.F, 140.F, 130.F}).empty());
  // Seen inside long enough, the same jump is a real (if fast) crossing.
  auto settled = door();
  CHECK(walk(settled, 2, 320.F, {300.F, 295.F, 150.F, 140.F}).size() == 1);
}

TEST_CASE("how long a track must be seen before it counts is a time, not a number of frames") {
  // The same two sightings before the jump, 100 ms apart and then 10 ms apart (a 100 fps camera);
  // the stamps do not matter, the camera's rate does.
  const std::vector<float> path = {300.F, 295.F, 290.F, 150.F, 140.F};
  auto slow = door();
  CHECK(walk(slow, 1, 320.F, path).size() == 1);
  auto fast = door(100.0);
  std::vector<Crossing> crossings;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const auto frame = static_cast<std::int64_t>(i);
    if (auto c = fast.update(1, {320.F, path[i]}, kMargin, frame, frame * 10)) crossings.push_back(*c);
  }
  CHECK(crossings.empty());
}

namespace {

using footfall::vision::detail::Detection;
using footfall::vision::detail::Tracker;

Detection box_at(float cx, float cy, float width, float height, float score = 0.9F) {
  return {cv::Rect2f(cx - width / 2.F, cy - height / 2.F, width, height), score, {}};
}

// The same box with the colour histogram of a person dressed in `colour` (BGR).
Detection dressed(Detection detection, const cv::Scalar& colour) {
  const cv::Mat image(480, 640, CV_8UC3, colour);
  detection.appearance = footfall::vision::detail::appearance_of(image, detection.box);
  return detection;
}

const footfall::vision::detail::Track* track_near(const Tracker& tracker, cv::Point2f where) {
  const footfall::vision::detail::Track* best = nullptr;
  for (const auto& track : tracker.tracks()) {
    if (best == nullptr || cv::norm(track.center() - where) < cv::norm(best->center() - where)) best = &track;
  }
  return best;
}

}  // namespace

TEST_CASE("a track whose person is hidden coasts rather than take a passer-by's detection") {
  // A still figure inside the shop (a mannequin, say) and a walker passing in front of it.
  Tracker tracker({3, 4, 1.0});
  for (int frame = 0; frame < 8; ++frame) {
    tracker.update({box_at(400.F, 200.F, 40.F, 100.F),
                    box_at(500.F - 10.F * static_cast<float>(frame), 260.F, 40.F, 160.F)});
  }
  const int still_id = track_near(tracker, {400.F, 200.F})->id;
  const int walker_id = track_near(tracker, {430.F, 260.F})->id;
  REQUIRE(still_id != walker_id);
  // The figure is hidden; the walker's box is where the walker is expected, and a stray box lies
  // that only the walker could reach. Pairing the most tracks would hand the walker's box to the figure.
  tracker.update({box_at(425.F, 265.F, 40.F, 160.F), box_at(350.F, 280.F, 30.F, 90.F)});
  for (const auto& track : tracker.tracks()) {
    if (track.id == still_id) CHECK_FALSE(track.measured);
    if (track.id == walker_id) {
      CHECK(track.measured);
      CHECK(track.center().x == doctest::Approx(425.F).epsilon(0.02));
    }
  }
}

TEST_CASE("a track born from a duplicate box does not take a known person's detection") {
  Tracker tracker({3, 4, 1.0});
  float x = 520.F;
  for (int frame = 0; frame < 8; ++frame, x -= 6.F) tracker.update({box_at(x, 300.F, 24.F, 70.F)});
  const int walker_id = tracker.tracks().front().id;
  // A second, weaker box beside the walker starts a tentative track...
  tracker.update({box_at(x, 300.F, 24.F, 70.F), box_at(x - 19.F, 300.F, 24.F, 70.F, 0.5F)});
  x -= 6.F;
  // ...and next frame the walker is between that track and a ghost box behind: the known walker chooses
  // first.
  tracker.update({box_at(x - 9.F, 300.F, 24.F, 70.F), box_at(x + 33.F, 300.F, 24.F, 70.F, 0.45F)});
  for (const auto& track : tracker.tracks()) {
    if (track.id != walker_id) continue;
    CHECK(track.measured);
    CHECK(track.center().x < x);
  }
}

TEST_CASE("a small figure's track does not jump onto a bigger passer-by within the big one's reach") {
  // A small, still detection (someone far off, or a fragment) and, once it is lost, a person twice
  // its size 60 px away: within one body of the big box, beyond one body of the small one.
  Tracker tracker({3, 4, 1.0});
  for (int frame = 0; frame < 6; ++frame) tracker.update({box_at(400.F, 200.F, 30.F, 90.F)});
  const int small_id = tracker.tracks().front().id;
  tracker.update({box_at(460.F, 200.F, 60.F, 180.F)});
  for (const auto& track : tracker.tracks()) {
    if (track.id == small_id) CHECK_FALSE(track.measured);
  }
  CHECK(tracker.tracks().size() == 2);
}

TEST_CASE(
    "two people side by side keep their own tracks by their colours when nearness alone would swap them") {
  const cv::Scalar red(30, 30, 200);
  const cv::Scalar blue(200, 60, 30);
  Tracker tracker({3, 4, 1.0});
  for (int frame = 0; frame < 5; ++frame) {
    tracker.update(
        {dressed(box_at(300.F, 240.F, 40.F, 100.F), red), dressed(box_at(340.F, 240.F, 40.F, 100.F), blue)});
  }
  const int red_id = track_near(tracker, {300.F, 240.F})->id;
  const int blue_id = track_near(tracker, {340.F, 240.F})->id;
  REQUIRE(red_id != blue_id);
  // They step towards each other and past the middle: by distance alone the red track is nearer the
  // blue person's box (18 px against 22).
  tracker.update(
      {dressed(box_at(322.F, 240.F, 40.F, 100.F), red), dressed(box_at(318.F, 240.F, 40.F, 100.F), blue)});
  for (const auto& track : tracker.tracks()) {
    REQUIRE(track.measured);
    if (track.id == red_id) CHECK(track.center().x > 310.F);
    if (track.id == blue_id) CHECK(track.center().x < 330.F);
  }
}

TEST_CASE("colour distance: the same clothes are near 0, different ones near 1, an unknown one halfway") {
  using footfall::vision::detail::appearance_distance;
  using footfall::vision::detail::appearance_of;
  const cv::Rect2f box(100.F, 100.F, 40.F, 100.F);
  const cv::Mat red(480, 640, CV_8UC3, cv::Scalar(30, 30, 200));
  const cv::Mat blue(480, 640, CV_8UC3, cv::Scalar(200, 60, 30));
  const cv::Mat grey(480, 640, CV_8UC1, cv::Scalar(90));
  CHECK(appearance_distance(appearance_of(red, box), appearance_of(red, box)) < 0.05);
  CHECK(appearance_distance(appearance_of(red, box), appearance_of(blue, box)) > 0.9);
  CHECK(appearance_distance(appearance_of(red, box), cv::Mat()) == doctest::Approx(0.5));
  CHECK(appearance_distance(appearance_of(grey, box), appearance_of(grey, box)) < 0.05);
  // Half the box outside the frame still reads the half inside; nothing inside reads as unknown.
  CHECK_FALSE(appearance_of(red, cv::Rect2f(620.F, 100.F, 40.F, 100.F)).empty());
  CHECK(appearance_of(red, cv::Rect2f(700.F, 100.F, 40.F, 100.F)).empty());
}
