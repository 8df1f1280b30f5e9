#include "footfall/vision/frame_source.hpp"
#include "footfall/vision/synthetic_scene.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

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

// A recorded video or image sequence: timestamps follow the frame rate, not the wall clock.
class FileSource final : public FrameSource {
 public:
  FileSource(std::string spec, int api, const SourceOptions& options)
      : spec_(std::move(spec)), capture_(spec_, api), realtime_(options.realtime) {
    if (!capture_.isOpened()) throw std::runtime_error(spec_ + ": cannot open video");
    const double container_fps = capture_.get(cv::CAP_PROP_FPS);
    fps_ = options.fps_override.value_or(container_fps > 0.0 && container_fps < 1000.0 ? container_fps : 25.0);
    if (fps_ <= 0.0) throw std::runtime_error(spec_ + ": frame rate must be positive");
    start_ms_ = options.start_time_ms.value_or(0);
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
  [[nodiscard]] SourceHealth health() const override { return {false, 0, index_, {}}; }

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
        frozen_after_s_(options.frozen_after_s) {
    if (!open_(capture_)) throw std::runtime_error(spec_ + ": cannot open live source");
  }

  bool read(Frame& frame) override {
    if (!capture_.isOpened() && !reconnect()) return false;
    if (!capture_.read(frame.image) || frame.image.empty()) {
      drop("no frame received");
      return false;
    }
    if (is_frozen(frame.image)) {
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
      thumbnail_.release();
      return true;
    }
    capture_.release();
    backoff_ = std::min(backoff_ * 2, kMaxBackoff);
    next_attempt_ = Clock::now() + backoff_;
    health_.last_error = "reconnect failed";
    return false;
  }

  // Compares a tiny thumbnail with the previous one; real sensors never repeat it exactly.
  bool is_frozen(const cv::Mat& image) {
    cv::Mat thumb;
    cv::resize(image, thumb, cv::Size(32, 24), 0, 0, cv::INTER_AREA);
    const auto now = Clock::now();
    if (thumbnail_.empty() || cv::norm(thumb, thumbnail_, cv::NORM_L1) > 0.0) {
      thumbnail_ = thumb;
      last_change_ = now;
      health_.frozen = false;
      return false;
    }
    health_.frozen = std::chrono::duration<double>(now - last_change_).count() > frozen_after_s_;
    return health_.frozen;
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
  Clock::time_point last_change_ = Clock::now();
  cv::Mat thumbnail_;
};

// The synthetic scene, optionally paced like a real camera.
class PacedScene final : public FrameSource {
 public:
  PacedScene(SceneConfig config, bool realtime) : scene_(std::move(config)), realtime_(realtime) {}
  bool read(Frame& frame) override {
    if (!scene_.read(frame)) return false;
    if (realtime_) pacer_.wait(frame.index, scene_.fps());
    return true;
  }
  [[nodiscard]] double fps() const override { return scene_.fps(); }
  [[nodiscard]] bool is_live() const override { return false; }
  [[nodiscard]] std::string describe() const override { return scene_.describe(); }

 private:
  SyntheticScene scene_;
  bool realtime_;
  Pacer pacer_;
};

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

std::uint32_t parse_seed(const std::string& spec, const std::string& text) {
  if (!all_digits(text) || text.size() > 9) throw std::runtime_error(spec + ": the synthetic seed must be a number");
  return static_cast<std::uint32_t>(std::stoul(text));
}

}  // namespace

std::unique_ptr<FrameSource> open_source(const std::string& spec, const SourceOptions& options) {
  if (spec.empty()) throw std::runtime_error("empty video source");
  if (spec == "synthetic" || spec.starts_with("synthetic:")) {
    SceneConfig config;
    if (spec.size() > 10) config.seed = parse_seed(spec, spec.substr(10));
    config.duration_s = 24.0 * 3600.0;
    if (options.fps_override) config.fps = *options.fps_override;
    config.start_time_ms = options.start_time_ms.value_or(wall_clock_ms());
    return std::make_unique<PacedScene>(config, options.realtime);
  }
  if (all_digits(spec)) {
    if (spec.size() > 4) throw std::runtime_error(spec + ": camera index out of range");
    const int index = std::stoi(spec);
    return std::make_unique<LiveSource>(spec, [index](cv::VideoCapture& c) { return c.open(index, cv::CAP_V4L2); }, options);
  }
  if (spec.starts_with("/dev/video")) {
    return std::make_unique<LiveSource>(spec, [spec](cv::VideoCapture& c) { return c.open(spec, cv::CAP_V4L2); }, options);
  }
  const auto scheme = spec.find("://");
  if (scheme != std::string::npos) {
    return std::make_unique<LiveSource>(spec, [spec](cv::VideoCapture& c) { return c.open(spec, cv::CAP_FFMPEG); }, options);
  }
  if (spec.find('%') != std::string::npos) return std::make_unique<FileSource>(spec, cv::CAP_IMAGES, options);
  if (!std::filesystem::exists(spec)) throw std::runtime_error(spec + ": no such file");
  return std::make_unique<FileSource>(spec, cv::CAP_ANY, options);
}

}  // namespace footfall::vision
