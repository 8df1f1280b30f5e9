#pragma once
// Store's insides: one SQLite connection and the statements it keeps prepared. Private to data/:
// the public store.hpp only names Store::Impl, so nothing outside data/ compiles against SQLite.
// Store's member functions are defined by subject in store.cpp (open, migrate), counts.cpp,
// sales.cpp, sales_rollups.cpp and settings.cpp.
#include "footfall/data/business_time.hpp"
#include "footfall/data/store/store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace footfall::data {

// Bounding a roster entry's length lets time-range lookups use the start_ms index from both ends.
inline constexpr TimeMs max_roster_entry_ms = 24LL * 3'600'000;

using RawStatement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

// A statement kept for the connection's life, prepared with the C API so it can be bound raw.
RawStatement prepare_raw(SQLite::Database& db, const std::string& sql);

struct Store::Impl {
  std::string path;
  SQLite::Database db;
  SQLite::Statement insert_event;
  SQLite::Statement add_to_rollup;
  SQLite::Statement find_transaction;
  SQLite::Statement insert_transaction;
  SQLite::Statement update_transaction;
  SQLite::Statement add_to_sales_rollup;
  SQLite::Statement delete_items;
  SQLite::Statement insert_item;
  SQLite::Statement insert_seller;
  SQLite::Statement find_alias;
  // SQLite::Savepoint parses its SQL every time; upsert runs per row of every import.
  SQLite::Statement begin_upsert;
  SQLite::Statement release_upsert;
  SQLite::Statement rollback_upsert;
  SQLite::Statement read_day_basis;
  SQLite::Statement add_to_sales_day;
  SQLite::Statement add_to_sales_hour;
  SQLite::Statement add_to_hour_totals;
  // INSERT of chunk_rows transactions at once, prepared on first use (see sales.cpp).
  static constexpr std::size_t chunk_rows = 64;
  RawStatement insert_chunk_statement{nullptr, sqlite3_finalize};
  // Upserts of sales_chunk_rows rollup sums at once, prepared on first use.
  RawStatement add_many_to_sales_rollup{nullptr, sqlite3_finalize};
  RawStatement add_many_to_sales_hour{nullptr, sqlite3_finalize};

  // The clock of sales_rollup_day's basis, kept while the basis stays the same.
  std::optional<BusinessClock> day_clock;
  std::string day_clock_zone;
  int day_clock_cutoff = 0;

  explicit Impl(const std::string& file);

  sqlite3_stmt* add_many(RawStatement& slot, const char* table);  // sales_rollups.cpp
  sqlite3_stmt* insert_chunk();                                   // sales.cpp

  // A statement that failed mid-step stays busy, and a busy statement makes the next SAVEPOINT
  // on this connection fail; reset them all so a retry after a disk error starts clean.
  void reset_cached_statements() noexcept;

  // The clock sales_rollup_day was built with, or null when it has no usable basis.
  const BusinessClock* sales_day_clock();
  [[nodiscard]] bool sales_days_match(const StoreSettings& settings);
  // Refills sales_rollup_day from the 15-minute rollup in the settings' business days.
  void rebuild_sales_days(const StoreSettings& settings);

  static void run(SQLite::Statement& statement) {
    statement.reset();
    statement.exec();
  }

  void insert_items(std::int64_t transaction_id, const std::vector<LineItem>& items);
  void add_seller(const std::string& name);  // INSERT OR IGNORE into sellers
};

// The Impl of `store`, for data/'s own readers and writers.
Store::Impl& store_impl(Store& store);

// SQLite::Savepoint (3.2.1) only rolls back to the savepoint on failure and leaves it open, so the
// connection stays inside a transaction that later "successful" writes join and never commit.
// This one rolls back and releases, after resetting the cached statements a failed step left busy.
class Savepoint {
 public:
  Savepoint(Store::Impl& impl, std::string name);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  void release();

 private:
  Store::Impl& impl_;
  std::string name_;
  bool released_ = false;
};

}  // namespace footfall::data
