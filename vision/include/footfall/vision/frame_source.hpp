#pragma once
#include <opencv2/core.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace footfall::vision {

struct Frame {
  cv::Mat image;  // BGR, 8-bit
  std::int64_t index = 0;
  std::int64_t timestamp_ms = 0;  // UTC wall clock (live) or start + index / fps (files)
};

// How a source is doing; live sources fill it in, files report the defaults.
struct SourceHealth {
  bool frozen = false;          // the same picture for longer than the frozen timeout
  int reconnects = 0;           // successful reopenings after a drop
  std::int64_t frames = 0;      // frames delivered so far
  std::string last_error;       // why the source last dropped, empty when fine
  bool covered = false;         // a near-uniform or black picture (covered lens) for longer than the covered timeout
};

class FrameSource {
 public:
  virtual ~FrameSource() = default;
  FrameSource() = default;
  FrameSource(const FrameSource&) = delete;
  FrameSource& operator=(const FrameSource&) = delete;
  FrameSource(FrameSource&&) = delete;
  FrameSource& operator=(FrameSource&&) = delete;

  // Returns false at the end of a file or when a live source has dropped.
  virtual bool read(Frame& frame) = 0;
  [[nodiscard]] virtual double fps() const = 0;
  [[nodiscard]] virtual bool is_live() const = 0;
  [[nodiscard]] virtual std::string describe() const = 0;
  [[nodiscard]] virtual SourceHealth health() const { return {}; }
};

struct SourceOptions {
  std::optional<double> fps_override;          // some containers carry a wrong frame rate
  std::optional<std::int64_t> start_time_ms;   // timestamp of frame 0; required for recordings
  bool realtime = false;                       // pace files and synthetic scenes at their fps
  double frozen_after_s = 10.0;                // live: identical frames this long count as frozen
  double covered_after_s = 3.0;                // live and synthetic: a black or even picture this long is a covered lens
};

enum class SourceKind { Synthetic, Camera, Stream, Recording };

// What `spec` names, by its form alone (nothing is opened).
SourceKind source_kind(const std::string& spec);

// The creation_time a video container carries (ISO 8601 UTC, as the container wrote it), if any.
std::optional<std::string> recording_creation_time(const std::string& path);

// `spec` is "synthetic[:seed][:covered=FROM-TO]" (TO, FROM in scene seconds: a covered lens, for tests and demos), a camera index ("0"), a device path ("/dev/video0"),
// a URL (rtsp://, http://), an image sequence ("img_%04d.jpg") or a video file path.
// Throws std::runtime_error naming the spec, also for a recording with no start_time_ms: its counts
// would otherwise land in 1970. Live sources reconnect with growing backoff: after
// read() returns false they may be read again, and health() tells whether the picture is frozen.
std::unique_ptr<FrameSource> open_source(const std::string& spec, const SourceOptions& options);

}  // namespace footfall::vision
