#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "footfall/data/locale_format.hpp"

using namespace footfall::data;

TEST_CASE("report locale: numbers, percents and money per language") {
  CHECK(format_percent(0.125, 1, "en") == "12.5%");
  CHECK(format_percent(0.125, 1, "fr") == "12,5\u202F%");
  CHECK(format_percent(0.125, 1, "ru") == "12,5\u00A0%");
  CHECK(format_money(Money{123450}, "EUR", "en") == "€1,234.50");
  CHECK(format_money(Money{123450}, "EUR", "fr") == "1\u202F234,50\u00A0€");
  CHECK(format_money(Money{123450}, "EUR", "ru") == "1\u00A0234,50\u00A0€");
  CHECK(format_money(Money{-500}, "EUR", "en") == "-€5.00");
  CHECK(format_money(Money{1234}, "JPY", "en") == "¥1,234");
  CHECK(format_money(Money{99}, "RUB", "ru") == "0,99\u00A0₽");
  CHECK(format_integer(1234567, "en") == "1,234,567");
  CHECK(format_integer(-1000, "fr") == "-1\u202F000");
  CHECK(format_number(999.999, 2, "en") == "1,000.00");
  CHECK(format_number(-0.001, 1, "en") == "0.0");  // no "-0.0"
  CHECK(translate("Visitors", "fr") == "Visiteurs");
  CHECK(translate("Visitors", "ru") == "Посетители");
  CHECK(translate("Visitors", "de") == "Visitors");
  CHECK(translate("no such key", "fr") == "no such key");
}

TEST_CASE("locale: the clock on screen is the shop's, not the machine's") {
  // 2026-07-14 12:00 UTC: 14:00 in Paris (CEST), 15:00 in Moscow, 12:00 in an unknown zone.
  const footfall::data::TimeMs noon_utc = 1'784'030'400'000;
  CHECK(footfall::data::format_clock(noon_utc, "Europe/Paris") == "14:00");
  CHECK(footfall::data::format_clock(noon_utc, "Europe/Moscow") == "15:00");
  CHECK(footfall::data::format_clock(noon_utc, "Nowhere/Atlantis") == "12:00");
}

TEST_CASE("locale: dates as each language writes them, on paper and at length") {
  CHECK(format_short_date("2026-12-01", "fr") == "01/12/2026");
  CHECK(format_short_date("2026-12-01", "ru") == "01.12.2026");
  CHECK(format_short_date("2026-12-01", "en") == "2026-12-01");
  CHECK(format_short_date("2026-W49", "fr") == "2026-W49");  // not a date: unchanged
  CHECK(format_long_date("2026-12-01", "fr") == "mardi 1 décembre 2026");
  CHECK(format_long_date("2026-12-01", "ru") == "вторник, 1 декабря 2026");
  CHECK(format_long_date("2026-12-01", "en") == "Tuesday 1 December 2026");
  CHECK(format_month("2026-12", "fr") == "décembre 2026");
  CHECK(format_month("2026-12", "ru") == "декабрь 2026");
  CHECK(format_month("2026-12", "en") == "December 2026");
  // 2026-12-01 13:00 UTC: 14:00 in Paris, 16:00 in Moscow.
  const TimeMs one_pm_utc = 1'796'130'000'000;
  CHECK(format_date_time(one_pm_utc, "Europe/Paris", "fr") == "01/12/2026 14:00");
  CHECK(format_date_time(one_pm_utc, "Europe/Moscow", "ru") == "01.12.2026 16:00");
  CHECK(format_date_time(one_pm_utc, "UTC", "en") == "2026-12-01 13:00");
}

TEST_CASE("locale: a count takes its noun's plural form, one rule per language") {
  CHECK(format_count(1, "buyer|buyers", "en") == "1 buyer");
  CHECK(format_count(0, "buyer|buyers", "en") == "0 buyers");
  CHECK(format_count(2, "buyer|buyers", "en") == "2 buyers");
  CHECK(format_count(0, "buyer|buyers", "fr") == "0 ticket");
  CHECK(format_count(1, "buyer|buyers", "fr") == "1 ticket");
  CHECK(format_count(2, "buyer|buyers", "fr") == "2 tickets");
  for (const auto& [count, text] : std::vector<std::pair<int, std::string>>{{1, "1 чек"},
                                                                            {2, "2 чека"},
                                                                            {4, "4 чека"},
                                                                            {5, "5 чеков"},
                                                                            {11, "11 чеков"},
                                                                            {12, "12 чеков"},
                                                                            {21, "21 чек"},
                                                                            {22, "22 чека"},
                                                                            {111, "111 чеков"}}) {
    CHECK(format_count(count, "buyer|buyers", "ru") == text);
  }
  CHECK(format_count(1234, "visitor|visitors", "fr") == "1\u202F234 visiteurs");
}
