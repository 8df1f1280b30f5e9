// footfall chain report as text, csv, json, Markdown and HTML: one table of the same cells; each
// row's conversion with its Wilson interval and its change against last week and the 4-week average.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "chain/chain_report_cells.hpp"
#include "footfall/data/chain/chain.hpp"
#include "report/html_text.hpp"
#include "report/model.hpp"

namespace footfall::data::chain {
namespace {

using report_detail::display_width;
using report_detail::escape_html;
using report_detail::pad;

nlohmann::json or_null(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json figures_json(const ChainRow& row) {
  nlohmann::json item = {
      {"key", row.key},           {"currency", row.currency},   {"stores", row.stores},
      {"visitors", row.visitors}, {"entries", row.entries},     {"exits", row.exits},
      {"buyers", row.buyers},     {"net_sales", row.net_sales}, {"gross_sales", row.gross_sales}};
  if (!row.name.empty()) item["name"] = row.name;
  if (!row.region.empty()) item["region"] = row.region;
  item["conversion"] = or_null(row.conversion.rate);
  item["conversion_low"] = row.conversion.rate ? nlohmann::json(row.conversion.low) : nlohmann::json(nullptr);
  item["conversion_high"] =
      row.conversion.rate ? nlohmann::json(row.conversion.high) : nlohmann::json(nullptr);
  item["low_data"] = row.conversion.low_data;
  item["atv"] = or_null(ratio(static_cast<double>(row.net_sales), row.buyers));
  item["spv"] = or_null(ratio(static_cast<double>(row.net_sales), row.visitors));
  item["conversion_vs_last_week"] = or_null(row.conversion_vs_last_week);
  item["conversion_vs_four_weeks"] = or_null(row.conversion_vs_four_weeks);
  item["visitors_last_week"] =
      row.visitors_last_week ? nlohmann::json(*row.visitors_last_week) : nlohmann::json(nullptr);
  item["visitors_four_weeks"] = or_null(row.visitors_four_weeks);
  return item;
}

std::string render_json(const ChainReport& report) {
  nlohmann::json doc = {{"report", "chain"},
                        {"schema", 2},
                        {"from", report.from},
                        {"to", report.to},
                        {"group_by", chain_group_name(report.group)},
                        {"visitors", report.visitors},
                        {"buyers", report.buyers}};
  doc["conversion"] = or_null(ratio(static_cast<double>(report.buyers), report.visitors));
  doc["rows"] = nlohmann::json::array();
  for (const auto& row : report.rows) doc["rows"].push_back(figures_json(row));
  doc["totals_per_currency"] = nlohmann::json::array();
  for (const auto& row : report.totals) doc["totals_per_currency"].push_back(figures_json(row));
  return doc.dump(2) + "\n";
}

// The table every other format shows; `machine`: plain numbers for a CSV, else for people.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::size_t totals_from = 0;    // the first total row
  std::size_t unranked_from = 0;  // by store: the first store with too few visitors to rank
};

const char* weekday_label(const std::string& key) {
  static constexpr std::array names{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                    "Friday", "Saturday", "Sunday"};
  const int day = key.size() == 1 ? key[0] - '0' : 0;
  return day >= 1 && day <= 7 ? names[static_cast<std::size_t>(day - 1)] : "";
}

Table make_table(const ChainReport& report, bool machine) {
  const auto cell_ratio = [machine](std::optional<double> value, int decimals, double scale) {
    return value ? plain(*value * scale, decimals) : std::string(machine ? "" : "—");
  };
  const auto percent = [&](const std::optional<double>& value) {
    return machine ? cell_ratio(value, 4, 1.0) : (value ? plain(*value * 100.0, 1) + " %" : std::string("—"));
  };
  const auto points = [&](const std::optional<double>& value) {
    if (!value) return std::string(machine ? "" : "—");
    const double change = *value * 100.0;  // points
    return (change > 0.0 ? "+" : "") + plain(change, machine ? 2 : 1) + (machine ? "" : " pts");
  };
  const auto cells = [&](const ChainRow& row) {
    const int decimals = currency_decimals(row.currency);
    const double minor = std::pow(10.0, -decimals);
    const Conversion& conversion = row.conversion;
    std::string name = row.name;
    if (report.group == ChainGroup::Weekday) name = weekday_label(row.key);
    std::vector<std::string> line{row.key,
                                  name,
                                  row.region,
                                  row.currency,
                                  std::to_string(row.visitors),
                                  std::to_string(row.buyers),
                                  percent(conversion.rate)};
    if (machine) {
      line.push_back(conversion.rate ? plain(conversion.low, 4) : "");
      line.push_back(conversion.rate ? plain(conversion.high, 4) : "");
      line.push_back(conversion.low_data ? "1" : "0");
    } else {
      line.push_back(conversion.rate
                         ? plain(conversion.low * 100.0, 1) + "–" + plain(conversion.high * 100.0, 1) +
                               (conversion.low_data ? " (low data)" : "")
                         : "");
    }
    line.push_back(points(row.conversion_vs_last_week));
    line.push_back(points(row.conversion_vs_four_weeks));
    line.push_back(major_units(row.net_sales, row.currency));
    line.push_back(cell_ratio(ratio(static_cast<double>(row.net_sales), row.buyers), decimals, minor));
    line.push_back(cell_ratio(ratio(static_cast<double>(row.net_sales), row.visitors), decimals, minor));
    return line;
  };
  Table table;
  table.header = {
      chain_group_name(report.group), "name", "region", "currency", "visitors", "buyers", "conversion"};
  if (machine) {
    table.header.insert(table.header.end(), {"conversion_low", "conversion_high", "low_data"});
  } else {
    table.header.emplace_back("95% interval");
  }
  table.header.insert(table.header.end(),
                      {machine ? "conversion_vs_last_week_pts" : "vs last week",
                       machine ? "conversion_vs_4_weeks_pts" : "vs 4-week average", "net_sales",
                       machine ? "atv" : "average ticket", machine ? "spv" : "sales per visitor"});
  table.unranked_from = report.rows.size();
  for (std::size_t at = 0; at < report.rows.size(); ++at) {
    const ChainRow& row = report.rows[at];
    if (ranks_by_conversion(report.group) && table.unranked_from == report.rows.size() &&
        (!row.conversion.rate || row.conversion.low_data))
      table.unranked_from = at;
    table.rows.push_back(cells(row));
  }
  table.totals_from = table.rows.size();
  for (const auto& row : report.totals) table.rows.push_back(cells(row));
  return table;
}

std::string title(const ChainReport& report) {
  return "Chain report " + report.from + " to " + report.to + ", by " + chain_group_name(report.group);
}

std::string chain_line(const ChainReport& report) {
  const auto conversion = ratio(static_cast<double>(report.buyers), report.visitors);
  return "chain: " + std::to_string(report.visitors) + " visitors, " + std::to_string(report.buyers) +
         " buyers, conversion " + (conversion ? plain(*conversion * 100.0, 1) + " %" : std::string("—"));
}

constexpr const char* money_note = "money per currency, never added across currencies";
constexpr const char* ranking_note =
    "Rows are ranked by the low end of their conversion's 95% interval, so a store or seller with few "
    "visitors does not rank above a busy one by chance; those under their store's minimum visitors are "
    "listed after.";
constexpr const char* seller_note =
    "A seller's visitors are those who came in during their roster's quarter hours, so sellers on the "
    "floor together share them; a seller with no roster on the kiosk shows sales only. The total is the "
    "stores' own.";
constexpr const char* shift_note =
    "A shift's figures are its hours in each store's local time, over the stores that define it; the total "
    "is the stores' own, as shifts may overlap or leave hours out.";
constexpr const char* comparison_note =
    "Changes are in percentage points and like for like: each row's stores that counted visitors in "
    "the week compared too, so a store that opened or joined since is not read as a change.";

std::vector<std::string> notes(const ChainReport& report) {
  std::vector<std::string> lines;
  if (ranks_by_conversion(report.group)) lines.emplace_back(ranking_note);
  if (report.group == ChainGroup::Seller) lines.emplace_back(seller_note);
  if (report.group == ChainGroup::Shift) lines.emplace_back(shift_note);
  if (compares_past_weeks(report.group)) lines.emplace_back(comparison_note);
  return lines;
}

std::string render_csv(const Table& table) {
  std::ostringstream out;
  const auto write = [&out](const std::vector<std::string>& line) {
    for (std::size_t at = 0; at < line.size(); ++at) {
      std::string cell = line[at];
      if (cell.find_first_of(",\"\n") != std::string::npos) {
        std::string escaped;
        for (const char c : cell) escaped += c == '"' ? std::string("\"\"") : std::string(1, c);
        cell = "\"" + escaped + "\"";
      }
      out << (at == 0 ? "" : ",") << cell;
    }
    out << "\n";
  };
  write(table.header);
  for (const auto& line : table.rows) write(line);
  return out.str();
}

std::string render_text(const ChainReport& report, const Table& table) {
  std::vector<std::size_t> widths(table.header.size(), 0);
  for (std::size_t at = 0; at < table.header.size(); ++at) widths[at] = display_width(table.header[at]);
  for (const auto& line : table.rows) {
    for (std::size_t at = 0; at < line.size(); ++at)
      widths[at] = std::max(widths[at], display_width(line[at]));
  }
  std::ostringstream out;
  out << title(report) << " (" << money_note << ")\n\n";
  const auto write = [&](const std::vector<std::string>& line) {
    for (std::size_t at = 0; at < line.size(); ++at)
      out << (at == 0 ? "" : "  ") << pad(line[at], widths[at], at >= 4);
    out << "\n";
  };
  write(table.header);
  for (std::size_t line = 0; line < table.rows.size(); ++line) {
    if (line == table.totals_from || (line == table.unranked_from && line < table.totals_from)) out << "\n";
    write(table.rows[line]);
  }
  out << "\n" << chain_line(report) << "\n";
  for (const auto& note : notes(report)) out << note << "\n";
  return out.str();
}

std::string render_markdown(const ChainReport& report, const Table& table) {
  std::ostringstream out;
  out << "# " << title(report) << "\n\n_" << money_note << "_\n\n";
  const auto write = [&out](const std::vector<std::string>& line) {
    out << "|";
    for (const auto& cell : line) out << " " << cell << " |";
    out << "\n";
  };
  write(table.header);
  out << "|";
  for (std::size_t at = 0; at < table.header.size(); ++at) out << (at >= 4 ? " ---: |" : " --- |");
  out << "\n";
  for (const auto& line : table.rows) write(line);
  out << "\n" << chain_line(report) << "\n";
  for (const auto& note : notes(report)) out << "\n" << note << "\n";
  return out.str();
}

// Conversion per row as bars, the 95% interval as a whisker: the chart a head office scans first.
std::string conversion_chart(const ChainReport& report) {
  std::vector<const ChainRow*> shown;
  for (const auto& row : report.rows) {
    if (row.conversion.rate) shown.push_back(&row);
  }
  if (shown.empty()) return {};
  double top = 0.0;
  for (const ChainRow* row : shown) top = std::max(top, row->conversion.high);
  top = std::max(top, 0.01);
  const double bar = 22.0;
  const double label_width = 180.0;
  const double plot = 500.0;  // leaves room after the longest whisker for "100.0 % (low data)"
  std::ostringstream svg;
  svg << "<svg viewBox=\"0 0 " << plain(label_width + plot + 150.0, 0) << " "
      << plain(bar * static_cast<double>(shown.size()) + 10.0, 0)
      << "\" width=\"100%\" role=\"img\" aria-label=\"Conversion\">";
  for (std::size_t at = 0; at < shown.size(); ++at) {
    const ChainRow& row = *shown[at];
    const double y = bar * static_cast<double>(at) + 4.0;
    const auto x_of = [&](double value) { return label_width + plot * value / top; };
    const std::string label = report.group == ChainGroup::Weekday ? weekday_label(row.key)
                              : row.name.empty()                  ? row.key
                                                                  : row.name;
    svg << "<text x=\"" << plain(label_width - 8.0, 0) << "\" y=\"" << plain(y + 14.0, 1)
        << "\" text-anchor=\"end\">" << escape_html(label + " (" + row.currency + ")") << "</text>";
    svg << "<rect x=\"" << plain(label_width, 0) << "\" y=\"" << plain(y, 1) << "\" width=\""
        << plain(x_of(*row.conversion.rate) - label_width, 1) << "\" height=\"" << plain(bar - 6.0, 1)
        << "\" class=\"" << (row.conversion.low_data ? "bar low" : "bar") << "\"/>";
    svg << "<line x1=\"" << plain(x_of(row.conversion.low), 1) << "\" x2=\""
        << plain(x_of(row.conversion.high), 1) << "\" y1=\"" << plain(y + (bar - 6.0) / 2.0, 1) << "\" y2=\""
        << plain(y + (bar - 6.0) / 2.0, 1) << "\" class=\"whisker\"/>";
    svg << "<text x=\"" << plain(x_of(row.conversion.high) + 6.0, 1) << "\" y=\"" << plain(y + 14.0, 1)
        << "\">" << plain(*row.conversion.rate * 100.0, 1) << " %"
        << (row.conversion.low_data ? " (low data)" : "") << "</text>";
  }
  svg << "</svg>";
  return svg.str();
}

std::string render_html(const ChainReport& report, const Table& table) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
      << escape_html(title(report))
      << "</title><style>"
         "body{font-family:'DejaVu Sans',sans-serif;margin:24px;color:#1d2430}"
         "table{border-collapse:collapse;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid "
         "#dde;text-align:left}"
         "td.num,th.num{text-align:right}tr.total td{font-weight:bold;border-top:2px solid #889}"
         "tr.unranked td{color:#778}.bar{fill:#3b82f6}.bar.low{fill:#b8c4d6}"
         ".whisker{stroke:#1d2430;stroke-width:2}svg text{font-size:12px}p.note{color:#556;font-size:13px}"
         "</style></head><body>\n";
  out << "<h1>" << escape_html(title(report)) << "</h1>\n<p class=\"note\">" << money_note << "</p>\n";
  out << conversion_chart(report) << "\n<table><tr>";
  for (std::size_t at = 0; at < table.header.size(); ++at) {
    out << "<th" << (at >= 4 ? " class=\"num\"" : "") << ">" << escape_html(table.header[at]) << "</th>";
  }
  out << "</tr>\n";
  for (std::size_t line = 0; line < table.rows.size(); ++line) {
    const char* kind = line >= table.totals_from     ? " class=\"total\""
                       : line >= table.unranked_from ? " class=\"unranked\""
                                                     : "";
    out << "<tr" << kind << ">";
    for (std::size_t at = 0; at < table.rows[line].size(); ++at) {
      out << "<td" << (at >= 4 ? " class=\"num\"" : "") << ">" << escape_html(table.rows[line][at])
          << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n<p>" << escape_html(chain_line(report)) << "</p>\n";
  for (const auto& note : notes(report)) out << "<p class=\"note\">" << escape_html(note) << "</p>\n";
  out << "</body></html>\n";
  return out.str();
}

}  // namespace

std::string render_chain_report(const ChainReport& report, const std::string& format) {
  if (format == "json") return render_json(report);
  if (format == "csv") return render_csv(make_table(report, true));
  if (format == "text") return render_text(report, make_table(report, false));
  if (format == "md") return render_markdown(report, make_table(report, false));
  if (format == "html") return render_html(report, make_table(report, false));
  throw std::invalid_argument("--format " + format + ": use text, csv, json, md or html");
}

}  // namespace footfall::data::chain
