#include <algorithm>
#include <cmath>

#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/time_text.hpp"
#include "metrics/day_tallies.hpp"
#include "metrics/note_rules.hpp"

// One business day: its figures, hours, shifts and sellers, compared with earlier weeks and last year.
namespace footfall::data {

using namespace metrics_detail;

namespace {

Tally average(const std::vector<Tally>& tallies) {
  Tally sum;
  for (const auto& tally : tallies) sum += tally;
  const auto n = static_cast<double>(tallies.size());
  auto mean = [n](std::int64_t value) { return std::llround(static_cast<double>(value) / n); };
  Tally result;
  result.entries = mean(sum.entries);
  result.exits = mean(sum.exits);
  result.after_hours_entries = mean(sum.after_hours_entries);
  result.after_hours_exits = mean(sum.after_hours_exits);
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

}  // namespace

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
    summary.hours.push_back(row);
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
    return tallies_for(which, whole_day ? clock.day_end(which) : clock.shift_days(today.cut_ms, -days_back),
                       true)
        .total;
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
  summary.notes = day_notes(clock, summary);
  summary.quality_notes = quality_note_texts(summary.notes, "en");
  summary.last_import_ms = store.last_import_ms();
  return summary;
}

std::string business_date_of(const StoreSettings& settings, TimeMs time_ms) {
  return format_date(BusinessClock(settings).business_day_of(time_ms));
}

}  // namespace footfall::data
