#include "footfall/data/fixtures/history.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "store/connection.hpp"  // data/src: raw SQL on the store under test

#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>

using namespace footfall::data;

namespace {

HistoryOptions small_week() {
  HistoryOptions options;
  options.days = 7;
  options.end_date = "2026-05-10";  // Monday 4th to Sunday 10th
  options.entries_per_day = 600;
  options.transactions_per_day = 80;
  options.seed = 7;
  return options;
}

std::int64_t scalar(Store& store, const std::string& sql) {
  return footfall::data::testing::connection(store).execAndGet(sql).getInt64();
}

}  // namespace

TEST_CASE("history: a week of plausible days, written once") {
  Store store(":memory:");
  const auto result = generate_history(store, small_week());
  CHECK(result.days_written == 7);
  CHECK(result.count_events == scalar(store, "SELECT count(*) FROM count_events"));
  CHECK(result.transactions == scalar(store, "SELECT count(*) FROM pos_transactions"));
  CHECK(scalar(store, "SELECT count(*) FROM count_events WHERE direction = 'in'") * 2 == result.count_events);

  const auto saturday = day_summary(store, "2026-05-09");
  const auto sunday = day_summary(store, "2026-05-10");
  CHECK(saturday.total.visitors > sunday.total.visitors);
  CHECK(saturday.total.visitors > 600);
  REQUIRE(saturday.total.conversion.rate.has_value());
  CHECK(*saturday.total.conversion.rate > 0.05);
  CHECK(*saturday.total.conversion.rate < 0.25);
  REQUIRE(saturday.peak_hour.has_value());
  CHECK(*saturday.peak_hour >= 11);
  CHECK(*saturday.peak_hour <= 19);
  CHECK(saturday.hours[3].figures.visitors == 0);  // 03:00: closed
  CHECK_FALSE(saturday.sellers.empty());
  for (const auto& seller : saturday.sellers) CHECK_FALSE(seller.roster_inferred);

  const auto again = generate_history(store, small_week());
  CHECK(again.days_written == 0);
  CHECK(again.days_skipped == 7);
  CHECK(result.count_events == scalar(store, "SELECT count(*) FROM count_events"));
}

TEST_CASE("history: the same seed gives the same history") {
  Store first(":memory:");
  Store second(":memory:");
  generate_history(first, small_week());
  generate_history(second, small_week());
  const std::string digest = "SELECT sum(time_ms % 1000003) FROM count_events";
  CHECK(scalar(first, digest) == scalar(second, digest));
  CHECK(scalar(first, "SELECT sum(total) FROM pos_transactions") ==
        scalar(second, "SELECT sum(total) FROM pos_transactions"));
  CHECK_THROWS_AS(generate_history(first, HistoryOptions{}), std::invalid_argument);  // no end date
}

TEST_CASE("history: the demo seed writes today's door counts up to now, and nothing after") {
  Store store(":memory:");
  const auto settings = demo_settings();
  // 2026-05-12 15:00 Paris (CEST) = 13:00 UTC.
  const TimeMs now = 1778590800000;
  seed_demo_day(store, "2026-05-12", now);
  const auto today = day_summary(store, "2026-05-12");
  CHECK(today.total.visitors > 100);
  CHECK(today.total.buyers == 0);  // sales come from the till file, not from here
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT count(*) FROM count_events WHERE time_ms >= " + std::to_string(now))
            .getInt64() == 0);
  CHECK(business_date_of(settings, now) == "2026-05-12");
}

TEST_CASE("history: the demo seed writes settings, shifts, a roster and four weeks before today") {
  Store store(":memory:");
  seed_demo_day(store, "2026-05-12", 0);
  const auto settings = store.settings();
  CHECK(settings.name == demo_settings().name);
  CHECK(settings.name == "Demo store");
  CHECK(settings.time_zone == "Europe/Paris");
  CHECK(settings.currency == "EUR");
  REQUIRE(store.shifts().size() == 2);
  CHECK(store.shifts()[0].name == "Morning");
  CHECK(store.resolve_seller("Zoé Martin") == "Zoé Martin");

  const auto today = day_summary(store, "2026-05-12");
  CHECK(today.total.visitors == 0);  // today's counts come from the live camera
  CHECK(today.same_time_last_week.visitors > 0);
  REQUIRE(today.average_last_four.has_value());
  CHECK(today.average_last_four->visitors > 0);
  CHECK(today.sellers.size() == 4);
  CHECK(day_summary(store, "2026-04-13").total.visitors == 0);  // 29 days back: before the history
  CHECK(day_summary(store, "2026-04-14").total.visitors > 0);

  const auto events = scalar(store, "SELECT count(*) FROM count_events");
  seed_demo_day(store, "2026-05-12", 0);  // a second demo run adds nothing
  CHECK(scalar(store, "SELECT count(*) FROM count_events") == events);
  CHECK(scalar(store, "SELECT count(*) FROM roster WHERE start_ms >= 1778536800000") == 4);
}
