#pragma once
#include "counting/counting_loop.hpp"

#include "footfall/vision/audit_clip.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace footfall::app {

// Writes the audit clip the owner asked for (from `footfall audit` or the kiosk's settings) out of
// the camera thread's frames, with the counts since the clip began drawn on it.
class AuditRecorder {
 public:
  struct Status {
    bool recording = false;
    bool waiting = false;          // asked for, but no frame has come yet (the camera is down or starting)
    std::filesystem::path clip;    // being written, or the last one written
    std::int64_t ends_ms = 0;      // frame time at which the clip ends, while recording
    std::int64_t frames = 0;
    std::string error;             // why the last request failed, naming the file
  };
  using Publish = std::function<void(const Status&)>;

  explicit AuditRecorder(Publish publish = {}) : publish_(std::move(publish)) {}

  // Any thread: a clip of `seconds` into `folder` begins with the next frame. Expired clips there
  // are deleted first.
  void request(double seconds, std::filesystem::path folder);
  void cancel();  // any thread: the clip ends with the next frame

  // Camera thread.
  void add(const vision::Frame& frame, const vision::PeopleCounter& counter, const CountingProgress& progress);
  void finish();  // the source ended: close the clip that is open
  [[nodiscard]] Status status() const;

 private:
  struct Request {
    double seconds = 0.0;
    std::filesystem::path folder;
  };
  void open(const Request& request, const vision::Frame& frame, const vision::PeopleCounter& counter,
            const CountingProgress& progress);
  void publish();

  Publish publish_;
  mutable std::mutex mutex_;
  std::optional<Request> pending_;  // guarded by mutex_
  bool cancel_requested_ = false;   // guarded by mutex_
  Status status_;                   // guarded by mutex_
  std::unique_ptr<vision::AuditClipWriter> writer_;
  std::int64_t entries_at_start_ = 0;
  std::int64_t exits_at_start_ = 0;
  std::int64_t starts_ms_ = 0;
};

}  // namespace footfall::app
