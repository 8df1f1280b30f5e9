#include "footfall/data/report/report.hpp"

#include "business_time.hpp"
#include "footfall/data/locale_format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <stdexcept>

namespace footfall::data {
namespace {

using Json = nlohmann::ordered_json;

// ---------- shared ----------

struct Context {
  const StoreSettings& settings;
  std::string language;
  BusinessClock clock;

  Context(const StoreSettings& store_settings, const std::string& requested)
      : settings(store_settings), language(requested.empty() ? store_settings.language : requested),
        clock(store_settings) {}

  [[nodiscard]] std::string tr(const std::string& key) const { return translate(key, language); }
  [[nodiscard]] std::string money(Money value) const { return format_money(value, settings.currency, language); }
  [[nodiscard]] std::string money(const std::optional<double>& value) const {
    return value ? format_money(*value, settings.currency, language) : "—";
  }
  [[nodiscard]] std::string integer(std::int64_t value) const { return format_integer(value, language); }
  // A time no camera counted has no visitors to show: a gap, not a zero.
  [[nodiscard]] std::string visitors(const Figures& f) const {
    return f.covered_minutes == 0 && f.visitors == 0 ? "—" : integer(f.visitors);
  }
  [[nodiscard]] std::string coverage(const Figures& f) const {
    return format_coverage(f.covered_open_minutes, f.open_minutes, f.partial, language);
  }
  [[nodiscard]] std::string number(const std::optional<double>& value, int decimals) const {
    return value ? format_number(*value, decimals, language) : "—";
  }
  [[nodiscard]] std::string percent(const Conversion& conversion) const {
    return conversion.rate ? format_percent(*conversion.rate, 1, language) : "—";
  }
  [[nodiscard]] std::string interval(const Conversion& conversion) const {
    if (!conversion.rate) return "—";
    return format_percent(conversion.low, 1, language) + "–" + format_percent(conversion.high, 1, language);
  }
  [[nodiscard]] std::string clock_time(TimeMs time_ms) const {
    const int minutes = clock.local_minutes(time_ms);
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
    return text;
  }
  [[nodiscard]] std::string date_time(TimeMs time_ms) const {
    return format_date(clock.business_day_of(time_ms + clock.cutoff_minutes() * 60'000LL)) + " " +
           clock_time(time_ms);
  }
};

std::string hour_text(int hour) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:00", hour);
  return text;
}

Json optional_number(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

Json figure_json(const Figures& f) {
  Json j;
  j["visitors"] = f.visitors;
  j["entries"] = f.entries;
  j["exits"] = f.exits;
  j["buyers"] = f.buyers;
  j["buyers_in_camera_gaps"] = f.buyers_in_camera_gaps;
  j["conversion"] = optional_number(f.conversion.rate);
  j["conversion_low"] = f.conversion.rate ? Json(f.conversion.low) : Json(nullptr);
  j["conversion_high"] = f.conversion.rate ? Json(f.conversion.high) : Json(nullptr);
  j["low_data"] = f.conversion.low_data;
  j["net_sales"] = f.net_sales;
  j["gross_sales"] = f.gross_sales;
  j["units"] = f.units;
  j["atv"] = optional_number(f.atv);
  j["spv"] = optional_number(f.spv);
  j["upt"] = optional_number(f.upt);
  j["visitors_per_staff_hour"] = optional_number(f.visitors_per_staff_hour);
  j["staff_hours"] = f.staff_hours;
  j["camera_gap_minutes"] = f.camera_gap_minutes;
  j["covered_minutes"] = f.covered_minutes;
  j["open_minutes"] = f.open_minutes;
  j["covered_open_minutes"] = f.covered_open_minutes;
  j["partial"] = f.partial;
  j["buyers_above_visitors"] = f.buyers_above_visitors;
  return j;
}

void merge(Json& target, const Json& source) {
  for (const auto& [key, value] : source.items()) target[key] = value;
}

// One row of any table: a label and its figures, with flags shown as notes.
struct Row {
  std::string label;
  const Figures* figures = nullptr;
  std::string note;
  bool flagged = false;  // camera down or an inferred roster: highlighted in HTML
};

// A row whose buyers outnumber its visitors says so in its note, highlighted like a camera gap.
Row make_row(const Context& c, std::string label, const Figures& figures, std::string note = "",
             bool flagged = false) {
  if (figures.buyers_above_visitors) note += (note.empty() ? "" : ", ") + c.tr("buyers above visitors");
  return {std::move(label), &figures, std::move(note), flagged || figures.buyers_above_visitors};
}

struct Column {
  std::string title;
  std::string (*value)(const Context&, const Figures&);
  bool numeric = true;
};

const std::vector<Column>& table_columns() {
  static const std::vector<Column> columns = {
      {"Visitors", [](const Context& c, const Figures& f) { return c.visitors(f); }},
      {"Buyers", [](const Context& c, const Figures& f) { return c.integer(f.buyers); }},
      {"Conversion",
       [](const Context& c, const Figures& f) {
         return c.percent(f.conversion) + (f.conversion.rate && f.conversion.low_data ? "*" : "");
       }},
      {"Net sales", [](const Context& c, const Figures& f) { return c.money(f.net_sales); }},
      {"ATV", [](const Context& c, const Figures& f) { return c.money(f.atv); }},
      {"SPV", [](const Context& c, const Figures& f) { return c.money(f.spv); }},
      {"UPT", [](const Context& c, const Figures& f) { return c.number(f.upt, 2); }},
  };
  return columns;
}

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++width;  // count code points, not bytes
  }
  return width;
}

std::string pad(const std::string& text, std::size_t width, bool right) {
  const auto current = display_width(text);
  if (current >= width) return text;
  const std::string fill(width - current, ' ');
  return right ? fill + text : text + fill;
}

struct KeyFigure {
  std::string label;
  std::string value;
};

std::vector<KeyFigure> key_figures(const Context& c, const Figures& f) {
  std::vector<KeyFigure> result = {
      {c.tr("Visitors"), c.visitors(f)},
      {c.tr("Buyers"), c.integer(f.buyers)},
      {c.tr("Conversion"), f.buyers_above_visitors
                               ? "— (" + c.tr("buyers above visitors") + ")"
                               : c.percent(f.conversion) +
                                     (f.conversion.rate ? " (" + c.interval(f.conversion) + ")" : "") +
                                     (f.conversion.low_data ? " — " + c.tr("low data") : "")},
      {c.tr("Net sales"), c.money(f.net_sales)},
      {c.tr("ATV"), c.money(f.atv)},
      {c.tr("SPV"), c.money(f.spv)},
      {c.tr("UPT"), c.number(f.upt, 2)},
      {c.tr("Visitors per staff hour"), c.number(f.visitors_per_staff_hour, 1)},
  };
  if (f.open_minutes > 0) result.push_back({c.tr("Camera coverage"), c.coverage(f)});
  if (f.camera_gap_minutes > 0) {
    result.push_back({c.tr("Camera down (min)"), c.integer(f.camera_gap_minutes)});
  }
  return result;
}

// ---------- the report model: what every human-readable format shows ----------

struct Section {
  std::string title;
  std::string first_column;
  std::vector<Row> rows;
  std::string footnote{};  // under the table: how its figures are credited
};

struct Model {
  std::string title;
  std::string subtitle;
  const Figures* total = nullptr;
  std::vector<KeyFigure> extra;  // peak hour and such
  std::vector<Section> sections;
  std::vector<std::string> quality;
  std::vector<std::string> definitions;
  // Chart: one bar pair per row of the first section.
  bool chart = false;
  std::string chart_title;
  const std::array<std::array<Figures, 24>, 7>* heat_map = nullptr;
};

std::vector<std::string> day_quality(const Context& c, const DaySummary& s) {
  std::vector<std::string> lines;
  for (const auto& gap : s.camera_gaps) {
    lines.push_back(c.tr("Camera down") + ": " + gap.door + " " + c.clock_time(gap.start_ms) + "–" +
                    c.clock_time(gap.end_ms) + (gap.reason.empty() ? "" : " (" + gap.reason + ")"));
  }
  if (s.total.partial) {
    lines.push_back(c.tr("Camera coverage") + ": " + c.coverage(s.total) + ". " +
                    c.tr("Conversion and sales per visitor use covered time only."));
  }
  if (s.total.buyers_above_visitors) {
    lines.push_back(
        format_buyers_above_visitors(c.tr("The day"), covered_buyers(s.total), s.total.visitors, c.language));
  }
  for (const auto& hour : s.hours) {
    if (sales_but_no_visitors(hour.figures)) {
      lines.push_back(c.tr("Sales but no visitors counted") + ": " + hour_text(hour.hour));
    }
    if (hour.figures.buyers_above_visitors) {
      lines.push_back(format_buyers_above_visitors(hour_text(hour.hour), covered_buyers(hour.figures),
                                                   hour.figures.visitors, c.language));
    }
  }
  for (const auto& seller : s.sellers) {
    if (seller.roster_inferred) {
      lines.push_back(seller.seller + ": " + c.tr("No roster: floor time inferred from first and last sale"));
    }
  }
  return lines;
}

// What each figure means, in the words of the tables, so a reader can check that they add up.
std::vector<std::string> definitions(const Context& c) {
  std::vector<std::string> lines;
  for (const char* definition : {
           "Visitors: people counted coming in while a camera counted.",
           "Buyers: completed sales, one per receipt; voids, cancellations and refunds are not buyers.",
           "Conversion: buyers in covered time ÷ visitors.",
           "Net sales: sales minus refunds, each on the day it happened.",
           "ATV (average ticket): net sales ÷ buyers, so ATV × buyers = net sales.",
           "SPV (sales per visitor): net sales in covered time ÷ visitors, so SPV × visitors = net sales in "
           "covered time.",
           "Covered time: the time a camera counted; any other time is a gap, not zero visitors.",
       }) {
    lines.push_back(c.tr(definition));
  }
  return lines;
}

constexpr const char* seller_visitors_note =
    "A seller's visitors are everyone counted while the seller was on the floor (the roster, or first to "
    "last sale without one). Sellers on the floor together are each credited with all of those "
    "visitors, so the sellers' visitors add up to more than the store's; buyers are each seller's own "
    "sales.";

std::string last_import_line(const Context& c, const std::optional<TimeMs>& last_import_ms) {
  return c.tr("Last import") + ": " + (last_import_ms ? c.date_time(*last_import_ms) : c.tr("never"));
}

std::string hour_note(const Context& c, const HourRow& hour) {
  if (!hour.camera_down) return "";
  if (!hour.figures.partial) return c.tr("camera down");
  return hour.figures.covered_open_minutes == 0 && hour.figures.visitors == 0 ? c.tr("no camera")
                                                                              : c.coverage(hour.figures);
}

Model day_model(const Context& c, const DaySummary& s) {
  Model model;
  model.title = c.settings.name + " — " + c.tr("Day report") + " " + s.date;
  if (s.as_of_ms < s.end_ms) model.subtitle = c.tr("as of") + " " + c.clock_time(s.as_of_ms);
  model.total = &s.total;
  if (s.peak_hour) model.extra.push_back({c.tr("Peak hour"), hour_text(*s.peak_hour)});

  // People read the open hours; empty night hours stay in JSON and CSV only.
  auto busy = [](const HourRow& hour) {
    return hour.figures.entries > 0 || hour.figures.exits > 0 || hour.figures.buyers > 0 || hour.camera_down;
  };
  const auto first = std::find_if(s.hours.begin(), s.hours.end(), busy);
  const auto last = std::find_if(s.hours.rbegin(), s.hours.rend(), busy).base();
  Section hours{c.tr("Hours"), c.tr("Hour"), {}};
  for (auto hour = first; hour < last; ++hour) {
    hours.rows.push_back(
        make_row(c, hour_text(hour->hour), hour->figures, hour_note(c, *hour), hour->camera_down));
  }
  model.sections.push_back(std::move(hours));
  if (!s.shifts.empty()) {
    Section shifts{c.tr("Shifts"), c.tr("Shift"), {}};
    for (const auto& shift : s.shifts) {
      shifts.rows.push_back(
          make_row(c, shift.name + " " + c.clock_time(shift.start_ms) + "–" + c.clock_time(shift.end_ms),
                   shift.figures));
    }
    model.sections.push_back(std::move(shifts));
  }
  if (!s.sellers.empty()) {
    Section sellers{c.tr("Sellers"), c.tr("Seller"), {}};
    for (const auto& seller : s.sellers) {
      sellers.rows.push_back(make_row(c, seller.seller, seller.figures,
                                      c.tr("Floor hours") + " " +
                                          format_number(seller.floor_hours, 1, c.language) +
                                          (seller.roster_inferred ? ", " + c.tr("roster inferred") : ""),
                                      seller.roster_inferred));
    }
    sellers.footnote = c.tr(seller_visitors_note);
    model.sections.push_back(std::move(sellers));
  }
  Section comparisons{
      c.tr("Comparisons"), "", {make_row(c, c.tr("Same time last week"), s.same_time_last_week)}};
  if (s.average_last_four)
    comparisons.rows.push_back(make_row(c, c.tr("Average of last four"), *s.average_last_four));
  if (s.same_day_last_year)
    comparisons.rows.push_back(make_row(c, c.tr("Same day last year"), *s.same_day_last_year));
  model.sections.push_back(std::move(comparisons));
  model.quality = day_quality(c, s);
  model.quality.push_back(last_import_line(c, s.last_import_ms));
  model.definitions = definitions(c);
  model.chart = true;
  model.chart_title = c.tr("Hourly visitors, buyers and conversion");
  return model;
}

Model range_model(const Context& c, const RangeSummary& s) {
  Model model;
  model.title = c.settings.name + " — " + c.tr("Range report") + " " + s.from_date + " – " + s.to_date;
  model.total = &s.total;
  static const std::map<GroupBy, const char*> titles = {
      {GroupBy::Hour, "Hour"},   {GroupBy::Day, "Day"},       {GroupBy::Week, "Week"},
      {GroupBy::Month, "Month"}, {GroupBy::Shift, "Shift"},   {GroupBy::Seller, "Seller"},
      {GroupBy::Weekday, "Weekday"}};
  const std::string title = c.tr(titles.at(s.group_by));
  Section rows{title, title, {}};
  for (const auto& row : s.rows) {
    std::string note = row.camera_down ? c.tr("camera down") : "";
    if (row.roster_inferred) note += (note.empty() ? "" : ", ") + c.tr("roster inferred");
    rows.rows.push_back(make_row(c, c.tr(row.label), row.figures, note, !note.empty()));
  }
  if (s.group_by == GroupBy::Seller) rows.footnote = c.tr(seller_visitors_note);
  model.sections.push_back(std::move(rows));
  model.quality = s.quality_notes;
  model.quality.push_back(last_import_line(c, s.last_import_ms));
  model.definitions = definitions(c);
  model.chart = s.rows.size() > 1;
  model.chart_title = c.tr("Visitors, buyers and conversion");
  model.heat_map = &s.weekday_hour;
  return model;
}

// ---------- text ----------

std::string render_table_text(const Context& c, const Section& section) {
  const auto& columns = table_columns();
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header = {section.first_column};
  for (const auto& column : columns) header.push_back(c.tr(column.title));
  header.emplace_back();
  cells.push_back(header);
  for (const auto& row : section.rows) {
    std::vector<std::string> line = {row.label};
    for (const auto& column : columns) line.push_back(column.value(c, *row.figures));
    line.push_back(row.note);
    cells.push_back(std::move(line));
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& line : cells) {
    for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], display_width(line[i]));
  }
  std::string out;
  for (const auto& line : cells) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const bool numeric = i > 0 && i + 1 < line.size();
      text += pad(line[i], widths[i], numeric) + (i + 1 < line.size() ? "  " : "");
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  return out;
}

