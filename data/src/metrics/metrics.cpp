#include "footfall/data/metrics/metrics.hpp"

#include "footfall/data/business_time.hpp"
#include "footfall/data/locale_format.hpp"
#include "footfall/data/time_text.hpp"
#include "store/rollup_reader.hpp"
#include "store/schema.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <span>
#include <stdexcept>
#include <unordered_map>

namespace footfall::data {
namespace {

constexpr TimeMs hour_ms = 3'600'000;
constexpr int minutes_per_day = 24 * 60;

struct HourTally {
  int hour = 0;
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  Tally tally;
};

struct ShiftTally {
  std::string name;
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  Tally tally;
};

struct SellerTally {
  std::string seller;
  std::vector<Interval> floor;
  bool inferred = false;
  Tally tally;
};

struct DayTallies {
  date::local_days day;
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  TimeMs cut_ms = 0;
  Tally total;
  std::vector<HourTally> hours;
  std::vector<ShiftTally> shifts;
  std::vector<SellerTally> sellers;
};

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

std::vector<SellerTally> seller_tallies(RollupReader& reader, std::span<const RosterEntry> roster, TimeMs start,
                                        TimeMs end, TimeMs cut, const Interval& open) {
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
      seller.tally += reader.traffic(window.start, std::min(window.end, cut));
      add_opening(seller.tally, reader, open, window.start, std::min(window.end, cut));
      seller.tally.staff_ms += overlap(window, start, cut);
    }
  }
  return result;
}

// A business day's edges in UTC; `one_offset` when the whole day has one UTC offset (24 hours long),
// so local times in it are plain offsets from its start and need no zone lookup.
struct DayEdges {
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  bool one_offset = false;
};

