#include "scratch_path.hpp"
#include "footfall/vision/frame_source.hpp"
#include "footfall/vision/synthetic_scene.hpp"

#include <doctest/doctest.h>

#include <opencv2/imgcodecs.hpp>

#include <filesystem>

using namespace footfall::vision;

TEST_CASE("open_source gives a seeded synthetic scene") {
  SourceOptions options;
  options.start_time_ms = 5000;
  const auto a = open_source("synthetic:3", options);
  const auto b = open_source("synthetic:3", options);
  const auto c = open_source("synthetic:4", options);
  CHECK_FALSE(a->is_live());
  CHECK(a->fps() == doctest::Approx(15.0));
  CHECK(a->describe().find("synthetic:3") != std::string::npos);
  Frame fa;
  Frame fb;
  Frame fc;
  for (int i = 0; i < 3; ++i) {
    REQUIRE(a->read(fa));
    REQUIRE(b->read(fb));
    REQUIRE(c->read(fc));
  }
  CHECK(fa.index == 2);
  CHECK(fa.timestamp_ms == 5000 + 133);
  CHECK(cv::norm(fa.image, fb.image, cv::NORM_L1) == doctest::Approx(0.0));
  CHECK(cv::norm(fa.image, fc.image, cv::NORM_L1) > 0.0);
}

TEST_CASE("open_source rejects what it cannot open, naming the spec") {
  const SourceOptions options;
  CHECK_THROWS_WITH_AS(open_source("/nonexistent/clip.avi", options), doctest::Contains("/nonexistent/clip.avi"),
                       std::runtime_error);
  CHECK_THROWS_AS(open_source("", options), std::runtime_error);
  CHECK_THROWS_WITH_AS(open_source("synthetic:abc", options), doctest::Contains("synthetic:abc"), std::runtime_error);
}

TEST_CASE("an image sequence plays at the given frame rate from the given start") {
  // Frames drawn by the synthetic scene, not a camera: nothing private reaches the disk.
  const auto folder = footfall::testing::scratch_path("footfall_vision_sequence");
  std::filesystem::create_directories(folder);
  SceneConfig config;
  config.duration_s = 1.0;
  config.fps = 4.0;
  SyntheticScene scene(config);
  Frame frame;
  int written = 0;
  while (scene.read(frame)) {
    char name[32];
    std::snprintf(name, sizeof name, "img_%04d.png", written++);
    REQUIRE(cv::imwrite((folder / name).string(), frame.image));
  }
  SourceOptions options;
  options.fps_override = 10.0;
  // Without a start its frames would be stamped from 1970: refused, naming the recording.
  CHECK_THROWS_WITH_AS(open_source((folder / "img_%04d.png").string(), options), doctest::Contains("img_%04d.png"),
                       std::runtime_error);
  options.start_time_ms = 1000;
  const auto source = open_source((folder / "img_%04d.png").string(), options);
  CHECK(source->fps() == doctest::Approx(10.0));
  int read = 0;
  while (source->read(frame)) {
    CHECK(frame.index == read);
    CHECK(frame.timestamp_ms == 1000 + 100 * read);
    CHECK(frame.image.cols == 640);
    ++read;
  }
  CHECK(read == written);
  CHECK(source->health().frames == written);
  std::filesystem::remove_all(folder);
}

TEST_CASE("a video file reports its frames and timestamps") {
  const auto clip = std::filesystem::path(FOOTFALL_SHARED_DIR) / "testdata" / "videos" / "tud_stadtmitte.mp4";
  if (!std::filesystem::exists(clip)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  SourceOptions options;
  options.fps_override = 25.0;
  options.start_time_ms = 1'000'000;
  const auto source = open_source(clip.string(), options);
  Frame frame;
  std::int64_t frames = 0;
  while (source->read(frame)) ++frames;
  CHECK(frames == 179);
  CHECK(frame.timestamp_ms == 1'000'000 + 178 * 40);
  CHECK_FALSE(source->is_live());
}

namespace {

// Scene seconds at which health().covered first turns on, and first turns off again after that.
struct CoveredSpan {
  double flagged_s = -1.0;
  double cleared_s = -1.0;
  bool frozen_seen = false;
};

CoveredSpan watch_covered(const std::string& spec, double seconds) {
  SourceOptions options;
  options.start_time_ms = 0;
  const auto source = open_source(spec, options);
  CoveredSpan span;
  Frame frame;
  while (source->read(frame) && static_cast<double>(frame.timestamp_ms) / 1000.0 < seconds) {
    const double t = static_cast<double>(frame.timestamp_ms) / 1000.0;
    const auto health = source->health();
    span.frozen_seen = span.frozen_seen || health.frozen;
    if (health.covered && span.flagged_s < 0.0) span.flagged_s = t;
    if (!health.covered && span.flagged_s >= 0.0 && span.cleared_s < 0.0) span.cleared_s = t;
  }
  return span;
}

}  // namespace

TEST_CASE("a covered lens is flagged within 10 s and cleared as soon as the picture returns") {
  const auto span = watch_covered("synthetic:3:covered=5-15", 20.0);
  CHECK(span.flagged_s > 5.0 + SourceOptions{}.covered_after_s);
  CHECK(span.flagged_s <= 5.0 + 10.0);
  CHECK(span.cleared_s >= 15.0);
  CHECK(span.cleared_s < 15.0 + 0.2);
  CHECK_FALSE(span.frozen_seen);  // black, but the sensor noise still moves
}

TEST_CASE("an ordinary scene, people and lighting drift included, is never taken for a covered lens") {
  for (const char* spec : {"synthetic:1", "synthetic:9"}) {
    CAPTURE(spec);
    const auto span = watch_covered(spec, 90.0);
    CHECK(span.flagged_s < 0.0);
    CHECK_FALSE(span.frozen_seen);
  }
}

TEST_CASE("the synthetic spec's covered range is checked, naming the spec") {
  const SourceOptions options;
  for (const char* spec : {"synthetic:3:covered=abc", "synthetic:covered=5", "synthetic:3:covered=-1-4",
                           "synthetic:3:covered=5-x", "synthetic:3:x"}) {
    CAPTURE(spec);
    CHECK_THROWS_WITH_AS(open_source(spec, options), doctest::Contains(spec), std::runtime_error);
  }
  CHECK_NOTHROW(open_source("synthetic:covered=1-2", options));
}

TEST_CASE("a source's kind is read from its spec alone") {
  CHECK(source_kind("synthetic:3") == SourceKind::Synthetic);
  CHECK(source_kind("0") == SourceKind::Camera);
  CHECK(source_kind("/dev/video2") == SourceKind::Camera);
  CHECK(source_kind("rtsp://10.0.0.5/stream") == SourceKind::Stream);
  CHECK(source_kind("/var/footfall/door.mp4") == SourceKind::Recording);
  CHECK(source_kind("img_%04d.png") == SourceKind::Recording);
}

TEST_CASE("a recording's creation_time is read from its container") {
  const auto videos = std::filesystem::path(FOOTFALL_SHARED_DIR) / "testdata" / "videos";
  if (!std::filesystem::exists(videos / "intel_one_by_one.mp4")) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  CHECK(recording_creation_time((videos / "intel_one_by_one.mp4").string()) == "2017-09-26T16:57:49.000000Z");
  CHECK(recording_creation_time((videos / "tud_stadtmitte.mp4").string()) == std::nullopt);
  CHECK(recording_creation_time("/nonexistent/clip.mp4") == std::nullopt);
}
