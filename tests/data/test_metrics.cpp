#include <date/date.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <variant>

#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/week_hours.hpp"
#include "test_store_support.hpp"

using namespace footfall::data;
using footfall::data::testing::utc;

namespace {

std::vector<CountEvent> entries(TimeMs from, int count, TimeMs step_ms, bool entering = true) {
  std::vector<CountEvent> events;
  for (int i = 0; i < count; ++i) events.push_back({from + i * step_ms, "main", entering, i, 1.F});
  return events;
}

Transaction transaction(const std::string& id, TimeMs time_ms, Money total, double units,
                        TransactionKind kind = TransactionKind::Sale, const std::string& seller = "Anna") {
  return footfall::data::testing::make_transaction(id, time_ms, total, units, kind, seller);
}

Store utc_store() {
  Store store(":memory:");
  StoreSettings settings;
  settings.time_zone = "UTC";
  settings.low_data_visitors = 5;
  store.save_settings(settings);
  return store;
}

const HourRow& hour_at(const DaySummary& summary, int hour) {
  for (const auto& row : summary.hours) {
    if (row.hour == hour) return row;
  }
  throw std::runtime_error("no hour " + std::to_string(hour));
}

}  // namespace

TEST_CASE("metrics: Wilson interval matches hand-worked values") {
  // 10 of 100: p = 0.1, z = 1.96 → centre 0.11480, half-width 0.05957.
  const auto ten_percent = wilson_conversion(10, 100, 30);
  REQUIRE(ten_percent.rate.has_value());
  CHECK(*ten_percent.rate == doctest::Approx(0.1));
  CHECK(ten_percent.low == doctest::Approx(0.0552).epsilon(0.001));
  CHECK(ten_percent.high == doctest::Approx(0.1744).epsilon(0.001));
  CHECK_FALSE(ten_percent.low_data);
  // 0 of 10: the upper bound is z²/n / (1 + z²/n) = 0.2775.
  const auto none = wilson_conversion(0, 10, 30);
  CHECK(none.low == doctest::Approx(0.0));
  CHECK(none.high == doctest::Approx(0.2775).epsilon(0.001));
  CHECK(none.low_data);
  CHECK_FALSE(wilson_conversion(0, 0, 30).rate.has_value());
}

