#include "footfall/vision/frame_source.hpp"
#include "footfall/vision/synthetic_scene.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

extern "C" {
#include <libavformat/avformat.h>
}

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <thread>

namespace footfall::vision {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t wall_clock_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Sleeps so that frame `index` is not delivered before start + index / fps.
class Pacer {
 public:
  void wait(std::int64_t index, double fps) {
    if (!started_) {
      start_ = Clock::now();
      started_ = true;
    }
    const auto due = start_ + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(static_cast<double>(index) / fps));
    std::this_thread::sleep_until(due);
  }

 private:
  Clock::time_point start_;
  bool started_ = false;
};

// Faults a camera never reports itself, seen in a tiny thumbnail of each frame: the same picture
// over and over (frozen) and an even or black one (a covered lens, a dead sensor).
class PictureWatch {
 public:
  PictureWatch(double frozen_after_s, double covered_after_s)
      : frozen_after_ms_(std::llround(frozen_after_s * 1000.0)),
        covered_after_ms_(std::llround(covered_after_s * 1000.0)) {}

  // `now_ms` from a clock that never jumps: the steady clock for cameras, scene time for scenes.
  void look(const cv::Mat& image, std::int64_t now_ms, SourceHealth& health) {
    cv::Mat thumb;
    cv::resize(image, thumb, cv::Size(32, 24), 0, 0, cv::INTER_AREA);
    // Real sensors never repeat a thumbnail exactly.
    if (thumbnail_.empty() || cv::norm(thumb, thumbnail_, cv::NORM_L1) > 0.0) {
      thumbnail_ = thumb;
      last_change_ms_ = now_ms;
    }
    health.frozen = now_ms - last_change_ms_ > frozen_after_ms_;

    cv::Mat grey;
    cv::cvtColor(thumb, grey, cv::COLOR_BGR2GRAY);
    cv::Scalar mean;
    cv::Scalar spread;
    cv::meanStdDev(grey, mean, spread);
    const bool even = spread[0] < kEvenSpread || (mean[0] < kDarkMean && spread[0] < kDarkSpread);
    if (!even) covered_since_ms_.reset();
    if (even && !covered_since_ms_) covered_since_ms_ = now_ms;
    health.covered = covered_since_ms_ && now_ms - *covered_since_ms_ > covered_after_ms_;
  }

  void reset() {
    thumbnail_.release();
    covered_since_ms_.reset();
  }

 private:
  // Grey levels of the 32x24 thumbnail: a scene with anything in it varies far more than this.
  static constexpr double kEvenSpread = 4.0;
  static constexpr double kDarkMean = 24.0;
  static constexpr double kDarkSpread = 12.0;

  std::int64_t frozen_after_ms_;
  std::int64_t covered_after_ms_;
  cv::Mat thumbnail_;
  std::int64_t last_change_ms_ = 0;
  std::optional<std::int64_t> covered_since_ms_;
};

std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
}

// A recorded video or image sequence: timestamps follow the frame rate, not the wall clock.
class FileSource final : public FrameSource {
 public:
  FileSource(std::string spec, int api, const SourceOptions& options)
      : spec_(std::move(spec)), capture_(spec_, api), realtime_(options.realtime) {
    if (!capture_.isOpened()) throw std::runtime_error(spec_ + ": cannot open video");
    const double container_fps = capture_.get(cv::CAP_PROP_FPS);
    fps_ = options.fps_override.value_or(container_fps > 0.0 && container_fps < 1000.0 ? container_fps : 25.0);
    if (fps_ <= 0.0) throw std::runtime_error(spec_ + ": frame rate must be positive");
    start_ms_ = options.start_time_ms.value_or(0);  // open_source has made sure it is set
  }

  bool read(Frame& frame) override {
    if (!capture_.read(frame.image) || frame.image.empty()) return false;
    if (realtime_) pacer_.wait(index_, fps_);
    frame.index = index_++;
    frame.timestamp_ms = start_ms_ + std::llround(static_cast<double>(frame.index) * 1000.0 / fps_);
    return true;
  }
  [[nodiscard]] double fps() const override { return fps_; }
  [[nodiscard]] bool is_live() const override { return false; }
  [[nodiscard]] std::string describe() const override { return spec_; }
  [[nodiscard]] SourceHealth health() const override {
    SourceHealth health;
    health.frames = index_;
    return health;
  }

