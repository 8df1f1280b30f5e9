#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "config/config.hpp"
#include "footfall/data/chain/chain.hpp"
#include "kiosk/kiosk_context.hpp"

namespace footfall::app {

// The chain thread, started only when the config has a [chain] server: every interval_minutes it
// pushes what changed to the central PostgreSQL on its own connection, and says how it went on
// the status bar ("chain: synced 14:02", "chain: 3 days waiting: <why>"). While the server or
// the network is down the kiosk counts and sells as before; the sync is retried after 1, 2, 4 …
// minutes, at most the interval, and sends the backlog oldest first when it is back.
class ChainWorker {
 public:
  ChainWorker(KioskContext& context, ChainConfig config);

  void start();     // nothing when the config names no server
  void wake_all();  // once the context is stopping
  void join();

  // The status bar's words, for a sync that worked (`error` empty) or not.
  static std::string status_text(const data::chain::SyncStatus& status, const std::string& error,
                                 std::int64_t now_ms, const std::string& time_zone);

 private:
  void run();

  KioskContext& context_;
  ChainConfig config_;
  std::mutex mutex_;
  std::condition_variable signal_;
  std::thread thread_;
};

}  // namespace footfall::app
