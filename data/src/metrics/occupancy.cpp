#include "footfall/data/metrics/occupancy.hpp"

#include "store/connection.hpp"

#include "footfall/data/business_time.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace footfall::data {

std::int64_t occupancy_at(Store& store, const StoreSettings& settings, TimeMs now_ms) {
  const BusinessClock clock(settings);
  const date::local_days day = clock.business_day_of(now_ms);
  // Opening hours are local times of the business day; a night shop closes after midnight.
  const TimeMs opens_ms = clock.at_local(day, settings.open_minutes);
  const int close_offset = settings.close_minutes > settings.open_minutes ? 0 : 1;
  const TimeMs closes_ms = clock.at_local(day + date::days{close_offset}, settings.close_minutes);
  if (now_ms < opens_ms || now_ms >= closes_ms) return 0;

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
