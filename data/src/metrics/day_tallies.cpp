#include "metrics/day_tallies.hpp"

#include <algorithm>

#include "store/schema.hpp"

namespace footfall::data::metrics_detail {
namespace {

TimeMs staff_ms(const std::vector<SellerTally>& sellers, TimeMs from, TimeMs to) {
  TimeMs total = 0;
  for (const auto& seller : sellers) {
    for (const auto& window : seller.floor) total += overlap(window, from, to);
  }
  return total;
}

// The opening hours inside [from, to) and how much of them a camera counted.
void add_opening(Tally& tally, RollupReader& reader, const Interval& open, TimeMs from, TimeMs to) {
  tally.open_ms += overlap(open, from, to);
  tally.open_covered_ms += reader.covered_ms(std::max(from, open.start), std::min(to, open.end));
}

// Crossings in [from, to) outside the opening hours move from entries and exits to after hours.
void set_apart_after_hours(Tally& tally, RollupReader& reader, const Interval& open, TimeMs from, TimeMs to) {
  Tally outside;
  if (from < std::min(to, open.start)) outside += reader.traffic(from, std::min(to, open.start));
  if (std::max(from, open.end) < to) outside += reader.traffic(std::max(from, open.end), to);
  tally.entries -= outside.entries;
  tally.exits -= outside.exits;
  tally.after_hours_entries += outside.entries;
  tally.after_hours_exits += outside.exits;
}

std::vector<SellerTally> seller_tallies(RollupReader& reader, std::span<const RosterEntry> roster,
                                        TimeMs start, TimeMs end, TimeMs cut, const Interval& open) {
  // A handful of sellers a day: a vector searched by name costs less than a map's nodes.
  std::vector<SellerTally> result;
  const auto find = [&result](const std::string& name) -> SellerTally* {
    for (auto& seller : result) {
      if (seller.seller == name) return &seller;
    }
    return nullptr;
  };
  for (const auto& entry : roster) {
    if (entry.end_ms <= start || entry.start_ms >= end || entry.seller.empty()) continue;
    auto* seller = find(entry.seller);
    if (seller == nullptr) {
      seller = &result.emplace_back();
      seller->seller = entry.seller;
    }
    seller->floor.push_back({std::max(entry.start_ms, start), std::min(entry.end_ms, end)});
  }
  for (const auto& name : reader.sellers_with_sales(start, cut)) {
    if (name.empty() || find(name) != nullptr) continue;
    const auto span = reader.sale_span(name, start, cut);
    if (!span) continue;
    auto& seller = result.emplace_back();
    seller.seller = name;
    seller.inferred = true;
    seller.floor.push_back(*span);
  }
  std::sort(result.begin(), result.end(),
            [](const SellerTally& a, const SellerTally& b) { return a.seller < b.seller; });
  for (auto& seller : result) {
    seller.tally += reader.sales(start, cut, &seller.seller);
    for (const auto& window : seller.floor) {
      Tally traffic = reader.traffic(window.start, std::min(window.end, cut));
      set_apart_after_hours(traffic, reader, open, window.start, std::min(window.end, cut));
      seller.tally += traffic;
      add_opening(seller.tally, reader, open, window.start, std::min(window.end, cut));
      seller.tally.staff_ms += overlap(window, start, cut);
    }
  }
  return result;
}

ShiftTally shift_window(const BusinessClock& clock, const ShiftDefinition& shift, date::local_days day,
                        const DayEdges& edges) {
  // A shift starting before the cutoff belongs to the small hours after midnight.
  const bool after_midnight = shift.start_minutes < clock.cutoff_minutes();
  const auto first_day = after_midnight ? day + date::days{1} : day;
  int length =
      ((shift.end_minutes - shift.start_minutes) % minutes_per_day + minutes_per_day) % minutes_per_day;
  if (length == 0) length = minutes_per_day;
  auto at_local = [&](int minutes) {
    if (!edges.one_offset) return clock.at_local(first_day, minutes);
    const int since_start = minutes - clock.cutoff_minutes() + (after_midnight ? minutes_per_day : 0);
    return edges.start_ms + static_cast<TimeMs>(since_start) * 60'000;
  };
  ShiftTally result;
  result.name = shift.name;
  result.start_ms = std::clamp(at_local(shift.start_minutes), edges.start_ms, edges.end_ms);
  result.end_ms = std::clamp(at_local(shift.start_minutes + length), edges.start_ms, edges.end_ms);
  return result;
}

}  // namespace

DayEdges day_edges(TimeMs start_ms, TimeMs end_ms) {
  return {start_ms, end_ms, end_ms - start_ms == static_cast<TimeMs>(minutes_per_day) * 60'000};
}

DayTallies compute_day(RollupReader& reader, const BusinessClock& clock,
                       const std::vector<ShiftDefinition>& shifts, std::span<const RosterEntry> roster,
                       date::local_days day, const DayEdges& edges, TimeMs as_of_ms, bool totals_only) {
  DayTallies result;
  result.day = day;
  result.start_ms = edges.start_ms;
  result.end_ms = edges.end_ms;
  result.cut_ms = std::clamp(as_of_ms, result.start_ms, result.end_ms);
  const TimeMs cut = result.cut_ms;

  const auto opening = clock.opening(day);
  // A closed day is one empty interval at the day's start: everything counted in it is after hours.
  const Interval open = opening ? Interval{std::clamp(opening->opens_ms, edges.start_ms, edges.end_ms),
                                           std::clamp(opening->closes_ms, edges.start_ms, edges.end_ms)}
                                : Interval{edges.start_ms, edges.start_ms};
  result.sellers = seller_tallies(reader, roster, result.start_ms, result.end_ms, cut, open);
  auto window = [&](TimeMs from, TimeMs to) {
    Tally tally = reader.window(from, std::min(to, cut));
    set_apart_after_hours(tally, reader, open, from, std::min(to, cut));
    add_opening(tally, reader, open, from, std::min(to, cut));
    tally.staff_ms = staff_ms(result.sellers, from, std::min(to, cut));
    return tally;
  };
  result.total = window(result.start_ms, result.end_ms);
  if (totals_only) return result;
  // A day of one offset counts its hours up from the first; DST days ask the zone for every hour.
  const bool one_offset = edges.one_offset;
  const int first_hour = clock.local_hour(result.start_ms);
  result.hours.reserve(25);
  // A whole day's hours in one pass over the buckets where it can be; window by window otherwise.
  std::vector<Tally> whole_hours;
  const bool one_pass =
      cut == result.end_ms && reader.hourly_windows(result.start_ms, result.end_ms, whole_hours);
  std::size_t index = 0;
  for (TimeMs start = result.start_ms; start < result.end_ms; start += hour_ms, ++index) {
    const TimeMs end = std::min(start + hour_ms, result.end_ms);
    const int hour = one_offset ? (first_hour + static_cast<int>((start - result.start_ms) / hour_ms)) % 24
                                : clock.local_hour(start);
    Tally tally;
    if (one_pass) {
      tally = whole_hours[index];
      tally.staff_ms = staff_ms(result.sellers, start, end);
      set_apart_after_hours(tally, reader, open, start, end);
      add_opening(tally, reader, open, start, end);
    } else if (start < cut) {
      tally = window(start, end);
    }
    result.hours.push_back({hour, start, end, tally});
  }
  const int weekday_bit = 1 << weekday_index(day);
  for (const auto& shift : shifts) {
    if ((shift.weekday_mask & weekday_bit) == 0) continue;
    auto row = shift_window(clock, shift, day, edges);
    row.tally = window(row.start_ms, row.end_ms);
    result.shifts.push_back(std::move(row));
  }
  return result;
}

TimeMs reader_bucket(const BusinessClock& clock, TimeMs from_ms, TimeMs to_ms) {
  return clock.whole_hour_offsets(from_ms, to_ms) ? hour_ms : rollup_bucket_ms;
}

bool has_data(const Tally& tally) {
  return tally.entries != 0 || tally.exits != 0 || tally.buyers != 0 || tally.net != 0;
}

}  // namespace footfall::data::metrics_detail
