#include "kiosk/audit_recorder.hpp"

#include "time/dates.hpp"

#include <cmath>
#include <stdexcept>

namespace footfall::app {

void AuditRecorder::request(double seconds, std::filesystem::path folder) {
  {
    std::lock_guard lock(mutex_);
    pending_ = Request{seconds, std::move(folder)};
    cancel_requested_ = false;
    // Said at once: with the camera down no frame may come for a while, and a button that does
    // nothing visible gets pressed again.
    if (!status_.recording) status_.waiting = true;
  }
  publish();
}

void AuditRecorder::cancel() {
  {
    std::lock_guard lock(mutex_);
    pending_.reset();
    cancel_requested_ = true;
    status_.waiting = false;
  }
  publish();
}

AuditRecorder::Status AuditRecorder::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

void AuditRecorder::publish() {
  if (publish_) publish_(status());
}

void AuditRecorder::open(const Request& request, const vision::Frame& frame, const vision::PeopleCounter& counter,
                         const CountingProgress& progress) {
  const auto clip = vision::audit_clip_path(request.folder, file_stamp_utc(frame.timestamp_ms));
  try {
    std::filesystem::create_directories(request.folder);
    vision::remove_expired_audit_clips(request.folder, vision::kAuditClipLifetime);
    writer_ = std::make_unique<vision::AuditClipWriter>(clip, counter.config().fps);
  } catch (const std::exception& error) {
    std::lock_guard lock(mutex_);
    status_ = Status{};
    status_.clip = clip;
    status_.error = error.what();
    return;
  }
  entries_at_start_ = progress.entries;
  exits_at_start_ = progress.exits;
  starts_ms_ = frame.timestamp_ms;
  std::lock_guard lock(mutex_);
  status_ = Status{};
  status_.recording = true;
  status_.clip = clip;
  status_.ends_ms = frame.timestamp_ms + static_cast<std::int64_t>(std::llround(request.seconds * 1000.0));
}

void AuditRecorder::add(const vision::Frame& frame, const vision::PeopleCounter& counter,
                        const CountingProgress& progress) {
  std::optional<Request> request;
  bool cancel = false;
  std::int64_t ends_ms = 0;
  {
    std::lock_guard lock(mutex_);
    request.swap(pending_);
    cancel = cancel_requested_;
    cancel_requested_ = false;
    ends_ms = status_.ends_ms;
  }
  if (request) {
    finish();
    open(*request, frame, counter, progress);
    publish();
    return add(frame, counter, progress);
  }
  if (!writer_) return;
  // A clock that jumped back ends the clip too: its end could never come.
  if (cancel || frame.timestamp_ms >= ends_ms || frame.timestamp_ms < starts_ms_) {
    finish();
    return;
  }
  writer_->add(frame, counter, progress.entries - entries_at_start_, progress.exits - exits_at_start_);
}

void AuditRecorder::finish() {
  if (!writer_) return;
  const std::int64_t frames = writer_->frames();
  writer_.reset();  // closes the file
  {
    std::lock_guard lock(mutex_);
    status_.recording = false;
    status_.frames = frames;
  }
  publish();
}

}  // namespace footfall::app
