#pragma once
// The buyer rule, written once: what one transaction adds to the sales figures. A completed sale
// is one buyer, its total is gross sales and its units are units sold; a refund counts in net
// sales only (its total is negative); voids and cancellations count nowhere.
//
// The Store folds the rule into the rollups in C++ (sales_contribution). SQL that reads or undoes
// raw rows (the delete trigger of schema step 7, the rollup reader's ragged edges) cannot call
// C++, so it takes its expressions from sales_sql(), which spells the kinds the rule accepts from
// buyer_kinds_sql and net_kinds_sql; a static_assert below ties those lists to is_buyer and
// counts_in_net, so the SQL cannot drift from the C++.
#include "footfall/data/types.hpp"

#include <string>
#include <string_view>

namespace footfall::data {

constexpr bool is_buyer(TransactionKind kind) { return kind == TransactionKind::Sale; }
constexpr bool counts_in_net(TransactionKind kind) {
  return kind == TransactionKind::Sale || kind == TransactionKind::Refund;
}

// What one transaction adds to the sales rollups.
struct SalesContribution {
  std::int64_t buyers = 0;
  Money gross = 0;
  Money net = 0;
  double units = 0.0;

  SalesContribution& operator+=(const SalesContribution& other) {
    buyers += other.buyers;
    gross += other.gross;
    net += other.net;
    units += other.units;
    return *this;
  }
};

constexpr SalesContribution sales_contribution(TransactionKind kind, Money total, double units) {
  const bool buyer = is_buyer(kind);
  return {buyer ? 1 : 0, buyer ? total : 0, counts_in_net(kind) ? total : 0, buyer ? units : 0.0};
}

// The same for a kind as stored; text that names no kind adds nothing.
constexpr SalesContribution sales_contribution(std::string_view kind, Money total, double units) {
  const auto known = transaction_kind_from_name(kind);
  return known ? sales_contribution(*known, total, units) : SalesContribution{};
}

// The kinds is_buyer and counts_in_net accept, as SQL lists of their stored names.
inline constexpr std::string_view buyer_kinds_sql = "'sale'";
inline constexpr std::string_view net_kinds_sql = "'sale', 'refund'";

namespace detail {
// Whether `list` quotes exactly the kinds `rule` accepts.
constexpr bool sql_list_matches(std::string_view list, bool (*rule)(TransactionKind)) {
  std::size_t quoted = 0;
  for (const auto kind :
       {TransactionKind::Sale, TransactionKind::Refund, TransactionKind::Void, TransactionKind::Cancelled}) {
    const std::string_view name = transaction_kind_name(kind);
    bool listed = false;
    for (auto at = list.find(name); at != std::string_view::npos; at = list.find(name, at + 1)) {
      listed = listed || (at > 0 && list[at - 1] == '\'' && at + name.size() < list.size() &&
                          list[at + name.size()] == '\'');
    }
    if (listed != rule(kind)) return false;
    quoted += listed ? 1 : 0;
  }
  std::size_t quotes = 0;
  for (const char c : list) quotes += c == '\'' ? 1 : 0;
  return quotes == 2 * quoted;
}
}  // namespace detail
static_assert(detail::sql_list_matches(buyer_kinds_sql, is_buyer));
static_assert(detail::sql_list_matches(net_kinds_sql, counts_in_net));

// The rule's four sums as SQL expressions over one pos_transactions row, named `row`: "OLD." or
// "NEW." in a trigger, "" in a query on the table.
struct SalesSql {
  std::string buyers;  // 1 for a buyer, else 0
  std::string gross;
  std::string net;
  std::string units;
};

inline SalesSql sales_sql(std::string_view row) {
  const std::string kind = std::string(row) + "kind";
  const auto only = [&](std::string_view kinds, const char* column) {
    return "CASE WHEN " + kind + " IN (" + std::string(kinds) + ") THEN " + std::string(row) + column +
           " ELSE 0 END";
  };
  return {kind + " IN (" + std::string(buyer_kinds_sql) + ")", only(buyer_kinds_sql, "total"),
          only(net_kinds_sql, "total"), only(buyer_kinds_sql, "units")};
}

}  // namespace footfall::data
