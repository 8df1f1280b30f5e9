#pragma once
// Helpers shared by the store, metrics and report tests.
#include "footfall/data/types.hpp"

#include <date/date.h>

#include <filesystem>
#include <random>
#include <string>

namespace footfall::data::testing {

// Milliseconds since the epoch of a UTC calendar time, for hand-made days.
inline TimeMs utc(int y, unsigned m, unsigned d, int hour, int minute = 0) {
  const date::sys_days day = date::year{y} / date::month{m} / date::day{d};
  return std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch() + std::chrono::hours{hour} +
                                                               std::chrono::minutes{minute})
      .count();
}

// A fresh folder under the system temp dir, removed with everything in it.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device seed;
    path = std::filesystem::temp_directory_path() / ("footfall-test-" + std::to_string(seed()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// What migration 6 and later add, so a test can put a file back to how schema 5 left it.
inline constexpr const char* drop_schema_6 =
    // Step 11: the opening hours go back to one pair of columns on stores.
    "ALTER TABLE stores DROP COLUMN contest_goal; "
    "DROP TABLE opening_hours; ALTER TABLE stores ADD COLUMN open_minutes INTEGER NOT NULL DEFAULT 540; "
    "ALTER TABLE stores ADD COLUMN close_minutes INTEGER NOT NULL DEFAULT 1200; "
    "DROP TRIGGER IF EXISTS rollup_hour_totals_counts_insert; "
    "DROP TRIGGER IF EXISTS rollup_hour_totals_counts_update; "
    "DROP TRIGGER IF EXISTS rollup_hour_totals_sales_insert; "
    "DROP TRIGGER IF EXISTS rollup_hour_totals_sales_update; "
    "DROP TRIGGER IF EXISTS sales_rollup_day_stale; DROP TABLE rollup_hour_totals; DROP TABLE "
    "sales_rollup_day; "
    "DROP TABLE sales_rollup_day_basis; DROP INDEX roster_time_seller; "
    "CREATE INDEX roster_time ON roster(start_ms, end_ms); ";

inline Transaction make_transaction(const std::string& pos_id, TimeMs time_ms, Money total, double units = 1,
                                    TransactionKind kind = TransactionKind::Sale,
                                    const std::string& seller = "Anna") {
  Transaction t;
  t.source = "test";
  t.pos_id = pos_id;
  t.time_ms = time_ms;
  t.kind = kind;
  t.total = total;
  t.units = units;
  t.currency = "EUR";
  t.seller = seller;
  return t;
}

}  // namespace footfall::data::testing