std::string render_text(const Context& c, const Model& m) {
  std::string out = m.title + (m.subtitle.empty() ? "" : " (" + m.subtitle + ")") + "\n";
  out += std::string(display_width(m.title), '=') + "\n\n";
  auto figures = key_figures(c, *m.total);
  figures.insert(figures.end(), m.extra.begin(), m.extra.end());
  std::size_t width = 0;
  for (const auto& figure : figures) width = std::max(width, display_width(figure.label));
  for (const auto& figure : figures) out += pad(figure.label, width, false) + "  " + figure.value + "\n";
  for (const auto& section : m.sections) {
    out += "\n" + section.title + "\n" + render_table_text(c, section);
    if (!section.footnote.empty()) out += section.footnote + "\n";
  }
  out += "\n" + c.tr("Data quality") + "\n";
  for (const auto& line : m.quality) out += "- " + line + "\n";
  out += "\n" + c.tr("Definitions") + "\n";
  for (const auto& line : m.definitions) out += "- " + line + "\n";
  return out;
}

// ---------- markdown ----------

std::string markdown_cell(std::string text) {
  std::string out;
  for (const char ch : text) {
    if (ch == '|') out += '\\';
    out += ch;
  }
  return out;
}

std::string render_table_markdown(const Context& c, const Section& section) {
  std::string out = "| " + markdown_cell(section.first_column);
  std::string rule = "|---";
  for (const auto& column : table_columns()) {
    out += " | " + c.tr(column.title);
    rule += "|---:";
  }
  out += " | |\n" + rule + "|---|\n";
  for (const auto& row : section.rows) {
    out += "| " + markdown_cell(row.label);
    for (const auto& column : table_columns()) out += " | " + column.value(c, *row.figures);
    out += " | " + markdown_cell(row.note) + " |\n";
  }
  return out;
}

