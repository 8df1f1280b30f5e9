#include "footfall/data/locale_format.hpp"

#include <doctest/doctest.h>

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
