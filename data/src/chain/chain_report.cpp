// footfall chain report: the central figures per store, region or business day. Each store's
// business days are its own (zone and day start, from footfall_business_day); money is summed per
// currency only, counts and conversion chain-wide.
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "chain/pg.hpp"
#include "footfall/data/chain/chain.hpp"
#include "footfall/data/locale_format.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "store/buyer_rule.hpp"

namespace footfall::data::chain {
namespace {

std::string key_sql(ChainGroup group, const std::string& table) {
  switch (group) {
    case ChainGroup::Store:
      return "s.code";
    case ChainGroup::Region:
      return "s.region";
    case ChainGroup::Day:
      return table + ".business_day::text";
    case ChainGroup::Week:
      return "date_trunc('week', " + table + ".business_day)::date::text";
    case ChainGroup::Month:
      return "to_char(" + table + ".business_day, 'YYYY-MM')";
  }
  return "s.code";
}

// Rows whose store's business day falls in [$1, $2], from the business_day index.
std::string in_days_sql(const std::string& table) {
  return table + ".business_day BETWEEN $1::date AND $2::date";
}

std::optional<double> ratio(double numerator, std::int64_t denominator) {
  if (denominator <= 0) return std::nullopt;
  return numerator / static_cast<double>(denominator);
}

// Machine-plain: "1234.50", no grouping, whatever the locale.
std::string plain(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string major_units(Money minor, const std::string& currency) {
  const int decimals = currency_decimals(currency);
  return plain(static_cast<double>(minor) / std::pow(10.0, decimals), decimals);
}

}  // namespace

const char* chain_group_name(ChainGroup group) {
  switch (group) {
    case ChainGroup::Store:
      return "store";
    case ChainGroup::Region:
      return "region";
    case ChainGroup::Day:
      return "day";
    case ChainGroup::Week:
      return "week";
    case ChainGroup::Month:
      return "month";
  }
  return "store";
}

ChainGroup parse_chain_group(const std::string& text) {
  for (const auto group :
       {ChainGroup::Store, ChainGroup::Region, ChainGroup::Day, ChainGroup::Week, ChainGroup::Month}) {
    if (text == chain_group_name(group)) return group;
  }
  throw std::invalid_argument("--by " + text + ": use store, region, day, week or month");
}

ChainReport chain_report(const Server& server, const std::string& from, const std::string& to,
                         ChainGroup group) {
  Connection connection(server);
  require_current_schema(connection);
  // Per store and group: a store's visitors follow its own visitor rule, applied to its sums.
  const std::string traffic = "SELECT s.id, " + key_sql(group, "t") +
                              ", sum(t.entries), sum(t.exits) FROM traffic t "
                              "JOIN stores s ON s.id = t.store_id WHERE " +
                              in_days_sql("t") + " GROUP BY 1, 2";
  const std::string sales = "SELECT s.id, " + key_sql(group, "x") + ", count(*) FILTER (WHERE x.kind IN (" +
                            std::string(buyer_kinds_sql) +
                            ")), coalesce(sum(x.net), 0), coalesce(sum(x.gross), 0) "
                            "FROM transactions x JOIN stores s ON s.id = x.store_id WHERE " +
                            in_days_sql("x") + " GROUP BY 1, 2";
  const auto stores = connection.exec("SELECT id, code, name, region, currency, visitor_rule FROM stores");
  struct StoreInfo {
    std::string code, name, region, currency;
    VisitorRule rule = VisitorRule::Entries;
  };
  std::map<std::int64_t, StoreInfo> info;
  for (int row = 0; row < stores.rows(); ++row) {
    info[stores.integer(row, 0)] = {
        stores.text(row, 1), stores.text(row, 2), stores.text(row, 3), stores.text(row, 4),
        stores.text(row, 5) == visitor_rule_name(VisitorRule::HalfOfInPlusOut) ? VisitorRule::HalfOfInPlusOut
                                                                               : VisitorRule::Entries};
  }
  // (group key, currency) → row; stores counted once per row.
  std::map<std::pair<std::string, std::string>, ChainRow> rows;
  std::map<std::pair<std::string, std::string>, std::map<std::int64_t, bool>> stores_in;
  auto row_for = [&](std::int64_t store, const std::string& key) -> ChainRow& {
    const auto& s = info[store];
    auto& row = rows[{key, s.currency}];
    row.key = key;
    row.currency = s.currency;
    if (group == ChainGroup::Store) {
      row.name = s.name;
      row.region = s.region;
    } else if (group == ChainGroup::Region) {
      row.region = key;
    }
    stores_in[{key, s.currency}][store] = true;
    row.stores = static_cast<std::int64_t>(stores_in[{key, s.currency}].size());
    return row;
  };
  const auto counted = connection.exec(traffic, {from, to});
  for (int at = 0; at < counted.rows(); ++at) {
    const auto store = counted.integer(at, 0);
    auto& row = row_for(store, counted.text(at, 1));
    const auto entries = counted.integer(at, 2);
    const auto exits = counted.integer(at, 3);
    row.entries += entries;
    row.exits += exits;
    row.visitors += visitors_from(info[store].rule, entries, exits);
  }
  const auto sold = connection.exec(sales, {from, to});
  for (int at = 0; at < sold.rows(); ++at) {
    auto& row = row_for(sold.integer(at, 0), sold.text(at, 1));
    row.buyers += sold.integer(at, 2);
    row.net_sales += sold.integer(at, 3);
    row.gross_sales += sold.integer(at, 4);
  }
  ChainReport report;
  report.from = from;
  report.to = to;
  report.group = group;
  std::map<std::string, ChainRow> totals;
  for (auto& [key, row] : rows) {
    auto& total = totals[row.currency];
    total.key = "total";
    total.currency = row.currency;
    total.stores += group == ChainGroup::Store ? 1 : 0;
    total.visitors += row.visitors;
    total.entries += row.entries;
    total.exits += row.exits;
    total.buyers += row.buyers;
    total.net_sales += row.net_sales;
    total.gross_sales += row.gross_sales;
    report.visitors += row.visitors;
    report.buyers += row.buyers;
    report.rows.push_back(row);
  }
  for (auto& [currency, total] : totals) report.totals.push_back(total);
  return report;
}

std::string render_chain_report(const ChainReport& report, const std::string& format) {
  const char* group = chain_group_name(report.group);
  std::ostringstream out;
  if (format == "json") {
    auto figures = [](const ChainRow& row) {
      nlohmann::json item = {{"key", row.key},
                             {"currency", row.currency},
                             {"visitors", row.visitors},
                             {"entries", row.entries},
                             {"exits", row.exits},
                             {"buyers", row.buyers},
                             {"net_sales", row.net_sales},
                             {"gross_sales", row.gross_sales}};
      if (!row.name.empty()) item["name"] = row.name;
      if (!row.region.empty()) item["region"] = row.region;
      const auto conversion = ratio(static_cast<double>(row.buyers), row.visitors);
      const auto atv = ratio(static_cast<double>(row.net_sales), row.buyers);
      const auto spv = ratio(static_cast<double>(row.net_sales), row.visitors);
      item["conversion"] = conversion ? nlohmann::json(*conversion) : nlohmann::json(nullptr);
      item["atv"] = atv ? nlohmann::json(*atv) : nlohmann::json(nullptr);
      item["spv"] = spv ? nlohmann::json(*spv) : nlohmann::json(nullptr);
      return item;
    };
    nlohmann::json doc = {{"report", "chain"},      {"schema", 1},       {"from", report.from},
                          {"to", report.to},        {"group_by", group}, {"visitors", report.visitors},
                          {"buyers", report.buyers}};
    const auto conversion = ratio(static_cast<double>(report.buyers), report.visitors);
    doc["conversion"] = conversion ? nlohmann::json(*conversion) : nlohmann::json(nullptr);
    doc["rows"] = nlohmann::json::array();
    for (const auto& row : report.rows) doc["rows"].push_back(figures(row));
    doc["totals_per_currency"] = nlohmann::json::array();
    for (const auto& row : report.totals) doc["totals_per_currency"].push_back(figures(row));
    out << doc.dump(2) << "\n";
    return out.str();
  }
  const bool csv = format == "csv";
  if (!csv && format != "text") throw std::invalid_argument("--format " + format + ": use text, csv or json");
  auto cell_ratio = [&](std::optional<double> value, int decimals, double scale) {
    return value ? plain(*value * scale, decimals) : std::string(csv ? "" : "—");
  };
  auto cells = [&](const ChainRow& row) {
    const int decimals = currency_decimals(row.currency);
    const double minor = std::pow(10.0, -decimals);
    return std::vector<std::string>{
        row.key,
        row.name,
        row.region,
        row.currency,
        std::to_string(row.visitors),
        std::to_string(row.buyers),
        cell_ratio(ratio(static_cast<double>(row.buyers), row.visitors), csv ? 4 : 1, csv ? 1.0 : 100.0) +
            (csv || row.visitors <= 0 ? "" : " %"),
        major_units(row.net_sales, row.currency),
        cell_ratio(ratio(static_cast<double>(row.net_sales), row.buyers), decimals, minor),
        cell_ratio(ratio(static_cast<double>(row.net_sales), row.visitors), decimals, minor)};
  };
  const std::vector<std::string> header = {group,    "name",       "region",    "currency", "visitors",
                                           "buyers", "conversion", "net_sales", "atv",      "spv"};
  std::vector<std::vector<std::string>> table = {header};
  for (const auto& row : report.rows) table.push_back(cells(row));
  for (const auto& row : report.totals) table.push_back(cells(row));
  if (csv) {
    for (const auto& line : table) {
      for (std::size_t at = 0; at < line.size(); ++at) {
        const bool quote = line[at].find_first_of(",\"\n") != std::string::npos;
        std::string cell = line[at];
        if (quote) {
          std::string escaped;
          for (const char c : cell) escaped += c == '"' ? std::string("\"\"") : std::string(1, c);
          cell = "\"" + escaped + "\"";
        }
        out << (at == 0 ? "" : ",") << cell;
      }
      out << "\n";
    }
    return out.str();
  }
  std::vector<std::size_t> widths(header.size(), 0);
  auto width = [](const std::string& text) {
    std::size_t n = 0;
    for (const char c : text)
      n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;  // UTF-8 characters
    return n;
  };
  for (const auto& line : table) {
    for (std::size_t at = 0; at < line.size(); ++at) widths[at] = std::max(widths[at], width(line[at]));
  }
  out << "Chain report " << report.from << " to " << report.to << ", by " << group
      << " (money per currency, never added across currencies)\n\n";
  for (std::size_t line = 0; line < table.size(); ++line) {
    if (line == table.size() - report.totals.size()) out << "\n";
    for (std::size_t at = 0; at < table[line].size(); ++at) {
      const auto& cell = table[line][at];
      const std::string pad(widths[at] - width(cell), ' ');
      out << (at == 0 ? "" : "  ") << (at >= 4 ? pad + cell : cell + pad);
    }
    out << "\n";
  }
  const auto conversion = ratio(static_cast<double>(report.buyers), report.visitors);
  out << "\nchain: " << report.visitors << " visitors, " << report.buyers << " buyers, conversion "
      << (conversion ? plain(*conversion * 100.0, 1) + " %" : std::string("—")) << "\n";
  return out.str();
}

}  // namespace footfall::data::chain