 private:
  std::string spec_;
  cv::VideoCapture capture_;
  bool realtime_;
  double fps_ = 25.0;
  std::int64_t start_ms_ = 0;
  std::int64_t index_ = 0;
  Pacer pacer_;
};

// A camera or stream: wall-clock timestamps, reopened with growing backoff when it drops or freezes.
class LiveSource final : public FrameSource {
 public:
  LiveSource(std::string spec, std::function<bool(cv::VideoCapture&)> open, const SourceOptions& options)
      : spec_(std::move(spec)), open_(std::move(open)), fps_override_(options.fps_override),
        frozen_after_s_(options.frozen_after_s), watch_(options.frozen_after_s, options.covered_after_s) {
    if (!open_(capture_)) throw std::runtime_error(spec_ + ": cannot open live source");
  }

  bool read(Frame& frame) override {
    if (!capture_.isOpened() && !reconnect()) return false;
    if (!capture_.read(frame.image) || frame.image.empty()) {
      drop("no frame received");
      return false;
    }
    watch_.look(frame.image, steady_ms(), health_);
    if (health_.frozen) {
      drop("picture frozen for " + std::to_string(frozen_after_s_) + " s");
      return false;
    }
    frame.index = health_.frames++;
    frame.timestamp_ms = wall_clock_ms();
    return true;
  }

  [[nodiscard]] double fps() const override {
    if (fps_override_) return *fps_override_;
    const double reported = capture_.isOpened() ? capture_.get(cv::CAP_PROP_FPS) : 0.0;
    return reported > 0.0 && reported < 1000.0 ? reported : 15.0;
  }
  [[nodiscard]] bool is_live() const override { return true; }
  [[nodiscard]] std::string describe() const override { return spec_; }
  [[nodiscard]] SourceHealth health() const override { return health_; }

 private:
  void drop(const std::string& why) {
    health_.last_error = why;
    capture_.release();
    next_attempt_ = Clock::now() + backoff_;
  }

  bool reconnect() {
    std::this_thread::sleep_until(next_attempt_);
    if (open_(capture_)) {
      ++health_.reconnects;
      backoff_ = kFirstBackoff;
      health_.frozen = false;
      health_.covered = false;
      watch_.reset();
      return true;
    }
    capture_.release();
    backoff_ = std::min(backoff_ * 2, kMaxBackoff);
    next_attempt_ = Clock::now() + backoff_;
    health_.last_error = "reconnect failed";
    return false;
  }

  static constexpr std::chrono::milliseconds kFirstBackoff{500};
  static constexpr std::chrono::milliseconds kMaxBackoff{30000};

  std::string spec_;
  std::function<bool(cv::VideoCapture&)> open_;
  std::optional<double> fps_override_;
  double frozen_after_s_;
  cv::VideoCapture capture_;
  SourceHealth health_;
  std::chrono::milliseconds backoff_ = kFirstBackoff;
  Clock::time_point next_attempt_ = Clock::now();
  PictureWatch watch_;
};

// The synthetic scene, optionally paced like a real camera.
class PacedScene final : public FrameSource {
 public:
  PacedScene(SceneConfig config, const SourceOptions& options)
      : scene_(std::move(config)), realtime_(options.realtime),
        watch_(options.frozen_after_s, options.covered_after_s) {}
  bool read(Frame& frame) override {
    if (!scene_.read(frame)) return false;
    if (realtime_) pacer_.wait(frame.index, scene_.fps());
    watch_.look(frame.image, frame.timestamp_ms, health_);
    health_.frames = frame.index + 1;
    return true;
  }
  [[nodiscard]] SourceHealth health() const override { return health_; }
  [[nodiscard]] double fps() const override { return scene_.fps(); }
  [[nodiscard]] bool is_live() const override { return false; }
  [[nodiscard]] std::string describe() const override { return scene_.describe(); }

 private:
  SyntheticScene scene_;
  bool realtime_;
  Pacer pacer_;
  PictureWatch watch_;
  SourceHealth health_;
};

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

