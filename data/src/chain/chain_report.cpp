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
                                ChainGroup::Week,  ChainGroup::Month,  ChainGroup::Weekday,
                                ChainGroup::Shift, ChainGroup::Seller};

struct StoreInfo {
  std::string code, name, region, currency;
  VisitorRule rule = VisitorRule::Entries;
  int low_data_visitors = 30;
};

// The row a store's business day belongs to: store code, region, the day, its week's Monday, its
// month (YYYY-MM) or its ISO weekday (1 = Monday).
std::string key_of(ChainGroup group, const StoreInfo& store, const std::string& day) {
  switch (group) {
    case ChainGroup::Store:
      return store.code;
    case ChainGroup::Region:
      return store.region;
    case ChainGroup::Day:
      return day;
    case ChainGroup::Week: {
      const auto local = parse_date(day);
      return format_date(local - date::days{weekday_index(local)});
    }
    case ChainGroup::Month:
      return day.substr(0, 7);
    case ChainGroup::Weekday:
      return std::to_string(weekday_index(parse_date(day)) + 1);
    case ChainGroup::Shift:
    case ChainGroup::Seller:
      break;  // not a function of the day: Collector::cells_within_days
  }
  return store.code;
}

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

  // Every store's sums per business day in [first, last], from the server's store_days: the
  // report's period and the weeks it is compared with are then added up here.
  void load(const std::string& first, const std::string& last) {
    const auto days = connection_.exec(
        "SELECT store_id, business_day::text, entries, exits, buyers, net, gross FROM store_days "
        "WHERE business_day BETWEEN $1::date AND $2::date",
        {first, last});
    for (int at = 0; at < days.rows(); ++at) {
      ChainRow& day = days_[{days.integer(at, 0), days.text(at, 1)}];
      day.entries = days.integer(at, 2);
      day.exits = days.integer(at, 3);
      day.buyers = days.integer(at, 4);
      day.net_sales = days.integer(at, 5);
      day.gross_sales = days.integer(at, 6);
    }
  }

  // Per (key, currency), then per store, over the loaded days in [from, to]; a store's visitors
  // follow its own visitor rule.
  Cells cells(const std::string& from, const std::string& to) {
    if (group_ == ChainGroup::Shift || group_ == ChainGroup::Seller) return cells_within_days(from, to);
    return cells_of_days(from, to, group_);
  }

  // Each store's own cell over the loaded days in [from, to]: the totals where rows do not add up.
  Cells store_cells(const std::string& from, const std::string& to) {
    return cells_of_days(from, to, ChainGroup::Store);
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
        } else if (group_ == ChainGroup::Seller) {
          row.name = cell.name;
          row.region = s.region;
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
  // The loaded days in [from, to] added up per `group` key (store to weekday), then per store.
  Cells cells_of_days(const std::string& from, const std::string& to, ChainGroup group) {
    Cells cells;
    for (const auto& [store_day, sums] : days_) {
      const auto& [store, day] = store_day;
      if (day < from || day > to) continue;  // ISO dates compare as text
      const auto info = info_.find(store);
      if (info == info_.end()) continue;
      const std::string key = key_of(group, info->second, day);
      ChainRow& cell = cells[{key, info->second.currency}][store];
      cell.key = key;
      cell.currency = info->second.currency;
      cell.stores = 1;
      add_figures(cell, sums);
    }
    for (auto& [key, stores] : cells) {
      for (auto& [store, cell] : stores)
        cell.visitors = visitors_from(info_[store].rule, cell.entries, cell.exits);
    }
    return cells;
  }

  // By shift or seller: parts of days, read from the rows themselves.
  Cells cells_within_days(const std::string& from, const std::string& to) {
    const bool by_shift = group_ == ChainGroup::Shift;
    // A row's minutes since its store's business day started, and the shift's window in the same
    // terms: a shift starting before the day start belongs to the small hours after midnight.
    const auto in_shift = [](const std::string& time_ms) {
      const std::string since_day_start =
          "((floor(extract(epoch FROM (to_timestamp(" + time_ms +
          " / 1000.0) AT TIME ZONE s.time_zone)::time) / 60)::int - s.day_start_minutes + 1440) % 1440)";
      const std::string shift_start = "((sh.start_minutes - s.day_start_minutes + 1440) % 1440)";
      const std::string shift_length =
          "(CASE WHEN (sh.end_minutes - sh.start_minutes) % 1440 = 0 THEN 1440 "
          "ELSE ((sh.end_minutes - sh.start_minutes) % 1440 + 1440) % 1440 END)";
      return " JOIN shifts sh ON sh.store_id = s.id AND (sh.weekday_mask >> (extract(isodow FROM "
             "business_day)::int "
             "- 1)) & 1 = 1 AND " +
             since_day_start + " >= " + shift_start + " AND " + since_day_start + " < " + shift_start +
             " + " + shift_length;
    };
    const std::string traffic =
        by_shift
            ? "SELECT s.id, sh.name, sum(entries), sum(exits) FROM traffic t JOIN stores s ON s.id = "
              "t.store_id" +
                  in_shift("t.bucket_ms")
            : std::string(
                  "SELECT s.id, r.seller, sum(entries), sum(exits) FROM traffic t JOIN stores s ON s.id = "
                  "t.store_id JOIN rosters r ON r.store_id = s.id AND t.bucket_ms >= r.start_ms AND "
                  "t.bucket_ms < r.end_ms");
    const std::string sales = "SELECT s.id, " + std::string(by_shift ? "sh.name" : "x.seller") +
                              ", count(*) FILTER (WHERE kind IN (" + std::string(buyer_kinds_sql) +
                              ")), coalesce(sum(net), 0), coalesce(sum(gross), 0) FROM transactions x JOIN "
                              "stores s ON s.id = x.store_id" +
                              (by_shift ? in_shift("x.time_ms") : std::string());
    const std::string in_days = " WHERE business_day BETWEEN $1::date AND $2::date GROUP BY 1, 2";
    Cells cells;
    const auto cell_for = [&](std::int64_t store, const std::string& name) -> ChainRow* {
      const auto info = info_.find(store);
      if (info == info_.end()) return nullptr;
      const std::string key = by_shift ? name : info->second.code + "/" + name;
      ChainRow& cell = cells[{key, info->second.currency}][store];
      cell.key = key;
      cell.name = by_shift ? "" : name;
      cell.currency = info->second.currency;
      cell.stores = 1;
      return &cell;
    };
    const auto counted = connection_.exec(traffic + in_days, {from, to});
    for (int at = 0; at < counted.rows(); ++at) {
      ChainRow* cell = cell_for(counted.integer(at, 0), counted.text(at, 1));
      if (cell == nullptr) continue;
      cell->entries = counted.integer(at, 2);
      cell->exits = counted.integer(at, 3);
      cell->visitors = visitors_from(info_[counted.integer(at, 0)].rule, cell->entries, cell->exits);
    }
    const auto sold = connection_.exec(sales + in_days, {from, to});
    for (int at = 0; at < sold.rows(); ++at) {
      ChainRow* cell = cell_for(sold.integer(at, 0), sold.text(at, 1));
      if (cell == nullptr) continue;
      cell->buyers = sold.integer(at, 2);
      cell->net_sales = sold.integer(at, 3);
      cell->gross_sales = sold.integer(at, 4);
    }
    return cells;
  }

  Connection& connection_;
  ChainGroup group_;
  std::map<std::int64_t, StoreInfo> info_;
  std::map<std::pair<std::int64_t, std::string>, ChainRow> days_;  // (store, business day) → sums
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
    return ranks_above(a.conversion, b.conversion);
  });
}

}  // namespace

