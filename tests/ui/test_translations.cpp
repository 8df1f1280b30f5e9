#include "footfall/ui/translations.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

namespace ui = footfall::ui;

TEST_CASE("every translation key has a non-empty text in all three languages") {
  const auto table = ui::translation_table();
  REQUIRE(table.size() == static_cast<std::size_t>(ui::Text::Count));
  std::set<std::string> keys;
  for (std::size_t index = 0; index < table.size(); ++index) {
    const ui::Translation& row = table[index];
    INFO("key: " << row.key);
    CHECK(static_cast<std::size_t>(row.id) == index);
    CHECK(std::string(row.en).size() > 0);
    CHECK(std::string(row.fr).size() > 0);
    CHECK(std::string(row.ru).size() > 0);
    CHECK(keys.insert(row.key).second);
  }
}

TEST_CASE("tr picks the language's column") {
  CHECK(std::string(ui::tr(ui::Language::En, ui::Text::Visitors)) == "Visitors");
  CHECK(std::string(ui::tr(ui::Language::Fr, ui::Text::Visitors)) == "Visiteurs");
  CHECK(std::string(ui::tr(ui::Language::Ru, ui::Text::Visitors)) == "Посетители");
}

TEST_CASE("language codes round-trip and unknown codes are rejected") {
  for (const auto language : {ui::Language::En, ui::Language::Fr, ui::Language::Ru}) {
    CHECK(ui::parse_language(ui::language_code(language)) == language);
  }
  CHECK_FALSE(ui::parse_language("de").has_value());
  CHECK_FALSE(ui::parse_language("").has_value());
}
