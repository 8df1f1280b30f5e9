#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/time_text.hpp"
#include "metrics/day_tallies.hpp"
#include "metrics/note_rules.hpp"

// A range of business days grouped by hour, day, week, month, shift, seller or weekday.
namespace footfall::data {

using namespace metrics_detail;

GroupBy parse_group_by(const std::string& text) {
  static const std::map<std::string, GroupBy> names = {
      {"hour", GroupBy::Hour},      {"day", GroupBy::Day},     {"week", GroupBy::Week},
      {"month", GroupBy::Month},    {"shift", GroupBy::Shift}, {"seller", GroupBy::Seller},
      {"weekday", GroupBy::Weekday}};
  const auto found = names.find(text);
  if (found == names.end()) {
    throw std::invalid_argument("group by \"" + text +
                                "\": expected hour, day, week, month, shift, seller or weekday");
  }
  return found->second;
}

const char* group_by_name(GroupBy group_by) {
  switch (group_by) {
    case GroupBy::Hour:
      return "hour";
    case GroupBy::Day:
      return "day";
    case GroupBy::Week:
      return "week";
    case GroupBy::Month:
      return "month";
    case GroupBy::Shift:
      return "shift";
    case GroupBy::Seller:
      return "seller";
    case GroupBy::Weekday:
      return "weekday";
  }
  return "day";
}

namespace {

std::string hour_label(date::local_days day, int hour) {
  return format_date(day) + " " + clock_text(hour * 60);
}

const std::array<const char*, 7> weekday_labels = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

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

}  // namespace

RangeSummary range_summary(Store& store, const std::string& from_date, const std::string& to_date,
                           GroupBy group_by) {
  constexpr int max_days = 3700;
  const auto settings = store.settings();
  const BusinessClock clock(settings);
  const auto first = parse_date(from_date);
  const auto last = parse_date(to_date);
  if (last < first)
    throw std::invalid_argument("range " + from_date + " to " + to_date + ": ends before it starts");
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
  const auto add = [&groups](const std::string& label, TimeMs from, TimeMs to, const Tally& tally,
                             bool inferred) { groups.add(label, from, to, tally, inferred); };

  RangeSummary summary;
  summary.from_date = format_date(first);
  summary.to_date = format_date(last);
  summary.group_by = group_by;
  Tally total;
  std::array<std::array<Tally, 24>, 7> heat{};
  std::map<std::string, int> inferred_days;  // seller → days without a roster
  if (group_by == GroupBy::Weekday) {
    for (std::size_t weekday = 0; weekday < weekday_labels.size(); ++weekday)
      add(weekday_labels[weekday], 0, 0, {}, false);
  }
  struct PeriodDays {
    int in_period = 0;
    int in_range = 0;
    int without_camera = 0;
    int without_sales = 0;
  };
  std::map<std::string, PeriodDays> period_days;  // week or month label → its days
  const auto count_period_day = [&period_days](const std::string& label, int days_in_period,
                                               const Tally& day_tally) {
    auto& days = period_days[label];
    days.in_period = days_in_period;
    ++days.in_range;
    const bool counted = day_tally.open_ms > 0 ? day_tally.open_covered_ms > 0 : day_tally.covered_ms > 0;
    if (!counted) ++days.without_camera;
    if (day_tally.buyers == 0 && day_tally.net == 0) ++days.without_sales;
  };
  std::size_t day_number = 0;
  for (auto day = first; day <= last; day += date::days{1}, ++day_number) {
    const TimeMs day_start = business_days.starts[day_number];
    const TimeMs day_end = business_days.starts[day_number + 1];
    while (roster_first < roster.size() && roster[roster_first].start_ms < day_start - 24 * hour_ms)
      ++roster_first;
    std::size_t roster_last = roster_first;
    while (roster_last < roster.size() && roster[roster_last].start_ms < day_end) ++roster_last;
    const std::span<const RosterEntry> day_roster(roster.data() + roster_first, roster_last - roster_first);
    const auto tallies =
        compute_day(reader, clock, shifts, day_roster, day, day_edges(day_start, day_end), end);
    total += tallies.total;
    const auto weekday = static_cast<std::size_t>(weekday_index(day));
    for (const auto& hour : tallies.hours) {
      heat[weekday][static_cast<std::size_t>(hour.hour)] += hour.tally;
      if (group_by == GroupBy::Hour)
        add(hour_label(day, hour.hour), hour.start_ms, hour.end_ms, hour.tally, false);
    }
    switch (group_by) {
      case GroupBy::Hour:
        break;
      case GroupBy::Day:
        add(format_date(day), tallies.start_ms, tallies.end_ms, tallies.total, false);
        break;
      case GroupBy::Week: {
        const auto monday = day - date::days{weekday};
        const auto label = date::format("%G-W%V", monday);
        add(label, tallies.start_ms, tallies.end_ms, tallies.total, false);
        count_period_day(label, 7, tallies.total);
        break;
      }
      case GroupBy::Month: {
        const auto label = date::format("%Y-%m", day);
        const date::year_month_day ymd{day};
        const auto month_days = static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day());
        add(label, tallies.start_ms, tallies.end_ms, tallies.total, false);
        count_period_day(label, static_cast<int>(month_days), tallies.total);
        break;
      }
      case GroupBy::Shift:
        for (const auto& shift : tallies.shifts) add(shift.name, 0, 0, shift.tally, false);
        break;
      case GroupBy::Seller:
        for (const auto& seller : tallies.sellers) add(seller.seller, 0, 0, seller.tally, seller.inferred);
        break;
      case GroupBy::Weekday:
        add(weekday_labels[weekday], 0, 0, tallies.total, false);
        break;
    }
    for (const auto& shift : tallies.shifts) shift_groups.add(shift.name, 0, 0, shift.tally, false);
    for (const auto& seller : tallies.sellers) {
      seller_groups.add(seller.seller, 0, 0, seller.tally, seller.inferred);
      if (seller.inferred) ++inferred_days[seller.seller];
    }
  }
  summary.total = make_figures(total, settings);
  summary.rows = groups.rows(settings);
  for (auto& row : summary.rows) {
    const auto found = period_days.find(row.label);
    if (found == period_days.end()) continue;
    const auto& days = found->second;
    row.days_in_period = days.in_period;
    row.days_in_range = days.in_range;
    row.days_without_camera = days.without_camera;
    row.days_without_sales = days.without_sales;
    row.partial_period = days.in_range < days.in_period || days.without_camera > 0 || days.without_sales > 0;
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
    row.label = clock_text(static_cast<int>(hour) * 60);
    row.figures = make_figures(hour_of_day[hour], settings);
    row.camera_down = hour_of_day[hour].gap_ms > 0;
    summary.hours.push_back(std::move(row));
  }
  summary.notes = range_notes(clock, summary, inferred_days, store.camera_gaps(start, end));
  summary.quality_notes = quality_note_texts(summary.notes, "en");
  summary.last_import_ms = store.last_import_ms();
  return summary;
}

}  // namespace footfall::data
