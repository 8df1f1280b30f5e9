#include "footfall/data/metrics/occupancy.hpp"
#include "test_store_support.hpp"

#include <doctest/doctest.h>

#include <date/date.h>

using namespace footfall::data;
using footfall::data::testing::utc;

namespace {

CountEvent crossing(TimeMs time_ms, bool entering, int track, const std::string& door = "main") {
  return {time_ms, door, entering, track, 1.F};
}

}  // namespace

TEST_CASE("occupancy: in minus out since opening, never below zero, all doors, zero after closing") {
  Store store(":memory:");
  StoreSettings paris;
  paris.time_zone = "Europe/Paris";  // UTC+1 in November
  paris.opening_hours.fill({10 * 60, 19 * 60 + 30, false});
  store.add_count_events({
      crossing(utc(2026, 11, 23, 8, 50), true, 1),    // 09:50 local: before opening, not counted
      crossing(utc(2026, 11, 23, 9, 5), false, 2),    // 10:05: the cleaner who came in early leaves
      crossing(utc(2026, 11, 23, 9, 10), true, 3),
      crossing(utc(2026, 11, 23, 9, 11), true, 4, "side"),
      crossing(utc(2026, 11, 23, 9, 12), true, 5),
      crossing(utc(2026, 11, 23, 9, 20), false, 6),
  });
  CHECK(occupancy_at(store, paris, utc(2026, 11, 23, 8, 55)) == 0);   // closed
  CHECK(occupancy_at(store, paris, utc(2026, 11, 23, 9, 6)) == 0);    // an exit does not go below zero
  CHECK(occupancy_at(store, paris, utc(2026, 11, 23, 9, 15)) == 3);   // the early exit took nobody away
  CHECK(occupancy_at(store, paris, utc(2026, 11, 23, 12, 0)) == 2);
  CHECK(occupancy_at(store, paris, utc(2026, 11, 23, 18, 29)) == 2);  // 19:29 local: still open
  CHECK(occupancy_at(store, paris, utc(2026, 11, 23, 18, 30)) == 0);  // 19:30 local: reset at closing
}

TEST_CASE("occupancy: a night shop open past midnight keeps its count until it closes") {
  Store store(":memory:");
  StoreSettings night;
  night.time_zone = "UTC";
  night.cutoff_minutes = 4 * 60;
  night.opening_hours.fill({18 * 60, 2 * 60, false});
  store.add_count_events({crossing(utc(2026, 11, 23, 23, 0), true, 1), crossing(utc(2026, 11, 24, 0, 30), true, 2)});
  CHECK(occupancy_at(store, night, utc(2026, 11, 24, 1, 0)) == 2);
  CHECK(occupancy_at(store, night, utc(2026, 11, 24, 2, 30)) == 0);
  CHECK(occupancy_at(store, night, utc(2026, 11, 24, 19, 0)) == 0);  // the next evening starts from zero
}
