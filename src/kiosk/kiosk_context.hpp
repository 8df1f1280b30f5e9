#pragma once
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>

#include "footfall/ui/snapshot.hpp"
#include "time/dates.hpp"

namespace footfall::app {

// What every worker of the kiosk shares: the hub the screen draws from, the database each worker
// opens its own connection to, the kiosk's clock and the flag that stops them all.
class KioskContext {
 public:
  // clock_offset_ms shifts the kiosk's "now"; only the demo uses it, to show an open shop at any hour.
  KioskContext(ui::SnapshotHub& snapshot_hub, std::filesystem::path database_file, std::int64_t offset_ms)
      : hub(snapshot_hub), database(std::move(database_file)), clock_offset_ms(offset_ms) {}

  [[nodiscard]] std::int64_t now_ms() const { return wall_clock_ms() + clock_offset_ms; }
  [[nodiscard]] bool stopping() const { return stop_requested.load(); }

  // A worker's fault, as text on the screen until the figures next refresh.
  void report_error(const std::string& worker, const std::string& message) {
    hub.update([&](ui::KioskSnapshot& snapshot) { snapshot.worker_error = worker + ": " + message; });
  }

  ui::SnapshotHub& hub;
  const std::filesystem::path database;  // the same for the kiosk's whole run
  const std::int64_t clock_offset_ms;
  std::atomic<bool> stop_requested{false};
};

}  // namespace footfall::app
