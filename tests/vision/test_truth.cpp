#include "scratch_path.hpp"
#include "footfall/vision/truth.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace footfall::vision;

namespace {

// Writes `text` to a fresh file in the temp folder and returns its path.
std::filesystem::path write_truth(const std::string& name, const std::string& text) {
  const auto path = footfall::testing::scratch_path("footfall_vision_" + name + ".json");
  std::ofstream(path) << text;
  return path;
}

std::string load_error(const std::string& name, const std::string& text) {
  const auto path = write_truth(name, text);
  try {
    (void)load_truth(path);
  } catch (const std::runtime_error& e) {
    std::filesystem::remove(path);
    return e.what();
  }
  std::filesystem::remove(path);
  return {};
}

const char* kValid = R"({"video": "../videos/clip.avi", "fps": 24, "line": [0.0, 0.5, 1.0, 0.5],
  "inside": [0.5, 0.9], "view": "overhead", "point": "center",
  "crossings": [{"frame": 140, "dir": "out"}, {"frame": 57, "dir": "in"}], "in": 1, "out": 1})";

}  // namespace

TEST_CASE("load_truth reads a well-formed file and resolves the video beside it") {
  const auto path = write_truth("valid", kValid);
  const TruthFile truth = load_truth(path);
  std::filesystem::remove(path);
  CHECK(truth.video == path.parent_path() / "../videos/clip.avi");
  REQUIRE(truth.fps.has_value());
  CHECK(*truth.fps == doctest::Approx(24.0));
  CHECK(truth.line.b.x == doctest::Approx(1.0));
  CHECK(truth.line.inside.y == doctest::Approx(0.9));
  CHECK(truth.view == View::Overhead);
  CHECK(truth.point == TrackPoint::Center);
  REQUIRE(truth.crossings.size() == 2);
  CHECK(truth.crossings[0].frame == 57);  // sorted by frame
  CHECK(truth.crossings[0].direction == Direction::In);
  CHECK(truth.crossings[1].direction == Direction::Out);
}

TEST_CASE("load_truth names the file and the field at fault") {
  SUBCASE("missing file") {
    CHECK_THROWS_WITH_AS(load_truth("/nonexistent/truth.json"), doctest::Contains("/nonexistent/truth.json"),
                         std::runtime_error);
  }
  SUBCASE("not JSON") { CHECK(load_error("bad_json", "{ nope").find("not valid JSON") != std::string::npos); }
  SUBCASE("missing video") {
    const auto e = load_error("no_video", R"({"line": [0,0.5,1,0.5], "crossings": []})");
    CHECK(e.find("footfall_vision_no_video.json") != std::string::npos);
    CHECK(e.find("'video'") != std::string::npos);
  }
  SUBCASE("line out of range") {
    const auto e = load_error("bad_line", R"({"video": "v.avi", "line": [0,0.5,1.5,0.5], "crossings": []})");
    CHECK(e.find("'line[2]'") != std::string::npos);
  }
  SUBCASE("line of three numbers") {
    const auto e = load_error("short_line", R"({"video": "v.avi", "line": [0,0.5,1], "crossings": []})");
    CHECK(e.find("'line'") != std::string::npos);
  }
  SUBCASE("bad direction") {
    const auto e = load_error("bad_dir",
                              R"({"video": "v.avi", "line": [0,0.5,1,0.5], "crossings": [{"frame": 3, "dir": "up"}]})");
    CHECK(e.find("'crossings[0].dir'") != std::string::npos);
  }
  SUBCASE("negative frame") {
    const auto e = load_error("bad_frame",
                              R"({"video": "v.avi", "line": [0,0.5,1,0.5], "crossings": [{"frame": -3, "dir": "in"}]})");
    CHECK(e.find("'crossings[0].frame'") != std::string::npos);
  }
  SUBCASE("totals disagree with the list") {
    const auto e = load_error("bad_total",
                              R"({"video": "v.avi", "line": [0,0.5,1,0.5], "crossings": [{"frame": 3, "dir": "in"}], "in": 2})");
    CHECK(e.find("'in'") != std::string::npos);
  }
  SUBCASE("a number too large for a double (found by fuzz_truth)") {
    const auto e = load_error("huge_fps", R"({"video": "v.avi", "fps": 1e999, "line": [0,0.5,1,0.5], "crossings": []})");
    CHECK(e.find("footfall_vision_huge_fps.json") != std::string::npos);
  }
  SUBCASE("a frame past the largest integer") {
    const auto e = load_error("huge_frame", R"({"video": "v.avi", "line": [0,0.5,1,0.5],
      "crossings": [{"frame": 18446744073709551615, "dir": "in"}]})");
    CHECK(e.find("'crossings[0].frame'") != std::string::npos);
  }
  SUBCASE("unknown view") {
    const auto e = load_error("bad_view", R"({"video": "v.avi", "line": [0,0.5,1,0.5], "view": "side", "crossings": []})");
    CHECK(e.find("'view'") != std::string::npos);
  }
}

TEST_CASE("score_crossings matches greedily in time, per direction, within the tolerance") {
  const std::vector<TruthEvent> truth = {{100, Direction::In}, {110, Direction::In}, {200, Direction::Out}};

  SUBCASE("exact") {
    const Score s = score_crossings(truth, truth, 25);
    CHECK(s.in.matched == 2);
    CHECK(s.out.matched == 1);
    CHECK(s.accuracy() == doctest::Approx(1.0));
  }
  SUBCASE("late within tolerance still matches, beyond it is a miss plus an extra") {
    const Score s = score_crossings({{125, Direction::In}, {135, Direction::In}, {226, Direction::Out}}, truth, 25);
    CHECK(s.in.matched == 2);
    CHECK(s.out.matched == 0);
    CHECK(s.out.missed == 1);
    CHECK(s.out.extra == 1);
    CHECK(s.out.accuracy() == doctest::Approx(-1.0));
    REQUIRE(s.missed.size() == 1);
    CHECK(s.missed[0].frame == 200);
    REQUIRE(s.extra.size() == 1);
    CHECK(s.extra[0].frame == 226);
    CHECK(s.extra[0].direction == Direction::Out);
    CHECK(s.accuracy() == doctest::Approx(1.0 - 2.0 / 3.0));
  }
  SUBCASE("wrong direction never matches") {
    const Score s = score_crossings({{100, Direction::Out}}, {{100, Direction::In}}, 25);
    CHECK(s.in.missed == 1);
    CHECK(s.out.extra == 1);
  }
  SUBCASE("a double count is one extra; each truth matches once") {
    const Score s = score_crossings({{100, Direction::In}, {101, Direction::In}, {102, Direction::In}}, truth, 25);
    CHECK(s.in.matched == 2);
    CHECK(s.in.extra == 1);
    CHECK(s.in.accuracy() == doctest::Approx(0.5));
  }
  SUBCASE("no truth: silent is perfect, anything counted is wrong") {
    CHECK(score_crossings({}, {}, 25).accuracy() == doctest::Approx(1.0));
    const Score s = score_crossings({{5, Direction::In}}, {}, 25);
    CHECK(s.in.extra == 1);
    CHECK(s.accuracy() == doctest::Approx(0.0));
  }
}
