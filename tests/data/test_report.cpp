#include <date/date.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "footfall/data/fixtures/history.hpp"
#include "footfall/data/report/report.hpp"
#include "test_store_support.hpp"

using namespace footfall::data;

namespace {

TimeMs at(int hour, int minute = 0) {
  const date::sys_days day = date::year{2026} / date::May / date::day{4};
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             day.time_since_epoch() + std::chrono::hours{hour} + std::chrono::minutes{minute})
      .count();
}

Transaction sale(const std::string& id, TimeMs time_ms, Money total, const std::string& seller) {
  return footfall::data::testing::make_transaction(id, time_ms, total, 1, TransactionKind::Sale, seller);
}

// Monday 2026-05-04, UTC: 10 visitors between 10:00 and 10:09, sales of €10 and €30 → 20 %, €4,000 per 100
// visitors.
struct HandMadeDay {
  Store store{":memory:"};
  StoreSettings settings;
  HandMadeDay() {
    settings.name = "Shop <b>&</b>";
    settings.time_zone = "UTC";
    settings.low_data_visitors = 5;
    settings.currency = "EUR";
    store.save_settings(settings);
    store.set_shifts({{"Morning", 0x7F, 9 * 60, 14 * 60}});
    std::vector<CountEvent> events;
    for (int i = 0; i < 10; ++i) events.push_back({at(10, i), "main", true, i, 1.F});
    store.add_count_events(events);
    store.add_roster({{"Anna", at(9), at(14)}});
    store.upsert_transaction(sale("1", at(10, 20), 1000, "Anna"));
    store.upsert_transaction(sale("2", at(10, 30), 3000, "Bob"));
    store.add_camera_gap({"main", at(15), at(15, 30), "unplugged"});
  }
};

}  // namespace

TEST_CASE("report: JSON has the documented keys and the hand-worked figures") {
  HandMadeDay day;
  const auto summary = day_summary(day.store, "2026-05-04");
  const auto json = nlohmann::json::parse(render_day_report(summary, day.settings, ReportFormat::Json));
  for (const char* key : {"report",
                          "schema",
                          "date",
                          "visitors",
                          "buyers",
                          "conversion",
                          "conversion_low",
                          "conversion_high",
                          "low_data",
                          "net_sales",
                          "atv",
                          "spv",
                          "upt",
                          "camera_gap_minutes",
                          "visitors_per_staff_hour",
                          "peak_hour",
                          "hours",
                          "shifts",
                          "sellers",
                          "comparisons",
                          "quality"}) {
    CHECK_MESSAGE(json.contains(key), key);
  }
  CHECK(json["report"] == "day");
  CHECK(json["date"] == "2026-05-04");
  CHECK(json["visitors"] == 10);
  CHECK(json["buyers"] == 2);
  CHECK(json["conversion"].get<double>() == doctest::Approx(0.2));
  CHECK(json["net_sales"] == 4000);
  CHECK(json["atv"].get<double>() == doctest::Approx(2000));
  CHECK(json["spv"].get<double>() == doctest::Approx(400));
  CHECK(json["camera_gap_minutes"] == 30);
  CHECK(json["peak_hour"] == 10);
  REQUIRE(json["hours"].size() == 24);
  CHECK(json["hours"][10]["visitors"] == 10);
  CHECK(json["hours"][10].contains("conversion_low"));
  CHECK(json["hours"][15]["camera_down"] == true);
  CHECK(json["hours"][3]["conversion"].is_null());  // no visitors: null, never 0
  REQUIRE(json["shifts"].size() == 1);
  CHECK(json["shifts"][0]["visitors"] == 10);
  REQUIRE(json["sellers"].size() == 2);
  CHECK(json["sellers"][1]["seller"] == "Bob");
  CHECK(json["sellers"][1]["roster_inferred"] == true);
  CHECK(json["comparisons"]["average_last_four"].is_null());
  CHECK(json["quality"]["camera_gaps"].size() == 1);
  CHECK(json["quality"]["last_import_ms"].is_null());
}

