#pragma once
#include "footfall/data/types.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace footfall::data {

// One connection to the Footfall database. Each thread opens its own Store on the same file.
// Opening applies WAL, foreign keys and any pending migrations (recorded in PRAGMA user_version).
class Store {
 public:
  explicit Store(const std::string& path);  // ":memory:" for tests; throws on I/O errors
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  [[nodiscard]] SQLite::Database& db();
  [[nodiscard]] int schema_version();
  [[nodiscard]] const std::string& path() const;

  void add_count_events(const std::vector<CountEvent>& events);  // one transaction
  void add_camera_gap(const CameraGap& gap);
  void set_camera_up(const std::string& door, TimeMs time_ms);   // heartbeat for uptime intervals

  [[nodiscard]] StoreSettings settings();
  void save_settings(const StoreSettings& settings);
  void set_shifts(const std::vector<ShiftDefinition>& shifts);
  [[nodiscard]] std::vector<ShiftDefinition> shifts();
  void add_roster(const std::vector<RosterEntry>& roster);

  // Inserts or updates by (source, pos_id); returns true when something changed.
  bool upsert_transaction(const Transaction& transaction);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::filesystem::path default_database_path();  // $XDG_DATA_HOME/footfall/footfall.db

}  // namespace footfall::data
