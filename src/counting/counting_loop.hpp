#pragma once
#include "config/config.hpp"

#include "footfall/data/store/store.hpp"
#include "footfall/data/types.hpp"
#include "footfall/vision/counter.hpp"
#include "footfall/vision/frame_source.hpp"

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace footfall::app {

struct CountingSetup {
  CameraConfig camera;
  vision::SourceOptions source_options;
  std::optional<double> max_seconds;
};

struct CountingProgress {
  std::int64_t frames = 0;
  double fps = 0.0;
  std::int64_t entries = 0;
  std::int64_t exits = 0;
};

// The kiosk shows what happens now: a synthetic scene or a recording plays at its own pace,
// stamped from now_ms as a camera would be.
void play_as_live(const std::string& spec, vision::SourceOptions& options, std::int64_t now_ms);

data::CountEvent to_count_event(const vision::Crossing& crossing, const std::string& door);

// A kiosk or `footfall count` that was off or killed: the time since the door's camera was last seen
// (its latest heartbeat or counted event, whichever is later) up to now is a gap, never zero visitors.
// Nothing is recorded without a heartbeat (the camera never ran live) or when the outage is shorter
// than min_gap_ms. Returns the gap it recorded.
std::optional<data::CameraGap> record_downtime(data::Store& store, const std::string& door, std::int64_t now_ms,
                                               std::int64_t min_gap_ms, const std::string& reason);

// The camera thread's loop: owns the source and the counter, reconnects live sources with backoff
// and reports gaps. Shared by `footfall count` and the kiosk so both count the same way.
class CountingLoop {
 public:
  explicit CountingLoop(CountingSetup setup);

  std::function<void(const vision::Crossing&)> on_crossing;
  std::function<void(std::int64_t start_ms, std::int64_t end_ms, const std::string& reason)> on_gap;
  std::function<void(const CountingProgress&)> on_progress;
  // Called with each processed frame; the kiosk downsamples it for the screen. Never stored.
  std::function<void(const vision::Frame&, const vision::PeopleCounter&, const CountingProgress&)> on_frame;
  std::function<void(const std::string& state, const std::string& message)> on_state;

  CountingProgress run();  // until the source ends, max_seconds pass, or stop()
  CountingProgress run(std::unique_ptr<vision::FrameSource> source);  // an already open source
  void stop() { stop_requested_ = true; }
  // From another thread: the counter restarts on the new line at the next frame.
  void set_line(const vision::CountingLine& line);
  [[nodiscard]] std::string source_description() const { return description_; }

 private:
  CountingSetup setup_;
  std::atomic<bool> stop_requested_{false};
  std::mutex line_mutex_;
  std::optional<vision::CountingLine> pending_line_;
  std::string description_;
};

}  // namespace footfall::app
