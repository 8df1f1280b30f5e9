#pragma once
// The kiosk's crossings and covered time as the central traffic table holds them: one row per door
// and quarter hour, every value absolute, so a row sent twice is stored once.
#include <SQLiteCpp/Database.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "chain/pg.hpp"
#include "footfall/data/business_time.hpp"
#include "footfall/data/store/store.hpp"

namespace footfall::data::chain {

constexpr TimeMs bucket_ms = TimeMs{15} * 60'000;  // the kiosk's count_rollup buckets

using Bucket = std::pair<TimeMs, std::string>;  // quarter-hour start, door

inline std::string number(std::int64_t value) { return std::to_string(value); }

inline std::string day_of(const BusinessClock& clock, TimeMs time_ms) {
  return format_date(clock.business_day_of(time_ms));
}

// The traffic rows of `buckets`: crossings in and outside the opening hours apart, covered and gap minutes.
std::vector<Param> traffic_rows(Store& local, SQLite::Database& db, const BusinessClock& clock,
                                const std::set<Bucket>& buckets, const std::string& store_id);
void upsert_traffic(Connection& server, const std::vector<Param>& values);

}  // namespace footfall::data::chain
