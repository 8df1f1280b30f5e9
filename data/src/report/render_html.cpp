#include <algorithm>
#include <cmath>
#include <sstream>

#include "report/html_text.hpp"
#include "report/model.hpp"

// The HTML rendering of a report model: tables, bar chart and weekday-hour heat map as inline SVG.
namespace footfall::data::report_detail {

// ---------- HTML ----------

std::string escape_html(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += ch;
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
    if (rows[i].figures->conversion.rate)
      max_conversion = std::max(max_conversion, *rows[i].figures->conversion.rate);
  }
  const auto y_of = [&](double value, double maximum) { return 10 + plot_height * (1.0 - value / maximum); };
  std::string svg =
      "<svg viewBox=\"0 0 720 220\" width=\"100%\" role=\"img\" aria-label=\"" + escape_html(title) + "\">";
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
      svg += "<rect x=\"" + fixed(x) + "\" y=\"10\" width=\"" + fixed(slot) + "\" height=\"" +
             fixed(plot_height) + "\" class=\"down\"><title>" + escape_html(c.tr("camera down")) +
             "</title></rect>";
    }
    const double visitors_top = y_of(static_cast<double>(f.visitors), static_cast<double>(max_visitors));
    const double buyers_top = y_of(static_cast<double>(f.buyers), static_cast<double>(max_visitors));
    svg += "<rect x=\"" + fixed(x + slot * 0.1) + "\" y=\"" + fixed(visitors_top) + "\" width=\"" +
           fixed(slot * 0.4) + "\" height=\"" + fixed(10 + plot_height - visitors_top) +
           "\" class=\"visitors\"><title>" +
           escape_html(c.labelled(rows[i].label, format_count(f.visitors, "visitor|visitors", c.language))) +
           "</title></rect>";
    svg += "<rect x=\"" + fixed(x + slot * 0.5) + "\" y=\"" + fixed(buyers_top) + "\" width=\"" +
           fixed(slot * 0.4) + "\" height=\"" + fixed(10 + plot_height - buyers_top) +
           "\" class=\"buyers\"><title>" +
           escape_html(c.labelled(rows[i].label, format_count(f.buyers, "buyer|buyers", c.language))) +
           "</title></rect>";
    if (f.conversion.rate) {
      line += (line.empty() ? "M" : " L") + fixed(x + slot / 2) + " " +
              fixed(y_of(*f.conversion.rate, max_conversion));
    }
    if ((i - first) % label_every == 0) {
      svg += "<text x=\"" + fixed(x + slot / 2) + "\" y=\"" + fixed(height - 6) +
             "\" class=\"tick\" text-anchor=\"middle\">" +
             escape_html(
                 first_code_points(rows[i].chart_label.empty() ? rows[i].label : rows[i].chart_label, 14)) +
             "</text>";
    }
  }
  if (!line.empty()) svg += "<path d=\"" + line + "\" class=\"conversion\"/>";
  svg += "</svg>";
  svg += "<p class=\"legend\"><span class=\"key visitors\"></span>" + escape_html(c.tr("Visitors")) +
         " <span class=\"key buyers\"></span>" + escape_html(c.tr("Buyers")) +
         " <span class=\"key conversion\"></span>" + escape_html(c.tr("Conversion")) + "</p>";
  return svg;
}

// The heat map's colour ramp, from the lowest conversion (light) to the highest (dark green).
std::string heat_colour(double strength) {
  return "hsl(150,55%," + std::to_string(static_cast<int>(std::lround(95 - 55 * strength))) + "%)";
}

