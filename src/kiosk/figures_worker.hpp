#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "footfall/data/store/store.hpp"
#include "kiosk/kiosk_context.hpp"

namespace footfall::app {

class Housekeeping;
class SettingsWorker;

// What the figures thread is asked for, from any thread: store tasks to run on its connection (the
// settings screen's saves) and a refresh of the figures (new counts, imported sales).
class FiguresRequests {
 public:
  using StoreTask = std::function<void(data::Store&)>;  // handles its own failures

  void post(StoreTask task);  // and refreshes afterwards
  void request_refresh();

  // Figures thread: waits until asked, `interval` passed or the context stops; takes the posted tasks.
  [[nodiscard]] std::deque<StoreTask> wait(std::chrono::milliseconds interval,
                                           const std::atomic<bool>& stopping);
  void wake_all();  // once the context is stopping

 private:
  std::mutex mutex_;
  std::condition_variable signal_;
  bool refresh_requested_ = true;  // guarded by mutex_
  std::deque<StoreTask> tasks_;    // guarded by mutex_
};

// The figures thread: on its own connection, runs the posted store tasks, then every 2 s (or when
// asked) publishes today's figures, occupancy and store settings, with the housekeeping between.
class FiguresWorker {
 public:
  FiguresWorker(KioskContext& context, FiguresRequests& requests, SettingsWorker& settings,
                Housekeeping& housekeeping);

  void start();
  void join();

 private:
  void run();
  void refresh(data::Store& store);

  KioskContext& context_;
  FiguresRequests& requests_;
  SettingsWorker& settings_;
  Housekeeping& housekeeping_;
  std::thread thread_;
};

}  // namespace footfall::app
