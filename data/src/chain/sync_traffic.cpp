#include "chain/sync_traffic.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>

namespace footfall::data::chain {
namespace {

using Intervals = std::vector<std::pair<TimeMs, TimeMs>>;

// Sorted and overlaps joined, so that both starts and ends are in order.
Intervals merged(Intervals intervals) {
  std::sort(intervals.begin(), intervals.end());
  Intervals result;
  for (const auto& interval : intervals) {
    if (!result.empty() && interval.first <= result.back().second) {
      result.back().second = std::max(result.back().second, interval.second);
    } else {
      result.push_back(interval);
    }
  }
  return result;
}

// How much of [from, to) merged intervals cover: a year of them is searched, not walked, per quarter hour.
TimeMs covered_ms(const Intervals& intervals, TimeMs from, TimeMs to) {
  auto it = std::lower_bound(intervals.begin(), intervals.end(), from,
                             [](const auto& interval, TimeMs time) { return interval.second <= time; });
  TimeMs covered = 0;
  for (; it != intervals.end() && it->first < to; ++it)
    covered += std::min(it->second, to) - std::max(it->first, from);
  return covered;
}

int minutes(TimeMs ms) { return static_cast<int>((ms + 30'000) / 60'000); }

}  // namespace

std::vector<Param> traffic_rows(Store& local, SQLite::Database& db, const BusinessClock& clock,
                                const std::set<Bucket>& buckets, const std::string& store_id) {
  std::vector<Param> values;
  if (buckets.empty()) return values;
  const TimeMs from = buckets.begin()->first;
  const TimeMs to = std::prev(buckets.end())->first + bucket_ms;
  std::map<std::string, Intervals> spans;
  std::map<std::string, Intervals> gaps;
  for (const auto& span : local.camera_uptime(from, to))
    spans[span.door].emplace_back(span.start_ms, span.end_ms);
  for (const auto& gap : local.camera_gaps(from, to)) gaps[gap.door].emplace_back(gap.start_ms, gap.end_ms);
  for (auto* by_door : {&spans, &gaps}) {
    for (auto& [door, intervals] : *by_door) intervals = merged(std::move(intervals));
  }
  std::map<Bucket, std::pair<std::int64_t, std::int64_t>> counted;  // entries, exits
  SQLite::Statement counts(
      db,
      "SELECT bucket_ms, door, entries, exits FROM count_rollup WHERE bucket_ms >= ? AND "
      "bucket_ms < ?");
  counts.bind(1, from);
  counts.bind(2, to);
  while (counts.executeStep()) {
    counted[{counts.getColumn(0).getInt64(), counts.getColumn(1).getString()}] = {
        counts.getColumn(2).getInt64(), counts.getColumn(3).getInt64()};
  }
  SQLite::Statement part(db,
                         "SELECT coalesce(sum(direction = 'in'), 0), coalesce(sum(direction = 'out'), 0) "
                         "FROM count_events WHERE door = ? AND time_ms >= ? AND time_ms < ?");
  for (const auto& bucket : buckets) {
    const auto& [start, door] = bucket;
    const auto found = counted.find(bucket);
    const auto [entries, exits] =
        found != counted.end() ? found->second : std::pair<std::int64_t, std::int64_t>{};
    // As the kiosk's figures: crossings outside the business day's opening hours are not visitors.
    const TimeMs end = start + bucket_ms;
    const auto open = clock.opening(clock.business_day_of(start));
    const TimeMs open_from = open ? std::max(start, open->opens_ms) : end;
    const TimeMs open_to = open ? std::min(end, open->closes_ms) : end;
    std::int64_t open_entries = 0;
    std::int64_t open_exits = 0;
    if (open_from <= start && open_to >= end) {
      open_entries = entries;
      open_exits = exits;
    } else if (open_from < open_to) {
      part.reset();
      part.bind(1, door);
      part.bind(2, open_from);
      part.bind(3, open_to);
      if (part.executeStep()) {
        open_entries = part.getColumn(0).getInt64();
        open_exits = part.getColumn(1).getInt64();
      }
    }
    for (const auto& value : {store_id, number(start), day_of(clock, start), door, number(open_entries),
                              number(open_exits), number(entries - open_entries), number(exits - open_exits),
                              number(minutes(covered_ms(spans[door], start, start + bucket_ms))),
                              number(minutes(covered_ms(gaps[door], start, start + bucket_ms)))}) {
      values.emplace_back(value);
    }
  }
  return values;
}

void upsert_traffic(Connection& server, const std::vector<Param>& values) {
  upsert_rows(
      server, "traffic",
      "store_id, bucket_ms, business_day, door, entries, exits, after_hours_entries, after_hours_exits, "
      "covered_minutes, gap_minutes",
      10, values,
      "ON CONFLICT (store_id, bucket_ms, door) DO UPDATE SET entries = excluded.entries, "
      "exits = excluded.exits, after_hours_entries = excluded.after_hours_entries, "
      "after_hours_exits = excluded.after_hours_exits, covered_minutes = excluded.covered_minutes, "
      "gap_minutes = "
      "excluded.gap_minutes");
}

}  // namespace footfall::data::chain
