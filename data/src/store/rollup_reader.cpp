// The questions a RollupReader answers from what it loaded (rollup_loads.cpp): traffic, sales and
// covered time of any window, whole buckets from the rollups and the ragged ends from raw rows.
#include "store/rollup_reader.hpp"

#include "store/buyer_rule.hpp"
#include "store/connection.hpp"

#include "store/schema.hpp"

#include <algorithm>

namespace footfall::data {
namespace {

template <class Bucket>
auto first_bucket_at(const std::vector<Bucket>& buckets, TimeMs time_ms, std::size_t& hint) {
  const auto before = [](const Bucket& bucket, TimeMs value) { return bucket.bucket_ms < value; };
  // Reports ask for windows in time order: a few steps on from the last answer beat a binary search.
  auto found = buckets.begin() + static_cast<std::ptrdiff_t>(std::min(hint, buckets.size()));
  if (found != buckets.begin() && std::prev(found)->bucket_ms >= time_ms) {
    found = std::lower_bound(buckets.begin(), found, time_ms, before);
  } else {
    for (int step = 0; step < 4 && found != buckets.end() && found->bucket_ms < time_ms; ++step) ++found;
    if (found != buckets.end() && found->bucket_ms < time_ms) {
      found = std::lower_bound(found, buckets.end(), time_ms, before);
    }
  }
  hint = static_cast<std::size_t>(found - buckets.begin());
  return found;
}

}  // namespace

TimeMs RollupReader::floor_bucket(TimeMs time_ms) const {
  const TimeMs remainder = time_ms % bucket_ms_;
  return remainder < 0 ? time_ms - remainder - bucket_ms_ : time_ms - remainder;
}

TimeMs RollupReader::ceil_bucket(TimeMs time_ms) const {
  const TimeMs floored = floor_bucket(time_ms);
  return floored == time_ms ? floored : floored + bucket_ms_;
}

// Whole buckets from the rollup, the ragged ends from raw rows.
template <class BucketSum, class RawSum>
Tally RollupReader::split_sum(TimeMs from_ms, TimeMs to_ms, BucketSum bucket_sum, RawSum raw_sum) const {
  if (from_ms >= to_ms) return {};
  const TimeMs first = ceil_bucket(from_ms);
  const TimeMs last = floor_bucket(to_ms);
  if (first >= last) return raw_sum(from_ms, to_ms);
  Tally result = bucket_sum(first, last);
  if (from_ms < first) result += raw_sum(from_ms, first);
  if (last < to_ms) result += raw_sum(last, to_ms);
  return result;
}

Tally& Tally::operator+=(const Tally& other) {
  entries += other.entries;
  exits += other.exits;
  after_hours_entries += other.after_hours_entries;
  after_hours_exits += other.after_hours_exits;
  buyers += other.buyers;
  buyers_in_gaps += other.buyers_in_gaps;
  gross += other.gross;
  net += other.net;
  net_in_gaps += other.net_in_gaps;
  units += other.units;
  gap_ms += other.gap_ms;
  covered_ms += other.covered_ms;
  open_ms += other.open_ms;
  open_covered_ms += other.open_covered_ms;
  staff_ms += other.staff_ms;
  return *this;
}

Tally& Tally::operator-=(const Tally& other) {
  entries -= other.entries;
  exits -= other.exits;
  after_hours_entries -= other.after_hours_entries;
  after_hours_exits -= other.after_hours_exits;
  buyers -= other.buyers;
  buyers_in_gaps -= other.buyers_in_gaps;
  gross -= other.gross;
  net -= other.net;
  net_in_gaps -= other.net_in_gaps;
  units -= other.units;
  gap_ms -= other.gap_ms;
  covered_ms -= other.covered_ms;
  open_ms -= other.open_ms;
  open_covered_ms -= other.open_covered_ms;
  staff_ms -= other.staff_ms;
  return *this;
}

TimeMs RollupReader::covered_ms(TimeMs from_ms, TimeMs to_ms) const {
  if (from_ms >= to_ms) return 0;
  TimeMs covered = to_ms - from_ms;
  for (const auto& piece : uncovered_) covered -= overlap(piece, from_ms, to_ms);
  return covered;
}

std::optional<std::size_t> RollupReader::whole_day(TimeMs from_ms, TimeMs to_ms) const {
  const auto found = std::lower_bound(day_starts_.begin(), day_starts_.end(), from_ms);
  if (found == day_starts_.end() || *found != from_ms || found + 1 == day_starts_.end() || found[1] != to_ms) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(found - day_starts_.begin());
}

SQLite::Statement& RollupReader::statement(std::optional<SQLite::Statement>& slot, const char* sql) {
  if (!slot) slot.emplace(connection(store_), sql);
  slot->reset();
  return *slot;
}

Tally RollupReader::raw_traffic(TimeMs from_ms, TimeMs to_ms) {
  auto& query = statement(raw_counts_,
                          "SELECT coalesce(sum(direction = 'in'), 0), coalesce(sum(direction = 'out'), 0) "
                          "FROM count_events WHERE time_ms >= ? AND time_ms < ?");
  query.bind(1, from_ms);
  query.bind(2, to_ms);
  Tally result;
  if (query.executeStep()) {
    result.entries = query.getColumn(0).getInt64();
    result.exits = query.getColumn(1).getInt64();
  }
  query.reset();
  return result;
}

Tally RollupReader::raw_sales(TimeMs from_ms, TimeMs to_ms, const std::string* seller) {
  // The buyer rule's sums over raw rows, in SQL built from buyer_rule.hpp.
  static const std::string sql = [] {
    const auto sums = sales_sql("");
    return "SELECT coalesce(sum(" + sums.buyers + "), 0), coalesce(sum(" + sums.gross +
           "), 0), coalesce(sum(" + sums.net + "), 0), coalesce(sum(" + sums.units +
           "), 0) FROM pos_transactions WHERE time_ms >= ?1 AND time_ms < ?2 AND (?3 IS NULL OR seller = ?3)";
  }();
  auto& query = statement(raw_sales_, sql.c_str());
  query.bind(1, from_ms);
  query.bind(2, to_ms);
  if (seller != nullptr) {
    query.bind(3, *seller);
  } else {
    query.bind(3);
  }
  Tally result;
  if (query.executeStep()) {
    result.buyers = query.getColumn(0).getInt64();
    result.gross = query.getColumn(1).getInt64();
    result.net = query.getColumn(2).getInt64();
    result.units = query.getColumn(3).getDouble();
  }
  query.reset();
  return result;
}

Tally RollupReader::traffic(TimeMs from_ms, TimeMs to_ms) {
  from_ms = std::max(from_ms, from_ms_);
  to_ms = std::min(to_ms, to_ms_);
  auto bucket_sum = [this](TimeMs first, TimeMs last) {
    Tally sum;
    for (auto it = first_bucket_at(counts_, first, counts_hint_); it != counts_.end() && it->bucket_ms < last; ++it) {
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
  result.covered_ms = covered_ms(from_ms, to_ms);
  return result;
}

Tally RollupReader::sales_sum(TimeMs from_ms, TimeMs to_ms, const std::string* seller) {
  const auto seller_at =
      seller == nullptr ? seller_names_.size()
                        : static_cast<std::size_t>(std::find(seller_names_.begin(), seller_names_.end(), *seller) -
                                                   seller_names_.begin());
  auto bucket_sum = [this, seller, seller_at](TimeMs first, TimeMs last) {
    Tally sum;
    for (auto it = first_bucket_at(sales_, first, sales_hint_); it != sales_.end() && it->bucket_ms < last; ++it) {
      if (seller == nullptr || it->seller == seller_at) sum += it->tally;
    }
    return sum;
  };
  auto raw_sum = [this, seller](TimeMs first, TimeMs last) { return raw_sales(first, last, seller); };
  if (seller == nullptr || day_starts_.empty()) return split_sum(from_ms, to_ms, bucket_sum, raw_sum);
  if (const auto day = whole_day(from_ms, to_ms)) {
    Tally result;
    for (const auto& entry : seller_days_[*day]) {
      if (entry.seller == seller_at) result += entry.tally;
    }
    return result;
  }
  return raw_sum(from_ms, to_ms);  // not a whole day: the per-day rows cannot answer it
}

Tally RollupReader::sales(TimeMs from_ms, TimeMs to_ms, const std::string* seller) {
  from_ms = std::max(from_ms, from_ms_);
  to_ms = std::min(to_ms, to_ms_);
  Tally result = sales_sum(from_ms, to_ms, seller);
  for (const auto& piece : uncovered_) {
    if (overlap(piece, from_ms, to_ms) == 0) continue;
    const Tally uncovered = sales_sum(std::max(piece.start, from_ms), std::min(piece.end, to_ms), seller);
    result.buyers_in_gaps += uncovered.buyers;
    result.net_in_gaps += uncovered.net;
  }
  return result;
}

Tally RollupReader::window(TimeMs from_ms, TimeMs to_ms) {
  Tally result = traffic(from_ms, to_ms);
  result += sales(from_ms, to_ms);
  return result;
}

bool RollupReader::hourly_windows(TimeMs from_ms, TimeMs to_ms, std::vector<Tally>& hours) {
  if (bucket_ms_ != hour_rollup_bucket_ms || from_ms < from_ms_ || to_ms > to_ms_ || from_ms >= to_ms ||
      floor_bucket(from_ms) != from_ms || floor_bucket(to_ms) != to_ms) {
    return false;
  }
  for (const auto& gap : gaps_) {
    if (overlap(gap, from_ms, to_ms) > 0) return false;
  }
  Tally whole_hour;
  whole_hour.covered_ms = bucket_ms_;
  hours.assign(static_cast<std::size_t>((to_ms - from_ms) / bucket_ms_), whole_hour);
  const auto slot = [&](TimeMs bucket) -> Tally& {
    return hours[static_cast<std::size_t>((bucket - from_ms) / bucket_ms_)];
  };
  for (auto it = first_bucket_at(counts_, from_ms, counts_hint_); it != counts_.end() && it->bucket_ms < to_ms; ++it) {
    auto& tally = slot(it->bucket_ms);
    tally.entries += it->entries;
    tally.exits += it->exits;
  }
  for (auto it = first_bucket_at(sales_, from_ms, sales_hint_); it != sales_.end() && it->bucket_ms < to_ms; ++it) {
    slot(it->bucket_ms) += it->tally;
  }
  // Times no counter ran (nights, mostly): whole hours from the sums above, ragged ends from the rows.
  for (const auto& piece : uncovered_) {
    const TimeMs first = std::max(piece.start, from_ms);
    const TimeMs last = std::min(piece.end, to_ms);
    for (TimeMs hour = floor_bucket(first); hour < last; hour += bucket_ms_) {
      auto& tally = slot(hour);
      const TimeMs start = std::max(first, hour);
      const TimeMs end = std::min(last, hour + bucket_ms_);
      const Tally sold = end - start == bucket_ms_ ? tally : raw_sales(start, end, nullptr);
      tally.covered_ms -= end - start;
      tally.buyers_in_gaps += sold.buyers;
      tally.net_in_gaps += sold.net;
    }
  }
  return true;
}

std::vector<std::string> RollupReader::sellers_with_sales(TimeMs from_ms, TimeMs to_ms) {
  std::vector<std::string> names;
  if (day_starts_.empty()) {
    std::vector<bool> seen(seller_names_.size(), false);
    for (auto it = first_bucket_at(sales_, floor_bucket(from_ms), sales_hint_);
         it != sales_.end() && it->bucket_ms < to_ms; ++it) {
      if (it->tally.buyers > 0) seen[it->seller] = true;
    }
    for (std::size_t i = 0; i < seen.size(); ++i) {
      if (seen[i]) names.push_back(seller_names_[i]);
    }
  } else if (const auto day = whole_day(std::max(from_ms, from_ms_), std::min(to_ms, to_ms_))) {
    for (const auto& entry : seller_days_[*day]) {  // one row per seller already
      if (entry.tally.buyers > 0) names.push_back(seller_names_[entry.seller]);
    }
  } else {
    static const std::string sql =
        "SELECT DISTINCT seller FROM pos_transactions WHERE time_ms >= ? AND time_ms < ? AND " +
        sales_sql("").buyers;
    auto& query = statement(sellers_with_sales_, sql.c_str());
    query.bind(1, std::max(from_ms, from_ms_));
    query.bind(2, std::min(to_ms, to_ms_));
    while (query.executeStep()) names.push_back(query.getColumn(0).getString());
    query.reset();
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<Interval> RollupReader::sale_span(const std::string& seller, TimeMs from_ms, TimeMs to_ms) {
  static const std::string sql =
      "SELECT min(time_ms), max(time_ms) FROM pos_transactions WHERE time_ms >= ? AND time_ms < ? AND seller "
      "= ? AND " +
      sales_sql("").buyers;
  auto& query = statement(sale_span_, sql.c_str());
  query.bind(1, from_ms);
  query.bind(2, to_ms);
  query.bind(3, seller);
  std::optional<Interval> result;
  if (query.executeStep() && !query.getColumn(0).isNull()) {
    result = Interval{query.getColumn(0).getInt64(), query.getColumn(1).getInt64() + 1};
  }
  query.reset();
  return result;
}

}  // namespace footfall::data