TEST_CASE("metrics: a plain day — visitors, buyers, net sales, ATV, SPV, UPT, refund on a later day") {
  auto store = utc_store();
  store.add_count_events(entries(utc(2026, 5, 4, 10), 10, 60'000));
  store.add_count_events(entries(utc(2026, 5, 4, 11), 6, 60'000, false));
  store.upsert_transaction(transaction("s1", utc(2026, 5, 4, 10, 30), 1000, 1));
  store.upsert_transaction(transaction("s2", utc(2026, 5, 4, 10, 40), 3000, 3));
  store.upsert_transaction(transaction("v1", utc(2026, 5, 4, 10, 41), 900, 1, TransactionKind::Void));
  store.upsert_transaction(transaction("c1", utc(2026, 5, 4, 10, 42), 900, 1, TransactionKind::Cancelled));
  store.upsert_transaction(transaction("r1", utc(2026, 5, 5, 12), -500, 1, TransactionKind::Refund));

  const auto day = day_summary(store, "2026-05-04");
  CHECK(day.hours.size() == 24);
  CHECK(day.total.visitors == 10);
  CHECK(day.total.exits == 6);
  CHECK(day.total.buyers == 2);
  CHECK(day.total.net_sales == 4000);
  REQUIRE(day.total.conversion.rate.has_value());
  CHECK(*day.total.conversion.rate == doctest::Approx(0.2));
  CHECK(*day.total.atv == doctest::Approx(2000));
  CHECK(*day.total.spv == doctest::Approx(400));
  CHECK(*day.total.upt == doctest::Approx(2));
  REQUIRE(day.peak_hour.has_value());
  CHECK(*day.peak_hour == 10);
  CHECK(hour_at(day, 10).figures.buyers == 2);
  CHECK(hour_at(day, 11).figures.visitors == 0);

  const auto next = day_summary(store, "2026-05-05");
  CHECK(next.total.net_sales == -500);  // the refund lands on the day it happened
  CHECK(next.total.buyers == 0);
  CHECK_FALSE(next.total.conversion.rate.has_value());  // no visitors: "—", never 0 %
}

TEST_CASE("metrics: visitor rule (in + out) / 2") {
  Store store(":memory:");
  StoreSettings settings;
  settings.visitor_rule = VisitorRule::HalfOfInPlusOut;
  store.save_settings(settings);
  store.add_count_events(entries(utc(2026, 5, 4, 10), 10, 1000));
  store.add_count_events(entries(utc(2026, 5, 4, 12), 7, 1000, false));
  CHECK(day_summary(store, "2026-05-04").total.visitors == 9);  // (10 + 7) / 2 rounded up
}

TEST_CASE("metrics: DST days in Europe/Paris have 23 and 25 hours") {
  Store store(":memory:");
  StoreSettings settings;
  settings.time_zone = "Europe/Paris";
  store.save_settings(settings);
  const auto spring = day_summary(store, "2026-03-29");
  CHECK(spring.hours.size() == 23);
  CHECK(spring.start_ms == utc(2026, 3, 28, 23));
  CHECK(spring.end_ms == utc(2026, 3, 29, 22));
  const auto autumn = day_summary(store, "2026-10-25");
  CHECK(autumn.hours.size() == 25);
  CHECK(autumn.hours[2].hour == 2);
  CHECK(autumn.hours[3].hour == 2);  // 02:00 happens twice
  CHECK(day_summary(store, "2026-05-04").hours.size() == 24);
  CHECK(business_date_of(settings, utc(2026, 3, 28, 23, 30)) == "2026-03-29");
}

TEST_CASE("metrics: a camera gap is excluded from visitors and buyers of conversion, and flagged") {
  auto store = utc_store();
  store.add_count_events(entries(utc(2026, 5, 4, 10), 20, 60'000));       // 10:00–10:19
  store.add_count_events(entries(utc(2026, 5, 4, 11, 10), 3, 60'000));    // inside the gap: not trusted
  store.add_camera_gap({"main", utc(2026, 5, 4, 11), utc(2026, 5, 4, 12), "camera unplugged"});
  store.upsert_transaction(transaction("s1", utc(2026, 5, 4, 10, 30), 1000, 1));
  store.upsert_transaction(transaction("s2", utc(2026, 5, 4, 10, 31), 1000, 1));
  store.upsert_transaction(transaction("s3", utc(2026, 5, 4, 11, 30), 1000, 1));  // while the camera was down

  const auto day = day_summary(store, "2026-05-04");
  CHECK(day.total.visitors == 20);
  CHECK(day.total.buyers == 3);
  CHECK(day.total.buyers_in_camera_gaps == 1);
  CHECK(day.total.net_sales == 3000);
  CHECK(*day.total.conversion.rate == doctest::Approx(0.1));  // 2 / 20, not 3 / 20
  CHECK(day.total.camera_gap_minutes == 60);
  CHECK(hour_at(day, 11).camera_down);
  CHECK_FALSE(hour_at(day, 11).figures.conversion.rate.has_value());  // unknown, not zero
  CHECK_FALSE(hour_at(day, 10).camera_down);
  REQUIRE(day.camera_gaps.size() == 1);
  CHECK_FALSE(day.quality_notes.empty());
}

TEST_CASE("metrics: per seller with a roster and one inferred from first and last sale") {
  auto store = utc_store();
  store.add_count_events(entries(utc(2026, 5, 4, 10), 10, 60'000));  // 10 during Anna's roster 10–12
  store.add_count_events(entries(utc(2026, 5, 4, 13), 8, 60'000));   // 8 between Bob's sales 13:00–15:00
  store.add_count_events(entries(utc(2026, 5, 4, 16), 4, 60'000));   // 4 with nobody on the floor
  store.add_roster({{"Anna", utc(2026, 5, 4, 10), utc(2026, 5, 4, 12)}});
  store.upsert_transaction(transaction("a1", utc(2026, 5, 4, 10, 30), 2000, 2, TransactionKind::Sale, "Anna"));
  store.upsert_transaction(transaction("b1", utc(2026, 5, 4, 13), 1000, 1, TransactionKind::Sale, "Bob"));
  store.upsert_transaction(transaction("b2", utc(2026, 5, 4, 15), 1000, 1, TransactionKind::Sale, "Bob"));

  const auto day = day_summary(store, "2026-05-04");
  REQUIRE(day.sellers.size() == 2);
  const auto& anna = day.sellers[0];
  const auto& bob = day.sellers[1];
  CHECK(anna.seller == "Anna");
  CHECK_FALSE(anna.roster_inferred);
  CHECK(anna.figures.visitors == 10);
  CHECK(anna.figures.buyers == 1);
  CHECK(anna.floor_hours == doctest::Approx(2.0));
  CHECK(*anna.figures.conversion.rate == doctest::Approx(0.1));
  CHECK(bob.seller == "Bob");
  CHECK(bob.roster_inferred);
  CHECK(bob.figures.visitors == 8);
  CHECK(bob.figures.buyers == 2);
  CHECK(bob.floor_hours == doctest::Approx(2.0).epsilon(0.001));
  CHECK(*bob.figures.conversion.rate == doctest::Approx(0.25));
  // 22 visitors over 4 staff hours.
  REQUIRE(day.total.visitors_per_staff_hour.has_value());
  CHECK(*day.total.visitors_per_staff_hour == doctest::Approx(22.0 / 4.0).epsilon(0.001));
}

TEST_CASE("metrics: a night shop with a 02:00 cutoff counts the small hours in the day before") {
  Store store(":memory:");
  StoreSettings settings;
  settings.time_zone = "Europe/Paris";  // UTC+2 in May
  settings.cutoff_minutes = 120;
  settings.opening_hours.fill({22 * 60, 2 * 60, false});  // closes after midnight, the next calendar day
  store.save_settings(settings);
  store.set_shifts({{"Night", 0x7F, 22 * 60, 2 * 60}});
  store.add_count_events(entries(utc(2026, 5, 4, 21), 5, 60'000));       // 23:00 local on the 4th
  store.add_count_events(entries(utc(2026, 5, 4, 23, 30), 5, 60'000));   // 01:30 local on the 5th
  store.add_count_events(entries(utc(2026, 5, 5, 0, 30), 2, 60'000));    // 02:30 local: the 5th's business day
  store.upsert_transaction(transaction("n1", utc(2026, 5, 4, 23, 40), 700, 1));

  const auto day = day_summary(store, "2026-05-04");
  CHECK(day.start_ms == utc(2026, 5, 4, 0));
  CHECK(day.total.visitors == 10);
  CHECK(day.total.buyers == 1);
  CHECK(day.hours.front().hour == 2);
  CHECK(day.hours.back().hour == 1);
  REQUIRE(day.shifts.size() == 1);
  CHECK(day.shifts[0].start_ms == utc(2026, 5, 4, 20));
  CHECK(day.shifts[0].end_ms == utc(2026, 5, 5, 0));
  CHECK(day.shifts[0].figures.visitors == 10);
  CHECK(business_date_of(settings, utc(2026, 5, 4, 23, 30)) == "2026-05-04");
  CHECK(business_date_of(settings, utc(2026, 5, 5, 0, 30)) == "2026-05-05");
  // 02:30 is the 5th's business day, long before it opens at 22:00: counted, but not as visitors.
  const auto next = day_summary(store, "2026-05-05");
  CHECK(next.total.visitors == 0);
  CHECK(next.total.after_hours_visitors == 2);
  CHECK(next.hours[0].figures.after_hours_visitors == 2);
}

TEST_CASE("metrics: shifts and comparisons with last week up to the same time") {
  auto store = utc_store();
  store.set_shifts({{"Morning", 0x7F, 9 * 60, 14 * 60}, {"Afternoon", 0x7F, 14 * 60, 20 * 60}});
  // Monday 2026-05-04 and the Monday before: 10 entries in the morning, 6 in the afternoon.
  for (const unsigned d : {4U, 27U}) {
    const unsigned month = d == 4 ? 5U : 4U;
    store.add_count_events(entries(utc(2026, month, d, 10), 10, 60'000));
    store.add_count_events(entries(utc(2026, month, d, 15), 6, 60'000));
  }
  const auto as_of = utc(2026, 5, 4, 12);
  const auto day = day_summary(store, "2026-05-04", as_of);
  CHECK(day.as_of_ms == as_of);
  CHECK(day.total.visitors == 10);
  REQUIRE(day.shifts.size() == 2);
  CHECK(day.shifts[0].name == "Morning");
  CHECK(day.shifts[0].figures.visitors == 10);
  CHECK(day.shifts[1].figures.visitors == 0);
  CHECK(day.same_time_last_week.visitors == 10);  // last Monday up to 12:00, not its whole day
  REQUIRE(day.average_last_four.has_value());
  CHECK(day.average_last_four->visitors == 10);
  CHECK_FALSE(day.same_day_last_year.has_value());

  const auto whole = day_summary(store, "2026-05-04");
  CHECK(whole.total.visitors == 16);
  CHECK(whole.same_time_last_week.visitors == 16);
  CHECK(whole.shifts[1].figures.visitors == 6);
}

TEST_CASE("metrics: range summary groups by day, weekday, seller and hour") {
  auto store = utc_store();
  store.add_count_events(entries(utc(2026, 5, 4, 10), 10, 60'000));
  store.add_count_events(entries(utc(2026, 5, 5, 10), 20, 60'000));
  store.upsert_transaction(transaction("s1", utc(2026, 5, 4, 10, 5), 1000, 1));
  store.upsert_transaction(transaction("s2", utc(2026, 5, 5, 10, 5), 1000, 1, TransactionKind::Sale, "Bob"));

  const auto by_day = range_summary(store, "2026-05-04", "2026-05-05", GroupBy::Day);
  REQUIRE(by_day.rows.size() == 2);
  CHECK(by_day.rows[0].label == "2026-05-04");
  CHECK(by_day.rows[1].figures.visitors == 20);
  CHECK(by_day.total.visitors == 30);
  CHECK(by_day.total.buyers == 2);
  CHECK(by_day.weekday_hour[0][10].visitors == 10);  // Monday 10:00
  CHECK(by_day.weekday_hour[1][10].visitors == 20);

  const auto by_weekday = range_summary(store, "2026-05-04", "2026-05-05", GroupBy::Weekday);
  REQUIRE(by_weekday.rows.size() == 7);
  CHECK(by_weekday.rows[1].label == "Tue");
  CHECK(by_weekday.rows[1].figures.visitors == 20);

  const auto by_seller = range_summary(store, "2026-05-04", "2026-05-05", GroupBy::Seller);
  REQUIRE(by_seller.rows.size() == 2);
  CHECK(by_seller.rows[0].label == "Anna");
  CHECK(by_seller.rows[0].roster_inferred);
  REQUIRE(by_seller.quality_notes.size() == 2);  // one line per seller, not per day
  CHECK(by_seller.quality_notes[0].find("No roster for Anna on 1 day") == 0);

  CHECK(range_summary(store, "2026-05-04", "2026-05-05", GroupBy::Hour).rows.size() == 48);
  CHECK(range_summary(store, "2026-05-01", "2026-05-31", GroupBy::Week).rows.size() == 5);
  CHECK_THROWS_AS(range_summary(store, "2026-05-05", "2026-05-04", GroupBy::Day), std::invalid_argument);
  CHECK_THROWS_AS(parse_group_by("fortnight"), std::invalid_argument);
  CHECK_THROWS_AS(day_summary(store, "2026-02-30"), std::invalid_argument);
}

TEST_CASE("metrics: a half-hour zone (Asia/Kolkata) and a kiosk cut in mid-hour stay exact") {
  Store store(":memory:");
  StoreSettings settings;
  settings.time_zone = "Asia/Kolkata";  // UTC+05:30: local hours start at :30 UTC
  store.save_settings(settings);
  // 10:00–10:59 local = 04:30–05:29 UTC: 6 entries, one every 10 minutes from 04:30.
  store.add_count_events(entries(utc(2026, 5, 4, 4, 30), 6, 600'000));
  const auto day = day_summary(store, "2026-05-04");
  CHECK(day.hours.size() == 24);
  CHECK(hour_at(day, 10).figures.visitors == 6);
  CHECK(hour_at(day, 9).figures.visitors == 0);
  CHECK(hour_at(day, 11).figures.visitors == 0);
  // As of 10:25 local (04:55 UTC): the entries at 10:00, 10:10 and 10:20 only.
  const auto cut = day_summary(store, "2026-05-04", utc(2026, 5, 4, 4, 55));
  CHECK(cut.total.visitors == 3);
  CHECK(hour_at(cut, 10).figures.visitors == 3);
}

TEST_CASE("metrics: no buyers gives a lower bound of exactly zero, all buyers an upper bound of one") {
  const auto none = footfall::data::wilson_conversion(0, 7, 30);
  CHECK(none.low == 0.0);
  CHECK(none.high == doctest::Approx(0.3543).epsilon(0.001));
  const auto all = footfall::data::wilson_conversion(7, 7, 30);
  CHECK(all.high == 1.0);
}

namespace {

// A day of sales the way the issue saw it: one every 10 minutes from 09:00 to 18:50 (60 receipts).
void full_day_of_sales(Store& store) {
  for (int i = 0; i < 60; ++i) {
    store.upsert_transaction(transaction("d" + std::to_string(i), utc(2026, 5, 4, 9) + i * 600'000, 1000, 1));
  }
}

}  // namespace

TEST_CASE("metrics: a 20-second recording at 13:00 covers 20 seconds, not the day: no 1,200 % conversion") {
  auto store = utc_store();  // open 09:00–20:00
  full_day_of_sales(store);
  store.add_count_events(entries(utc(2026, 5, 4, 13), 5, 4'000));  // 5 entries in the clip
  store.add_recording_span("main", utc(2026, 5, 4, 13), utc(2026, 5, 4, 13) + 20'000);

  const auto day = day_summary(store, "2026-05-04");
  CHECK(day.total.visitors == 5);
  CHECK(day.total.buyers == 60);
  CHECK(day.total.buyers_in_camera_gaps == 59);  // all but the sale at 13:00:00
  REQUIRE(day.total.conversion.rate.has_value());
  CHECK(*day.total.conversion.rate == doctest::Approx(0.2));  // 1 / 5, not 60 / 5
  CHECK(*day.total.spv == doctest::Approx(200));              // covered sales only: €10 / 5
  CHECK(day.total.partial);
  CHECK(day.total.open_minutes == 11 * 60);
  CHECK(day.total.covered_open_minutes == 0);  // 20 s rounds to no minute
  CHECK(hour_at(day, 13).figures.partial);
  CHECK(hour_at(day, 13).camera_down);
  CHECK(*hour_at(day, 13).figures.conversion.rate == doctest::Approx(0.2));
  CHECK(hour_at(day, 10).camera_down);  // an open hour with no camera is a gap
  CHECK(hour_at(day, 10).figures.covered_minutes == 0);
  CHECK_FALSE(hour_at(day, 10).figures.conversion.rate.has_value());
  CHECK_FALSE(hour_at(day, 22).camera_down);  // closed: no camera expected
  CHECK(std::none_of(day.quality_notes.begin(), day.quality_notes.end(), [](const std::string& note) {
    return note.find("no visitors counted") != std::string::npos;
  }));
  CHECK(std::any_of(day.quality_notes.begin(), day.quality_notes.end(), [](const std::string& note) {
    return note.find("camera covered 0 h 00 min of 11 h 00 min open; partial") == 0;
  }));
}

TEST_CASE("metrics: live heartbeats cover the morning; the afternoon without a kiosk is a gap, not zeros") {
  auto store = utc_store();
  full_day_of_sales(store);
  for (TimeMs beat = utc(2026, 5, 4, 9); beat <= utc(2026, 5, 4, 12); beat += 60'000)
    store.set_camera_up("main", beat);
  store.add_count_events(entries(utc(2026, 5, 4, 9), 90, 120'000));  // 09:00–11:58

  const auto day = day_summary(store, "2026-05-04");
  CHECK(day.total.visitors == 90);
  CHECK(day.total.buyers_in_camera_gaps == 42);  // the 18 receipts of 09:00–11:50 are covered
  CHECK(*day.total.conversion.rate == doctest::Approx(18.0 / 90.0));
  CHECK(day.total.covered_open_minutes == 180);
  CHECK(day.total.partial);
  CHECK_FALSE(hour_at(day, 10).camera_down);
  CHECK_FALSE(hour_at(day, 10).figures.partial);
  CHECK(hour_at(day, 15).camera_down);
  CHECK_FALSE(hour_at(day, 15).figures.conversion.rate.has_value());

  // Covered all opening hours: not partial, whatever the night did.
  for (TimeMs beat = utc(2026, 5, 4, 12); beat <= utc(2026, 5, 4, 20); beat += 60'000)
    store.set_camera_up("main", beat);
  const auto covered = day_summary(store, "2026-05-04");
  CHECK_FALSE(covered.total.partial);
  CHECK(covered.total.covered_open_minutes == covered.total.open_minutes);
  CHECK(covered.total.buyers_in_camera_gaps == 0);
  // A recording counted later never makes the live camera look up at its time.
  store.add_recording_span("main", utc(2026, 5, 5, 9), utc(2026, 5, 5, 10));
  CHECK(*store.last_camera_up("main") == utc(2026, 5, 4, 20));
}

TEST_CASE("metrics: more buyers than visitors in a covered hour or day is a data problem, not a conversion") {
  auto store = utc_store();  // open 09:00–20:00
  for (TimeMs beat = utc(2026, 5, 4, 9); beat <= utc(2026, 5, 4, 20); beat += 60'000)
    store.set_camera_up("main", beat);
  store.add_count_events(entries(utc(2026, 5, 4, 10), 20, 120'000));  // 20 visitors at 10:00–10:38
  store.add_count_events(entries(utc(2026, 5, 4, 13), 10, 60'000));   // 10 visitors at 13:00–13:09
  for (int i = 0; i < 2; ++i)
    store.upsert_transaction(
        transaction("a" + std::to_string(i), utc(2026, 5, 4, 10) + i * 600'000, 1000, 1));
  for (int i = 0; i < 14; ++i)
    store.upsert_transaction(
        transaction("b" + std::to_string(i), utc(2026, 5, 4, 13) + i * 240'000, 1000, 1));

  const auto day = day_summary(store, "2026-05-04");
  const auto& thirteen = hour_at(day, 13).figures;
  CHECK(thirteen.buyers_above_visitors);
  CHECK_FALSE(thirteen.conversion.rate.has_value());  // not "140 %"
  CHECK_FALSE(hour_at(day, 10).figures.buyers_above_visitors);
  CHECK(*hour_at(day, 10).figures.conversion.rate == doctest::Approx(0.1));
  CHECK_FALSE(day.total.buyers_above_visitors);  // 16 of 30 over the day is possible
  CHECK(*day.total.conversion.rate == doctest::Approx(16.0 / 30.0));
  const auto note_starting = [&day](const std::string& start) {
    return std::any_of(day.quality_notes.begin(), day.quality_notes.end(),
                       [&start](const std::string& note) { return note.rfind(start, 0) == 0; });
  };
  CHECK(
      note_starting("13:00: buyers 14, visitors 10 — a data problem, not a real conversion. Likely causes: a "
                    "camera gap, a wrong time zone or door, a till outside the counted entrance."));
  CHECK_FALSE(note_starting("The day"));

  // Twenty more receipts at 15:00, where the camera ran and saw nobody: now the day cannot add up either.
  for (int i = 0; i < 20; ++i)
    store.upsert_transaction(transaction("c" + std::to_string(i), utc(2026, 5, 4, 15) + i * 60'000, 1000, 1));
  const auto worse = day_summary(store, "2026-05-04");
  CHECK(worse.total.buyers_above_visitors);
  CHECK_FALSE(worse.total.conversion.rate.has_value());
  CHECK(std::any_of(worse.quality_notes.begin(), worse.quality_notes.end(), [](const std::string& note) {
    return note.rfind("The day: buyers 36, visitors 30 — a data problem", 0) == 0;
  }));
}

TEST_CASE("metrics: average ticket and sales per visitor come from the same net sales, so both add up") {
  auto store = utc_store();
  for (TimeMs beat = utc(2026, 5, 4, 9); beat <= utc(2026, 5, 4, 20); beat += 60'000)
    store.set_camera_up("main", beat);
  store.add_count_events(entries(utc(2026, 5, 4, 10), 20, 60'000));
  store.upsert_transaction(transaction("s1", utc(2026, 5, 4, 10, 5), 5000, 1));
  store.upsert_transaction(transaction("s2", utc(2026, 5, 4, 10, 15), 3000, 2));
  store.upsert_transaction(transaction("s3", utc(2026, 5, 4, 10, 25), 1000, 1));
  store.upsert_transaction(transaction("r1", utc(2026, 5, 4, 10, 35), -1500, 1, TransactionKind::Refund));

  const auto day = day_summary(store, "2026-05-04");
  CHECK(day.total.buyers == 3);
  CHECK(day.total.net_sales == 7500);
  CHECK(day.total.gross_sales == 9000);
  // Net, not gross: the €15 handed back is not part of any ticket the shop kept (gross gave €30.00).
  CHECK(*day.total.atv == doctest::Approx(2500));
  CHECK(*day.total.atv * static_cast<double>(day.total.buyers) ==
        doctest::Approx(static_cast<double>(day.total.net_sales)));
  CHECK(*day.total.spv * static_cast<double>(day.total.visitors) ==
        doctest::Approx(static_cast<double>(day.total.net_sales)));
  const auto& ten = hour_at(day, 10).figures;
  CHECK(*ten.atv * static_cast<double>(ten.buyers) == doctest::Approx(static_cast<double>(ten.net_sales)));
}

TEST_CASE("metrics: crossings outside the day's opening hours are after hours, not visitors") {
  Store store(":memory:");
  StoreSettings settings;
  settings.time_zone = "Europe/Paris";  // UTC+2 in May
  auto week = parse_week_hours("mon-fri 09:00-19:00, sat 10:00-18:00, sun closed", settings.opening_hours);
  REQUIRE(std::holds_alternative<WeekHours>(week));
  settings.opening_hours = std::get<WeekHours>(week);
  CHECK(week_hours_text(settings.opening_hours) == "mon-fri 09:00-19:00, sat 10:00-18:00, sun closed");
  store.save_settings(settings);
  CHECK(week_hours_text(store.settings().opening_hours) == week_hours_text(settings.opening_hours));
  // Saturday 2026-05-09: the cleaner at 08:00, 6 visitors from 10:00, 2 staff leaving at 18:30.
  store.add_count_events(entries(utc(2026, 5, 9, 6), 1, 60'000));
  store.add_count_events(entries(utc(2026, 5, 9, 8), 6, 60'000));
  store.add_count_events(entries(utc(2026, 5, 9, 16, 30), 2, 60'000, false));
  // Sunday: closed, yet someone came in for stock.
  store.add_count_events(entries(utc(2026, 5, 10, 9), 3, 60'000));
  store.upsert_transaction(transaction("s1", utc(2026, 5, 9, 9), 1500, 1));

  const auto saturday = day_summary(store, "2026-05-09");
  CHECK(saturday.total.visitors == 6);
  CHECK(saturday.total.after_hours_visitors == 1);
  CHECK(saturday.total.exits == 0);
  CHECK(saturday.total.open_minutes == 8 * 60);
  CHECK(saturday.hours[8].figures.after_hours_visitors == 1);  // 08:00 local
  CHECK(saturday.hours[10].figures.visitors == 6);
  CHECK(*saturday.total.conversion.rate == doctest::Approx(1.0 / 6.0));

  const auto sunday = day_summary(store, "2026-05-10");
  CHECK(sunday.total.visitors == 0);
  CHECK(sunday.total.after_hours_visitors == 3);
  CHECK(sunday.total.open_minutes == 0);
  CHECK_FALSE(sunday.total.partial);  // a closed day misses no opening hours

  const auto range = range_summary(store, "2026-05-09", "2026-05-10", GroupBy::Week);
  CHECK(range.total.visitors == 6);
  CHECK(range.total.after_hours_visitors == 4);
}

TEST_CASE("week hours: written and read as the command line shows them, and refused with the reason") {
  const WeekHours every_day{};
  CHECK(week_hours_text(every_day) == "every day 09:00-20:00");
  const auto read = [&](const char* text) { return parse_week_hours(text, every_day); };
  const auto sundays_off = read("09:30-19:00, sun closed");
  REQUIRE(std::holds_alternative<WeekHours>(sundays_off));
  CHECK(week_hours_text(std::get<WeekHours>(sundays_off)) == "mon-sat 09:30-19:00, sun closed");
  CHECK(std::get<WeekHours>(sundays_off)[6].open_minutes == 9 * 60 + 30);  // kept for when it opens again
  CHECK(week_hours_text(std::get<WeekHours>(read("tue 10:00-12:00"))) ==
        "mon 09:00-20:00, tue 10:00-12:00, wed-sun 09:00-20:00");
  CHECK(std::get<std::string>(read("lun 09:00-19:00")).find("\"lun\" is not a day") != std::string::npos);
  CHECK(std::get<std::string>(read("mon 9-19")).find("\"9-19\" is not opening hours") != std::string::npos);
  CHECK(std::get<std::string>(read(" ")).find("no opening hours") != std::string::npos);
  WeekHours backwards = every_day;
  backwards[3] = {19 * 60, 9 * 60, false};
  CHECK(week_hours_problem(backwards) == "thu: the store would close (09:00) before it opens (19:00)");
  backwards[3].closed = true;
  CHECK(week_hours_problem(backwards).empty());
}
