#pragma once
#include <string>

#include "footfall/data/metrics/contest.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/types.hpp"

namespace footfall::data {

enum class ReportFormat { Text, Csv, Json, Markdown, Html, Spreadsheet };
// text, csv, json, md (markdown), html, spreadsheet
ReportFormat parse_report_format(const std::string& text);
// "txt", "csv", "json", "md", "html", "spreadsheet.csv"
const char* report_format_extension(ReportFormat format);

// `language` en/fr/ru; empty means the store's language. Text, Markdown and HTML use the language's
// number formats; CSV and JSON are for machines: plain numbers, money in minor units in JSON and in
// major units ("1234.50") in CSV, conversion as a fraction, times as epoch milliseconds.
// Spreadsheet is the CSV a person opens: the rows of the text report (total, then each table) with
// headers in the language, ";" and a decimal comma in French and Russian ("," and "." in English),
// local date-times in the store's zone ("01/12/2026 14:00", "01.12.2026 14:00", "2026-12-01 14:00"),
// conversion in percent, money in major units with the currency in the header, UTF-8 with a BOM and
// CRLF line ends.
//
// JSON (schema 1), day: report, schema, store, currency, time_zone, date, start_ms, end_ms, as_of_ms,
// then the figure keys (below), peak_hour, hours[] (hour, start_ms, camera_down + figure keys),
// shifts[] (name, start_ms, end_ms + figure keys), sellers[] (seller, floor_hours, roster_inferred +
// figure keys), comparisons {same_time_last_week, average_last_four, same_day_last_year} (figure
// objects or null), changes {same_time_last_week, average_last_four}: each {visitors, buyers, net_sales,
// atv, spv as a fraction (0.12 = +12 %), conversion_points in percentage points}, a key null when
// there is nothing to compare (metrics.hpp, FigureChanges), quality {notes[], camera_gaps[] (door,
// start_ms, end_ms, reason), last_import_ms}.
// Range: report, schema, store, currency, time_zone, from, to, group_by, figure keys, rows[] (label,
// start_ms, end_ms, camera_down, roster_inferred + figure keys), weekday_hour[7][24] (conversion or
// null, Monday first), quality.
// Figure keys: visitors, entries, exits, buyers, buyers_in_camera_gaps, conversion, conversion_low,
// conversion_high, low_data, net_sales, gross_sales, units, atv, spv, upt, visitors_per_staff_hour,
// staff_hours, camera_gap_minutes. Ratios without a denominator are null, never 0.
std::string render_day_report(const DaySummary& summary, const StoreSettings& settings, ReportFormat format,
                              const std::string& language = {});
std::string render_range_report(const RangeSummary& summary, const StoreSettings& settings,
                                ReportFormat format, const std::string& language = {});
// Contest JSON: report "contest", schema, store, currency, time_zone, period, from, to, goal (a
// fraction or null), the figure keys of the store's period, ranked[] and too_few[] (seller, rank or
// null, rank_yesterday or null, roster_inferred, reaches_goal + figure keys). CSV: the range columns
// plus rank, rank_yesterday, reaches_goal; scope total, ranked or too_few.
std::string render_contest_report(const SellerContest& contest, const StoreSettings& settings,
                                  ReportFormat format, const std::string& language = {});

}  // namespace footfall::data
