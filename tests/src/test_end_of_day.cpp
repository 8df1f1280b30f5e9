#include "scratch_path.hpp"
#include "end_of_day.hpp"

#include "footfall/data/store/store.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <nlohmann/json.hpp>

namespace {

std::filesystem::path fresh_dir(const std::string& name) {
  const auto dir = footfall::testing::scratch_path("footfall-eod-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// 2025-11-20 10:00 UTC, a Thursday; the store is in UTC with no cutoff.
constexpr footfall::data::TimeMs kFriday10h = 1'763'632'800'000;
constexpr footfall::data::TimeMs kHour = 3'600'000;
constexpr footfall::data::TimeMs kDay = 24 * kHour;

}  // namespace

TEST_CASE("end of day writes the missed days that have data, once, and the JSON holds the figures") {
  const auto dir = fresh_dir("missed");
  footfall::data::Store store(":memory:");
  std::vector<footfall::data::CountEvent> events;
  for (int i = 0; i < 40; ++i) events.push_back({kFriday10h + i * 60'000, "main", true, i, 1.F});
  store.add_count_events(events);

  footfall::app::EndOfDayOptions options;
  options.folder = dir / "reports";
  // Two days later: Thursday is due, Friday has no data and gets no report.
  const auto written = footfall::app::write_due_reports(store, options, kFriday10h + 2 * kDay);
  REQUIRE(written.size() == 3);
  CHECK(std::filesystem::exists(options.folder / "footfall-2025-11-20.html"));
  CHECK(std::filesystem::exists(options.folder / "footfall-2025-11-20.csv"));
  CHECK_FALSE(std::filesystem::exists(options.folder / "footfall-2025-11-21.json"));

  std::ifstream in(options.folder / "footfall-2025-11-20.json");
  const auto report = nlohmann::json::parse(in);
  CHECK(report.at("visitors").get<int>() == 40);

  // Already written: nothing more.
  CHECK(footfall::app::write_due_reports(store, options, kFriday10h + 2 * kDay + kHour).empty());
}

TEST_CASE("end of day runs the user's command with the written paths") {
  const auto dir = fresh_dir("command");
  footfall::data::Store store(":memory:");
  store.add_count_events({{kFriday10h, "main", true, 1, 1.F}});
  footfall::app::EndOfDayOptions options;
  options.folder = dir / "reports";
  const auto log = dir / "sent.txt";
  options.command = "echo >> " + log.string();
  (void)footfall::app::write_due_reports(store, options, kFriday10h + kDay);
  std::ifstream in(log);
  std::string line;
  std::getline(in, line);
  CHECK(line.find("footfall-2025-11-20.html") != std::string::npos);
  CHECK(line.find("footfall-2025-11-20.json") != std::string::npos);
}

TEST_CASE("a failing report command is an error, not silence") {
  const auto dir = fresh_dir("failing");
  footfall::data::Store store(":memory:");
  store.add_count_events({{kFriday10h, "main", true, 1, 1.F}});
  footfall::app::EndOfDayOptions options;
  options.folder = dir / "reports";
  options.command = "false";
  CHECK_THROWS_WITH_AS(footfall::app::write_due_reports(store, options, kFriday10h + kDay),
                       doctest::Contains("reports.command failed"), std::runtime_error);
}

TEST_CASE("end of day files are written in the store's language and currency") {
  const auto dir = fresh_dir("language");
  footfall::data::Store store(":memory:");
  auto settings = store.settings();
  settings.language = "fr";
  settings.currency = "EUR";
  store.save_settings(settings);
  store.add_count_events({{kFriday10h, "main", true, 1, 1.F}});
  footfall::app::EndOfDayOptions options;
  options.folder = dir / "reports";
  (void)footfall::app::write_due_reports(store, options, kFriday10h + kDay);
  std::ostringstream text;
  text << std::ifstream(options.folder / "footfall-2025-11-20.html").rdbuf();
  const std::string html = text.str();
  CHECK(html.find("<html lang=\"fr\">") != std::string::npos);
  CHECK(html.find("Visiteurs") != std::string::npos);
}
