#pragma once
#include "footfall/data/metrics.hpp"
#include "footfall/data/store.hpp"

#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <vector>

namespace footfall::data {

struct Interval {
  TimeMs start = 0;
  TimeMs end = 0;
};

inline TimeMs overlap(const Interval& interval, TimeMs from, TimeMs to) {
  const TimeMs length = std::min(interval.end, to) - std::max(interval.start, from);
  return length > 0 ? length : 0;
}

// Raw sums behind Figures; they add up exactly, ratios are formed only at the end.
struct Tally {
  std::int64_t entries = 0;
  std::int64_t exits = 0;
  std::int64_t buyers = 0;
  std::int64_t buyers_in_gaps = 0;
  Money gross = 0;
  Money net = 0;
  double units = 0.0;
  TimeMs gap_ms = 0;
  TimeMs staff_ms = 0;

  Tally& operator+=(const Tally& other);
  Tally& operator-=(const Tally& other);
};

Figures make_figures(const Tally& tally, const StoreSettings& settings);

// Sums counts and sales over any window inside [from, to): whole 15-minute buckets come from the
// rollup tables, ragged edges and camera-gap corrections from indexed range queries on the raw rows.
class Ledger {
 public:
  // `bucket_ms`: a multiple of the 15-minute rollup; hourly buckets read four times fewer rows.
  Ledger(Store& store, TimeMs from_ms, TimeMs to_ms, TimeMs bucket_ms);

  // Entries and exits outside camera gaps, plus the gap time.
  Tally traffic(TimeMs from_ms, TimeMs to_ms);
  // Sales, all or one seller's, with the buyers who bought while the camera was down.
  Tally sales(TimeMs from_ms, TimeMs to_ms, const std::string* seller = nullptr);
  Tally window(TimeMs from_ms, TimeMs to_ms);

  std::vector<std::string> sellers_with_sales(TimeMs from_ms, TimeMs to_ms) const;
  // First sale to just after the last one, for a seller without a roster.
  std::optional<Interval> sale_span(const std::string& seller, TimeMs from_ms, TimeMs to_ms);

 private:
  struct CountBucket {
    TimeMs bucket_ms = 0;
    std::int64_t entries = 0;
    std::int64_t exits = 0;
  };
  struct SalesBucket {
    TimeMs bucket_ms = 0;
    std::size_t seller = 0;  // index into seller_names_
    Tally tally;
  };

  Tally raw_traffic(TimeMs from_ms, TimeMs to_ms);
  Tally raw_sales(TimeMs from_ms, TimeMs to_ms, const std::string* seller);

  SQLite::Statement& statement(std::optional<SQLite::Statement>& slot, const char* sql);

  [[nodiscard]] TimeMs floor_bucket(TimeMs time_ms) const;
  [[nodiscard]] TimeMs ceil_bucket(TimeMs time_ms) const;
  template <class BucketSum, class RawSum>
  Tally split_sum(TimeMs from_ms, TimeMs to_ms, BucketSum bucket_sum, RawSum raw_sum) const;

  Store& store_;
  TimeMs bucket_ms_;
  TimeMs from_ms_;
  TimeMs to_ms_;
  std::vector<CountBucket> counts_;
  std::vector<SalesBucket> sales_;
  std::vector<std::string> seller_names_;
  std::vector<Interval> gaps_;  // merged over all doors: one door down makes the store's count unknown
  // Prepared on first use: a day of whole buckets never needs them.
  std::optional<SQLite::Statement> raw_counts_;
  std::optional<SQLite::Statement> raw_sales_;
  std::optional<SQLite::Statement> sale_span_;
};

}  // namespace footfall::data
