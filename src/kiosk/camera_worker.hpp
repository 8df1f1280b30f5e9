#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "counting/counting_loop.hpp"
#include "footfall/data/store/count_writer.hpp"
#include "kiosk/audit_recorder.hpp"
#include "kiosk/kiosk_context.hpp"

namespace footfall::app {

// The camera thread: runs the counting loop on the configured source, writes each crossing through
// its own count writer, feeds the audit recorder and publishes the camera view. A settings change
// restarts it; a source that ended or failed waits here for the manager to fix it.
class CameraWorker {
 public:
  // `counts_changed` is called (on the camera thread) after every crossing or gap it stored.
  CameraWorker(KioskContext& context, CountingSetup setup, std::function<void()> counts_changed);

  void start();
  void stop_loop();  // once the context is stopping: ends the loop that runs and wakes the thread
  void join();

  // Any thread.
  void set_line(const vision::CountingLine& line);  // the running loop and a restarted one use it
  void restart(CameraConfig camera);                // the line drawn on the screen stays
  [[nodiscard]] std::string door();
  [[nodiscard]] std::int64_t last_frame_ms() const { return last_frame_ms_; }  // 0 before a frame
  [[nodiscard]] AuditRecorder& audit() {
    return audit_;
  }  // fed by the camera thread, asked for by the settings

 private:
  void run();
  void run_once();
  void show_storage_status(const data::CountWriterStatus& status);

  KioskContext& context_;
  std::function<void()> counts_changed_;
  CountingSetup setup_;           // guarded by loop_mutex_
  CountingLoop* loop_ = nullptr;  // owned by the camera thread while it runs; guarded by loop_mutex_
  bool restart_ = false;          // guarded by loop_mutex_
  std::mutex loop_mutex_;
  std::condition_variable signal_;
  std::atomic<std::int64_t> last_frame_ms_{0};
  std::string storage_warning_;  // camera thread only
  AuditRecorder audit_;
  std::thread thread_;
};

}  // namespace footfall::app
