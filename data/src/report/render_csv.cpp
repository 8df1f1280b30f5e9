#include <cmath>
#include <sstream>

#include "report/model.hpp"

// The CSV rendering of a summary: plain numbers, money in major units, conversion as a fraction.
namespace footfall::data::report_detail {

// ---------- CSV ----------

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (const char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string csv_number(const std::optional<double>& value, int decimals) {
  if (!value) return {};
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", decimals, *value);
  return text;
}

std::string csv_money(double minor_units, const std::string& currency) {
  const int decimals = currency_decimals(currency);
  return csv_number(minor_units / std::pow(10.0, decimals), decimals);
}

constexpr const char* csv_header =
    "scope,label,start_ms,visitors,entries,exits,buyers,conversion,conversion_low,conversion_high,low_data,"
    "net_sales,atv,spv,upt,visitors_per_staff_hour,camera_gap_minutes,covered_minutes,open_minutes,"
    "covered_open_minutes,partial,note,buyers_above_visitors,after_hours_visitors\n";

std::string csv_row(const std::string& scope, const std::string& label, std::optional<TimeMs> start_ms,
                    const Figures& f, const std::string& currency, const std::string& note) {
  const auto& conversion = f.conversion;
  std::string out =
      csv_field(scope) + "," + csv_field(label) + "," + (start_ms ? std::to_string(*start_ms) : "");
  out += "," + std::to_string(f.visitors) + "," + std::to_string(f.entries) + "," + std::to_string(f.exits) +
         "," + std::to_string(f.buyers);
  out += "," + csv_number(conversion.rate, 4) + "," +
         (conversion.rate ? csv_number(conversion.low, 4) + "," + csv_number(conversion.high, 4) : ",");
  out += std::string(",") + (conversion.low_data ? "1" : "0");
  out += "," + csv_money(static_cast<double>(f.net_sales), currency);
  out += "," + (f.atv ? csv_money(*f.atv, currency) : "") + "," + (f.spv ? csv_money(*f.spv, currency) : "");
  out += "," + csv_number(f.upt, 2) + "," + csv_number(f.visitors_per_staff_hour, 2) + "," +
         std::to_string(f.camera_gap_minutes) + "," + std::to_string(f.covered_minutes) + "," +
         std::to_string(f.open_minutes) + "," + std::to_string(f.covered_open_minutes) + "," +
         (f.partial ? "1" : "0") + "," + csv_field(note) + "," + (f.buyers_above_visitors ? "1" : "0") + "," +
         std::to_string(f.after_hours_visitors) + "\n";
  return out;
}

std::string day_csv(const DaySummary& s, const StoreSettings& settings) {
  const auto& currency = settings.currency;
  std::string out = csv_header;
  out += csv_row("total", s.date, s.start_ms, s.total, currency, "");
  for (const auto& hour : s.hours) {
    out += csv_row("hour", hour_text(hour.hour), hour.start_ms, hour.figures, currency,
                   hour.camera_down ? (hour.figures.partial ? "partial" : "camera down") : "");
  }
  for (const auto& shift : s.shifts)
    out += csv_row("shift", shift.name, shift.start_ms, shift.figures, currency, "");
  for (const auto& seller : s.sellers) {
    out += csv_row("seller", seller.seller, std::nullopt, seller.figures, currency,
                   seller.roster_inferred ? "roster inferred" : "");
  }
  return out;
}

// A range's rows add how whole each week or month is, after the day report's columns.
constexpr const char* range_csv_extra_header =
    ",partial_period,days_in_period,days_in_range,days_without_camera,days_without_sales\n";

std::string range_csv(const RangeSummary& s, const StoreSettings& settings) {
  std::string header = csv_header;
  std::string out = header.substr(0, header.size() - 1) + range_csv_extra_header;
  const auto with_days = [](std::string line, const RangeRow* row) {
    line.pop_back();  // the newline
    if (row == nullptr) return line + ",0,,,,\n";
    return line + "," + (row->partial_period ? "1" : "0") + "," + std::to_string(row->days_in_period) + "," +
           std::to_string(row->days_in_range) + "," + std::to_string(row->days_without_camera) + "," +
           std::to_string(row->days_without_sales) + "\n";
  };
  out += with_days(
      csv_row("total", s.from_date + ".." + s.to_date, std::nullopt, s.total, settings.currency, ""),
      nullptr);
  for (const auto& row : s.rows) {
    std::string note = row.camera_down ? "camera down" : "";
    if (row.roster_inferred) note += note.empty() ? "roster inferred" : "; roster inferred";
    if (row.partial_period) note += note.empty() ? "partial period" : "; partial period";
    out += with_days(csv_row(group_by_name(s.group_by), row.label,
                             row.start_ms != 0 ? std::optional<TimeMs>(row.start_ms) : std::nullopt,
                             row.figures, settings.currency, note),
                     &row);
  }
  return out;
}

std::string contest_csv(const SellerContest& s, const StoreSettings& settings) {
  const std::string header = csv_header;
  std::string out = header.substr(0, header.size() - 1) + ",rank,rank_yesterday,reaches_goal\n";
  const auto with_rank = [](std::string line, const ContestEntry* entry) {
    line.pop_back();  // the newline
    if (entry == nullptr) return line + ",,,\n";
    return line + "," + (entry->rank > 0 ? std::to_string(entry->rank) : "") + "," +
           (entry->rank_yesterday ? std::to_string(*entry->rank_yesterday) : "") + "," +
           (entry->reaches_goal ? "1" : "0") + "\n";
  };
  out += with_rank(
      csv_row("total", s.from_date + ".." + s.to_date, std::nullopt, s.total, settings.currency, ""),
      nullptr);
  for (const auto& [scope, entries] : {std::pair{"ranked", &s.ranked}, std::pair{"too_few", &s.too_few}}) {
    for (const auto& entry : *entries) {
      out += with_rank(csv_row(scope, entry.seller, std::nullopt, entry.figures, settings.currency,
                               entry.roster_inferred ? "roster inferred" : ""),
                       &entry);
    }
  }
  return out;
}

}  // namespace footfall::data::report_detail