TEST_CASE("report: text, markdown and HTML in English, French and Russian number formats") {
  HandMadeDay day;
  const auto summary = day_summary(day.store, "2026-05-04");
  const auto en = render_day_report(summary, day.settings, ReportFormat::Text, "en");
  CHECK(en.find("€40.00") != std::string::npos);
  CHECK(en.find("20.0%") != std::string::npos);
  CHECK(en.find("Visitors") != std::string::npos);
  CHECK(en.find("Camera down: main 15:00–15:30 (unplugged)") != std::string::npos);
  CHECK(en.find("Bob: No roster") != std::string::npos);
  CHECK(en.find("Last import: never") != std::string::npos);

  const auto fr = render_day_report(summary, day.settings, ReportFormat::Text, "fr");
  CHECK(fr.find("40,00\u00A0€") != std::string::npos);
  CHECK(fr.find("20,0\u202F%") != std::string::npos);
  CHECK(fr.find("Visiteurs") != std::string::npos);

  const auto ru = render_day_report(summary, day.settings, ReportFormat::Markdown, "ru");
  CHECK(ru.find("Посетители") != std::string::npos);
  CHECK(ru.find("20,0\u00A0%") != std::string::npos);
  CHECK(ru.find("| Час |") != std::string::npos);

  const auto html = render_day_report(summary, day.settings, ReportFormat::Html, "en");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("@page { size: A4") != std::string::npos);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("class=\"conversion\"") != std::string::npos);
  CHECK(html.find("Shop &lt;b&gt;&amp;&lt;/b&gt;") != std::string::npos);  // the store name is escaped
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);  // self-contained: nothing fetched
}

TEST_CASE("report: CSV is plain machine numbers with one row per total, hour, shift and seller") {
  HandMadeDay day;
  const auto csv = render_day_report(day_summary(day.store, "2026-05-04"), day.settings, ReportFormat::Csv);
  CHECK(csv.rfind("scope,label,start_ms,visitors", 0) == 0);
  CHECK(csv.find("total,2026-05-04," + std::to_string(at(0)) + ",10,10,0,2,0.2000,") != std::string::npos);
  CHECK(csv.find(",40.00,20.00,4.00,") != std::string::npos);  // net sales, ATV, SPV in euros
  CHECK(csv.find("\nhour,10:00,") != std::string::npos);
  CHECK(csv.find("\nshift,Morning,") != std::string::npos);
  CHECK(csv.find("roster inferred") != std::string::npos);
  std::size_t lines = 0;
  for (const char c : csv) lines += c == '\n' ? 1U : 0U;
  CHECK(lines == 1 + 1 + 24 + 1 + 2);
}

TEST_CASE("report: range report in JSON and HTML with the weekday × hour heat map") {
  HandMadeDay day;
  const auto summary = range_summary(day.store, "2026-05-01", "2026-05-07", GroupBy::Day);
  const auto json = nlohmann::json::parse(render_range_report(summary, day.settings, ReportFormat::Json));
  CHECK(json["report"] == "range");
  CHECK(json["group_by"] == "day");
  CHECK(json["visitors"] == 10);
  REQUIRE(json["rows"].size() == 7);
  CHECK(json["rows"][3]["label"] == "2026-05-04");
  CHECK(json["rows"][3]["camera_down"] == true);
  REQUIRE(json["weekday_hour"].size() == 7);
  REQUIRE(json["weekday_hour"][0].size() == 24);
  CHECK(json["weekday_hour"][0][10].get<double>() == doctest::Approx(0.2));
  CHECK(json["weekday_hour"][1][10].is_null());
  // Range reports carry the day report's arrays too, over the whole range, with the rows' keys.
  const auto one_day = day_summary(day.store, "2026-05-04");
  for (const char* key : {"hours", "shifts", "sellers"}) {
    CAPTURE(key);
    REQUIRE(!json[key].empty());
    for (const auto& row : json[key]) {
      for (const auto& [name, value] : json["rows"][0].items()) CHECK(row.contains(name));
    }
  }
  REQUIRE(json["shifts"].size() == one_day.shifts.size());
  CHECK(json["shifts"][0]["label"] == one_day.shifts[0].name);
  CHECK(json["shifts"][0]["visitors"] == one_day.shifts[0].figures.visitors);
  CHECK(json["sellers"].size() == one_day.sellers.size());
  std::int64_t hour_visitors = 0;
  for (const auto& hour : json["hours"]) hour_visitors += hour["visitors"].get<std::int64_t>();
  CHECK(hour_visitors == 10);
  const auto ten = std::find_if(json["hours"].begin(), json["hours"].end(),
                                [](const auto& hour) { return hour["label"] == "10:00"; });
  REQUIRE(ten != json["hours"].end());
  CHECK((*ten)["conversion"].get<double>() == doctest::Approx(0.2));

  const auto html = render_range_report(summary, day.settings, ReportFormat::Html, "fr");
  CHECK(html.find("Taux de transformation par jour et heure") != std::string::npos);
  CHECK(html.find("hsl(150") != std::string::npos);
  CHECK(html.find("<h2>Jour</h2>") != std::string::npos);  // the table is titled by its grouping
  CHECK_THROWS_AS(parse_report_format("pdf"), std::invalid_argument);
  CHECK(parse_report_format("md") == ReportFormat::Markdown);
}

