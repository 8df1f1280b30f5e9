#pragma once
#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/store/store.hpp"

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
  std::int64_t after_hours_entries = 0;  // crossings outside opening hours: kept apart from entries
  std::int64_t after_hours_exits = 0;
  std::int64_t buyers = 0;
  std::int64_t buyers_in_gaps = 0;  // bought while no camera counted: recorded gaps and time it never ran
  Money gross = 0;
  Money net = 0;
  Money net_in_gaps = 0;
  double units = 0.0;
  TimeMs gap_ms = 0;           // recorded camera gaps only
  TimeMs covered_ms = 0;       // time a camera counted
  TimeMs open_ms = 0;          // opening hours
  TimeMs open_covered_ms = 0;  // opening hours a camera counted
  TimeMs staff_ms = 0;

  Tally& operator+=(const Tally& other);
  Tally& operator-=(const Tally& other);
};

Figures make_figures(const Tally& tally, const StoreSettings& settings);

// The whole business days a range report walks: day i spans [starts[i], starts[i + 1]).
struct BusinessDays {
  std::int64_t first_day = 0;  // days since 1970-01-01
  std::vector<TimeMs> starts;
  std::string time_zone;       // the basis the days were cut with
  int cutoff_minutes = 0;
};

// Sums counts and sales over any window inside [from, to): whole 15-minute buckets come from the
// rollup tables, ragged edges and camera-gap corrections from indexed range queries on the raw rows.
class RollupReader {
 public:
  // `bucket_ms`: a multiple of the 15-minute rollup; hourly buckets read four times fewer rows.
  RollupReader(Store& store, TimeMs from_ms, TimeMs to_ms, TimeMs bucket_ms);
  // For whole days only: hours without doors or sellers, and each seller's sales per day, which
  // reads a fraction of the rows. Falls back to the rows above when the day rollup does not match.
  RollupReader(Store& store, TimeMs from_ms, TimeMs to_ms, TimeMs bucket_ms, const BusinessDays& days);

  // Entries and exits outside camera gaps, plus the gap time and the covered time.
  Tally traffic(TimeMs from_ms, TimeMs to_ms);
  // Sales, all or one seller's, with the buyers and sales made while no camera counted.
  Tally sales(TimeMs from_ms, TimeMs to_ms, const std::string* seller = nullptr);
  Tally window(TimeMs from_ms, TimeMs to_ms);
  // window() of each bucket-long step of [from, to) in one pass, when the reader's buckets are
  // hours, the edges fall on them and no recorded camera gap touches the span; false otherwise.
  bool hourly_windows(TimeMs from_ms, TimeMs to_ms, std::vector<Tally>& hours);
  // The part of [from, to) a camera counted: inside the times the counter ran, outside recorded gaps.
  [[nodiscard]] TimeMs covered_ms(TimeMs from_ms, TimeMs to_ms) const;

  std::vector<std::string> sellers_with_sales(TimeMs from_ms, TimeMs to_ms);
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

  struct SellerDay {
    std::size_t seller = 0;
    Tally tally;
  };

  void load_buckets(TimeMs first, TimeMs last);
  bool load_days(const BusinessDays& days, TimeMs first, TimeMs last);
  void load_gaps();
  void load_uncovered();
  Tally sales_sum(TimeMs from_ms, TimeMs to_ms, const std::string* seller);
  [[nodiscard]] std::size_t seller_index(const char* name);
  [[nodiscard]] std::optional<std::size_t> whole_day(TimeMs from_ms, TimeMs to_ms) const;
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
  // Per-day mode: sales_ holds one all-sellers entry per bucket, sellers come from seller_days_.
  std::vector<TimeMs> day_starts_;  // empty unless per-day mode
  std::vector<std::vector<SellerDay>> seller_days_;
  std::vector<Interval> gaps_;  // merged over all doors: one door down makes the store's count unknown
  // Recorded gaps and the times no door's counter ran, merged, in order. A database that never
  // recorded when its counter ran (written before it did) has only its recorded gaps here.
  std::vector<Interval> uncovered_;
  // Prepared on first use: a day of whole buckets never needs them.
  std::optional<SQLite::Statement> raw_counts_;
  std::optional<SQLite::Statement> raw_sales_;
  std::optional<SQLite::Statement> sale_span_;
  std::optional<SQLite::Statement> sellers_with_sales_;
  std::size_t last_seller_ = 0;
  std::size_t counts_hint_ = 0;  // where the last window started, see first_bucket_at
  std::size_t sales_hint_ = 0;
  static constexpr std::size_t all_sellers = static_cast<std::size_t>(-1);
};

}  // namespace footfall::data
