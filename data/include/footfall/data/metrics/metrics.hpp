#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "footfall/data/metrics/quality_notes.hpp"
#include "footfall/data/store/store.hpp"
#include "footfall/data/types.hpp"

namespace footfall::data {

struct Conversion {
  std::optional<double> rate;  // empty with no visitors, or more buyers than visitors ("—")
  double low = 0.0;            // 95% Wilson interval
  double high = 0.0;
  bool low_data = false;
};

// The one set of definitions used by the kiosk, the reports and every export:
//   covered    the time a camera counted: while a counter ran (live or a recording's span), outside
//              recorded gaps; any other time is a gap, never zero visitors
//   visitors   entries (or (in + out) / 2 per settings) during opening hours, camera-down periods
//              excluded; crossings outside opening hours (staff, deliveries) are after_hours_visitors
//   buyers     completed sales (void, cancelled and refunds are not buyers); the rule, in C++ and
//              in SQL, is data/src/store/buyer_rule.hpp, and nothing else spells it
//   conversion (buyers in covered time) / visitors, 95% Wilson interval
//   net_sales  sales minus refunds, each on the day it happened
//   atv        net sales / buyers;  spv  net sales in covered time / visitors;  upt  units sold / buyers
//              (both from net sales, so atv × buyers = net sales and spv × visitors = covered net sales)
//   partial    the camera covered less than the opening hours in the window
//   buyers_above_visitors  more buyers in covered time than visitors: a data problem, so the
//              conversion is left empty rather than shown above 100 %
struct Figures {
  std::int64_t visitors = 0;
  std::int64_t entries = 0;
  std::int64_t exits = 0;
  std::int64_t after_hours_visitors = 0;  // the same rule outside opening hours: shown apart
  std::int64_t buyers = 0;
  Money net_sales = 0;
  double units = 0.0;
  Conversion conversion;
  std::optional<double> atv;  // average ticket, minor units
  std::optional<double> spv;  // sales per visitor, minor units
  std::optional<double> upt;  // units per transaction
  std::optional<double> visitors_per_staff_hour;
  int camera_gap_minutes = 0;              // recorded gaps
  std::int64_t buyers_in_camera_gaps = 0;  // bought while no camera counted: in buyers, not in conversion
  int covered_minutes = 0;                 // a camera counted
  int open_minutes = 0;                    // opening hours in the window
  int covered_open_minutes = 0;            // opening hours a camera counted
  bool partial = false;                    // a minute or more of the opening hours had no camera
  bool buyers_above_visitors = false;      // see above: conversion.rate is empty
  Money gross_sales = 0;                   // completed sales before refunds (JSON only)
  double staff_hours = 0.0;
};

Conversion wilson_conversion(std::int64_t buyers, std::int64_t visitors, int low_data_visitors);
// The one ranking rule (stores in a chain, sellers in a contest): the higher low end of the interval
// first; a conversion that cannot rank (none, or low data) after every one that can.
bool ranks_above(const Conversion& a, const Conversion& b);

// Sales at a time the camera counted and saw nobody: likely a camera, door or time-zone problem.
bool sales_but_no_visitors(const Figures& figures);
// Visitors from a period's crossings under the store's rule (half of in + out rounds up).
constexpr std::int64_t visitors_from(VisitorRule rule, std::int64_t entries, std::int64_t exits) {
  return rule == VisitorRule::HalfOfInPlusOut ? (entries + exits + 1) / 2 : entries;
}
// Buyers in covered time that the visitors cannot explain (see Figures::buyers_above_visitors).
std::int64_t covered_buyers(const Figures& figures);

// The change of the headline figures against a reference (last week at the same time, the four-week
// average): a fraction for counts and money (0.12 = +12 %), percentage points for conversion. Empty
// when either side has nothing to compare: no camera time for visitors, conversion and sales per
// visitor, no sales for buyers, conversion, net sales and average ticket, or a zero reference.
struct FigureChanges {
  std::optional<double> visitors;
  std::optional<double> buyers;
  std::optional<double> conversion_points;
  std::optional<double> net_sales;
  std::optional<double> atv;
  std::optional<double> spv;
};
FigureChanges changes_against(const Figures& current, const std::optional<Figures>& reference);

struct HourRow {
  int hour = 0;  // local hour of the business day
  TimeMs start_ms = 0;
  Figures figures;
  bool camera_down = false;  // part of the hour, or of its opening hours, had no camera
};

struct ShiftRow {
  std::string name;
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  Figures figures;
};

struct SellerRow {
  std::string seller;
  Figures figures;  // buyers = the seller's sales; visitors = entries while on the floor
  double floor_hours = 0.0;
  bool roster_inferred = false;
};

struct DaySummary {
  std::string date;  // business date, YYYY-MM-DD in the store's zone
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  TimeMs as_of_ms = 0;  // figures are up to this instant (end of day, or now)
  Figures total;
  std::vector<HourRow> hours;
  std::vector<ShiftRow> shifts;
  std::vector<SellerRow> sellers;
  std::optional<int> peak_hour;
  Figures same_time_last_week;               // the same weekday last week up to the same local time
  std::optional<Figures> average_last_four;  // the last four same weekdays
  std::optional<Figures> same_day_last_year;
  std::vector<QualityNote> notes;          // camera gaps, hours with sales but no visitors, ...
  std::vector<std::string> quality_notes;  // the notes in English: quality_note_texts(notes, "en")
  std::optional<TimeMs> last_import_ms;
  std::vector<CameraGap> camera_gaps;  // gaps overlapping the day, clipped to it
};

// `as_of_ms` cuts a day in progress (the kiosk); empty means the whole day.
DaySummary day_summary(Store& store, const std::string& business_date,
                       std::optional<TimeMs> as_of_ms = std::nullopt);

enum class GroupBy { Hour, Day, Week, Month, Shift, Seller, Weekday };
GroupBy parse_group_by(const std::string& text);  // "hour", "day", ...; throws std::invalid_argument
const char* group_by_name(GroupBy group_by);

struct RangeRow {
  std::string label;  // "2026-03-29 14:00", "2026-03-29", "2026-W13", "2026-03", shift or seller name, "Mon"
  TimeMs start_ms = 0;  // 0 for shift, seller and weekday rows
  TimeMs end_ms = 0;
  Figures figures;
  bool camera_down = false;
  bool roster_inferred = false;  // seller rows
  // Week and month rows: the period's calendar days, how many the range holds, and of those how
  // many the camera missed (no covered minute of the opening hours) or had no sale. A period the
  // range cuts or with such days is partial: its figures are not a whole week's or month's.
  int days_in_period = 0;
  int days_in_range = 0;
  int days_without_camera = 0;
  int days_without_sales = 0;
  bool partial_period = false;
};

struct RangeSummary {
  std::string from_date;  // inclusive business dates
  std::string to_date;
  GroupBy group_by = GroupBy::Day;
  Figures total;
  std::vector<RangeRow> rows;
  std::vector<RangeRow> hours;    // hour of day ("14:00") over the whole range, hours with data only
  std::vector<RangeRow> shifts;   // each shift over the range
  std::vector<RangeRow> sellers;  // each seller over the range
  // Conversion heat map: [weekday Monday = 0][local hour], summed over the range.
  std::array<std::array<Figures, 24>, 7> weekday_hour{};
  std::vector<QualityNote> notes;          // rosters inferred, buyers above visitors, camera gaps
  std::vector<std::string> quality_notes;  // the notes in English: quality_note_texts(notes, "en")
  std::optional<TimeMs> last_import_ms;
};

RangeSummary range_summary(Store& store, const std::string& from_date, const std::string& to_date,
                           GroupBy group_by);

// Business date (YYYY-MM-DD) that contains `time_ms`, in the store's zone and cutoff.
std::string business_date_of(const StoreSettings& settings, TimeMs time_ms);

}  // namespace footfall::data
