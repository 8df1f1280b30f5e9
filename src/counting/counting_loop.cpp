#include "counting/counting_loop.hpp"

#include "time/dates.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <thread>

namespace footfall::app {
namespace {

// Sleeps in small steps so stop() is honoured quickly.
void sleep_unless_stopped(std::chrono::milliseconds duration, const std::atomic<bool>& stop) {
  const auto until = std::chrono::steady_clock::now() + duration;
  while (!stop && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace

void play_as_live(const std::string& spec, vision::SourceOptions& options, std::int64_t now_ms) {
  const vision::SourceKind kind = vision::source_kind(spec);
  if (kind != vision::SourceKind::Synthetic && kind != vision::SourceKind::Recording) return;
  options.realtime = true;
  options.start_time_ms = now_ms;
}

data::CountEvent to_count_event(const vision::Crossing& crossing, const std::string& door) {
  return {crossing.timestamp_ms, door, crossing.direction == vision::Direction::In, crossing.track_id,
          crossing.confidence};
}

std::optional<data::CameraGap> record_downtime(data::Store& store, const std::string& door, std::int64_t now_ms,
                                               std::int64_t min_gap_ms, const std::string& reason) {
  const auto last_up = store.last_camera_up(door);
  if (!last_up) return std::nullopt;
  std::int64_t last_seen = *last_up;
  // Events committed after the last heartbeat show the camera was still up then.
  if (const auto last_event = store.last_count_event(door, now_ms))
    last_seen = std::max(last_seen, *last_event);
  if (now_ms - last_seen <= min_gap_ms) return std::nullopt;
  data::CameraGap gap{door, last_seen, now_ms, reason};
  store.add_camera_gap(gap);
  return gap;
}

CountingLoop::CountingLoop(CountingSetup setup) : setup_(std::move(setup)) {}

void CountingLoop::set_line(const vision::CountingLine& line) {
  std::lock_guard lock(line_mutex_);
  pending_line_ = line;
}

CountingProgress CountingLoop::run() { return run(vision::open_source(setup_.camera.source, setup_.source_options)); }

CountingProgress CountingLoop::run(std::unique_ptr<vision::FrameSource> source) {
  CountingProgress progress;
  description_ = source->describe();

  vision::CounterConfig counter_config;
  counter_config.line = setup_.camera.line;
  counter_config.view = setup_.camera.view;
  counter_config.point =
      setup_.camera.view == vision::View::Angled ? vision::TrackPoint::Feet : vision::TrackPoint::Center;
  counter_config.detector = vision::parse_detector(setup_.camera.detector);
  counter_config.model_path = model_or_shipped(setup_.camera.model);
  counter_config.fps = source->fps() > 0.0 ? source->fps() : 15.0;
  vision::PeopleCounter counter(counter_config);
  const auto take_new_line = [&] {
    std::lock_guard lock(line_mutex_);
    if (!pending_line_) return;
    counter_config.line = *pending_line_;
    pending_line_.reset();
    counter = vision::PeopleCounter(counter_config);
  };
  if (on_state) on_state("ok", description_);

  // A wall clock set back mid-gap (NTP, a manual change) must not make a gap end before it starts.
  const auto report_gap = [this](std::int64_t start_ms, std::int64_t end_ms, const char* reason) {
    if (on_gap) on_gap(start_ms, std::max(start_ms, end_ms), reason);
  };
  const auto started = std::chrono::steady_clock::now();
  auto last_progress = started;
  std::int64_t first_frame_ms = -1;
  vision::Frame frame;
  // Pictures that count nobody: flagged while they last, recorded as a gap once they end.
  struct PictureFault {
    bool vision::SourceHealth::*flag;
    const char* state;
    const char* message;
    const char* gap_reason;
    std::int64_t since_ms = 0;  // 0: not now (a plain value: GCC 12 misreads optional here)
  };
  std::array<PictureFault, 2> faults{{
      {&vision::SourceHealth::frozen, "frozen", "the picture has not changed: ", "camera frozen"},
      {&vision::SourceHealth::covered, "covered", "the lens is covered or the picture is black: ", "camera covered"},
  }};
  while (!stop_requested_) {
    if (!source->read(frame)) {
      if (!source->is_live()) break;
      // A live camera dropped: the source reconnects with its own backoff; until a frame comes
      // back the time is a gap, never zero visitors.
      const std::int64_t gap_start = wall_clock_ms();
      if (on_state) on_state("down", "camera dropped: " + source->health().last_error);
      bool back = false;
      while (!stop_requested_ && !back) {
        sleep_unless_stopped(std::chrono::milliseconds(200), stop_requested_);
        back = source->read(frame);
      }
      report_gap(gap_start, wall_clock_ms(), "camera dropped");
      if (!back) break;
      if (on_state) on_state("ok", description_);
    }
    const vision::SourceHealth health = source->health();
    bool fault_ended = false;
    bool faulty = false;
    for (PictureFault& fault : faults) {
      const bool now_faulty = health.*fault.flag;
      faulty = faulty || now_faulty;
      if (now_faulty && fault.since_ms == 0) {
        fault.since_ms = frame.timestamp_ms;
        if (on_state) on_state(fault.state, fault.message + description_);
      } else if (!now_faulty && fault.since_ms != 0) {
        report_gap(fault.since_ms, frame.timestamp_ms, fault.gap_reason);
        fault.since_ms = 0;
        fault_ended = true;
      }
    }
    if (fault_ended && !faulty && on_state) on_state("ok", description_);
    if (first_frame_ms < 0) first_frame_ms = frame.timestamp_ms;
    if (setup_.max_seconds && static_cast<double>(frame.timestamp_ms - first_frame_ms) > *setup_.max_seconds * 1000.0) {
      break;
    }
    take_new_line();
    // Nothing is seen through a covered lens; the counter resumes on the same background after.
    if (!health.covered) {
      for (const auto& crossing : counter.process(frame)) {
        (crossing.direction == vision::Direction::In ? progress.entries : progress.exits)++;
        if (on_crossing) on_crossing(crossing);
      }
    }
    ++progress.frames;
    const auto now = std::chrono::steady_clock::now();
    const double elapsed_s = std::chrono::duration<double>(now - started).count();
    progress.fps = elapsed_s > 0.0 ? static_cast<double>(progress.frames) / elapsed_s : 0.0;
    if (on_frame) on_frame(frame, counter, progress);
    if (on_progress && now - last_progress > std::chrono::milliseconds(250)) {
      last_progress = now;
      on_progress(progress);
    }
  }
  for (const PictureFault& fault : faults) {
    if (fault.since_ms != 0) report_gap(fault.since_ms, frame.timestamp_ms, fault.gap_reason);
  }
  if (on_progress) on_progress(progress);
  return progress;
}

}  // namespace footfall::app
