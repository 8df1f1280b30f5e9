#pragma once
#include "footfall/data/types.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace footfall::data {

// One row of the imports table: what was imported, when, and how it ended.
struct ImportRecord {
  std::string file;
  std::string sha256;        // or another content hash of the whole file
  std::int64_t rows = 0;
  std::int64_t transactions = 0;
  std::string result;        // "committed", "dry-run", "failed", ...
  std::string error;         // empty on success
  TimeMs time_ms = 0;        // when the import ran (UTC)
};

// One connection to the Footfall database. Each thread opens its own Store on the same file.
// Opening applies WAL, foreign keys and any pending migrations (recorded in PRAGMA user_version).
// SQLite stays behind the Impl: no public header names it, so the app and the UI never compile
// against it; data/'s own readers reach the connection through data/src/store/connection.hpp.
class Store {
 public:
  explicit Store(const std::string& path);  // ":memory:" for tests; throws on I/O errors
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  [[nodiscard]] int schema_version();
  [[nodiscard]] const std::string& path() const;

  // One transaction; also keeps the count rollups, so add counts only through here. A crossing
  // already stored (same door, time, track and direction) is skipped, so recounting a clip adds nothing.
  void add_count_events(const std::vector<CountEvent>& events);
  void add_camera_gap(const CameraGap& gap);
  void set_camera_up(const std::string& door, TimeMs time_ms);   // heartbeat for uptime intervals
  // A counted recording's first to last frame: covered time, kept apart from the live heartbeats
  // that last_camera_up reads.
  void add_recording_span(const std::string& door, TimeMs start_ms, TimeMs end_ms);
  // Spans any door's counter ran, live or on a recording, overlapping [from, to), by start; empty
  // also when nothing was ever recorded, which camera_uptime_recorded tells apart.
  [[nodiscard]] std::vector<CameraSpan> camera_uptime(TimeMs from_ms, TimeMs to_ms);
  [[nodiscard]] bool camera_uptime_recorded();
  [[nodiscard]] std::optional<TimeMs> last_camera_up(const std::string& door);
  // The latest crossing counted on `door` at or before `time_ms`, if any.
  [[nodiscard]] std::optional<TimeMs> last_count_event(const std::string& door, TimeMs time_ms);

  [[nodiscard]] StoreSettings settings();
  void save_settings(const StoreSettings& settings);
  void set_shifts(const std::vector<ShiftDefinition>& shifts);
  [[nodiscard]] std::vector<ShiftDefinition> shifts();
  void add_roster(const std::vector<RosterEntry>& roster);

  // Inserts or updates by (source, pos_id); returns true when something changed.
  bool upsert_transaction(const Transaction& transaction);
  // The same for many at once, all or nothing; the sales rollups are updated once per bucket and
  // seller instead of once per row. Returns how many were added or changed.
  std::int64_t upsert_transactions(std::span<const Transaction> transactions);
  // The same inside a transaction the caller already holds and rolls back as a whole on any
  // exception (a file import): no savepoint of its own, whose journal of every page a batch
  // touches costs a tenth of a large import. Throws std::logic_error outside a transaction.
  std::int64_t bulk_upsert_transactions(std::span<const Transaction> transactions);

  void record_import(const ImportRecord& record);
  [[nodiscard]] std::optional<TimeMs> last_import_ms();                 // last successful import
  [[nodiscard]] std::optional<ImportRecord> find_import(const std::string& sha256);

  // Sellers: POS spellings ("jean d.", "JEAN") map to one seller name.
  void add_seller_alias(const std::string& alias, const std::string& seller);
  [[nodiscard]] std::string resolve_seller(const std::string& raw);    // alias target, or `raw` trimmed
  [[nodiscard]] std::vector<RosterEntry> roster(TimeMs from_ms, TimeMs to_ms);
  // The same entries in order of start time, straight from the index (no sort): for long ranges.
  [[nodiscard]] std::vector<RosterEntry> roster_by_start(TimeMs from_ms, TimeMs to_ms);
  [[nodiscard]] std::vector<CameraGap> camera_gaps(TimeMs from_ms, TimeMs to_ms);

  // Deliberately unindexed scan of count_events, the baseline for `footfall bench`.
  [[nodiscard]] std::int64_t full_scan_count_events();

  // Opaque outside data/: the connection and the statements it keeps prepared (store/store_impl.hpp).
  struct Impl;

 private:
  friend Impl& store_impl(Store& store);
  std::int64_t upsert_batch(std::span<const Transaction> transactions, bool own_savepoint);
  std::unique_ptr<Impl> impl_;
};

std::filesystem::path default_database_path();  // $XDG_DATA_HOME/footfall/footfall.db

}  // namespace footfall::data
