#pragma once
// How Store's sales writes keep the rollups: sums per (15-minute bucket or hour or business day,
// seller), upserted many at a time.
#include "footfall/data/business_time.hpp"
#include "store/buyer_rule.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>

namespace footfall::data {

// The upsert that adds `rows` (key, seller) sums to one of the per-seller sales rollups.
std::string add_sales_sql(const char* table, const char* key, std::size_t rows);

inline constexpr std::size_t sales_chunk_rows = 64;

// Adds (bucket or day, seller) sums to a sales rollup: `add_many` takes sales_chunk_rows of them
// per statement (a large import writes tens of thousands), `add` the rest one by one.
template <class Key>
void write_sales_sums(SQLite::Statement& add, sqlite3_stmt* add_many,
                      const std::map<std::pair<Key, std::string>, SalesContribution>& sums) {
  auto next = sums.begin();
  for (std::size_t left = sums.size(); add_many != nullptr && left >= sales_chunk_rows;
       left -= sales_chunk_rows) {
    int parameter = 0;
    for (std::size_t row = 0; row < sales_chunk_rows; ++row, ++next) {
      const auto& [key, sum] = *next;
      sqlite3_bind_int64(add_many, ++parameter, key.first);
      sqlite3_bind_text(add_many, ++parameter, key.second.data(), static_cast<int>(key.second.size()),
                        SQLITE_STATIC);
      sqlite3_bind_int64(add_many, ++parameter, sum.buyers);
      sqlite3_bind_int64(add_many, ++parameter, sum.gross);
      sqlite3_bind_int64(add_many, ++parameter, sum.net);
      sqlite3_bind_double(add_many, ++parameter, sum.units);
    }
    const int rc = sqlite3_step(add_many);
    sqlite3_reset(add_many);
    if (rc != SQLITE_DONE) throw SQLite::Exception(sqlite3_db_handle(add_many), rc);
  }
  for (; next != sums.end(); ++next) {
    const auto& [key, sum] = *next;
    add.reset();
    add.bind(1, key.first);
    add.bind(2, key.second);
    add.bind(3, sum.buyers);
    add.bind(4, sum.gross);
    add.bind(5, sum.net);
    add.bind(6, sum.units);
    add.exec();
  }
}

// Folds 15-minute sales sums into the business days of one clock, for sales_rollup_day.
class SalesDays {
 public:
  explicit SalesDays(const BusinessClock& clock) : clock_(clock) {}

  void add(TimeMs bucket_ms, const std::string& seller, const SalesContribution& change) {
    // Buckets mostly arrive in time order: one zone lookup per day, not per bucket.
    if (bucket_ms < day_start_ || bucket_ms >= day_end_) {
      const auto day = clock_.business_day_of(bucket_ms);
      day_ = day.time_since_epoch().count();
      day_start_ = clock_.day_start(day);
      day_end_ = clock_.day_end(day);
    }
    days_[{day_, seller}] += change;
  }

  void write(SQLite::Statement& add_to_day) const { write_sales_sums(add_to_day, nullptr, days_); }

 private:
  const BusinessClock& clock_;
  std::map<std::pair<std::int64_t, std::string>, SalesContribution> days_;
  std::int64_t day_ = 0;
  TimeMs day_start_ = 0;
  TimeMs day_end_ = 0;
};

}  // namespace footfall::data
