#include "footfall/data/pos/csv_reader.hpp"
#include "footfall/data/pos/values.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace footfall::data;

namespace {

std::vector<CsvRecord> parse_all(const std::string& bytes) {
  std::vector<CsvRecord> records;
  const CsvText text = csv_text_from_bytes(bytes);
  parse_csv(text, "test.csv", [&](const CsvRecord& record) {
    records.push_back(record);
    records.back().raw = {};
    return true;
  });
  return records;
}

}  // namespace

TEST_CASE("csv: quoted fields with separators and newlines keep their starting line") {
  const auto records = parse_all("a,b,c\n1,\"x, y\",3\r\n\n2,\"multi\nline\nnote\",4\n5,6,7\n");
  REQUIRE(records.size() == 4);
  CHECK(records[0].line == 1);
  CHECK(records[1].line == 2);
  CHECK(records[1].fields[1] == "x, y");
  CHECK(records[2].line == 4);
  CHECK(records[2].fields[1] == "multi\nline\nnote");
  CHECK(records[3].line == 7);
  CHECK(records[3].fields == std::vector<std::string>{"5", "6", "7"});
}

TEST_CASE("csv: separator detection ignores separators inside quotes") {
  CHECK(detect_separator("a,b,c\n") == ',');
  CHECK(detect_separator("\"N°;x\",b;c;d\n") == ';');
  CHECK(detect_separator("\"a,b,c,d\";x;y\n") == ';');
  CHECK(detect_separator("a\tb\tc\n1,2\t3") == '\t');
  const auto records = parse_all("a\tb\n x \t y \n");
  REQUIRE(records.size() == 2);
  CHECK(records[1].fields == std::vector<std::string>{"x", "y"});
}

TEST_CASE("csv: Excel's \"sep=;\" first line sets the separator and keeps line numbers") {
  const CsvText text = csv_text_from_bytes("sep=;\r\na;b,c\r\n1;2,5\r\n");
  CHECK(text.separator == ';');
  std::vector<CsvRecord> records;
  parse_csv(text, "t", [&](const CsvRecord& record) {
    records.push_back(record);
    return true;
  });
  REQUIRE(records.size() == 2);
  CHECK(records[0].line == 2);
  CHECK(records[0].fields == std::vector<std::string>{"a", "b,c"});
  CHECK(records[1].line == 3);
}

TEST_CASE("csv: an unterminated quote is reported with its line") {
  CHECK_THROWS_AS(parse_all("a,b\n1,2\n3,\"never closed\n4,5\n"), CsvError);
  try {
    (void)parse_all("a,b\n1,2\n3,\"never closed\n4,5\n");
  } catch (const CsvError& e) {
    CHECK(e.line() == 3);
    CHECK(std::string(e.what()).find("test.csv:3") != std::string::npos);
  }
}

TEST_CASE("csv: raw text of each record is kept for reject files") {
  const CsvText text = csv_text_from_bytes("h1;h2\r\n\"a\nb\";2\r\nc;3\r\n");
  std::vector<std::string> raws;
  parse_csv(text, "t", [&](const CsvRecord& record) {
    raws.emplace_back(record.raw);
    return true;
  });
  REQUIRE(raws.size() == 3);
  CHECK(raws[1] == "\"a\nb\";2");
  CHECK(raws[2] == "c;3");
  CHECK(csv_quote("x;y", ';') == "\"x;y\"");
  CHECK(csv_quote("say \"hi\"", ',') == "\"say \"\"hi\"\"\"");
}