std::string svg_heat_map(const Context& c, const std::array<std::array<Figures, 24>, 7>& heat) {
  int first_hour = 24;
  int last_hour = -1;
  double min_rate = 1.0;
  double max_rate = 0.0;
  for (const auto& day : heat) {
    for (int hour = 0; hour < 24; ++hour) {
      const auto& f = day[static_cast<std::size_t>(hour)];
      if (f.visitors == 0) continue;
      first_hour = std::min(first_hour, hour);
      last_hour = std::max(last_hour, hour);
      if (f.conversion.rate) {
        min_rate = std::min(min_rate, *f.conversion.rate);
        max_rate = std::max(max_rate, *f.conversion.rate);
      }
    }
  }
  if (last_hour < 0 || max_rate <= 0) return {};
  const auto& days = weekday_short_names;
  const double cell = 560.0 / static_cast<double>(last_hour - first_hour + 1);
  std::string svg = "<svg viewBox=\"0 0 640 214\" width=\"100%\" role=\"img\" aria-label=\"" +
                    escape_html(c.tr("Conversion by weekday and hour")) + "\">";
  for (std::size_t day = 0; day < heat.size(); ++day) {
    const double y = 20 + 22 * static_cast<double>(day);
    svg += "<text x=\"0\" y=\"" + fixed(y + 15) + "\" class=\"tick\">" + escape_html(c.tr(days[day])) +
           "</text>";
    for (int hour = first_hour; hour <= last_hour; ++hour) {
      const auto& f = heat[day][static_cast<std::size_t>(hour)];
      const double x = 60 + cell * static_cast<double>(hour - first_hour);
      std::string fill = "#eee";
      std::string title = "—";
      if (f.conversion.rate) {
        const double spread = max_rate - min_rate;
        fill = heat_colour(spread > 0 ? std::clamp((*f.conversion.rate - min_rate) / spread, 0.0, 1.0) : 1.0);
        title = format_percent(*f.conversion.rate, 1, c.language);
      }
      svg += "<rect x=\"" + fixed(x) + "\" y=\"" + fixed(y) + "\" width=\"" + fixed(cell - 1) +
             "\" height=\"20\" fill=\"" + fill + "\"><title>" +
             escape_html(c.labelled(c.tr(days[day]) + " " + hour_text(hour), title)) + "</title></rect>";
    }
  }
  for (int hour = first_hour; hour <= last_hour; ++hour) {
    svg += "<text x=\"" + fixed(60 + cell * (hour - first_hour + 0.5)) + "\" y=\"14\" class=\"tick\" " +
           "text-anchor=\"middle\">" + std::to_string(hour) + "</text>";
  }
  // The scale: what the lightest and the darkest cell mean, and the grey of an hour nobody was counted.
  svg += "<defs><linearGradient id=\"heat-ramp\"><stop offset=\"0\" stop-color=\"" + heat_colour(0) +
         "\"/><stop offset=\"1\" stop-color=\"" + heat_colour(1) + "\"/></linearGradient></defs>";
  svg += "<text x=\"60\" y=\"200\" class=\"tick\" text-anchor=\"start\">" + escape_html(c.tr("Conversion")) +
         "</text>";
  svg += "<text x=\"256\" y=\"200\" class=\"tick scale-min\" text-anchor=\"end\">" +
         escape_html(format_percent(min_rate, 1, c.language)) + "</text>";
  svg += "<rect x=\"262\" y=\"190\" width=\"160\" height=\"12\" fill=\"url(#heat-ramp)\"/>";
  svg += "<text x=\"428\" y=\"200\" class=\"tick scale-max\">" +
         escape_html(format_percent(max_rate, 1, c.language)) + "</text>";
  svg +=
      "<rect x=\"500\" y=\"190\" width=\"12\" height=\"12\" fill=\"#eee\"/><text x=\"516\" y=\"200\" "
      "class=\"tick\">" +
      escape_html(c.tr("no visitors")) + "</text>";
  return svg + "</svg>";
}

std::string render_table_html(const Context& c, const Section& section) {
  std::string out = std::string(section.long_labels ? "<table class=\"long-labels\">" : "<table>") +
                    "<thead><tr><th>" + escape_html(section.first_column) + "</th>";
  for (const auto& column : table_columns())
    out += "<th class=\"num\">" + escape_html(c.tr(column.title)) + "</th>";
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
.card .change { font-size: 8pt; color: #777; } .card .change.up { color: #1a7f37; } .card .change.down { color: #c0392b; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { padding: 0.8mm 1.5mm; border-bottom: 1px solid #eee; text-align: left; font-size: 9pt; }
td:first-child { white-space: nowrap; } table.long-labels td:first-child { white-space: normal; min-width: 24mm; }
th.num { white-space: normal; }
th { font-size: 8pt; color: #555; } .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.flag td { background: #fff6e5; } .note { color: #a60; font-size: 8pt; } .note:not(:empty) { min-width: 30mm; }
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
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"" + escape_html(c.language) + "\"><head><meta charset=\"utf-8\">";
  out += "<title>" + escape_html(m.title) + "</title><style>" + html_style + "</style></head><body>";
  out += "<h1>" + escape_html(m.title) + "</h1>";
  if (!m.subtitle.empty()) out += "<p class=\"subtitle\">" + escape_html(m.subtitle) + "</p>";
  const auto& figures = m.figures;
  out += "<div class=\"cards\">";
  for (const auto& figure : figures) {
    out += "<div class=\"card\"><div class=\"label\">" + escape_html(figure.label) +
           "</div><div class=\"value\">" + escape_html(figure.value) + "</div>";
    for (const auto& change : figure.changes) {
      const char* direction = change.direction > 0 ? "up" : (change.direction < 0 ? "down" : "flat");
      out += "<div class=\"change " + std::string(direction) + "\">" + escape_html(change.text) + "</div>";
    }
    out += "</div>";
  }
  out += "</div>";
  if (m.chart && !m.sections.empty()) {
    const auto chart = svg_bars(c, m.sections.front(), m.chart_title);
    if (!chart.empty()) {
      out += "<h2>" + escape_html(m.chart_title) + "</h2><div class=\"chart\">" + chart + "</div>";
    }
  }
  if (m.heat_map != nullptr) {
    const auto heat = svg_heat_map(c, *m.heat_map);
    if (!heat.empty()) {
      out += "<h2>" + escape_html(c.tr("Conversion by weekday and hour")) + "</h2><div class=\"chart\">" +
             heat + "</div>";
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

}  // namespace footfall::data::report_detail
