#pragma once
// The seller contest: a period's sellers ranked by conversion, honestly. A seller with 11 visitors
// and 3 sales does not lead one with 426 and 80: the ranking is by the low end of the conversion's
// 95 % interval, and sellers under the store's minimum visitors are listed apart, unranked.
#include <optional>
#include <string>
#include <vector>

#include "footfall/data/metrics/metrics.hpp"

namespace footfall::data {

struct ContestEntry {
  std::string seller;
  Figures figures;
  int rank = 0;                       // 1 leads; 0 for a seller with too few visitors to rank
  std::optional<int> rank_yesterday;  // in the same period up to the day before, when ranked then
  bool roster_inferred = false;       // floor time from first to last sale, no roster
  bool reaches_goal = false;          // conversion at or above the owner's goal
};

struct SellerContest {
  std::string period;     // "week" (from its Monday) or "month" (from its 1st)
  std::string from_date;  // business dates, inclusive
  std::string to_date;
  std::optional<double> goal;  // conversion the owner set (store profile contest_goal), a fraction
  Figures total;               // the store over the period
  std::optional<TimeMs> last_import_ms;
  std::vector<ContestEntry> ranked;   // the leader first
  std::vector<ContestEntry> too_few;  // under the minimum visitors, most visitors first
};

// The week or month that holds business date `date`, up to and including it. Throws
// std::invalid_argument for another period or a date that is not YYYY-MM-DD.
SellerContest seller_contest(Store& store, const std::string& period, const std::string& date);

}  // namespace footfall::data
