#include "chain/sync_traffic.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>

namespace footfall::data::chain {
namespace {

// How much of [from, to) the intervals cover, counting overlaps once.
TimeMs covered_ms(std::vector<std::pair<TimeMs, TimeMs>> intervals, TimeMs from, TimeMs to) {
  std::sort(intervals.begin(), intervals.end());
  TimeMs covered = 0;
  TimeMs reached = from;
  for (const auto& [start, end] : intervals) {
    const TimeMs a = std::max(start, reached);
    const TimeMs b = std::min(end, to);
    if (b > a) {
      covered += b - a;
      reached = b;
    }
  }
  return covered;
}

int minutes(TimeMs ms) { return static_cast<int>((ms + 30'000) / 60'000); }

using Bucket = std::pair<TimeMs, std::string>;  // quarter-hour start, door

}  // namespace

std::vector<Param> traffic_rows(Store& local, SQLite::Database& db, const BusinessClock& clock,
                                const std::set<Bucket>& buckets, const std::string& store_id) {
  std::vector<Param> values;
  if (buckets.empty()) return values;
  const TimeMs from = buckets.begin()->first;
  const TimeMs to = std::prev(buckets.end())->first + bucket_ms;
  std::map<std::string, std::vector<std::pair<TimeMs, TimeMs>>> spans;
  std::map<std::string, std::vector<std::pair<TimeMs, TimeMs>>> gaps;
  for (const auto& span : local.camera_uptime(from, to))
    spans[span.door].emplace_back(span.start_ms, span.end_ms);
  for (const auto& gap : local.camera_gaps(from, to)) gaps[gap.door].emplace_back(gap.start_ms, gap.end_ms);
  SQLite::Statement counts(db, "SELECT entries, exits FROM count_rollup WHERE bucket_ms = ? AND door = ?");
  SQLite::Statement part(db,
                         "SELECT coalesce(sum(direction = 'in'), 0), coalesce(sum(direction = 'out'), 0) "
                         "FROM count_events WHERE door = ? AND time_ms >= ? AND time_ms < ?");
  for (const auto& [start, door] : buckets) {
    counts.reset();
    counts.bind(1, start);
    counts.bind(2, door);
    std::int64_t entries = 0;
    std::int64_t exits = 0;
    if (counts.executeStep()) {
      entries = counts.getColumn(0).getInt64();
      exits = counts.getColumn(1).getInt64();
    }
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
