// The e-mail sender against a real SMTP server on 127.0.0.1 (python3-aiosmtpd), as an owner's mail
// client would read the message.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

#include "delivery/mail.hpp"
#include "scratch_path.hpp"
#include "smtp_sink.hpp"

using footfall::app::MailMessage;
using footfall::app::SmtpSettings;

TEST_CASE("mail: a Russian report arrives with its subject, inline HTML and the CSV attached") {
  const footfall::testing::SmtpSink server("mail-sink");
  MailMessage message;
  message.from = "kiosk@magazin.ru";
  message.to = {"owner@magazin.ru", "boss@magazin.ru"};
  message.subject = "Отчёт за день — Магазин на Невском — 03.12.2026";
  message.html =
      "<html><body><h1>Выручка 12 345,00 ₽</h1>" + std::string(3000, 'x') + "</body></html>";
  message.attachments.push_back(
      {"footfall-2026-12-03.csv", "text/csv; charset=UTF-8", "час;посетители\n10;12,5\n"});
  footfall::app::send_mail(SmtpSettings{server.url(), {}, std::chrono::seconds(10)}, message);

  const auto arrived = server.messages();
  REQUIRE(arrived.size() == 1);
  const auto& mail = arrived[0];
  CHECK(mail["mail_from"] == "kiosk@magazin.ru");
  CHECK(mail["rcpt_tos"] == nlohmann::json::array({"owner@magazin.ru", "boss@magazin.ru"}));
  CHECK(mail["subject"] == message.subject);
  CHECK(mail["to"] == "owner@magazin.ru, boss@magazin.ru");
  CHECK(mail["html"].get<std::string>().find("<h1>Выручка 12 345,00 ₽</h1>") != std::string::npos);
  CHECK(mail["html"].get<std::string>().find(std::string(3000, 'x')) != std::string::npos);
  REQUIRE(mail["attachments"].size() == 1);
  CHECK(mail["attachments"][0]["file_name"] == "footfall-2026-12-03.csv");
  CHECK(mail["attachments"][0]["type"] == "text/csv");
  CHECK(mail["attachments"][0]["content"] == "час;посетители\n10;12,5\n");
}

TEST_CASE("mail: a server that is not there is an error naming it") {
  const int port = footfall::testing::free_local_port();
  MailMessage message{"kiosk@shop.fr", {"owner@shop.fr"}, "Rapport", "<p>CA</p>", {}};
  const std::string url = "smtp://127.0.0.1:" + std::to_string(port);
  try {
    footfall::app::send_mail(SmtpSettings{url, {}, std::chrono::seconds(5)}, message);
    FAIL("sending to a closed port must fail");
  } catch (const std::runtime_error& error) {
    CHECK(std::string(error.what()).find(url) != std::string::npos);
  }
}

TEST_CASE("mail: addresses are checked, credentials must be private to their owner") {
  CHECK(footfall::app::parse_mail_addresses(" a@shop.fr, b@shop.fr ;c@shop.fr") ==
        std::vector<std::string>{"a@shop.fr", "b@shop.fr", "c@shop.fr"});
  CHECK(footfall::app::parse_mail_addresses("").empty());
  CHECK_THROWS_WITH_AS(footfall::app::parse_mail_addresses("a@shop.fr, patron"),
                       "not an e-mail address: \"patron\"", std::invalid_argument);

  const auto file = footfall::testing::scratch_path("smtp.credentials");
  std::ofstream(file) << "user = \"kiosk\"\npassword = \"s3cret\"\n";
  chmod(file.c_str(), 0644);
  try {
    (void)footfall::app::read_smtp_credentials(file);
    FAIL("a world-readable password file must be refused");
  } catch (const std::runtime_error& error) {
    CHECK(std::string(error.what()).find("chmod 600") != std::string::npos);
    CHECK(std::string(error.what()).find(file.string()) != std::string::npos);
  }
  chmod(file.c_str(), 0600);
  const auto credentials = footfall::app::read_smtp_credentials(file);
  CHECK(credentials.user == "kiosk");
  CHECK(credentials.password == "s3cret");
  std::ofstream(file) << "user = \"kiosk\"\n";
  CHECK_THROWS_WITH_AS(footfall::app::read_smtp_credentials(file),
                       (file.string() + ": password: missing").c_str(), std::runtime_error);
}
