#include "footfall/ui/locale_format.hpp"

#include <doctest/doctest.h>

using footfall::ui::Language;
namespace ui = footfall::ui;

// The formats come from data/locale_format; these pin what the kiosk shows.
TEST_CASE("integers are grouped per language") {
  CHECK(ui::format_integer(1234567, Language::En) == "1,234,567");
  CHECK(ui::format_integer(1234567, Language::Fr) == "1\u202F234\u202F567");
  CHECK(ui::format_integer(1234567, Language::Ru) == "1\u00A0234\u00A0567");
  CHECK(ui::format_integer(999, Language::En) == "999");
  CHECK(ui::format_integer(-1000, Language::En) == "-1,000");
  CHECK(ui::format_integer(0, Language::Fr) == "0");
}

TEST_CASE("decimals use the language's separator and never print -0") {
  CHECK(ui::format_decimal(12.25, 1, Language::En) == "12.2");  // round-half-even of the binary value
  CHECK(ui::format_decimal(1234.5, 2, Language::Fr) == "1\u202F234,50");
  CHECK(ui::format_decimal(-0.04, 1, Language::En) == "0.0");
  CHECK(ui::format_decimal(-2.5, 1, Language::Ru) == "-2,5");
}

TEST_CASE("percentages follow each language's spacing") {
  CHECK(ui::format_percent(0.125, 1, Language::En) == "12.5%");
  CHECK(ui::format_percent(0.125, 1, Language::Fr) == "12,5\u202F%");
  CHECK(ui::format_percent(0.125, 1, Language::Ru) == "12,5\u00A0%");
  CHECK(ui::format_percent(1.0, 0, Language::En) == "100%");
}

TEST_CASE("money is formatted from minor units with the currency symbol") {
  CHECK(ui::format_money(123450, "EUR", Language::En) == "€1,234.50");
  CHECK(ui::format_money(123450, "EUR", Language::Fr) == "1\u202F234,50\u00A0€");
  CHECK(ui::format_money(123450, "EUR", Language::Ru) == "1\u00A0234,50\u00A0€");
  CHECK(ui::format_money(-500, "USD", Language::En) == "-$5.00");
  CHECK(ui::format_money(99900, "RUB", Language::Ru) == "999,00\u00A0₽");
  CHECK(ui::format_money(1234, "JPY", Language::En) == "¥1,234");
}

TEST_CASE("changes carry an arrow and a sign, and a dash without a base") {
  CHECK(ui::format_change(112, 100, Language::En) == "↑ +12%");
  CHECK(ui::format_change(95, 100, Language::En) == "↓ -5.0%");
  CHECK(ui::format_change(95, 100, Language::Fr) == "↓ -5,0\u202F%");
  CHECK(ui::format_change(100, 100, Language::En) == "→ 0.0%");
  CHECK(ui::format_change(100, 0, Language::En) == "—");
}
