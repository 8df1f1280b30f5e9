#include "footfall/data/metrics/contest.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "footfall/data/business_time.hpp"

namespace footfall::data {
namespace {

date::local_days first_day_of(const std::string& period, date::local_days day) {
  if (period == "week") return day - date::days{weekday_index(day)};
  if (period == "month") {
    const date::year_month_day ymd{day};
    return date::local_days{ymd.year() / ymd.month() / 1};
  }
  throw std::invalid_argument("contest period \"" + period + "\": use week or month");
}

// The ranked sellers of a seller summary, the leader first, and the others.
std::pair<std::vector<ContestEntry>, std::vector<ContestEntry>> standings(const RangeSummary& summary) {
  std::vector<ContestEntry> ranked;
  std::vector<ContestEntry> too_few;
  for (const auto& row : summary.rows) {
    ContestEntry entry{row.label, row.figures, 0, std::nullopt, row.roster_inferred, false};
    const bool rankable = row.figures.conversion.rate && !row.figures.conversion.low_data;
    (rankable ? ranked : too_few).push_back(std::move(entry));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const ContestEntry& a, const ContestEntry& b) {
    return ranks_above(a.figures.conversion, b.figures.conversion);
  });
  for (std::size_t at = 0; at < ranked.size(); ++at) ranked[at].rank = static_cast<int>(at) + 1;
  std::stable_sort(too_few.begin(), too_few.end(), [](const ContestEntry& a, const ContestEntry& b) {
    return a.figures.visitors > b.figures.visitors;
  });
  return {std::move(ranked), std::move(too_few)};
}

}  // namespace

SellerContest seller_contest(Store& store, const std::string& period, const std::string& date) {
  const auto day = parse_date(date);
  const auto first = first_day_of(period, day);
  SellerContest contest;
  contest.period = period;
  contest.from_date = format_date(first);
  contest.to_date = date;
  contest.goal = store.settings().contest_goal;
  // One summary by seller holds the store's total too.
  const auto sellers = range_summary(store, contest.from_date, date, GroupBy::Seller);
  contest.total = sellers.total;
  contest.last_import_ms = sellers.last_import_ms;
  std::tie(contest.ranked, contest.too_few) = standings(sellers);
  if (day > first) {
    std::map<std::string, int> yesterday;
    const auto up_to_yesterday =
        range_summary(store, contest.from_date, format_date(day - date::days{1}), GroupBy::Seller);
    for (const auto& entry : standings(up_to_yesterday).first) {
      yesterday[entry.seller] = entry.rank;
    }
    for (auto& entry : contest.ranked) {
      if (const auto found = yesterday.find(entry.seller); found != yesterday.end())
        entry.rank_yesterday = found->second;
    }
  }
  for (auto* list : {&contest.ranked, &contest.too_few}) {
    for (auto& entry : *list) {
      entry.reaches_goal =
          contest.goal && entry.figures.conversion.rate && *entry.figures.conversion.rate >= *contest.goal;
    }
  }
  return contest;
}

}  // namespace footfall::data
