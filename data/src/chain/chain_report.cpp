// footfall chain report: the central figures per store, region, business day, week, month or
// weekday. Each store's business days are its own (zone and day start, from footfall_business_day);
// money is summed per currency only, counts and conversion chain-wide.
#include <algorithm>
#include <map>
#include <stdexcept>

#include "chain/chain_report_cells.hpp"
#include "chain/pg.hpp"
#include "footfall/data/business_time.hpp"
#include "footfall/data/chain/chain.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "store/buyer_rule.hpp"

namespace footfall::data::chain {
namespace {

constexpr std::array all_groups{ChainGroup::Store, ChainGroup::Region, ChainGroup::Day,
                                ChainGroup::Week,  ChainGroup::Month,  ChainGroup::Weekday};

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
    case ChainGroup::Weekday:
      return "extract(isodow FROM " + table + ".business_day)::int::text";
  }
  return "s.code";
}

// Rows whose store's business day falls in [$1, $2], from the business_day index.
std::string in_days_sql(const std::string& table) {
  return table + ".business_day BETWEEN $1::date AND $2::date";
}

struct StoreInfo {
  std::string code, name, region, currency;
  VisitorRule rule = VisitorRule::Entries;
  int low_data_visitors = 30;
};

void add_figures(ChainRow& into, const ChainRow& from) {
  into.visitors += from.visitors;
  into.entries += from.entries;
  into.exits += from.exits;
  into.buyers += from.buyers;
  into.net_sales += from.net_sales;
  into.gross_sales += from.gross_sales;
}

using RowKey = std::pair<std::string, std::string>;                // (group key, currency)
using Cells = std::map<RowKey, std::map<std::int64_t, ChainRow>>;  // per store

class Collector {
 public:
  Collector(Connection& connection, ChainGroup group) : connection_(connection), group_(group) {
    const auto stores = connection.exec(
        "SELECT id, code, name, region, currency, visitor_rule, low_data_visitors FROM stores");
    for (int row = 0; row < stores.rows(); ++row) {
      info_[stores.integer(row, 0)] = {stores.text(row, 1),
                                       stores.text(row, 2),
                                       stores.text(row, 3),
                                       stores.text(row, 4),
                                       stores.text(row, 5) == visitor_rule_name(VisitorRule::HalfOfInPlusOut)
                                           ? VisitorRule::HalfOfInPlusOut
                                           : VisitorRule::Entries,
                                       static_cast<int>(stores.integer(row, 6))};
    }
  }

  // Per (key, currency), then per store; a store's visitors follow its own visitor rule.
  Cells cells(const std::string& from, const std::string& to) {
    Cells cells;
    const auto cell_for = [&](std::int64_t store, const std::string& key) -> ChainRow& {
      const StoreInfo& s = info_[store];
      ChainRow& cell = cells[{key, s.currency}][store];
      cell.key = key;
      cell.currency = s.currency;
      cell.stores = 1;
      return cell;
    };
    const std::string traffic = "SELECT s.id, " + key_sql(group_, "t") +
                                ", sum(t.entries), sum(t.exits) FROM traffic t "
                                "JOIN stores s ON s.id = t.store_id WHERE " +
                                in_days_sql("t") + " GROUP BY 1, 2";
    const auto counted = connection_.exec(traffic, {from, to});
    for (int at = 0; at < counted.rows(); ++at) {
      const auto store = counted.integer(at, 0);
      ChainRow& cell = cell_for(store, counted.text(at, 1));
      cell.entries = counted.integer(at, 2);
      cell.exits = counted.integer(at, 3);
      cell.visitors = visitors_from(info_[store].rule, cell.entries, cell.exits);
    }
    const std::string sales = "SELECT s.id, " + key_sql(group_, "x") +
                              ", count(*) FILTER (WHERE x.kind IN (" + std::string(buyer_kinds_sql) +
                              ")), coalesce(sum(x.net), 0), coalesce(sum(x.gross), 0) "
                              "FROM transactions x JOIN stores s ON s.id = x.store_id WHERE " +
                              in_days_sql("x") + " GROUP BY 1, 2";
    const auto sold = connection_.exec(sales, {from, to});
    for (int at = 0; at < sold.rows(); ++at) {
      ChainRow& cell = cell_for(sold.integer(at, 0), sold.text(at, 1));
      cell.buyers = sold.integer(at, 2);
      cell.net_sales = sold.integer(at, 3);
      cell.gross_sales = sold.integer(at, 4);
    }
    return cells;
  }

  // The stores' cells added up per key. A row of several stores is low-data under the strictest
  // of their minimums.
  std::map<RowKey, ChainRow> rows(const Cells& cells) {
    std::map<RowKey, ChainRow> rows;
    for (const auto& [key, stores] : cells) {
      ChainRow& row = rows[key];
      row.key = key.first;
      row.currency = key.second;
      int minimum = 0;
      for (const auto& [store, cell] : stores) {
        const StoreInfo& s = info_[store];
        if (group_ == ChainGroup::Store) {
          row.name = s.name;
          row.region = s.region;
        } else if (group_ == ChainGroup::Region) {
          row.region = key.first;
        }
        row.stores += 1;
        add_figures(row, cell);
        minimum = std::max(minimum, s.low_data_visitors);
      }
      row.conversion = wilson_conversion(row.buyers, row.visitors, minimum);
    }
    return rows;
  }

