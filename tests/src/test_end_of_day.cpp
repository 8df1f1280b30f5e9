#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "footfall/data/store/store.hpp"
#include "kiosk/end_of_day.hpp"
#include "scratch_path.hpp"
#include "smtp_sink.hpp"

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
  REQUIRE(written.size() == 4);
  CHECK(std::filesystem::exists(options.folder / "footfall-2025-11-20.html"));
  CHECK(std::filesystem::exists(options.folder / "footfall-2025-11-20.csv"));
  CHECK(std::filesystem::exists(options.folder / "footfall-2025-11-20.spreadsheet.csv"));
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

TEST_CASE("end of day e-mails the report in the store's language, and a send that failed goes out later") {
  const auto dir = fresh_dir("mail");
  footfall::data::Store store(":memory:");
  footfall::data::StoreSettings settings = store.settings();
  settings.name = "Épicerie du Port";
  settings.language = "fr";
  store.save_settings(settings);
  store.add_count_events({{kFriday10h, "main", true, 1, 1.F}, {kFriday10h + 60'000, "main", true, 2, 1.F}});

  footfall::app::EndOfDayOptions options;
  options.folder = dir / "reports";
  options.mail.to = {"patronne@epicerie.fr"};
  options.mail.from = "caisse@epicerie.fr";
  // No server yet: the report is written, the e-mail waits, and the error says so.
  options.mail.smtp.url = "smtp://127.0.0.1:" + std::to_string(footfall::testing::free_local_port());
  options.mail.smtp.timeout = std::chrono::seconds(5);
  REQUIRE(footfall::app::write_due_reports(store, options, kFriday10h + kDay).size() == 4);
  const auto marker = options.folder / "footfall-2025-11-20.mail-pending";
  CHECK(std::filesystem::exists(marker));
  CHECK_THROWS_WITH_AS(footfall::app::send_pending_report_mail(options),
                       doctest::Contains("e-mail: 1 report not sent yet"), std::runtime_error);
  CHECK(std::filesystem::exists(marker));

  const footfall::testing::SmtpSink server("eod-mail-sink");
  options.mail.smtp.url = server.url();
  CHECK(footfall::app::send_pending_report_mail(options) == 1);
  CHECK_FALSE(std::filesystem::exists(marker));
  CHECK(footfall::app::send_pending_report_mail(options) == 0);  // sent once, not again

  const auto arrived = server.messages();
  REQUIRE(arrived.size() == 1);
  const auto& mail = arrived[0];
  CHECK(mail["rcpt_tos"] == nlohmann::json::array({"patronne@epicerie.fr"}));
  const std::string subject = mail["subject"];
  CHECK(subject.find("Épicerie du Port") != std::string::npos);
  CHECK(subject.find("Day report") == std::string::npos);  // in French, as the report itself
  CHECK(mail["html"] == footfall::testing::read_text(options.folder / "footfall-2025-11-20.html"));
  REQUIRE(mail["attachments"].size() == 1);
  CHECK(mail["attachments"][0]["file_name"] == "footfall-2025-11-20.csv");
  // The spreadsheet CSV, in French: what the owner opens, not the machine CSV.
  const std::string attached = mail["attachments"][0]["content"];
  CHECK(attached == footfall::testing::read_text(options.folder / "footfall-2025-11-20.spreadsheet.csv"));
  CHECK(attached.rfind("\xEF\xBB\xBFTableau;Ligne;Début;Visiteurs;", 0) == 0);
  CHECK(attached.find("20/11/2025") != std::string::npos);
}
