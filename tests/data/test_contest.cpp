#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "footfall/data/metrics/contest.hpp"
#include "footfall/data/report/report.hpp"
#include "test_store_support.hpp"

using namespace footfall::data;
using footfall::data::testing::make_transaction;
using footfall::data::testing::utc;

namespace {

// `count` entries spread evenly over [from, to).
void add_entries(Store& store, TimeMs from, TimeMs to, int count, int& track) {
  std::vector<CountEvent> events;
  for (int i = 0; i < count; ++i)
    events.push_back({from + (to - from) * i / count, "main", true, ++track, 1.F});
  store.add_count_events(events);
}

void add_sales(Store& store, const std::string& seller, TimeMs from, int count, int& number) {
  for (int i = 0; i < count; ++i) {
    store.upsert_transaction(make_transaction(seller + std::to_string(++number), from + i * 60'000, 2'000, 1,
                                              TransactionKind::Sale, seller));
  }
}

}  // namespace

TEST_CASE(
    "contest: sellers ranked by the low end of their conversion, the few-visitor seller apart, who moved up "
    "since yesterday, and the goal") {
  Store store(":memory:");
  StoreSettings settings;
  settings.currency = "EUR";
  settings.opening_hours.fill({8 * 60, 20 * 60, false});
  settings.contest_goal = 0.22;
  store.save_settings(settings);
  int track = 0;
  int sale = 0;
  // Monday 16 to Wednesday 18 November 2026: Anna mornings, Ben afternoons, 50 visitors each a day.
  // Anna sells 10 a day (20 %); Ben 5, 5, then 25 (10 % until Tuesday, 23 % with Wednesday).
  const int ben_sales[] = {5, 5, 25};
  for (unsigned day = 16; day <= 18; ++day) {
    store.add_roster({{"Anna", utc(2026, 11, day, 9), utc(2026, 11, day, 13)},
                      {"Ben", utc(2026, 11, day, 13), utc(2026, 11, day, 17)}});
    add_entries(store, utc(2026, 11, day, 9), utc(2026, 11, day, 13), 50, track);
    add_entries(store, utc(2026, 11, day, 13), utc(2026, 11, day, 17), 50, track);
    add_sales(store, "Anna", utc(2026, 11, day, 10), 10, sale);
    add_sales(store, "Ben", utc(2026, 11, day, 14), ben_sales[day - 16U], sale);
  }
  // Cleo helps for half an hour on Wednesday: 2 sales to a handful of visitors rank nobody.
  store.add_roster({{"Cleo", utc(2026, 11, 18, 10), utc(2026, 11, 18, 10, 30)}});
  add_sales(store, "Cleo", utc(2026, 11, 18, 10, 5), 2, sale);

  const auto contest = seller_contest(store, "week", "2026-11-18");
  CHECK(contest.from_date == "2026-11-16");
  CHECK(contest.to_date == "2026-11-18");
  REQUIRE(contest.ranked.size() == 2);
  CHECK(contest.ranked[0].seller == "Ben");
  CHECK(contest.ranked[0].rank == 1);
  CHECK(contest.ranked[0].rank_yesterday == 2);
  CHECK(contest.ranked[0].reaches_goal);
  CHECK(contest.ranked[1].seller == "Anna");
  CHECK(contest.ranked[1].rank_yesterday == 1);
  CHECK_FALSE(contest.ranked[1].reaches_goal);
  REQUIRE(contest.too_few.size() == 1);
  CHECK(contest.too_few[0].seller == "Cleo");
  CHECK(contest.too_few[0].rank == 0);
  CHECK(*contest.too_few[0].figures.conversion.rate >
        *contest.ranked[0].figures.conversion.rate);  // not first
  CHECK(contest.total.visitors == 300);

  const auto french = render_contest_report(contest, store.settings(), ReportFormat::Text, "fr");
  CAPTURE(french);
  for (const char* words :
       {"Challenge vendeurs", "Cette semaine", "1. Ben", "gagne 1 depuis hier", "perd 1 depuis hier",
        "objectif atteint", "Trop peu de visiteurs pour être classés", "Objectif : 22,0"}) {
    CHECK_MESSAGE(french.find(words) != std::string::npos, words);
  }
  const auto json =
      nlohmann::json::parse(render_contest_report(contest, store.settings(), ReportFormat::Json));
  CHECK(json["report"] == "contest");
  CHECK(json["ranked"][0]["seller"] == "Ben");
  CHECK(json["ranked"][0]["rank_yesterday"] == 2);
  CHECK(json["too_few"][0]["rank"].is_null());
  CHECK(json["goal"] == doctest::Approx(0.22));
  const auto csv = render_contest_report(contest, store.settings(), ReportFormat::Csv);
  CHECK(csv.find("\nranked,Ben,") != std::string::npos);
  CHECK(csv.find(",rank,rank_yesterday,reaches_goal\n") != std::string::npos);

  // The month from its 1st; Monday alone has no yesterday to have moved from.
  CHECK(seller_contest(store, "month", "2026-11-18").from_date == "2026-11-01");
  const auto monday = seller_contest(store, "week", "2026-11-16");
  REQUIRE(monday.ranked.size() == 2);
  CHECK_FALSE(monday.ranked[0].rank_yesterday.has_value());
  CHECK_THROWS_AS(seller_contest(store, "fortnight", "2026-11-18"), std::invalid_argument);
}