std::uint32_t parse_seed(const std::string& spec, const std::string& text) {
  if (!all_digits(text) || text.size() > 9) throw std::runtime_error(spec + ": the synthetic seed must be a number");
  return static_cast<std::uint32_t>(std::stoul(text));
}

[[noreturn]] void bad_covered_range(const std::string& spec) {
  throw std::runtime_error(spec + ": covered=FROM-TO takes two times in seconds, e.g. covered=20-35");
}

double parse_scene_seconds(const std::string& spec, const std::string& text) {
  std::size_t used = 0;
  double value = -1.0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || !std::isfinite(value) || value < 0.0) bad_covered_range(spec);
  return value;
}

// "synthetic", "synthetic:7", "synthetic:7:covered=20-35", "synthetic:covered=20-35".
SceneConfig parse_synthetic(const std::string& spec) {
  SceneConfig config;
  std::size_t at = spec.find(':');
  while (at != std::string::npos) {
    const std::size_t next = spec.find(':', at + 1);
    const std::string part = spec.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    if (part.starts_with("covered=")) {
      const std::string range = part.substr(8);
      const std::size_t dash = range.find('-');
      if (dash == std::string::npos) bad_covered_range(spec);
      config.covered_from_s = parse_scene_seconds(spec, range.substr(0, dash));
      config.covered_until_s = parse_scene_seconds(spec, range.substr(dash + 1));
    } else if (!part.empty()) {
      config.seed = parse_seed(spec, part);
    }
    at = next;
  }
  return config;
}

}  // namespace

SourceKind source_kind(const std::string& spec) {
  if (spec == "synthetic" || spec.starts_with("synthetic:")) return SourceKind::Synthetic;
  if (all_digits(spec) || spec.starts_with("/dev/video")) return SourceKind::Camera;
  if (spec.find("://") != std::string::npos) return SourceKind::Stream;
  return SourceKind::Recording;
}

std::optional<std::string> recording_creation_time(const std::string& path) {
  AVFormatContext* context = nullptr;
  if (avformat_open_input(&context, path.c_str(), nullptr, nullptr) != 0) return std::nullopt;
  std::optional<std::string> created;
  if (const AVDictionaryEntry* entry = av_dict_get(context->metadata, "creation_time", nullptr, 0)) {
    created = entry->value;
  }
  avformat_close_input(&context);
  return created;
}

std::unique_ptr<FrameSource> open_source(const std::string& spec, const SourceOptions& options) {
  if (spec.empty()) throw std::runtime_error("empty video source");
  switch (source_kind(spec)) {
    case SourceKind::Synthetic: {
      SceneConfig config = parse_synthetic(spec);
      config.duration_s = 24.0 * 3600.0;
      if (options.fps_override) config.fps = *options.fps_override;
      config.start_time_ms = options.start_time_ms.value_or(wall_clock_ms());
      return std::make_unique<PacedScene>(config, options);
    }
    case SourceKind::Camera: {
      if (spec.starts_with("/dev/video")) {
        return std::make_unique<LiveSource>(spec, [spec](cv::VideoCapture& c) { return c.open(spec, cv::CAP_V4L2); },
                                            options);
      }
      if (spec.size() > 4) throw std::runtime_error(spec + ": camera index out of range");
      const int index = std::stoi(spec);
      return std::make_unique<LiveSource>(spec, [index](cv::VideoCapture& c) { return c.open(index, cv::CAP_V4L2); },
                                          options);
    }
    case SourceKind::Stream:
      return std::make_unique<LiveSource>(spec, [spec](cv::VideoCapture& c) { return c.open(spec, cv::CAP_FFMPEG); },
                                          options);
    case SourceKind::Recording:
      break;
  }
  const bool sequence = spec.find('%') != std::string::npos;
  if (!sequence && !std::filesystem::exists(spec)) throw std::runtime_error(spec + ": no such file");
  if (!options.start_time_ms) {
    throw std::runtime_error(spec + ": a recording needs the time of its first frame, or its counts would land in 1970");
  }
  return std::make_unique<FileSource>(spec, sequence ? cv::CAP_IMAGES : cv::CAP_ANY, options);
}

}  // namespace footfall::vision
