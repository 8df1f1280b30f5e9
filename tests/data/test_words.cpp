#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "footfall/data/words.hpp"

namespace data = footfall::data;

TEST_CASE("every word has a non-empty text in all three languages and a unique key") {
  const auto table = data::translation_table();
  REQUIRE(table.size() == static_cast<std::size_t>(data::Text::Count));
  std::set<std::string> keys;
  for (std::size_t index = 0; index < table.size(); ++index) {
    const data::Translation& row = table[index];
    INFO("key: " << row.key);
    CHECK(static_cast<std::size_t>(row.id) == index);
    CHECK(std::string(row.en).size() > 0);
    CHECK(std::string(row.fr).size() > 0);
    CHECK(std::string(row.ru).size() > 0);
    CHECK(keys.insert(row.key).second);
  }
}

TEST_CASE("one English text is one word: no two rows with the same English disagree") {
  std::map<std::string, const data::Translation*> by_english;
  for (const data::Translation& row : data::translation_table()) {
    const auto [found, inserted] = by_english.emplace(row.en, &row);
    if (inserted) continue;
    INFO(row.key << " and " << found->second->key << " share \"" << row.en << "\"");
    CHECK(std::string(row.fr) == found->second->fr);
    CHECK(std::string(row.ru) == found->second->ru);
  }
}

TEST_CASE("tr picks the language's column") {
  CHECK(std::string(data::tr(data::Language::En, data::Text::Visitors)) == "Visitors");
  CHECK(std::string(data::tr(data::Language::Fr, data::Text::Visitors)) == "Visiteurs");
  CHECK(std::string(data::tr(data::Language::Ru, data::Text::Visitors)) == "Посетители");
  CHECK(std::string(data::tr("ru", data::Text::Shifts)) == "Смены");
  CHECK(std::string(data::tr("de", data::Text::Shifts)) == "Shifts");
}

TEST_CASE("the screen and the reports say the same word for the same thing") {
  CHECK(data::translate("Shifts", "fr") == data::tr(data::Language::Fr, data::Text::Shifts));
  CHECK(data::translate("Buyers", "ru") == "Чеки");
  CHECK(data::translate("Day report", "fr") == "Rapport du jour");
  CHECK(data::translate("no such words", "fr") == "no such words");
}

TEST_CASE("language codes round-trip and unknown codes are rejected") {
  for (const auto language : {data::Language::En, data::Language::Fr, data::Language::Ru}) {
    CHECK(data::parse_language(data::language_code(language)) == language);
  }
  CHECK_FALSE(data::parse_language("de").has_value());
  CHECK_FALSE(data::parse_language("").has_value());
}