TEST_CASE("encoding: UTF-8 with BOM, Windows-1251 and Windows-1252 are told apart") {
  CHECK(detect_encoding("plain ascii") == TextEncoding::Utf8);
  CHECK(detect_encoding("\xEF\xBB\xBFÉlodie") == TextEncoding::Utf8);
  CHECK(to_utf8("\xEF\xBB\xBFÉlodie", TextEncoding::Utf8) == "Élodie");
  const std::string cyrillic_1251 = "\xC0\xED\xED\xE0;\xCF\xE5\xF2\xF0\xEE\xE2;Caisse 1";  // Анна;Петров
  CHECK(detect_encoding(cyrillic_1251) == TextEncoding::Windows1251);
  CHECK(to_utf8(cyrillic_1251, TextEncoding::Windows1251) == "Анна;Петров;Caisse 1");
  const std::string french_1252 = "R\xE9mi;\xC9lodie;Caf\xE9 cr\xE8me";  // Rémi;Élodie;Café crème
  CHECK(detect_encoding(french_1252) == TextEncoding::Windows1252);
  CHECK(to_utf8(french_1252, TextEncoding::Windows1252) == "Rémi;Élodie;Café crème");
}

TEST_CASE("encoding: Excel's UTF-16 \"Unicode text\" with a BOM") {
  std::string utf16le = "\xFF\xFE";
  for (const char c : std::string("a\tb\r\n1\t2\r\n")) {
    utf16le += c;
    utf16le += '\0';
  }
  utf16le += "\x16\x04";  // U+0416 Ж
  utf16le += "\n";
  utf16le += '\0';
  CHECK(detect_encoding(utf16le) == TextEncoding::Utf16LE);
  const CsvText text = csv_text_from_bytes(utf16le);
  CHECK(text.separator == '\t');
  CHECK(text.utf8 == "a\tb\r\n1\t2\r\nЖ\n");
}

TEST_CASE("a binary file is refused as not text, before any encoding guess") {
  std::string picture = "\x89PNG\r\n\x1a\n";
  picture += std::string("\0\0\0\rIHDR", 8);
  CHECK_THROWS_WITH_AS(csv_text_from_bytes(picture), doctest::Contains("not a text file"), std::runtime_error);
  const std::string workbook("PK\x03\x04\x14\x00\x06\x00", 8);
  CHECK_THROWS_WITH_AS(csv_text_from_bytes(workbook), doctest::Contains("export it as CSV"), std::runtime_error);
  std::string noisy(400, 'a');
  for (std::size_t i = 0; i < noisy.size(); i += 20) noisy[i] = '\x02';
  CHECK_THROWS_WITH_AS(csv_text_from_bytes(noisy), doctest::Contains("control bytes"), std::runtime_error);
  CHECK_NOTHROW(csv_text_from_bytes("id;time\fnote\r\n1;10:00\r\n"));  // a stray form feed is still text
}

TEST_CASE("money: symbols, separators and negatives") {
  const auto money = [](std::string_view text, char decimal = 0) {
    const auto parsed = parse_money(text, decimal);
    INFO(text << ": " << parsed.error);
    REQUIRE(parsed.ok());
    return *parsed.value;
  };
  CHECK(money("$9.00") == 900);
  CHECK(money("$1,149.00 ") == 114900);
  CHECK(money("($33.62)") == -3362);
  CHECK(money("-$7.00") == -700);
  CHECK(money("$-7.00") == -700);
  CHECK(money("1.234,50 €") == 123450);
  CHECK(money("1,234.50") == 123450);
  CHECK(money("1,5") == 150);
  CHECK(money("12,30 €") == 1230);
  CHECK(money("1 234,50") == 123450);
  CHECK(money("1\u00A0234,50\u00A0€") == 123450);
  CHECK(money("1\u202F234,50 ₽") == 123450);
  CHECK(money("2 500 руб.") == 250000);
  CHECK(money("£3") == 300);
  CHECK(money("1,234") == 123400);
  CHECK(money("1.234.567") == 123456700);
  CHECK(money("0.125") == 13);
  CHECK(money("1.234", ',') == 123400);
  CHECK(money("1,234", ',') == 123);
  CHECK(money("-0,99", ',') == -99);
  CHECK(money("(1 000,00 €)") == -100000);
  CHECK_FALSE(parse_money("").ok());
  CHECK_FALSE(parse_money("abc").ok());
  CHECK_FALSE(parse_money("12.5.3,1,2", '.').ok());
  CHECK_FALSE(parse_money("(12").ok());
  CHECK(parse_money("abc").error.find("abc") != std::string::npos);
}

