#pragma once
#include "footfall/data/store.hpp"
#include "footfall/data/types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace footfall::data {

struct HistoryOptions {
  int days = 28;                  // business days ending with end_date (inclusive)
  std::string end_date;           // YYYY-MM-DD; required
  std::uint64_t seed = 1;         // same seed, same history
  int entries_per_day = 5000;     // an average weekday; Saturdays are busier, Sundays quieter
  int transactions_per_day = 600;
  double median_basket = 3000.0;  // minor units; baskets are log-normal around it
  std::vector<std::string> sellers = {"Anna", "Bruno", "Chloé", "Dmitri"};
  std::vector<ShiftDefinition> shifts;  // empty: the store's shifts, or Morning 09–14 / Afternoon 14–20
  std::string zone;               // empty: the store's zone
  std::optional<TimeMs> until_ms; // a day in progress: nothing at or after this instant
  bool with_sales = true;         // false: counts only (the demo's sales come from its till file)
  bool with_roster = true;
};

struct HistoryResult {
  int days_written = 0;
  int days_skipped = 0;           // days that already had count events are left alone
  std::int64_t count_events = 0;
  std::int64_t transactions = 0;
};

// Synthetic but plausible history: opening hours, lunch and evening peaks, busier Saturdays,
// conversion varying by hour and seller, a roster, a few voids and refunds days later.
// One transaction for the whole run; rerunning with the same options adds nothing.
HistoryResult generate_history(Store& store, const HistoryOptions& options);

// The settings seed_demo_day writes (Demo store, Europe/Paris, EUR, 09:00–20:00), e.g. to work out
// "today" in the demo's zone before seeding.
StoreSettings demo_settings();

// For `footfall demo`: Demo store settings (Europe/Paris, EUR), two shifts, sellers and today's
// roster, and four weeks of history before `date`. Today's counts come from the live synthetic
// camera and today's sales from assets/demo/sales.csv, so neither is written here.
void seed_demo_day(Store& store, const std::string& date, TimeMs now_ms);

}  // namespace footfall::data
