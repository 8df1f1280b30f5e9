#include "config/config.hpp"
#include "scratch_path.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace app = footfall::app;
namespace fs = std::filesystem;

namespace {

fs::path fresh_folder(const std::string& name) {
  const auto folder = fs::temp_directory_path() / ("footfall-config-" + std::to_string(getpid()) + "-" + name);
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

using footfall::testing::read_text;

}  // namespace

TEST_CASE("the kiosk's settings survive a save and a re-read of the config file") {
  const auto folder = fresh_folder("round-trip");
  const auto file = folder / "footfall.toml";
  std::ofstream(file) << "[store]\ndatabase = \"shop.db\"\n\n[kiosk]\nadmin_pin_hash = \"pbkdf2-sha256$1$00$00\"\n"
                         "fullscreen = true\n\n[reports]\nfolder = \"out\"\n";
  app::AppConfig config = app::load_config(file);
  config.camera.source = "rtsp://10.0.0.7/stream";
  config.camera.detector = "dnn";
  config.camera.model = (folder / "model.onnx").string();
  config.camera.door = "side";
  config.camera.line = {{0.1F, 0.45F}, {0.9F, 0.55F}, {0.5F, 0.95F}};
  config.watch_folder = folder / "drop";
  config.language = "ru";
  app::save_config(file, file, config);

  const app::AppConfig again = app::load_config(file);
  CHECK(again.camera.source == "rtsp://10.0.0.7/stream");
  CHECK(again.camera.detector == "dnn");
  CHECK(again.camera.model == (folder / "model.onnx").string());
  CHECK(again.camera.door == "side");
  CHECK(again.camera.line.a.x == doctest::Approx(0.1));
  CHECK(again.camera.line.a.y == doctest::Approx(0.45));
  CHECK(again.camera.line.b.y == doctest::Approx(0.55));
  CHECK(again.camera.line.inside.y == doctest::Approx(0.95));
  CHECK(again.watch_folder == folder / "drop");
  CHECK(again.language == "ru");
  // What the settings screen does not edit stays as the manager wrote it.
  CHECK(again.database == folder / "shop.db");
  CHECK(again.admin_pin_hash == "pbkdf2-sha256$1$00$00");
  CHECK(again.fullscreen);
  CHECK(again.reports_folder == folder / "out");
  CHECK(read_text(file).find("database = 'shop.db'") != std::string::npos);
}

TEST_CASE("the saved config is owner-only and leaves no partial file behind") {
  const auto folder = fresh_folder("permissions");
  const auto file = folder / "config.toml";
  std::ofstream(file) << "[camera]\nsource = \"synthetic\"\n";
  fs::permissions(file, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
  app::save_config(file, file, app::load_config(file));
  const auto permissions = fs::status(file).permissions();
  CHECK((permissions & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
  CHECK((permissions & fs::perms::owner_read) != fs::perms::none);
  CHECK_FALSE(fs::exists(file.string() + ".partial"));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("a first save with no config of its own starts from the base file and creates the folder") {
  const auto folder = fresh_folder("first-save");
  const auto base = folder / "shipped.toml";
  std::ofstream(base) << "[reports]\ncommand = \"lp\"\n";
  const auto target = folder / "user" / "footfall" / "config.toml";
  app::AppConfig config = app::load_config(base);
  config.language = "fr";
  app::save_config(target, base, config);
  const auto again = app::load_config(target);
  CHECK(again.language == "fr");
  CHECK(again.reports_command == "lp");
  CHECK(read_text(base).find("fr") == std::string::npos);  // the base file is untouched
}

TEST_CASE("a base file that does not parse is reported and the target is not written") {
  const auto folder = fresh_folder("broken");
  const auto file = folder / "config.toml";
  std::ofstream(file) << "[camera\nsource = ";
  const std::string before = read_text(file);
  CHECK_THROWS_WITH_AS(app::save_config(file, file, app::AppConfig{}), doctest::Contains("config.toml:1"),
                       std::runtime_error);
  CHECK(read_text(file) == before);
}

TEST_CASE("the user config path follows XDG_CONFIG_HOME") {
  const char* saved = std::getenv("XDG_CONFIG_HOME");
  const std::string previous = saved != nullptr ? saved : "";
  setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
  CHECK(app::user_config_path() == fs::path("/tmp/xdg-test/footfall/config.toml"));
  if (saved != nullptr) {
    setenv("XDG_CONFIG_HOME", previous.c_str(), 1);
  } else {
    unsetenv("XDG_CONFIG_HOME");
  }
}

TEST_CASE("the report e-mail keys are read, checked with the line at fault, and kept by a save") {
  const auto folder = fresh_folder("mail");
  const auto file = folder / "config.toml";
  std::ofstream(file) << "[reports]\nemail_to = \"patron@shop.fr, compta@shop.fr\"\nemail_from = \"caisse@shop.fr\"\n"
                         "smtp_url = \"smtp://mail.shop.fr:587\"\nsmtp_credentials = \"smtp.credentials\"\n";
  app::AppConfig config = app::load_config(file);
  CHECK(config.report_mail.to == std::vector<std::string>{"patron@shop.fr", "compta@shop.fr"});
  CHECK(config.report_mail.from == "caisse@shop.fr");
  CHECK(config.report_mail.smtp.url == "smtp://mail.shop.fr:587");
  CHECK(config.report_mail.smtp.credentials_file == folder / "smtp.credentials");
  config.language = "fr";
  app::save_config(file, file, config);
  CHECK(app::load_config(file).report_mail.to == config.report_mail.to);

  std::ofstream(file) << "[reports]\n\nemail_to = \"patron@shop.fr, compta\"\nsmtp_url = \"smtp://x:25\"\n";
  CHECK_THROWS_WITH_AS(app::load_config(file),
                       (file.string() + ":3: reports.email_to: not an e-mail address: \"compta\"").c_str(),
                       std::runtime_error);
  std::ofstream(file) << "[reports]\nemail_to = \"patron@shop.fr\"\n";
  CHECK_THROWS_WITH_AS(app::load_config(file), doctest::Contains(":2: reports.email_to: needs reports.smtp_url"),
                       std::runtime_error);
  std::ofstream(file) << "[reports]\nemail_to = \"patron@shop.fr\"\nsmtp_url = \"mail.shop.fr\"\n";
  CHECK_THROWS_WITH_AS(app::load_config(file), doctest::Contains(":3: reports.smtp_url: expected smtp://"),
                       std::runtime_error);
}

TEST_CASE("chain_config: [chain] is read with its credentials beside the config, a password in the URL is refused") {
  const auto folder = fresh_folder("chain");
  const auto file = folder / "config.toml";
  std::ofstream(file) << "[chain]\nserver = \"postgresql://store_paris@hq.example.com/chain?sslmode=verify-full\"\n"
                         "store_code = \"paris\"\ncredentials = \"chain.pgpass\"\ninterval_minutes = 5\n";
  const auto config = app::load_config(file);
  CHECK(config.chain.server == "postgresql://store_paris@hq.example.com/chain?sslmode=verify-full");
  CHECK(config.chain.store_code == "paris");
  CHECK(config.chain.credentials == folder / "chain.pgpass");
  CHECK(config.chain.interval_minutes == 5);
  for (const char* url : {"postgresql://store_paris:secret@hq.example.com/chain",
                          "host=hq.example.com user=store_paris password=secret"}) {
    CAPTURE(url);
    std::ofstream(file) << "[chain]\nserver = \"" << url << "\"\nstore_code = \"paris\"\n";
    CHECK_THROWS_WITH(app::load_config(file), doctest::Contains("chain.server"));
    CHECK_THROWS_WITH(app::load_config(file), doctest::Contains("credentials file"));
  }
  std::ofstream(file) << "[chain]\nserver = \"postgresql://hq.example.com/chain\"\n";
  CHECK_THROWS_WITH(app::load_config(file), doctest::Contains("chain.store_code"));
  fs::remove_all(folder);
}