std::string render_markdown(const Context& c, const Model& m) {
  std::string out = "# " + markdown_cell(m.title) + "\n\n";
  if (!m.subtitle.empty()) out += "_" + m.subtitle + "_\n\n";
  auto figures = key_figures(c, *m.total);
  figures.insert(figures.end(), m.extra.begin(), m.extra.end());
  for (const auto& figure : figures) out += "- **" + figure.label + "**: " + figure.value + "\n";
  for (const auto& section : m.sections) {
    out += "\n## " + section.title + "\n\n" + render_table_markdown(c, section);
    if (!section.footnote.empty()) out += "\n_" + section.footnote + "_\n";
  }
  out += "\n## " + c.tr("Data quality") + "\n\n";
  for (const auto& line : m.quality) out += "- " + markdown_cell(line) + "\n";
  out += "\n## " + c.tr("Definitions") + "\n\n";
  for (const auto& line : m.definitions) out += "- " + line + "\n";
  return out;
}

// ---------- HTML ----------

std::string escape_html(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string fixed(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

// Visitors (light) and buyers (dark) bars with the conversion line on its own scale.
std::string svg_bars(const Context& c, const Section& section, const std::string& title) {
  const auto& rows = section.rows;
  std::size_t first = 0;
  std::size_t last = rows.size();
  while (first < last && rows[first].figures->visitors == 0 && rows[first].figures->buyers == 0) ++first;
  while (last > first && rows[last - 1].figures->visitors == 0 && rows[last - 1].figures->buyers == 0) --last;
  if (first == last) return {};
  constexpr double width = 720;
  constexpr double height = 220;
  constexpr double left = 40;
  constexpr double bottom = 24;
  const double plot_height = height - bottom - 10;
  const double slot = (width - left - 40) / static_cast<double>(last - first);
  std::int64_t max_visitors = 1;
  double max_conversion = 0.01;
  for (std::size_t i = first; i < last; ++i) {
    max_visitors = std::max({max_visitors, rows[i].figures->visitors, rows[i].figures->buyers});
    if (rows[i].figures->conversion.rate) max_conversion = std::max(max_conversion, *rows[i].figures->conversion.rate);
  }
  const auto y_of = [&](double value, double maximum) { return 10 + plot_height * (1.0 - value / maximum); };
  std::string svg = "<svg viewBox=\"0 0 720 220\" width=\"100%\" role=\"img\" aria-label=\"" +
                    escape_html(title) + "\">";
  svg += "<line x1=\"" + fixed(left) + "\" y1=\"" + fixed(10 + plot_height) + "\" x2=\"" + fixed(width - 40) +
         "\" y2=\"" + fixed(10 + plot_height) + "\" class=\"axis\"/>";
  svg += "<text x=\"2\" y=\"16\" class=\"tick\">" + c.integer(max_visitors) + "</text>";
  svg += "<text x=\"" + fixed(width - 38) + "\" y=\"16\" class=\"tick conv\">" +
         format_percent(max_conversion, 0, c.language) + "</text>";
  std::string line;
  const std::size_t label_every = (last - first) > 16 ? (last - first + 11) / 12 : 1;
  for (std::size_t i = first; i < last; ++i) {
    const auto& f = *rows[i].figures;
    const double x = left + slot * static_cast<double>(i - first);
    if (!rows[i].note.empty() && f.camera_gap_minutes > 0) {
      svg += "<rect x=\"" + fixed(x) + "\" y=\"10\" width=\"" + fixed(slot) + "\" height=\"" + fixed(plot_height) +
             "\" class=\"down\"><title>" + escape_html(c.tr("camera down")) + "</title></rect>";
    }
    const double visitors_top = y_of(static_cast<double>(f.visitors), static_cast<double>(max_visitors));
    const double buyers_top = y_of(static_cast<double>(f.buyers), static_cast<double>(max_visitors));
    svg += "<rect x=\"" + fixed(x + slot * 0.1) + "\" y=\"" + fixed(visitors_top) + "\" width=\"" + fixed(slot * 0.4) +
           "\" height=\"" + fixed(10 + plot_height - visitors_top) + "\" class=\"visitors\"><title>" +
           escape_html(rows[i].label + ": " + c.integer(f.visitors) + " " + c.tr("Visitors")) + "</title></rect>";
    svg += "<rect x=\"" + fixed(x + slot * 0.5) + "\" y=\"" + fixed(buyers_top) + "\" width=\"" + fixed(slot * 0.4) +
           "\" height=\"" + fixed(10 + plot_height - buyers_top) + "\" class=\"buyers\"><title>" +
           escape_html(rows[i].label + ": " + c.integer(f.buyers) + " " + c.tr("Buyers")) + "</title></rect>";
    if (f.conversion.rate) {
      line += (line.empty() ? "M" : " L") + fixed(x + slot / 2) + " " + fixed(y_of(*f.conversion.rate, max_conversion));
    }
    if ((i - first) % label_every == 0) {
      svg += "<text x=\"" + fixed(x + slot / 2) + "\" y=\"" + fixed(height - 6) + "\" class=\"tick\" text-anchor=\"middle\">" +
             escape_html(rows[i].label.substr(0, 10)) + "</text>";
    }
  }
  if (!line.empty()) svg += "<path d=\"" + line + "\" class=\"conversion\"/>";
  svg += "</svg>";
  svg += "<p class=\"legend\"><span class=\"key visitors\"></span>" + escape_html(c.tr("Visitors")) +
         " <span class=\"key buyers\"></span>" + escape_html(c.tr("Buyers")) + " <span class=\"key conversion\"></span>" +
         escape_html(c.tr("Conversion")) + "</p>";
  return svg;
}

std::string svg_heat_map(const Context& c, const std::array<std::array<Figures, 24>, 7>& heat) {
  int first_hour = 24;
  int last_hour = -1;
  double max_rate = 0.0;
  for (const auto& day : heat) {
    for (int hour = 0; hour < 24; ++hour) {
      const auto& f = day[static_cast<std::size_t>(hour)];
      if (f.visitors == 0) continue;
      first_hour = std::min(first_hour, hour);
      last_hour = std::max(last_hour, hour);
      if (f.conversion.rate) max_rate = std::max(max_rate, *f.conversion.rate);
    }
  }
  if (last_hour < 0 || max_rate <= 0) return {};
  static const std::array<const char*, 7> days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  const double cell = 560.0 / static_cast<double>(last_hour - first_hour + 1);
  std::string svg = "<svg viewBox=\"0 0 640 190\" width=\"100%\" role=\"img\" aria-label=\"" +
                    escape_html(c.tr("Conversion by weekday and hour")) + "\">";
  for (std::size_t day = 0; day < heat.size(); ++day) {
    const double y = 20 + 22 * static_cast<double>(day);
    svg += "<text x=\"0\" y=\"" + fixed(y + 15) + "\" class=\"tick\">" + escape_html(c.tr(days[day])) + "</text>";
    for (int hour = first_hour; hour <= last_hour; ++hour) {
      const auto& f = heat[day][static_cast<std::size_t>(hour)];
      const double x = 60 + cell * static_cast<double>(hour - first_hour);
      std::string fill = "#eee";
      std::string title = "—";
      if (f.conversion.rate) {
        const double strength = std::clamp(*f.conversion.rate / max_rate, 0.0, 1.0);
        const int light = static_cast<int>(std::lround(95 - 55 * strength));
        fill = "hsl(150,55%," + std::to_string(light) + "%)";
        title = format_percent(*f.conversion.rate, 1, c.language);
      }
      svg += "<rect x=\"" + fixed(x) + "\" y=\"" + fixed(y) + "\" width=\"" + fixed(cell - 1) +
             "\" height=\"20\" fill=\"" + fill + "\"><title>" + escape_html(c.tr(days[day]) + " " + hour_text(hour) +
             ": " + title) + "</title></rect>";
    }
  }
  for (int hour = first_hour; hour <= last_hour; ++hour) {
    svg += "<text x=\"" + fixed(60 + cell * (hour - first_hour + 0.5)) + "\" y=\"14\" class=\"tick\" " +
           "text-anchor=\"middle\">" + std::to_string(hour) + "</text>";
  }
  return svg + "</svg>";
}

std::string render_table_html(const Context& c, const Section& section) {
  std::string out = "<table><thead><tr><th>" + escape_html(section.first_column) + "</th>";
  for (const auto& column : table_columns()) out += "<th class=\"num\">" + escape_html(c.tr(column.title)) + "</th>";
  out += "<th></th></tr></thead><tbody>";
  for (const auto& row : section.rows) {
    out += row.flagged ? "<tr class=\"flag\">" : "<tr>";
    out += "<td>" + escape_html(row.label) + "</td>";
    for (const auto& column : table_columns()) {
      out += "<td class=\"num\">" + escape_html(column.value(c, *row.figures)) + "</td>";
    }
    out += "<td class=\"note\">" + escape_html(row.note) + "</td></tr>";
  }
  return out + "</tbody></table>";
}

constexpr const char* html_style = R"css(
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #222; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #ccc; }
.subtitle { color: #666; margin: 0 0 4mm; }
.cards { display: flex; flex-wrap: wrap; gap: 3mm; }
.card { border: 1px solid #ddd; border-radius: 2mm; padding: 2mm 3mm; min-width: 40mm; }
.card .label { color: #666; font-size: 8pt; } .card .value { font-size: 12pt; font-weight: bold; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { padding: 0.8mm 1.5mm; border-bottom: 1px solid #eee; text-align: left; font-size: 9pt; }
td:first-child { white-space: nowrap; } th.num { white-space: normal; }
th { font-size: 8pt; color: #555; } .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.flag td { background: #fff6e5; } .note { color: #a60; font-size: 8pt; }
svg .visitors, .key.visitors { fill: #9ecae1; background: #9ecae1; }
svg .buyers, .key.buyers { fill: #3182bd; background: #3182bd; }
svg .conversion { fill: none; stroke: #e6550d; stroke-width: 2; } .key.conversion { background: #e6550d; }
svg .down { fill: #f0f0f0; } svg .axis { stroke: #999; } svg .tick { font-size: 9px; fill: #555; } svg .conv { fill: #e6550d; }
.legend { font-size: 8pt; color: #555; } .key { display: inline-block; width: 3mm; height: 3mm; margin: 0 1mm 0 3mm; }
ul.quality li { margin: 1mm 0; }
.footnote, ul.definitions { color: #555; font-size: 8pt; } ul.definitions li { margin: 0.5mm 0; }
@media print { h2 { page-break-after: avoid; } .chart { page-break-inside: avoid; } }
)css";

std::string render_html(const Context& c, const Model& m) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + escape_html(c.language) + "\"><head><meta charset=\"utf-8\">";
  out += "<title>" + escape_html(m.title) + "</title><style>" + html_style + "</style></head><body>";
  out += "<h1>" + escape_html(m.title) + "</h1>";
  if (!m.subtitle.empty()) out += "<p class=\"subtitle\">" + escape_html(m.subtitle) + "</p>";
  auto figures = key_figures(c, *m.total);
  figures.insert(figures.end(), m.extra.begin(), m.extra.end());
  out += "<div class=\"cards\">";
  for (const auto& figure : figures) {
    out += "<div class=\"card\"><div class=\"label\">" + escape_html(figure.label) + "</div><div class=\"value\">" +
           escape_html(figure.value) + "</div></div>";
  }
  out += "</div>";
  if (m.chart && !m.sections.empty()) {
    const auto chart = svg_bars(c, m.sections.front(), m.chart_title);
    if (!chart.empty()) {
      out += "<h2>" + escape_html(m.chart_title) + "</h2><div class=\"chart\">" +
             chart + "</div>";
    }
  }
  if (m.heat_map != nullptr) {
    const auto heat = svg_heat_map(c, *m.heat_map);
    if (!heat.empty()) {
      out += "<h2>" + escape_html(c.tr("Conversion by weekday and hour")) + "</h2><div class=\"chart\">" + heat +
             "</div>";
    }
  }
  for (const auto& section : m.sections) {
    out += "<h2>" + escape_html(section.title) + "</h2>" + render_table_html(c, section);
    if (!section.footnote.empty()) out += "<p class=\"footnote\">" + escape_html(section.footnote) + "</p>";
  }
  out += "<h2>" + escape_html(c.tr("Data quality")) + "</h2><ul class=\"quality\">";
  for (const auto& line : m.quality) out += "<li>" + escape_html(line) + "</li>";
  out += "</ul><h2>" + escape_html(c.tr("Definitions")) + "</h2><ul class=\"definitions\">";
  for (const auto& line : m.definitions) out += "<li>" + escape_html(line) + "</li>";
  return out + "</ul></body></html>\n";
}

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
    "covered_open_minutes,partial,note,buyers_above_visitors\n";

std::string csv_row(const std::string& scope, const std::string& label, std::optional<TimeMs> start_ms,
                    const Figures& f, const std::string& currency, const std::string& note) {
  const auto& conversion = f.conversion;
  std::string out = csv_field(scope) + "," + csv_field(label) + "," + (start_ms ? std::to_string(*start_ms) : "");
  out += "," + std::to_string(f.visitors) + "," + std::to_string(f.entries) + "," + std::to_string(f.exits) + "," +
         std::to_string(f.buyers);
  out += "," + csv_number(conversion.rate, 4) + "," +
         (conversion.rate ? csv_number(conversion.low, 4) + "," + csv_number(conversion.high, 4) : ",");
  out += std::string(",") + (conversion.low_data ? "1" : "0");
  out += "," + csv_money(static_cast<double>(f.net_sales), currency);
  out += "," + (f.atv ? csv_money(*f.atv, currency) : "") + "," + (f.spv ? csv_money(*f.spv, currency) : "");
  out += "," + csv_number(f.upt, 2) + "," + csv_number(f.visitors_per_staff_hour, 2) + "," +
         std::to_string(f.camera_gap_minutes) + "," + std::to_string(f.covered_minutes) + "," +
         std::to_string(f.open_minutes) + "," + std::to_string(f.covered_open_minutes) + "," +
         (f.partial ? "1" : "0") + "," + csv_field(note) + "," + (f.buyers_above_visitors ? "1" : "0") + "\n";
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
  for (const auto& shift : s.shifts) out += csv_row("shift", shift.name, shift.start_ms, shift.figures, currency, "");
  for (const auto& seller : s.sellers) {
    out += csv_row("seller", seller.seller, std::nullopt, seller.figures, currency,
                   seller.roster_inferred ? "roster inferred" : "");
  }
  return out;
}

std::string range_csv(const RangeSummary& s, const StoreSettings& settings) {
  std::string out = csv_header;
  out += csv_row("total", s.from_date + ".." + s.to_date, std::nullopt, s.total, settings.currency, "");
  for (const auto& row : s.rows) {
    std::string note = row.camera_down ? "camera down" : "";
    if (row.roster_inferred) note += note.empty() ? "roster inferred" : "; roster inferred";
    out += csv_row(group_by_name(s.group_by), row.label,
                   row.start_ms != 0 ? std::optional<TimeMs>(row.start_ms) : std::nullopt, row.figures,
                   settings.currency, note);
  }
  return out;
}

// ---------- JSON ----------

Json header_json(const char* kind, const StoreSettings& settings) {
  Json j;
  j["report"] = kind;
  j["schema"] = 1;
  j["store"] = settings.name;
  j["currency"] = settings.currency;
  j["time_zone"] = settings.time_zone;
  return j;
}

Json quality_json(const std::vector<std::string>& notes, const std::vector<CameraGap>& gaps,
                  const std::optional<TimeMs>& last_import_ms) {
  Json j;
  j["notes"] = notes;
  j["camera_gaps"] = Json::array();
  for (const auto& gap : gaps) {
    j["camera_gaps"].push_back({{"door", gap.door}, {"start_ms", gap.start_ms}, {"end_ms", gap.end_ms},
                                {"reason", gap.reason}});
  }
  j["last_import_ms"] = last_import_ms ? Json(*last_import_ms) : Json(nullptr);
  return j;
}

std::string day_json(const DaySummary& s, const StoreSettings& settings) {
  Json j = header_json("day", settings);
  j["date"] = s.date;
  j["start_ms"] = s.start_ms;
  j["end_ms"] = s.end_ms;
  j["as_of_ms"] = s.as_of_ms;
  merge(j, figure_json(s.total));
  j["peak_hour"] = s.peak_hour ? Json(*s.peak_hour) : Json(nullptr);
  j["hours"] = Json::array();
  for (const auto& hour : s.hours) {
    Json row = {{"hour", hour.hour}, {"start_ms", hour.start_ms}, {"camera_down", hour.camera_down}};
    merge(row, figure_json(hour.figures));
    j["hours"].push_back(std::move(row));
  }
  j["shifts"] = Json::array();
  for (const auto& shift : s.shifts) {
    Json row = {{"name", shift.name}, {"start_ms", shift.start_ms}, {"end_ms", shift.end_ms}};
    merge(row, figure_json(shift.figures));
    j["shifts"].push_back(std::move(row));
  }
  j["sellers"] = Json::array();
  for (const auto& seller : s.sellers) {
    Json row = {{"seller", seller.seller}, {"floor_hours", seller.floor_hours},
                {"roster_inferred", seller.roster_inferred}};
    merge(row, figure_json(seller.figures));
    j["sellers"].push_back(std::move(row));
  }
  j["comparisons"] = {
      {"same_time_last_week", figure_json(s.same_time_last_week)},
      {"average_last_four", s.average_last_four ? figure_json(*s.average_last_four) : Json(nullptr)},
      {"same_day_last_year", s.same_day_last_year ? figure_json(*s.same_day_last_year) : Json(nullptr)}};
  j["quality"] = quality_json(s.quality_notes, s.camera_gaps, s.last_import_ms);
  return j.dump(2) + "\n";
}

std::string range_json(const RangeSummary& s, const StoreSettings& settings) {
  Json j = header_json("range", settings);
  j["from"] = s.from_date;
  j["to"] = s.to_date;
  j["group_by"] = group_by_name(s.group_by);
  merge(j, figure_json(s.total));
  // The same keys per row in every array, so a reader handles them alike.
  for (const auto& [key, rows] : {std::pair<const char*, const std::vector<RangeRow>*>{"hours", &s.hours},
                                  {"shifts", &s.shifts}, {"sellers", &s.sellers}, {"rows", &s.rows}}) {
    j[key] = Json::array();
    for (const auto& row : *rows) {
      Json line = {{"label", row.label}, {"start_ms", row.start_ms}, {"end_ms", row.end_ms},
                   {"camera_down", row.camera_down}, {"roster_inferred", row.roster_inferred}};
      merge(line, figure_json(row.figures));
      j[key].push_back(std::move(line));
    }
  }
  j["weekday_hour"] = Json::array();
  for (const auto& day : s.weekday_hour) {
    Json hours = Json::array();
    for (const auto& hour : day) hours.push_back(optional_number(hour.conversion.rate));
    j["weekday_hour"].push_back(std::move(hours));
  }
  j["quality"] = quality_json(s.quality_notes, {}, s.last_import_ms);
  return j.dump(2) + "\n";
}

std::string render_model(const Context& context, const Model& model, ReportFormat format) {
  switch (format) {
    case ReportFormat::Markdown: return render_markdown(context, model);
    case ReportFormat::Html: return render_html(context, model);
    default: return render_text(context, model);
  }
}

}  // namespace

ReportFormat parse_report_format(const std::string& text) {
  static const std::map<std::string, ReportFormat> names = {
      {"text", ReportFormat::Text}, {"txt", ReportFormat::Text},     {"csv", ReportFormat::Csv},
      {"json", ReportFormat::Json}, {"md", ReportFormat::Markdown}, {"markdown", ReportFormat::Markdown},
      {"html", ReportFormat::Html}};
  const auto found = names.find(text);
  if (found == names.end()) throw std::invalid_argument("report format \"" + text + "\": expected text, csv, json, md or html");
  return found->second;
}

const char* report_format_extension(ReportFormat format) {
  switch (format) {
    case ReportFormat::Text: return "txt";
    case ReportFormat::Csv: return "csv";
    case ReportFormat::Json: return "json";
    case ReportFormat::Markdown: return "md";
    case ReportFormat::Html: return "html";
  }
  return "txt";
}

std::string render_day_report(const DaySummary& summary, const StoreSettings& settings, ReportFormat format,
                              const std::string& language) {
  if (format == ReportFormat::Json) return day_json(summary, settings);
  if (format == ReportFormat::Csv) return day_csv(summary, settings);
  const Context context(settings, language);
  return render_model(context, day_model(context, summary), format);
}

std::string render_range_report(const RangeSummary& summary, const StoreSettings& settings, ReportFormat format,
                                const std::string& language) {
  if (format == ReportFormat::Json) return range_json(summary, settings);
  if (format == ReportFormat::Csv) return range_csv(summary, settings);
  const Context context(settings, language);
  return render_model(context, range_model(context, summary), format);
}

}  // namespace footfall::data