TEST_CASE("numbers: quantities") {
  CHECK(*parse_number("1.0").value == doctest::Approx(1.0));
  CHECK(*parse_number("-1.0").value == doctest::Approx(-1.0));
  CHECK(*parse_number("2,5", ',').value == doctest::Approx(2.5));
  CHECK_FALSE(parse_number("$3").ok());
}

TEST_CASE("dates: many formats to UTC milliseconds") {
  const auto utc = [](std::string_view text, DateOrder order, const char* zone) {
    const auto local = parse_local_datetime(text, order);
    INFO(text << ": " << local.error);
    REQUIRE(local.ok());
    const auto instant = to_utc_ms(*local.value, zone == nullptr ? nullptr : find_time_zone(zone));
    REQUIRE(instant.ok());
    return *instant.value;
  };
  // 2026-07-14 12:52:38 EDT = 16:52:38 UTC.
  CHECK(utc("2026-07-14 12:52:38", DateOrder::YMD, "Eastern Time (US & Canada)") == 1784047958000);
  CHECK(utc("12/27/2018", DateOrder::MDY, "UTC") == 1545868800000);
  CHECK(utc("31/12/2025 14:05", DateOrder::DMY, "Paris") == 1767186300000);
  CHECK(utc("31.12.2025 14:05", DateOrder::DMY, "Central European Time") == 1767186300000);
  CHECK(utc("2021-05-13 11:01:13 +0200", DateOrder::YMD, nullptr) == 1620896473000);
  CHECK(utc("2021-05-13T09:01:13Z", DateOrder::YMD, "Moscow") == 1620896473000);
  CHECK(utc("2021-11-07 01:30:00 -0400", DateOrder::YMD, nullptr) + 3600000 ==
        utc("2021-11-07 01:30:00 -0500", DateOrder::YMD, nullptr));
  CHECK(utc("2026-03-29 02:30", DateOrder::YMD, "Europe/Paris") == utc("2026-03-29 01:00", DateOrder::YMD, "UTC"));
  CHECK(utc("7/4/2026 2:05 PM", DateOrder::MDY, "Pacific Time (US & Canada)") == 1783199100000);
  const auto time_only = parse_local_datetime("14:05", DateOrder::Auto);
  REQUIRE(time_only.ok());
  CHECK_FALSE(time_only.value->has_date);
  CHECK(time_only.value->local_ms == (14 * 60 + 5) * 60000);
  CHECK_FALSE(parse_local_datetime("2026-02-30", DateOrder::YMD).ok());
  CHECK_FALSE(parse_local_datetime("31/31/2025", DateOrder::DMY).ok());
  CHECK_FALSE(parse_local_datetime("25:00", DateOrder::DMY).ok());
  CHECK_FALSE(parse_local_datetime("yesterday", DateOrder::DMY).ok());
  CHECK(date_order_evidence("31/12/2025") == DateOrder::DMY);
  CHECK(date_order_evidence("12/27/2018") == DateOrder::MDY);
  CHECK_FALSE(date_order_evidence("01/02/2025").has_value());
  CHECK(find_time_zone("No Such Zone") == nullptr);
  CHECK(find_time_zone("Europe/Moscow") != nullptr);
}

TEST_CASE("text: trimming and case folding") {
  CHECK(trim_spaces("\u00A0 Élodie \u202F") == "Élodie");
  CHECK(fold_case("ÉLODIE Rémi") == "élodie rémi");
  CHECK(fold_case("АННА Ёлка") == "анна ёлка");
}
