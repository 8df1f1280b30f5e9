#include "footfall/data/metrics/occupancy.hpp"

#include "store/connection.hpp"

#include "footfall/data/business_time.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace footfall::data {

std::int64_t occupancy_at(Store& store, const StoreSettings& settings, TimeMs now_ms) {
  const BusinessClock clock(settings);
  const date::local_days day = clock.business_day_of(now_ms);
  const auto open = clock.opening(day);
  if (!open || now_ms < open->opens_ms || now_ms >= open->closes_ms) return 0;
  const TimeMs opens_ms = open->opens_ms;

  SQLite::Statement events(connection(store),
                           "SELECT direction = 'in' FROM count_events WHERE time_ms >= ? AND time_ms <= ? "
                           "ORDER BY time_ms");
  events.bind(1, opens_ms);
  events.bind(2, now_ms);
  std::int64_t inside = 0;
  while (events.executeStep()) {
    inside = events.getColumn(0).getInt() != 0 ? inside + 1 : std::max<std::int64_t>(0, inside - 1);
  }
  return inside;
}

}  // namespace footfall::data