bool ranks_by_conversion(ChainGroup group) {
  return group == ChainGroup::Store || group == ChainGroup::Seller;
}

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
    case ChainGroup::Shift:
      return "shift";
    case ChainGroup::Seller:
      return "seller";
  }
  return "store";
}

ChainGroup parse_chain_group(const std::string& text) {
  for (const auto group : all_groups) {
    if (text == chain_group_name(group)) return group;
  }
  throw std::invalid_argument("--by " + text +
                              ": use store, region, day, week, month, weekday, shift or seller");
}

ChainReport chain_report(const Server& server, const std::string& from, const std::string& to,
                         ChainGroup group) {
  Connection connection(server);
  require_current_schema(connection);
  Collector collector(connection, group);
  collector.load(compares_past_weeks(group) ? weeks_before(from, 4) : from, to);
  const Cells cells = collector.cells(from, to);
  auto rows = collector.rows(cells);
  if (compares_past_weeks(group)) compare_with_past_weeks(collector, from, to, cells, rows);

  ChainReport report;
  report.from = from;
  report.to = to;
  report.group = group;
  // Shifts may overlap or leave hours out, and sellers on the floor together share its visitors:
  // such rows do not add up to the stores', so the totals are then the stores' own.
  const bool rows_add_up = group != ChainGroup::Shift && group != ChainGroup::Seller;
  const std::map<RowKey, ChainRow> store_rows =
      rows_add_up ? std::map<RowKey, ChainRow>{} : collector.rows(collector.store_cells(from, to));
  std::map<std::string, ChainRow> totals;
  for (const auto& [key, row] : rows_add_up ? rows : store_rows) {
    auto& total = totals[row.currency];
    total.key = "total";
    total.currency = row.currency;
    total.stores += group == ChainGroup::Store || !rows_add_up ? 1 : 0;
    add_figures(total, row);
    report.visitors += row.visitors;
    report.buyers += row.buyers;
  }
  for (const auto& [key, row] : rows) report.rows.push_back(row);
  for (auto& [currency, total] : totals) {
    total.conversion = wilson_conversion(total.buyers, total.visitors, 0);
    report.totals.push_back(total);
  }
  if (ranks_by_conversion(group)) rank_by_conversion(report.rows);
  return report;
}

}  // namespace footfall::data::chain