TEST_CASE("report: a day counted from a 20-second clip says how little the camera covered, in every format") {
  Store store(":memory:");
  StoreSettings settings;
  settings.time_zone = "UTC";
  settings.currency = "EUR";
  settings.opening_hours.fill({10 * 60, 20 * 60, false});
  store.save_settings(settings);
  for (int i = 0; i < 60; ++i)
    store.upsert_transaction(sale("d" + std::to_string(i), at(10) + i * 600'000, 1000, "Anna"));
  std::vector<CountEvent> clip;
  for (int i = 0; i < 5; ++i) clip.push_back({at(13) + 1'000 + i * 3'000, "main", true, i, 1.F});
  store.add_count_events(clip);
  store.add_recording_span("main", at(13), at(13) + 20'000);
  const auto summary = day_summary(store, "2026-05-04");

  const auto en = render_day_report(summary, settings, ReportFormat::Text, "en");
  CAPTURE(en);
  CHECK(en.find("1,200.0%") == std::string::npos);
  CHECK(en.find("camera covered 0 h 00 min of 10 h 00 min open; partial") != std::string::npos);
  CHECK(en.find("no camera") != std::string::npos);  // the open hours the camera missed
  CHECK(render_day_report(summary, settings, ReportFormat::Markdown, "fr")
            .find("caméra active 0 h 00 min sur 10 h 00 min d'ouverture ; partiel") != std::string::npos);
  CHECK(render_day_report(summary, settings, ReportFormat::Html, "ru")
            .find("камера работала 0 ч 00 мин из 10 ч 00 мин работы магазина; неполные данные") !=
        std::string::npos);

  const auto json = nlohmann::json::parse(render_day_report(summary, settings, ReportFormat::Json));
  CHECK(json["partial"] == true);
  CHECK(json["open_minutes"] == 600);
  CHECK(json["covered_open_minutes"] == 0);
  CHECK(json["hours"][13]["partial"] == true);
  const auto csv = render_day_report(summary, settings, ReportFormat::Csv);
  CHECK(csv.find(",covered_minutes,open_minutes,covered_open_minutes,partial,note,") != std::string::npos);
  CHECK(csv.find(",0,600,0,1,,0,0\n") != std::string::npos);  // the total row
}

TEST_CASE(
    "report: an hour with more buyers than visitors is a data problem with its causes, in every format") {
  Store store(":memory:");
  StoreSettings settings;
  settings.time_zone = "UTC";
  settings.currency = "EUR";
  settings.low_data_visitors = 5;
  store.save_settings(settings);
  std::vector<CountEvent> events;
  for (int i = 0; i < 10; ++i) events.push_back({at(13, i), "main", true, i, 1.F});
  store.add_count_events(events);
  for (int i = 0; i < 14; ++i)
    store.upsert_transaction(sale("p" + std::to_string(i), at(13, i * 4), 1000, "Anna"));
  const auto summary = day_summary(store, "2026-05-04");

  const auto en = render_day_report(summary, settings, ReportFormat::Text, "en");
  CAPTURE(en);
  CHECK(en.find("140.0%") == std::string::npos);
  CHECK(en.find("— (buyers above visitors)") != std::string::npos);  // the day's key figure
  CHECK(en.find(
            "13:00: buyers 14, visitors 10 — a data problem, not a real conversion. Likely causes: a camera "
            "gap, a wrong time zone or door, a till outside the counted entrance.") != std::string::npos);
  const auto fr = render_day_report(summary, settings, ReportFormat::Markdown, "fr");
  CHECK(fr.find("140,0\u202F%") == std::string::npos);
  CHECK(fr.find("plus de tickets que de visiteurs") != std::string::npos);
  CHECK(
      fr.find("Causes probables : caméra coupée, mauvais fuseau ou mauvaise porte") !=
      std::string::npos);
  const auto ru = render_day_report(summary, settings, ReportFormat::Html, "ru");
  CHECK(ru.find("140,0\u00A0%") == std::string::npos);
  CHECK(ru.find("<tr class=\"flag\"><td>13:00</td>") != std::string::npos);
  CHECK(ru.find("чеков 14, посетителей 10 — ошибка данных, а не реальная конверсия. Вероятные причины") !=
        std::string::npos);

  const auto json = nlohmann::json::parse(render_day_report(summary, settings, ReportFormat::Json));
  CHECK(json["buyers_above_visitors"] == true);
  CHECK(json["conversion"].is_null());
  CHECK(json["hours"][13]["buyers_above_visitors"] == true);
  CHECK(json["hours"][12]["buyers_above_visitors"] == false);
  const auto csv = render_day_report(summary, settings, ReportFormat::Csv);
  CHECK(csv.find(",partial,note,buyers_above_visitors,after_hours_visitors\n") != std::string::npos);
  CHECK(csv.find("total,2026-05-04,") == csv.find('\n') + 1);
  CHECK(csv.substr(0, csv.find('\n', csv.find("total,")) + 1).ends_with(",1,0\n"));
}

TEST_CASE(
    "report: definitions in every language, one word for buyers, and how sellers are credited visitors") {
  HandMadeDay day;
  const auto summary = day_summary(day.store, "2026-05-04");
  const auto en = render_day_report(summary, day.settings, ReportFormat::Text, "en");
  CAPTURE(en);
  CHECK(
      en.find(
          "\nDefinitions\n- Visitors: people counted coming in during opening hours while a camera counted. "
          "Crossings after hours are shown apart; staff who cross the door while the shop is open are "
          "counted as visitors.\n") != std::string::npos);
  CHECK(en.find("- Average ticket: net sales ÷ buyers, so average ticket × buyers = net sales.\n") !=
        std::string::npos);
  CHECK(en.find("- Sales per visitor: net sales in covered time ÷ visitors") != std::string::npos);
  CHECK(en.find("- Covered time: the time a camera counted") != std::string::npos);
  // Under the seller table, before the comparisons.
  const auto footnote = en.find("Sellers on the floor together are each credited with all of those visitors");
  CHECK(footnote > en.find("\nSellers\n"));
  CHECK(footnote < en.find("\nComparisons\n"));

  const auto fr = render_day_report(summary, day.settings, ReportFormat::Markdown, "fr");
  CAPTURE(fr);
  CHECK(fr.find("## Définitions") != std::string::npos);
  CHECK(fr.find("- Panier moyen : CA net ÷ tickets, donc panier moyen × tickets = CA net.") !=
        std::string::npos);
  CHECK(fr.find("- Taux de transformation : tickets du temps couvert ÷ visiteurs.") != std::string::npos);
  CHECK(fr.find("| Tickets |") != std::string::npos);  // the table's word is the definition's
  CHECK(fr.find("- **Tickets**: 2") != std::string::npos);
  CHECK(fr.find("Acheteurs") == std::string::npos);
  CHECK(fr.find("reçoivent chacun tous ces visiteurs") != std::string::npos);

  const auto ru = render_day_report(summary, day.settings, ReportFormat::Html, "ru");
  CHECK(ru.find("<h2>Определения</h2>") != std::string::npos);
  CHECK(ru.find("<li>Средний чек: выручка ÷ чеки, поэтому средний чек × чеки = выручка.</li>") !=
        std::string::npos);
  CHECK(ru.find("<th class=\"num\">Чеки</th>") != std::string::npos);
  CHECK(ru.find("Покупатели") == std::string::npos);
  CHECK(ru.find("<p class=\"footnote\">Посетители продавца — все вошедшие") != std::string::npos);
}

TEST_CASE("report: no abbreviation a shop owner does not use, in any language or format") {
  HandMadeDay day;
  const auto summary = day_summary(day.store, "2026-05-04");
  const auto range = range_summary(day.store, "2026-05-01", "2026-05-07", GroupBy::Week);
  for (const char* language : {"en", "fr", "ru"}) {
    for (const auto format : {ReportFormat::Text, ReportFormat::Markdown, ReportFormat::Html}) {
      for (const auto& report : {render_day_report(summary, day.settings, format, language),
                                 render_range_report(range, day.settings, format, language)}) {
        CAPTURE(language);
        for (const char* abbreviation : {"ATV", "SPV", "UPT"})
          CHECK(report.find(abbreviation) == std::string::npos);
      }
    }
  }
  const auto en = render_day_report(summary, day.settings, ReportFormat::Text, "en");
  CHECK(en.find("Average ticket") != std::string::npos);
  CHECK(en.find("Sales per visitor") != std::string::npos);
  CHECK(en.find("Items per ticket") != std::string::npos);
  const auto fr = render_day_report(summary, day.settings, ReportFormat::Html, "fr");
  CHECK(fr.find("Indice de vente") != std::string::npos);
  CHECK(fr.find("<h2>Créneaux</h2>") != std::string::npos);
  CHECK(fr.find("Équipe") == std::string::npos);
}

TEST_CASE("report: dates in the form each language writes them, in titles, rows and notes") {
  HandMadeDay day;
  day.store.record_import({"till.csv", "abc", 2, 2, "committed", "", at(21, 5)});
  const auto summary = day_summary(day.store, "2026-05-04");
  const auto fr = render_day_report(summary, day.settings, ReportFormat::Text, "fr");
  CAPTURE(fr);
  CHECK(fr.find("Rapport du jour — lundi 4 mai 2026") != std::string::npos);
  CHECK(fr.find("Dernier import : 04/05/2026 21:05") != std::string::npos);
  CHECK(fr.find("2026-05-04") == std::string::npos);
  const auto ru = render_day_report(summary, day.settings, ReportFormat::Html, "ru");
  CHECK(ru.find("Отчёт за день — понедельник, 4 мая 2026") != std::string::npos);
  CHECK(ru.find("2026-05-04") == std::string::npos);
  const auto en = render_day_report(summary, day.settings, ReportFormat::Text, "en");
  CHECK(en.find("Day report — Monday 4 May 2026") != std::string::npos);
  CHECK(en.find("Last import: 2026-05-04 21:05") != std::string::npos);

  const auto by_day = range_summary(day.store, "2026-05-01", "2026-05-07", GroupBy::Day);
  const auto range_fr = render_range_report(by_day, day.settings, ReportFormat::Text, "fr");
  CAPTURE(range_fr);
  CHECK(range_fr.find("Rapport de période 01/05/2026 – 07/05/2026") != std::string::npos);
  CHECK(range_fr.find("lun. 04/05/2026") != std::string::npos);
  CHECK(range_fr.find("Caméra coupée porte main le 04/05/2026 à 15:00") != std::string::npos);
  CHECK(range_fr.find("2026-05-0") == std::string::npos);
  const auto by_month = range_summary(day.store, "2026-04-20", "2026-05-07", GroupBy::Month);
  CHECK(render_range_report(by_month, day.settings, ReportFormat::Text, "ru").find("май 2026") !=
        std::string::npos);
  const auto by_week = range_summary(day.store, "2026-05-01", "2026-05-07", GroupBy::Week);
  CHECK(render_range_report(by_week, day.settings, ReportFormat::Text, "ru").find("Неделя 19 (04.05.2026)") !=
        std::string::npos);
  // Machines keep ISO.
  CHECK(render_range_report(by_day, day.settings, ReportFormat::Json, "fr").find("\"2026-05-04\"") !=
        std::string::npos);
}

TEST_CASE("report: a count beside a noun takes the noun's plural form: no \"1 Buyers\"") {
  Store store(":memory:");
  StoreSettings settings;
  settings.time_zone = "UTC";
  settings.currency = "EUR";
  store.save_settings(settings);
  store.add_count_events({{at(10, 5), "main", true, 1, 1.F}});
  store.upsert_transaction(sale("1", at(10, 20), 1000, "Anna"));
  const auto summary = day_summary(store, "2026-05-04");
  const auto en = render_day_report(summary, settings, ReportFormat::Html, "en");
  CHECK(en.find("10:00: 1 visitor<") != std::string::npos);
  CHECK(en.find("10:00: 1 buyer<") != std::string::npos);
  CHECK(en.find("1 Buyers") == std::string::npos);
  const auto ru = render_day_report(summary, settings, ReportFormat::Html, "ru");
  CHECK(ru.find("10:00: 1 посетитель<") != std::string::npos);
  CHECK(ru.find("10:00: 1 чек<") != std::string::npos);
  const auto fr = render_day_report(summary, settings, ReportFormat::Html, "fr");
  CHECK(fr.find("10:00 : 1 ticket<") != std::string::npos);

  HandMadeDay day;  // Bob sold without a roster on one day
  const auto range = range_summary(day.store, "2026-05-01", "2026-05-07", GroupBy::Seller);
  CHECK(render_range_report(range, day.settings, ReportFormat::Text, "ru")
            .find("Нет графика для Bob (1 день)") != std::string::npos);
  CHECK(render_range_report(range, day.settings, ReportFormat::Text, "fr")
            .find("Pas de planning pour Bob sur 1 jour :") != std::string::npos);
  CHECK(render_range_report(range, day.settings, ReportFormat::Text, "en")
            .find("No roster for Bob on 1 day:") != std::string::npos);
}

TEST_CASE("report: each headline card shows its change against last week and the 4-week average") {
  HandMadeDay day;
  {
    // No earlier week yet: the cards say there is nothing to compare with, not a change.
    const auto alone = day_summary(day.store, "2026-05-04");
    const auto en = render_day_report(alone, day.settings, ReportFormat::Text, "en");
    CAPTURE(en);
    CHECK(en.find("vs last week: no data; vs the 4-week average: no data") != std::string::npos);
    const auto json = nlohmann::json::parse(render_day_report(alone, day.settings, ReportFormat::Json));
    CHECK(json["changes"]["same_time_last_week"]["visitors"].is_null());
    CHECK(json["changes"]["average_last_four"]["conversion_points"].is_null());
    CHECK(render_day_report(alone, day.settings, ReportFormat::Html, "fr").find("vs S-1 : pas de données") !=
          std::string::npos);
  }
  // Last Monday: 8 visitors and one €20 sale, 12.5 %; today 10 visitors, two sales, €40, 20 %.
  constexpr TimeMs week = 7 * 24 * 3'600'000LL;
  std::vector<CountEvent> events;
  for (int i = 0; i < 8; ++i) events.push_back({at(10, i) - week, "main", true, 100 + i, 1.F});
  day.store.add_count_events(events);
  day.store.upsert_transaction(sale("w1", at(10, 20) - week, 2000, "Anna"));
  const auto summary = day_summary(day.store, "2026-05-04");

  const auto json = nlohmann::json::parse(render_day_report(summary, day.settings, ReportFormat::Json));
  const auto& last_week = json["changes"]["same_time_last_week"];
  CHECK(last_week["visitors"].get<double>() == doctest::Approx(0.25));
  CHECK(last_week["buyers"].get<double>() == doctest::Approx(1.0));
  CHECK(last_week["conversion_points"].get<double>() == doctest::Approx(7.5));
  CHECK(last_week["net_sales"].get<double>() == doctest::Approx(1.0));
  CHECK(last_week["atv"].get<double>() == doctest::Approx(0.0));
  CHECK(last_week["spv"].get<double>() == doctest::Approx(0.6));
  CHECK(json["changes"]["average_last_four"]["visitors"].get<double>() == doctest::Approx(0.25));

  const auto en = render_day_report(summary, day.settings, ReportFormat::Text, "en");
  CAPTURE(en);
  CHECK(en.find("+25.0% vs last week; +25.0% vs the 4-week average") != std::string::npos);
  CHECK(en.find("+7.5 pts vs last week") != std::string::npos);
  CHECK(en.find("0.0% vs last week") != std::string::npos);  // the same average ticket: no sign
  const auto fr = render_day_report(summary, day.settings, ReportFormat::Html, "fr");
  CHECK(fr.find("<div class=\"change up\">+25,0\u202F% vs S-1</div>") != std::string::npos);
  CHECK(fr.find("<div class=\"change up\">+7,5 pts vs moyenne S-1 à S-4</div>") != std::string::npos);
  CHECK(fr.find("<div class=\"change flat\">0,0\u202F% vs S-1</div>") != std::string::npos);
  const auto ru = render_day_report(summary, day.settings, ReportFormat::Markdown, "ru");
  CHECK(ru.find("+7,5 п.п. к прошлой неделе") != std::string::npos);
  CHECK(ru.find("+60,0\u00A0% к прошлой неделе") != std::string::npos);
}

TEST_CASE("report: the weekday × hour heat map has a scale from its lowest to its highest conversion") {
  HandMadeDay day;  // Monday 10:00: 20 %
  std::vector<CountEvent> events;
  for (int i = 0; i < 10; ++i) events.push_back({at(11, i), "main", true, 50 + i, 1.F});
  day.store.add_count_events(events);
  day.store.upsert_transaction(sale("3", at(11, 30), 1000, "Anna"));  // Monday 11:00: 10 %
  const auto summary = range_summary(day.store, "2026-05-01", "2026-05-07", GroupBy::Day);
  const auto fr = render_range_report(summary, day.settings, ReportFormat::Html, "fr");
  const auto heat = fr.substr(fr.find("aria-label=\"Taux de transformation par jour et heure\""));
  CHECK(heat.find("linearGradient id=\"heat-ramp\"") != std::string::npos);
  CHECK(heat.find("class=\"tick scale-min\" text-anchor=\"end\">10,0\u202F%</text>") != std::string::npos);
  CHECK(heat.find("class=\"tick scale-max\">20,0\u202F%</text>") != std::string::npos);
  CHECK(heat.find(">aucun visiteur</text>") != std::string::npos);
  // The ramp runs from the lowest cell (lightest) to the highest (darkest).
  CHECK(heat.find("fill=\"hsl(150,55%,95%)\"><title>lun. 11:00 : 10,0") != std::string::npos);
  CHECK(heat.find("fill=\"hsl(150,55%,40%)\"><title>lun. 10:00 : 20,0") != std::string::npos);
}

TEST_CASE("report: a week or month the range cuts, or with days without camera or sales, is marked partial") {
  Store store(":memory:");
  StoreSettings settings;
  settings.time_zone = "UTC";
  settings.currency = "EUR";
  store.save_settings(settings);
  HistoryOptions history;
  history.days = 14;
  history.end_date = "2026-05-10";  // Monday 27 April to Sunday 10 May: two whole weeks
  history.entries_per_day = 300;
  history.transactions_per_day = 40;
  generate_history(store, history);
  const auto full = range_summary(store, "2026-04-27", "2026-05-10", GroupBy::Week);
  REQUIRE(full.rows.size() == 2);
  CHECK_FALSE(full.rows[0].partial_period);
  CHECK_FALSE(full.rows[1].partial_period);
  CHECK(render_range_report(full, settings, ReportFormat::Text, "en").find("†") == std::string::npos);

  // Wednesday 6 May the camera was off all day; the range starts on Wednesday 29 April.
  store.add_camera_gap({"main", at(0) + 2 * 24 * 3'600'000LL, at(0) + 3 * 24 * 3'600'000LL, "unplugged"});
  const auto cut = range_summary(store, "2026-04-29", "2026-05-10", GroupBy::Week);
  REQUIRE(cut.rows.size() == 2);
  CHECK(cut.rows[0].partial_period);
  CHECK(cut.rows[0].days_in_range == 5);
  CHECK(cut.rows[0].days_in_period == 7);
  CHECK(cut.rows[1].partial_period);
  CHECK(cut.rows[1].days_without_camera == 1);
  CHECK(cut.rows[1].days_without_sales == 0);

  const auto en = render_range_report(cut, settings, ReportFormat::Text, "en");
  CAPTURE(en);
  CHECK(en.find("Week 18 (2026-04-27)†") != std::string::npos);
  CHECK(en.find("partial period: 5 days of 7 in the range") != std::string::npos);
  CHECK(en.find("partial period: 1 day without camera") != std::string::npos);
  CHECK(en.find("† Partial period: the range cuts the week or month") != std::string::npos);
  const auto ru = render_range_report(cut, settings, ReportFormat::Html, "ru");
  CHECK(ru.find("<tr class=\"flag\"><td>Неделя 18 (27.04.2026)†</td>") != std::string::npos);
  CHECK(ru.find("неполный период: 5 дней из 7 в отчёте") != std::string::npos);
  CHECK(ru.find("неполный период: 1 день без камеры") != std::string::npos);
  CHECK(ru.find("<p class=\"footnote\">† Неполный период") != std::string::npos);
  CHECK(ru.find("text-anchor=\"middle\">Неделя 18</text>") != std::string::npos);  // under its bar, whole
  const auto fr = render_range_report(range_summary(store, "2026-05-01", "2026-05-10", GroupBy::Month),
                                      settings, ReportFormat::Markdown, "fr");
  CHECK(fr.find("| mai 2026† |") != std::string::npos);
  CHECK(fr.find("période partielle : 10 jours sur 31 dans la période, 1 jour sans caméra") !=
        std::string::npos);

  const auto json = nlohmann::json::parse(render_range_report(cut, settings, ReportFormat::Json));
  CHECK(json["rows"][0]["partial_period"] == true);
  CHECK(json["rows"][0]["days_in_range"] == 5);
  CHECK(json["rows"][1]["days_without_camera"] == 1);
  const auto csv = render_range_report(cut, settings, ReportFormat::Csv);
  CHECK(csv.find(",buyers_above_visitors,after_hours_visitors,partial_period,days_in_period,days_in_range,"
                 "days_without_camera,"
                 "days_without_sales\n") != std::string::npos);
  CHECK(csv.find("\nweek,2026-W18,") != std::string::npos);
  CHECK(csv.find(",1,7,5,0,0\n") != std::string::npos);
  CHECK(csv.find(",1,7,7,1,0\n") != std::string::npos);
}

TEST_CASE("report: the spreadsheet CSV is in the store's locale, beside the unchanged machine CSV") {
  HandMadeDay day;
  const auto summary = day_summary(day.store, "2026-05-04");
  const auto fr = render_day_report(summary, day.settings, ReportFormat::Spreadsheet, "fr");
  CAPTURE(fr);
  CHECK(
      fr.rfind("\xEF\xBB\xBFTableau;Ligne;Début;Visiteurs;Entrées;Sorties;Tickets;Taux de transformation (%);"
               "CA net (EUR);Panier moyen (EUR);CA par visiteur (EUR);Indice de vente;",
               0) == 0);
  CHECK(fr.find("\r\nTotal;04/05/2026;04/05/2026 00:00;10;10;0;2;20,0;40,00;20,00;4,00;1,00;") !=
        std::string::npos);
  CHECK(fr.find("\r\nHeures;10:00;04/05/2026 10:00;10;10;0;2;20,0;40,00;") != std::string::npos);
  CHECK(fr.find("\r\nVendeurs;Bob;;") != std::string::npos);
  CHECK(fr.find("1 234") == std::string::npos);  // no grouping: the spreadsheet reads numbers
  const auto ru = render_day_report(summary, day.settings, ReportFormat::Spreadsheet, "ru");
  CHECK(ru.find("\r\nЧасы;10:00;04.05.2026 10:00;10;10;0;2;20,0;40,00;") != std::string::npos);
  CHECK(ru.find(";Выручка (EUR);Средний чек (EUR);") != std::string::npos);
  const auto en = render_day_report(summary, day.settings, ReportFormat::Spreadsheet, "en");
  CHECK(en.rfind("\xEF\xBB\xBFTable,Row,Start,Visitors,Entries,Exits,Buyers,Conversion (%),Net sales (EUR),",
                 0) == 0);
  CHECK(en.find("\r\nHours,10:00,2026-05-04 10:00,10,10,0,2,20.0,40.00,20.00,4.00,") != std::string::npos);
  // The machine CSV is as it was.
  CHECK(render_day_report(summary, day.settings, ReportFormat::Csv, "fr").rfind("scope,label,start_ms,", 0) ==
        0);

  // Local times are the store's: 08:00 UTC is 10:00 in Paris.
  Store paris(":memory:");
  StoreSettings settings;
  settings.time_zone = "Europe/Paris";
  settings.currency = "EUR";
  paris.save_settings(settings);
  paris.add_count_events({{at(8, 5), "main", true, 1, 1.F}});
  const auto local =
      render_day_report(day_summary(paris, "2026-05-04"), settings, ReportFormat::Spreadsheet, "fr");
  CHECK(local.find("\r\nHeures;10:00;04/05/2026 10:00;1;") != std::string::npos);
  CHECK(parse_report_format("spreadsheet") == ReportFormat::Spreadsheet);
}