 private:
  Connection& connection_;
  ChainGroup group_;
  std::map<std::int64_t, StoreInfo> info_;
};

std::string weeks_before(const std::string& day, int weeks) {
  return format_date(parse_date(day) - date::days{7 * weeks});
}

struct Tally {
  std::int64_t visitors = 0;
  std::int64_t buyers = 0;
  void add(const ChainRow& cell) {
    visitors += cell.visitors;
    buyers += cell.buyers;
  }
  // Empty when there is nothing to divide, or more buyers than visitors (not a real conversion).
  [[nodiscard]] std::optional<double> conversion() const {
    if (buyers > visitors) return std::nullopt;
    return ratio(static_cast<double>(buyers), visitors);
  }
};

std::optional<double> difference(const std::optional<double>& now, const std::optional<double>& before) {
  if (!now || !before) return std::nullopt;
  return *now - *before;
}

// Each row against the week before and the mean of the four weeks before, like for like: only its
// stores that counted visitors in both periods, so a store that opened or joined the chain this
// week is not read as a change.
void compare_with_past_weeks(Collector& collector, const std::string& from, const std::string& to,
                             const Cells& now, std::map<RowKey, ChainRow>& rows) {
  std::array<Cells, 4> past;
  for (std::size_t week = 0; week < past.size(); ++week) {
    const int weeks = static_cast<int>(week) + 1;
    past[week] = collector.cells(weeks_before(from, weeks), weeks_before(to, weeks));
  }
  const auto counted_then = [&past](std::size_t week, const RowKey& key,
                                    std::int64_t store) -> const ChainRow* {
    const auto row = past[week].find(key);
    if (row == past[week].end()) return nullptr;
    const auto cell = row->second.find(store);
    return cell != row->second.end() && cell->second.visitors > 0 ? &cell->second : nullptr;
  };
  for (auto& [key, row] : rows) {
    Tally now_vs_last, last_week, now_vs_four, four_weeks;
    for (const auto& [store, cell] : now.at(key)) {
      if (cell.visitors <= 0) continue;
      if (const ChainRow* then = counted_then(0, key, store)) {
        now_vs_last.add(cell);
        last_week.add(*then);
      }
      std::array<const ChainRow*, 4> weeks{};
      for (std::size_t week = 0; week < weeks.size(); ++week) weeks[week] = counted_then(week, key, store);
      if (std::find(weeks.begin(), weeks.end(), nullptr) != weeks.end()) continue;
      now_vs_four.add(cell);
      for (const ChainRow* then : weeks) four_weeks.add(*then);
    }
    if (last_week.visitors > 0) {
      row.visitors_last_week = last_week.visitors;
      row.conversion_vs_last_week = difference(now_vs_last.conversion(), last_week.conversion());
    }
    if (four_weeks.visitors > 0) {
      row.visitors_four_weeks = static_cast<double>(four_weeks.visitors) / 4.0;
      row.conversion_vs_four_weeks = difference(now_vs_four.conversion(), four_weeks.conversion());
    }
  }
}

// Highest low end first: a store with 11 visitors and one sale does not outrank one with 426.
void rank_by_conversion(std::vector<ChainRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const ChainRow& a, const ChainRow& b) {
    const bool a_ranked = a.conversion.rate && !a.conversion.low_data;
    const bool b_ranked = b.conversion.rate && !b.conversion.low_data;
    if (a_ranked != b_ranked) return a_ranked;
    return a_ranked && a.conversion.low > b.conversion.low;
  });
}

}  // namespace

bool compares_past_weeks(ChainGroup group) {
  return group == ChainGroup::Store || group == ChainGroup::Region || group == ChainGroup::Weekday;
}

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
    case ChainGroup::Weekday:
      return "weekday";
  }
  return "store";
}

ChainGroup parse_chain_group(const std::string& text) {
  for (const auto group : all_groups) {
    if (text == chain_group_name(group)) return group;
  }
  throw std::invalid_argument("--by " + text + ": use store, region, day, week, month or weekday");
}

ChainReport chain_report(const Server& server, const std::string& from, const std::string& to,
                         ChainGroup group) {
  Connection connection(server);
  require_current_schema(connection);
  Collector collector(connection, group);
  const Cells cells = collector.cells(from, to);
  auto rows = collector.rows(cells);
  if (compares_past_weeks(group)) compare_with_past_weeks(collector, from, to, cells, rows);

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
    add_figures(total, row);
    report.visitors += row.visitors;
    report.buyers += row.buyers;
    report.rows.push_back(row);
  }
  for (auto& [currency, total] : totals) {
    total.conversion = wilson_conversion(total.buyers, total.visitors, 0);
    report.totals.push_back(total);
  }
  if (group == ChainGroup::Store) rank_by_conversion(report.rows);
  return report;
}

}  // namespace footfall::data::chain
