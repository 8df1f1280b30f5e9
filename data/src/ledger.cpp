#include "ledger.hpp"

#include "schema.hpp"

#include <algorithm>
#include <set>

namespace footfall::data {
namespace {

TimeMs floor_bucket(TimeMs time_ms) {
  const TimeMs remainder = time_ms % rollup_bucket_ms;
  return remainder < 0 ? time_ms - remainder - rollup_bucket_ms : time_ms - remainder;
}

TimeMs ceil_bucket(TimeMs time_ms) {
  const TimeMs floored = floor_bucket(time_ms);
  return floored == time_ms ? floored : floored + rollup_bucket_ms;
}

// Whole buckets from the rollup, the ragged ends from raw rows.
template <class BucketSum, class RawSum>
Tally split_sum(TimeMs from_ms, TimeMs to_ms, BucketSum bucket_sum, RawSum raw_sum) {
  if (from_ms >= to_ms) return {};
  const TimeMs first = ceil_bucket(from_ms);
  const TimeMs last = floor_bucket(to_ms);
  if (first >= last) return raw_sum(from_ms, to_ms);
  Tally result = bucket_sum(first, last);
  if (from_ms < first) result += raw_sum(from_ms, first);
  if (last < to_ms) result += raw_sum(last, to_ms);
  return result;
}

template <class Bucket>
auto first_bucket_at(const std::vector<Bucket>& buckets, TimeMs time_ms) {
  return std::lower_bound(buckets.begin(), buckets.end(), time_ms,
                          [](const Bucket& bucket, TimeMs value) { return bucket.bucket_ms < value; });
}

}  // namespace

Tally& Tally::operator+=(const Tally& other) {
  entries += other.entries;
  exits += other.exits;
  buyers += other.buyers;
  buyers_in_gaps += other.buyers_in_gaps;
  gross += other.gross;
  net += other.net;
  units += other.units;
  gap_ms += other.gap_ms;
  staff_ms += other.staff_ms;
  return *this;
}

Tally& Tally::operator-=(const Tally& other) {
  entries -= other.entries;
  exits -= other.exits;
  buyers -= other.buyers;
  buyers_in_gaps -= other.buyers_in_gaps;
  gross -= other.gross;
  net -= other.net;
  units -= other.units;
  gap_ms -= other.gap_ms;
  staff_ms -= other.staff_ms;
  return *this;
}

Ledger::Ledger(Store& store, TimeMs from_ms, TimeMs to_ms)
    : from_ms_(from_ms),
      to_ms_(to_ms),
      raw_counts_(store.db(),
                  "SELECT coalesce(sum(direction = 'in'), 0), coalesce(sum(direction = 'out'), 0) FROM count_events "
                  "WHERE time_ms >= ? AND time_ms < ?"),
      raw_sales_(store.db(),
                 "SELECT coalesce(sum(kind = 'sale'), 0), "
                 "coalesce(sum(CASE kind WHEN 'sale' THEN total ELSE 0 END), 0), "
                 "coalesce(sum(CASE WHEN kind IN ('sale', 'refund') THEN total ELSE 0 END), 0), "
                 "coalesce(sum(CASE kind WHEN 'sale' THEN units ELSE 0 END), 0) FROM pos_transactions "
                 "WHERE time_ms >= ?1 AND time_ms < ?2 AND (?3 IS NULL OR seller = ?3)"),
      sale_span_(store.db(),
                 "SELECT min(time_ms), max(time_ms) FROM pos_transactions WHERE time_ms >= ? AND time_ms < ? "
                 "AND seller = ? AND kind = 'sale'") {
  const TimeMs first = floor_bucket(from_ms);
  const TimeMs last = ceil_bucket(to_ms);
  SQLite::Statement counts(store.db(),
                           "SELECT bucket_ms, sum(entries), sum(exits) FROM count_rollup "
                           "WHERE bucket_ms >= ? AND bucket_ms < ? GROUP BY bucket_ms ORDER BY bucket_ms");
  counts.bind(1, first);
  counts.bind(2, last);
  while (counts.executeStep()) {
    counts_.push_back({counts.getColumn(0).getInt64(), counts.getColumn(1).getInt64(), counts.getColumn(2).getInt64()});
  }
  SQLite::Statement sales(store.db(),
                          "SELECT bucket_ms, seller, buyers, gross, net, units FROM sales_rollup "
                          "WHERE bucket_ms >= ? AND bucket_ms < ? ORDER BY bucket_ms");
  sales.bind(1, first);
  sales.bind(2, last);
  while (sales.executeStep()) {
    SalesBucket bucket;
    bucket.bucket_ms = sales.getColumn(0).getInt64();
    bucket.seller = sales.getColumn(1).getString();
    bucket.tally.buyers = sales.getColumn(2).getInt64();
    bucket.tally.gross = sales.getColumn(3).getInt64();
    bucket.tally.net = sales.getColumn(4).getInt64();
    bucket.tally.units = sales.getColumn(5).getDouble();
    sales_.push_back(std::move(bucket));
  }
  for (const auto& gap : store.camera_gaps(from_ms, to_ms)) {
    if (!gaps_.empty() && gap.start_ms <= gaps_.back().end) {
      gaps_.back().end = std::max(gaps_.back().end, gap.end_ms);
    } else {
      gaps_.push_back({gap.start_ms, gap.end_ms});
    }
  }
}

Tally Ledger::raw_traffic(TimeMs from_ms, TimeMs to_ms) {
  raw_counts_.reset();
  raw_counts_.bind(1, from_ms);
  raw_counts_.bind(2, to_ms);
  Tally result;
  if (raw_counts_.executeStep()) {
    result.entries = raw_counts_.getColumn(0).getInt64();
    result.exits = raw_counts_.getColumn(1).getInt64();
  }
  raw_counts_.reset();
  return result;
}

Tally Ledger::raw_sales(TimeMs from_ms, TimeMs to_ms, const std::string* seller) {
  raw_sales_.reset();
  raw_sales_.bind(1, from_ms);
  raw_sales_.bind(2, to_ms);
  if (seller != nullptr) {
    raw_sales_.bind(3, *seller);
  } else {
    raw_sales_.bind(3);
  }
  Tally result;
  if (raw_sales_.executeStep()) {
    result.buyers = raw_sales_.getColumn(0).getInt64();
    result.gross = raw_sales_.getColumn(1).getInt64();
    result.net = raw_sales_.getColumn(2).getInt64();
    result.units = raw_sales_.getColumn(3).getDouble();
  }
  raw_sales_.reset();
  return result;
}

Tally Ledger::traffic(TimeMs from_ms, TimeMs to_ms) {
  from_ms = std::max(from_ms, from_ms_);
  to_ms = std::min(to_ms, to_ms_);
  auto bucket_sum = [this](TimeMs first, TimeMs last) {
    Tally sum;
    for (auto it = first_bucket_at(counts_, first); it != counts_.end() && it->bucket_ms < last; ++it) {
      sum.entries += it->entries;
      sum.exits += it->exits;
    }
    return sum;
  };
  auto raw_sum = [this](TimeMs first, TimeMs last) { return raw_traffic(first, last); };
  Tally result = split_sum(from_ms, to_ms, bucket_sum, raw_sum);
  for (const auto& gap : gaps_) {
    const TimeMs length = overlap(gap, from_ms, to_ms);
    if (length == 0) continue;
    result -= raw_traffic(std::max(gap.start, from_ms), std::min(gap.end, to_ms));
    result.gap_ms += length;
  }
  return result;
}

Tally Ledger::sales(TimeMs from_ms, TimeMs to_ms, const std::string* seller) {
  from_ms = std::max(from_ms, from_ms_);
  to_ms = std::min(to_ms, to_ms_);
  auto bucket_sum = [this, seller](TimeMs first, TimeMs last) {
    Tally sum;
    for (auto it = first_bucket_at(sales_, first); it != sales_.end() && it->bucket_ms < last; ++it) {
      if (seller == nullptr || it->seller == *seller) sum += it->tally;
    }
    return sum;
  };
  auto raw_sum = [this, seller](TimeMs first, TimeMs last) { return raw_sales(first, last, seller); };
  Tally result = split_sum(from_ms, to_ms, bucket_sum, raw_sum);
  for (const auto& gap : gaps_) {
    if (overlap(gap, from_ms, to_ms) == 0) continue;
    result.buyers_in_gaps += raw_sales(std::max(gap.start, from_ms), std::min(gap.end, to_ms), seller).buyers;
  }
  return result;
}

Tally Ledger::window(TimeMs from_ms, TimeMs to_ms) {
  Tally result = traffic(from_ms, to_ms);
  result += sales(from_ms, to_ms);
  return result;
}

std::vector<std::string> Ledger::sellers_with_sales(TimeMs from_ms, TimeMs to_ms) const {
  std::set<std::string> names;
  for (auto it = first_bucket_at(sales_, floor_bucket(from_ms)); it != sales_.end() && it->bucket_ms < to_ms; ++it) {
    if (it->tally.buyers > 0) names.insert(it->seller);
  }
  return {names.begin(), names.end()};
}

std::optional<Interval> Ledger::sale_span(const std::string& seller, TimeMs from_ms, TimeMs to_ms) {
  sale_span_.reset();
  sale_span_.bind(1, from_ms);
  sale_span_.bind(2, to_ms);
  sale_span_.bind(3, seller);
  std::optional<Interval> result;
  if (sale_span_.executeStep() && !sale_span_.getColumn(0).isNull()) {
    result = Interval{sale_span_.getColumn(0).getInt64(), sale_span_.getColumn(1).getInt64() + 1};
  }
  sale_span_.reset();
  return result;
}

}  // namespace footfall::data