DayEdges day_edges(TimeMs start_ms, TimeMs end_ms) {
  return {start_ms, end_ms, end_ms - start_ms == static_cast<TimeMs>(minutes_per_day) * 60'000};
}

ShiftTally shift_window(const BusinessClock& clock, const ShiftDefinition& shift, date::local_days day,
                        const DayEdges& edges) {
  // A shift starting before the cutoff belongs to the small hours after midnight.
  const bool after_midnight = shift.start_minutes < clock.cutoff_minutes();
  const auto first_day = after_midnight ? day + date::days{1} : day;
  int length = ((shift.end_minutes - shift.start_minutes) % minutes_per_day + minutes_per_day) % minutes_per_day;
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

DayTallies compute_day(RollupReader& reader, const BusinessClock& clock, const std::vector<ShiftDefinition>& shifts,
                       std::span<const RosterEntry> roster, date::local_days day, const DayEdges& edges,
                       TimeMs as_of_ms, bool totals_only = false) {
  DayTallies result;
  result.day = day;
  result.start_ms = edges.start_ms;
  result.end_ms = edges.end_ms;
  result.cut_ms = std::clamp(as_of_ms, result.start_ms, result.end_ms);
  const TimeMs cut = result.cut_ms;

  const ShiftTally opening =
      shift_window(clock, {"open", 0x7F, clock.open_minutes(), clock.close_minutes()}, day, edges);
  const Interval open{opening.start_ms, opening.end_ms};
  result.sellers = seller_tallies(reader, roster, result.start_ms, result.end_ms, cut, open);
  auto window = [&](TimeMs from, TimeMs to) {
    Tally tally = reader.window(from, std::min(to, cut));
    tally.staff_ms = staff_ms(result.sellers, from, std::min(to, cut));
    add_opening(tally, reader, open, from, std::min(to, cut));
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
  const bool one_pass = cut == result.end_ms && reader.hourly_windows(result.start_ms, result.end_ms, whole_hours);
  std::size_t index = 0;
  for (TimeMs start = result.start_ms; start < result.end_ms; start += hour_ms, ++index) {
    const TimeMs end = std::min(start + hour_ms, result.end_ms);
    const int hour = one_offset ? (first_hour + static_cast<int>((start - result.start_ms) / hour_ms)) % 24
                                : clock.local_hour(start);
    Tally tally;
    if (one_pass) {
      tally = whole_hours[index];
      tally.staff_ms = staff_ms(result.sellers, start, end);
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

std::string clock_text(const BusinessClock& clock, TimeMs time_ms) {
  return footfall::data::clock_text(clock.local_minutes(time_ms));
}

std::vector<std::string> day_quality_notes(const BusinessClock& clock, const StoreSettings& settings,
                                           const DayTallies& day, const std::vector<CameraGap>& gaps) {
  std::vector<std::string> notes;
  for (const auto& gap : gaps) {
    notes.push_back("Camera down on door " + gap.door + " " + clock_text(clock, gap.start_ms) + "–" +
                    clock_text(clock, gap.end_ms) + (gap.reason.empty() ? "" : " (" + gap.reason + ")") +
                    ": excluded from conversion");
  }
  if (const auto total = make_figures(day.total, settings); total.partial) {
    notes.push_back(format_coverage(total.covered_open_minutes, total.open_minutes, true, "en") +
                    ": conversion and sales per visitor use covered time only");
  }
  if (const auto total = make_figures(day.total, settings); total.buyers_above_visitors) {
    notes.push_back(format_buyers_above_visitors("The day", covered_buyers(total), total.visitors, "en"));
  }
  for (const auto& hour : day.hours) {
    const auto figures = make_figures(hour.tally, settings);
    if (sales_but_no_visitors(figures)) {
      notes.push_back("Sales at " + clock_text(clock, hour.start_ms) + " but no visitors counted");
    }
    if (figures.buyers_above_visitors) {
      notes.push_back(format_buyers_above_visitors(clock_text(clock, hour.start_ms), covered_buyers(figures),
                                                   figures.visitors, "en"));
    }
  }
  for (const auto& seller : day.sellers) {
    if (seller.inferred) {
      notes.push_back("No roster for " + seller.seller + ": floor time inferred from first and last sale");
    }
  }
  return notes;
}

Tally average(const std::vector<Tally>& tallies) {
  Tally sum;
  for (const auto& tally : tallies) sum += tally;
  const auto n = static_cast<double>(tallies.size());
  auto mean = [n](std::int64_t value) { return std::llround(static_cast<double>(value) / n); };
  Tally result;
  result.entries = mean(sum.entries);
  result.exits = mean(sum.exits);
  result.buyers = mean(sum.buyers);
  result.buyers_in_gaps = mean(sum.buyers_in_gaps);
  result.gross = mean(sum.gross);
  result.net = mean(sum.net);
  result.net_in_gaps = mean(sum.net_in_gaps);
  result.units = sum.units / n;
  result.gap_ms = mean(sum.gap_ms);
  result.covered_ms = mean(sum.covered_ms);
  result.open_ms = mean(sum.open_ms);
  result.open_covered_ms = mean(sum.open_covered_ms);
  result.staff_ms = mean(sum.staff_ms);
  return result;
}

std::string hour_label(date::local_days day, int hour) {
  char text[16];
  std::snprintf(text, sizeof text, " %02d:00", hour);
  return format_date(day) + text;
}

const std::array<const char*, 7> weekday_labels = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

}  // namespace

Conversion wilson_conversion(std::int64_t buyers, std::int64_t visitors, int low_data_visitors) {
  Conversion result;
  result.low_data = visitors < low_data_visitors;
  if (visitors <= 0) return result;
  const double n = static_cast<double>(visitors);
  result.rate = static_cast<double>(buyers) / n;
  // The interval needs a proportion; more buyers than visitors (bad data) is pinned to 1.
  const double p = std::clamp(*result.rate, 0.0, 1.0);
  constexpr double z = 1.959963984540054;
  const double z2 = z * z;
  const double denominator = 1.0 + z2 / n;
  const double centre = (p + z2 / (2.0 * n)) / denominator;
  const double half_width = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
  // At p = 0 or 1 the bound is exactly 0 or 1; rounding would otherwise leave 5e-17.
  result.low = p == 0.0 ? 0.0 : std::max(0.0, centre - half_width);
  result.high = p == 1.0 ? 1.0 : std::min(1.0, centre + half_width);
  return result;
}

std::int64_t covered_buyers(const Figures& figures) { return figures.buyers - figures.buyers_in_camera_gaps; }

bool sales_but_no_visitors(const Figures& figures) {
  return covered_buyers(figures) > 0 && figures.visitors == 0;
}

Figures make_figures(const Tally& tally, const StoreSettings& settings) {
  Figures figures;
  figures.entries = tally.entries;
  figures.exits = tally.exits;
  figures.visitors = visitors_from(settings.visitor_rule, tally.entries, tally.exits);
  figures.buyers = tally.buyers;
  figures.buyers_in_camera_gaps = tally.buyers_in_gaps;
  figures.net_sales = tally.net;
  figures.gross_sales = tally.gross;
  figures.units = tally.units;
  figures.conversion =
      wilson_conversion(tally.buyers - tally.buyers_in_gaps, figures.visitors, settings.low_data_visitors);
  // More receipts than people who came in is not a conversion: a gap, a zone, a door or a till is wrong.
  figures.buyers_above_visitors = figures.visitors > 0 && covered_buyers(figures) > figures.visitors;
  if (figures.buyers_above_visitors) figures.conversion.rate.reset();
  if (tally.buyers > 0) {
    const auto buyers = static_cast<double>(tally.buyers);
    figures.atv = static_cast<double>(tally.net) / buyers;
    figures.upt = tally.units / buyers;
  }
  if (figures.visitors > 0) {
    figures.spv = static_cast<double>(tally.net - tally.net_in_gaps) / static_cast<double>(figures.visitors);
  }
  figures.staff_hours = static_cast<double>(tally.staff_ms) / static_cast<double>(hour_ms);
  if (tally.staff_ms > 0) figures.visitors_per_staff_hour = static_cast<double>(figures.visitors) / figures.staff_hours;
  const auto minutes = [](TimeMs ms) { return static_cast<int>((ms + 30'000) / 60'000); };
  figures.camera_gap_minutes = minutes(tally.gap_ms);
  figures.covered_minutes = minutes(tally.covered_ms);
  figures.open_minutes = minutes(tally.open_ms);
  figures.covered_open_minutes = minutes(tally.open_covered_ms);
  // Heartbeats trail the clock by seconds: only a missed minute or more makes the figures partial.
  figures.partial = tally.open_ms - tally.open_covered_ms >= 60'000;
  return figures;
}

DaySummary day_summary(Store& store, const std::string& business_date, std::optional<TimeMs> as_of_ms) {
  const auto settings = store.settings();
  const BusinessClock clock(settings);
  const auto day = parse_date(business_date);
  const auto shifts = store.shifts();

  auto tallies_for = [&](date::local_days which, TimeMs cut, bool totals_only) {
    const TimeMs start = clock.day_start(which);
    const TimeMs end = clock.day_end(which);
    RollupReader reader(store, start, std::min(end, std::max(cut, start)), reader_bucket(clock, start, end));
    return compute_day(reader, clock, shifts, store.roster(start, end), which, day_edges(start, end), cut,
                       totals_only);
  };
  const auto today = tallies_for(day, as_of_ms.value_or(clock.day_end(day)), false);

  DaySummary summary;
  summary.date = format_date(day);
  summary.start_ms = today.start_ms;
  summary.end_ms = today.end_ms;
  summary.as_of_ms = today.cut_ms;
  summary.total = make_figures(today.total, settings);
  std::int64_t peak_visitors = 0;
  for (const auto& hour : today.hours) {
    HourRow row{hour.hour, hour.start_ms, make_figures(hour.tally, settings), false};
    row.camera_down = hour.tally.gap_ms > 0 || row.figures.partial;
    if (row.figures.visitors > peak_visitors) {
      peak_visitors = row.figures.visitors;
      summary.peak_hour = row.hour;
    }
    summary.hours.push_back(std::move(row));
  }
  for (const auto& shift : today.shifts) {
    summary.shifts.push_back({shift.name, shift.start_ms, shift.end_ms, make_figures(shift.tally, settings)});
  }
  for (const auto& seller : today.sellers) {
    summary.sellers.push_back({seller.seller, make_figures(seller.tally, settings),
                               static_cast<double>(seller.tally.staff_ms) / static_cast<double>(hour_ms),
                               seller.inferred});
  }

  const bool whole_day = today.cut_ms == today.end_ms;
  auto earlier = [&](int days_back) {
    const auto which = day - date::days{days_back};
    return tallies_for(which, whole_day ? clock.day_end(which) : clock.shift_days(today.cut_ms, -days_back), true).total;
  };
  std::vector<Tally> last_four;
  for (int week = 1; week <= 4; ++week) {
    const auto tally = earlier(7 * week);
    if (week == 1) summary.same_time_last_week = make_figures(tally, settings);
    if (has_data(tally)) last_four.push_back(tally);
  }
  if (!last_four.empty()) summary.average_last_four = make_figures(average(last_four), settings);
  // 364 days back is the same weekday, which matters more in retail than the calendar date.
  if (const auto last_year = earlier(364); has_data(last_year)) {
    summary.same_day_last_year = make_figures(last_year, settings);
  }

  for (auto gap : store.camera_gaps(today.start_ms, today.end_ms)) {
    gap.start_ms = std::max(gap.start_ms, today.start_ms);
    gap.end_ms = std::min(gap.end_ms, today.end_ms);
    summary.camera_gaps.push_back(std::move(gap));
  }
  summary.quality_notes = day_quality_notes(clock, settings, today, summary.camera_gaps);
  summary.last_import_ms = store.last_import_ms();
  return summary;
}

GroupBy parse_group_by(const std::string& text) {
  static const std::map<std::string, GroupBy> names = {
      {"hour", GroupBy::Hour},   {"day", GroupBy::Day},       {"week", GroupBy::Week},
      {"month", GroupBy::Month}, {"shift", GroupBy::Shift},   {"seller", GroupBy::Seller},
      {"weekday", GroupBy::Weekday}};
  const auto found = names.find(text);
  if (found == names.end()) {
    throw std::invalid_argument("group by \"" + text + "\": expected hour, day, week, month, shift, seller or weekday");
  }
  return found->second;
}

const char* group_by_name(GroupBy group_by) {
  switch (group_by) {
    case GroupBy::Hour: return "hour";
    case GroupBy::Day: return "day";
    case GroupBy::Week: return "week";
    case GroupBy::Month: return "month";
    case GroupBy::Shift: return "shift";
    case GroupBy::Seller: return "seller";
    case GroupBy::Weekday: return "weekday";
  }
  return "day";
}

namespace {

// Rows of a range report in the order their labels first appear.
class RowGroups {
 public:
  void add(const std::string& label, TimeMs from, TimeMs to, const Tally& tally, bool inferred) {
    auto [found, inserted] = index_.try_emplace(label, groups_.size());
    if (inserted) {
      groups_.push_back({});
      groups_.back().row.label = label;
      groups_.back().row.start_ms = from;
    }
    auto& group = groups_[found->second];
    group.tally += tally;
    group.row.end_ms = std::max(group.row.end_ms, to);
    group.row.roster_inferred = group.row.roster_inferred || inferred;
  }

  [[nodiscard]] std::vector<RangeRow> rows(const StoreSettings& settings) const {
    std::vector<RangeRow> result;
    for (const auto& group : groups_) {
      result.push_back(group.row);
      result.back().figures = make_figures(group.tally, settings);
      result.back().camera_down = group.tally.gap_ms > 0;
    }
    return result;
  }

 private:
  struct Group {
    RangeRow row;
    Tally tally;
  };
  std::vector<Group> groups_;
  std::unordered_map<std::string, std::size_t> index_;
};

std::string hour_text_of(int hour) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:00", hour);
  return text;
}

}  // namespace

RangeSummary range_summary(Store& store, const std::string& from_date, const std::string& to_date, GroupBy group_by) {
  constexpr int max_days = 3700;
  const auto settings = store.settings();
  const BusinessClock clock(settings);
  const auto first = parse_date(from_date);
  const auto last = parse_date(to_date);
  if (last < first) throw std::invalid_argument("range " + from_date + " to " + to_date + ": ends before it starts");
  if ((last - first).count() > max_days) {
    throw std::invalid_argument("range " + from_date + " to " + to_date + ": more than ten years");
  }
  const auto shifts = store.shifts();
  BusinessDays business_days;
  business_days.first_day = first.time_since_epoch().count();
  business_days.time_zone = settings.time_zone;
  business_days.cutoff_minutes = settings.cutoff_minutes;
  for (auto day = first; day <= last + date::days{1}; day += date::days{1}) {
    business_days.starts.push_back(clock.day_start(day));
  }
  const TimeMs start = business_days.starts.front();
  const TimeMs end = business_days.starts.back();
  RollupReader reader(store, start, end, reader_bucket(clock, start, end), business_days);
  // Each day looks only at the entries that can overlap it (entries last at most a day).
  const auto roster = store.roster_by_start(start, end);
  std::size_t roster_first = 0;

  RowGroups groups;
  RowGroups shift_groups;
  RowGroups seller_groups;
  const auto add = [&groups](const std::string& label, TimeMs from, TimeMs to, const Tally& tally, bool inferred) {
    groups.add(label, from, to, tally, inferred);
  };

  RangeSummary summary;
  summary.from_date = format_date(first);
  summary.to_date = format_date(last);
  summary.group_by = group_by;
  Tally total;
  std::array<std::array<Tally, 24>, 7> heat{};
  std::map<std::string, int> inferred_days;  // seller → days without a roster
  if (group_by == GroupBy::Weekday) {
    for (std::size_t weekday = 0; weekday < weekday_labels.size(); ++weekday) add(weekday_labels[weekday], 0, 0, {}, false);
  }
  std::size_t day_number = 0;
  for (auto day = first; day <= last; day += date::days{1}, ++day_number) {
    const TimeMs day_start = business_days.starts[day_number];
    const TimeMs day_end = business_days.starts[day_number + 1];
    while (roster_first < roster.size() && roster[roster_first].start_ms < day_start - 24 * hour_ms) ++roster_first;
    std::size_t roster_last = roster_first;
    while (roster_last < roster.size() && roster[roster_last].start_ms < day_end) ++roster_last;
    const std::span<const RosterEntry> day_roster(roster.data() + roster_first, roster_last - roster_first);
    const auto tallies = compute_day(reader, clock, shifts, day_roster, day, day_edges(day_start, day_end), end);
    total += tallies.total;
    const auto weekday = static_cast<std::size_t>(weekday_index(day));
    for (const auto& hour : tallies.hours) {
      heat[weekday][static_cast<std::size_t>(hour.hour)] += hour.tally;
      if (group_by == GroupBy::Hour) add(hour_label(day, hour.hour), hour.start_ms, hour.end_ms, hour.tally, false);
    }
    switch (group_by) {
      case GroupBy::Hour: break;
      case GroupBy::Day: add(format_date(day), tallies.start_ms, tallies.end_ms, tallies.total, false); break;
      case GroupBy::Week: {
        const auto monday = day - date::days{weekday};
        add(date::format("%G-W%V", monday), tallies.start_ms, tallies.end_ms, tallies.total, false);
        break;
      }
      case GroupBy::Month: add(date::format("%Y-%m", day), tallies.start_ms, tallies.end_ms, tallies.total, false); break;
      case GroupBy::Shift:
        for (const auto& shift : tallies.shifts) add(shift.name, 0, 0, shift.tally, false);
        break;
      case GroupBy::Seller:
        for (const auto& seller : tallies.sellers) add(seller.seller, 0, 0, seller.tally, seller.inferred);
        break;
      case GroupBy::Weekday: add(weekday_labels[weekday], 0, 0, tallies.total, false); break;
    }
    for (const auto& shift : tallies.shifts) shift_groups.add(shift.name, 0, 0, shift.tally, false);
    for (const auto& seller : tallies.sellers) {
      seller_groups.add(seller.seller, 0, 0, seller.tally, seller.inferred);
      if (seller.inferred) ++inferred_days[seller.seller];
    }
  }
  for (const auto& [seller, days] : inferred_days) {
    summary.quality_notes.push_back("No roster for " + seller + " on " + std::to_string(days) +
                                    (days == 1 ? " day" : " days") + ": floor time inferred from first and last sale");
  }
  summary.total = make_figures(total, settings);
  summary.rows = groups.rows(settings);
  if (summary.total.buyers_above_visitors) {
    summary.quality_notes.push_back(format_buyers_above_visitors(summary.from_date + " – " + summary.to_date,
                                                                 covered_buyers(summary.total),
                                                                 summary.total.visitors, "en"));
  }
  for (const auto& row : summary.rows) {
    if (row.figures.buyers_above_visitors) {
      summary.quality_notes.push_back(
          format_buyers_above_visitors(row.label, covered_buyers(row.figures), row.figures.visitors, "en"));
    }
  }
  summary.shifts = shift_groups.rows(settings);
  summary.sellers = seller_groups.rows(settings);
  std::array<Tally, 24> hour_of_day{};
  for (std::size_t weekday = 0; weekday < heat.size(); ++weekday) {
    for (std::size_t hour = 0; hour < heat[weekday].size(); ++hour) {
      summary.weekday_hour[weekday][hour] = make_figures(heat[weekday][hour], settings);
      hour_of_day[hour] += heat[weekday][hour];
    }
  }
  for (std::size_t hour = 0; hour < hour_of_day.size(); ++hour) {
    if (!has_data(hour_of_day[hour])) continue;
    RangeRow row;
    row.label = hour_text_of(static_cast<int>(hour));
    row.figures = make_figures(hour_of_day[hour], settings);
    row.camera_down = hour_of_day[hour].gap_ms > 0;
    summary.hours.push_back(std::move(row));
  }
  for (const auto& gap : store.camera_gaps(start, end)) {
    summary.quality_notes.push_back("Camera down on door " + gap.door + " from " +
                                    format_date(clock.business_day_of(gap.start_ms)) + " " +
                                    clock_text(clock, gap.start_ms) + " for " +
                                    std::to_string((gap.end_ms - gap.start_ms + 30'000) / 60'000) + " min" +
                                    (gap.reason.empty() ? "" : " (" + gap.reason + ")"));
  }
  summary.last_import_ms = store.last_import_ms();
  return summary;
}

std::string business_date_of(const StoreSettings& settings, TimeMs time_ms) {
  return format_date(BusinessClock(settings).business_day_of(time_ms));
}

}  // namespace footfall::data
