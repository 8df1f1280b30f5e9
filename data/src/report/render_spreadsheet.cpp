#include <cmath>

#include "report/model.hpp"

// The CSV a person opens in a spreadsheet, in the report's language: `;` and a decimal comma in
// French and Russian (`,` and a point in English), local date-times, the table's own words as
// headers, UTF-8 with a byte-order mark so Excel reads it as UTF-8. Numbers carry no grouping and no
// unit (the unit is in the header), so the spreadsheet reads them as numbers.
namespace footfall::data::report_detail {

namespace {

char separator_of(const std::string& language) { return language == "fr" || language == "ru" ? ';' : ','; }

std::string field(const std::string& text, char separator) {
  if (text.find_first_of(std::string(1, separator) + "\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (const char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string plain_number(double value, int decimals, const std::string& language) {
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  std::string out(text);
  if (out.find_first_of("123456789") == std::string::npos && out.front() == '-') out.erase(0, 1);
  if (separator_of(language) == ';') {
    for (char& ch : out) ch = ch == '.' ? ',' : ch;
  }
  return out;
}

std::string optional_number(const std::optional<double>& value, int decimals, const std::string& language) {
  return value ? plain_number(*value, decimals, language) : "";
}

}  // namespace

std::string render_spreadsheet(const Context& c, const Model& m) {
  const char sep = separator_of(c.language);
  const int money_decimals = currency_decimals(c.settings.currency);
  const double minor_per_major = std::pow(10.0, money_decimals);
  const auto money = [&](const std::optional<double>& minor) -> std::string {
    return minor ? plain_number(*minor / minor_per_major, money_decimals, c.language) : "";
  };
  const std::string currency = " (" + c.settings.currency + ")";
  const std::vector<std::string> header = {c.tr("Table"),
                                           c.tr("Row"),
                                           c.tr("Start"),
                                           c.tr("Visitors"),
                                           c.tr("Entries"),
                                           c.tr("Exits"),
                                           c.tr("Buyers"),
                                           c.tr("Conversion") + " (%)",
                                           c.tr("Net sales") + currency,
                                           c.tr("Average ticket") + currency,
                                           c.tr("Sales per visitor") + currency,
                                           c.tr("Items per ticket"),
                                           c.tr("Visitors per staff hour"),
                                           c.tr("Camera down (min)"),
                                           c.tr("Note")};
  const auto line = [sep](const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i)
      out += (i == 0 ? "" : std::string(1, sep)) + field(fields[i], sep);
    return out + "\r\n";
  };
  const auto row_line = [&](const std::string& table, const std::string& label,
                            std::optional<TimeMs> start_ms, const Figures& f, const std::string& note) {
    const bool counted = !(f.covered_minutes == 0 && f.visitors == 0);  // a gap, not zero visitors
    return line(
        {table, label, start_ms ? c.date_time(*start_ms) : "", counted ? std::to_string(f.visitors) : "",
         std::to_string(f.entries), std::to_string(f.exits), std::to_string(f.buyers),
         f.conversion.rate ? plain_number(*f.conversion.rate * 100.0, 1, c.language) : "",
         money(static_cast<double>(f.net_sales)), money(f.atv), money(f.spv),
         optional_number(f.upt, 2, c.language), optional_number(f.visitors_per_staff_hour, 1, c.language),
         std::to_string(f.camera_gap_minutes), note});
  };
  std::string out = "\xEF\xBB\xBF" + line(header);
  if (m.total != nullptr) out += row_line(c.tr("Total"), m.total_label, m.total_start_ms, *m.total, "");
  for (const auto& section : m.sections) {
    for (const auto& row : section.rows)
      out += row_line(section.title, row.label, row.start_ms, *row.figures, row.note);
  }
  return out;
}

}  // namespace footfall::data::report_detail
