#include <doctest/doctest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/videoio.hpp>
#include <sstream>
#include <string>
#include <utility>

#include "config/config.hpp"
#include "scratch_path.hpp"
#include "time/dates.hpp"

namespace {

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

RunResult run_footfall(const std::string& arguments, const std::string& input = "") {
  RunResult result;
  const std::string feed = input.empty() ? "" : "printf '%s\\n' '" + input + "' | ";
  const std::string command = feed + std::string(FOOTFALL_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr)
    result.output += buffer.data();
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::filesystem::path write_temp(const std::string& name, const std::string& text) {
  const auto path = footfall::testing::scratch_path("footfall-test-" + name);
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("--version prints the version and succeeds") {
  const auto result = run_footfall("--version");
  CHECK(result.exit_code == 0);
  CHECK(result.output.find(FOOTFALL_VERSION) != std::string::npos);
}

TEST_CASE("--help lists every subcommand") {
  const auto result = run_footfall("--help");
  CHECK(result.exit_code == 0);
  for (const char* name : {"kiosk", "count", "audit", "import", "report", "eval", "demo", "bench"}) {
    CHECK_MESSAGE(result.output.find(name) != std::string::npos, name);
  }
}

TEST_CASE("an unknown subcommand is a clear error with a non-zero exit") {
  const auto result = run_footfall("frobnicate");
  CHECK(result.exit_code != 0);
  CHECK(result.output.find("frobnicate") != std::string::npos);
}

TEST_CASE("no subcommand at all is an error") { CHECK(run_footfall("").exit_code != 0); }

TEST_CASE("bad arguments name the option at fault") {
  const auto result = run_footfall("report range --from 2026-01-01 --to 2026-01-31 --by fortnight");
  CHECK(result.exit_code != 0);
  CHECK(result.output.find("--by") != std::string::npos);

  const auto missing = run_footfall("import /nonexistent/file.csv");
  CHECK(missing.exit_code != 0);
  CHECK(missing.output.find("/nonexistent/file.csv") != std::string::npos);
}

TEST_CASE("the default config loads") {
  const auto config = footfall::app::load_config(std::filesystem::path(FOOTFALL_ASSETS_DIR) / "config.toml");
  CHECK(config.camera.source == "synthetic");
  CHECK(config.language == "en");
  CHECK(config.camera.line.a.y == doctest::Approx(0.5));
}

TEST_CASE("a config error names the file, the line and the key") {
  const auto path = write_temp("bad.toml", "[camera]\nsource = \"synthetic\"\nline = [0.0, 0.5, 1.7, 0.5]\n");
  try {
    (void)footfall::app::load_config(path);
    FAIL("expected an error");
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    CHECK(message.find(path.string()) != std::string::npos);
    CHECK(message.find(":3:") != std::string::npos);
    CHECK(message.find("camera.line") != std::string::npos);
  }
}

TEST_CASE("a config that is not TOML names the file and line") {
  const auto path = write_temp("broken.toml", "[kiosk]\nlanguage = \"fr\n");
  try {
    (void)footfall::app::load_config(path);
    FAIL("expected an error");
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    CHECK(message.find(path.string() + ":2") != std::string::npos);
  }
}

TEST_CASE("a wrong language in the config is refused") {
  const auto path = write_temp("lang.toml", "[kiosk]\nlanguage = \"de\"\n");
  CHECK_THROWS_WITH_AS((void)footfall::app::load_config(path), doctest::Contains("kiosk.language"),
                       std::runtime_error);
}

TEST_CASE("ISO dates and instants are read strictly") {
  using footfall::app::parse_instant_ms;
  using footfall::app::parse_iso_date;
  CHECK(parse_iso_date("2026-02-29") == std::nullopt);
  CHECK(parse_iso_date("2026-11-23x") == std::nullopt);
  CHECK(footfall::app::shift_iso_date("2026-03-01", -1) == "2026-02-28");
  CHECK(parse_instant_ms("2026-11-23T09:00:00Z") == 1'795'424'400'000);
  CHECK(parse_instant_ms("2026-11-23 10:00+01:00") == 1'795'424'400'000);
  CHECK(parse_instant_ms("2026-11-23T25:00") == std::nullopt);
  CHECK(parse_instant_ms("2017-09-26T16:57:49.250000Z") == 1'506'445'069'250);
  CHECK(parse_instant_ms("2017-09-26T16:57:49.Z") == std::nullopt);
  CHECK(footfall::app::format_instant_utc(1'506'445'069'250) == "2017-09-26T16:57:49Z");
  CHECK(parse_instant_ms("yesterday") == std::nullopt);
}

TEST_CASE("kiosk --set-pin prints a salted hash and refuses a weak PIN") {
  const auto good = run_footfall("kiosk --set-pin", "4711");
  CHECK(good.exit_code == 0);
  CHECK(good.output.find("admin_pin_hash = \"pbkdf2-sha256$") != std::string::npos);
  CHECK(good.output.find("4711") == std::string::npos);
  const auto weak = run_footfall("kiosk --set-pin", "12");
  CHECK(weak.exit_code != 0);
  CHECK(weak.output.find("at least 4 digits") != std::string::npos);
}

namespace {

// One sale on 2026-11-20, imported with the profile `import --guess` writes for it.
void import_one_sale(const std::filesystem::path& db, const std::string& name) {
  const auto csv = write_temp(name + "-sales.csv", "id,time,total\nA1,2026-11-20 10:00,12.50\n");
  const auto guessed = run_footfall("import --guess " + csv.string());
  REQUIRE(guessed.exit_code == 0);
  const auto profile = write_temp(name + "-profile.toml", guessed.output);
  REQUIRE(run_footfall("import --currency EUR --profile-file " + profile.string() + " --db " + db.string() +
                       " " + csv.string())
              .exit_code == 0);
}

}  // namespace

TEST_CASE("backup, a damaged database refused at start, and restore") {
  const auto dir = footfall::testing::scratch_path("footfall-cli-backup");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto db = dir / "footfall.db";
  import_one_sale(db, "backup");
  const auto backup = run_footfall("backup --db " + db.string() + " --to " +
                                   (dir / "backups" / "footfall-2026-11-20.db").string());
  CHECK(backup.exit_code == 0);

  {
    std::ofstream(db, std::ios::binary | std::ios::in | std::ios::out)
        << "garbage where the SQLite header was";
  }
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
  const auto refused =
      run_footfall("kiosk --db " + db.string() + " --screenshot " + (dir / "x.png").string());
  CHECK(refused.exit_code != 0);
  CHECK(refused.output.find("is damaged") != std::string::npos);
  CHECK(refused.output.find("footfall restore") != std::string::npos);
  CHECK(refused.output.find("--restore-if-damaged") != std::string::npos);

  // Unattended (systemd), the kiosk can be told to put the newest backup back itself. Whether a
  // window can open here does not matter: the restore happens before it.
  const auto self_restored = run_footfall("kiosk --restore-if-damaged --db " + db.string() +
                                          " --screenshot " + (dir / "y.png").string() + " --after 0.5");
  CHECK(self_restored.output.find("restored it from") != std::string::npos);
  const auto after_self_restore = run_footfall("report day 2026-11-20 --format json --db " + db.string());
  CHECK(after_self_restore.exit_code == 0);
  CHECK(after_self_restore.output.find("\"buyers\": 1") != std::string::npos);

  {
    std::ofstream(db, std::ios::binary | std::ios::in | std::ios::out)
        << "garbage where the SQLite header was";
  }
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
  const auto restored = run_footfall("restore --db " + db.string());
  CHECK(restored.exit_code == 0);
  // The newest backup: the kiosk that just ran may have taken today's.
  std::string newest;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "backups")) {
    if (entry.path().extension() == ".db") newest = std::max(newest, entry.path().filename().string());
  }
  CHECK(restored.output.find(newest) != std::string::npos);
  const auto report = run_footfall("report day 2026-11-20 --format json --db " + db.string());
  CHECK(report.exit_code == 0);
  CHECK(report.output.find("\"buyers\": 1") != std::string::npos);
}

TEST_CASE("eval over a folder prints a row per clip and direction and the pooled line") {
  const std::filesystem::path testdata = std::filesystem::path(FOOTFALL_SHARED_DIR) / "testdata";
  const auto hallway = testdata / "truth" / "overhead_hallway.json";
  if (!std::filesystem::exists(hallway)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  const auto folder = footfall::testing::scratch_path("footfall-test-eval-folder");
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  std::ostringstream original;
  original << std::ifstream(hallway).rdbuf();
  std::string truth = original.str();
  const std::string relative = "\"../videos/overhead_hallway.avi\"";
  const auto at = truth.find(relative);
  REQUIRE(at != std::string::npos);
  truth.replace(at, relative.size(), "\"" + (testdata / "videos" / "overhead_hallway.avi").string() + "\"");
  for (const char* name : {"first.json", "second.json"}) std::ofstream(folder / name) << truth;

  const auto table = run_footfall("eval --truth " + folder.string());
  CHECK(table.exit_code == 0);
  CHECK(table.output.find("first") != std::string::npos);
  CHECK(table.output.find("second") != std::string::npos);
  CHECK(table.output.find("pooled accuracy") != std::string::npos);
  CHECK(table.output.find("over 2 clip(s)") != std::string::npos);

  const auto json = run_footfall("eval --json --truth " + folder.string());
  CHECK(json.exit_code == 0);
  CHECK(json.output.find("\"clips\"") != std::string::npos);

  const auto empty = folder / "empty";
  std::filesystem::create_directories(empty);
  const auto refused = run_footfall("eval --truth " + empty.string());
  CHECK(refused.exit_code != 0);
  CHECK(refused.output.find("no truth files") != std::string::npos);
}

TEST_CASE("eval --debug-dir writes one picture strip per miss and per extra, and nothing without it") {
  const std::filesystem::path testdata = std::filesystem::path(FOOTFALL_SHARED_DIR) / "testdata";
  const auto hallway = testdata / "truth" / "overhead_hallway.json";
  if (!std::filesystem::exists(hallway)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  // A truth that lacks the first real entry (the counter's count becomes an extra) and claims an
  // exit nobody made at frame 5 (a miss).
  auto truth = nlohmann::json::parse(std::ifstream(hallway));
  truth["video"] = (testdata / "videos" / "overhead_hallway.avi").string();
  auto& crossings = truth["crossings"];
  const auto first_in = std::find_if(crossings.begin(), crossings.end(),
                                     [](const nlohmann::json& c) { return c["dir"] == "in"; });
  REQUIRE(first_in != crossings.end());
  const auto dropped_frame = (*first_in)["frame"].get<int>();
  crossings.erase(first_in);
  crossings.push_back({{"frame", 5}, {"dir", "out"}});
  truth["in"] = truth["in"].get<int>() - 1;
  truth["out"] = truth["out"].get<int>() + 1;

  const auto folder = footfall::testing::scratch_path("footfall-test-eval-debug");
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const auto truth_path = folder / "doctored.json";
  std::ofstream(truth_path) << truth.dump();
  const auto strips = folder / "strips";

  const auto plain = run_footfall("eval --truth " + truth_path.string());
  CHECK(plain.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(strips));

  const auto debug = run_footfall("eval --truth " + truth_path.string() + " --debug-dir " + strips.string());
  CHECK(debug.exit_code == 0);
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(strips))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() == 2);
  CHECK(names[0].find("extra_in_") != std::string::npos);
  CHECK(names[1] == "overhead_hallway_missed_out_5.png");
  CHECK(std::filesystem::file_size(strips / names[1]) > 1000);
  MESSAGE("dropped the entry at frame " << dropped_frame << "; strips: " << names[0] << ", " << names[1]);
}

TEST_CASE("count on a recording takes its creation_time, or asks for --start; never 1970") {
  const std::filesystem::path videos = std::filesystem::path(FOOTFALL_SHARED_DIR) / "testdata" / "videos";
  const auto dated = videos / "intel_one_by_one.mp4";  // its container says 2017-09-26T16:57:49Z
  const auto undated = videos / "tud_stadtmitte.mp4";  // no creation_time
  if (!std::filesystem::exists(dated) || !std::filesystem::exists(undated)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  const auto dir = footfall::testing::scratch_path("footfall-cli-recording-time");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto db = (dir / "footfall.db").string();

  const auto refused = run_footfall("count " + undated.string() + " --db " + db);
  CHECK(refused.exit_code != 0);
  CHECK(refused.output.find(undated.string()) != std::string::npos);
  CHECK(refused.output.find("--start") != std::string::npos);

  // The first arrival is at 7.3 s.
  const auto from_container = run_footfall("count " + dated.string() + " --seconds 12 --db " + db);
  CHECK(from_container.exit_code == 0);
  CHECK(from_container.output.find("first frame at 2017-09-26T16:57:49Z (the file's creation_time") !=
        std::string::npos);
  const auto that_day = run_footfall("report day 2017-09-26 --format json --db " + db);
  CHECK(that_day.exit_code == 0);
  CHECK(that_day.output.find("\"visitors\": 0") == std::string::npos);
  const auto epoch = run_footfall("report day 1970-01-01 --format json --db " + db);
  CHECK(epoch.output.find("\"visitors\": 0") != std::string::npos);

  const auto given =
      run_footfall("count " + undated.string() + " --seconds 1 --start 2026-11-23T09:00:00+01:00 --db " + db);
  CHECK(given.exit_code == 0);
  CHECK(given.output.find("first frame at 2026-11-23T08:00:00Z (--start)") != std::string::npos);
}

TEST_CASE("a backup taken with no target is the one restore puts back") {
  const auto dir = footfall::testing::scratch_path("footfall-cli-backup-default");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto db = dir / "footfall.db";
  import_one_sale(db, "backup-default");

  const auto backup = run_footfall("backup --db " + db.string());
  REQUIRE(backup.exit_code == 0);
  CHECK(backup.output.find((dir / "backups" / "footfall-").string()) != std::string::npos);

  {
    std::ofstream(db, std::ios::binary | std::ios::in | std::ios::out)
        << "garbage where the SQLite header was";
  }
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
  const auto restored = run_footfall("restore --db " + db.string());
  CHECK(restored.exit_code == 0);
  const auto report = run_footfall("report day 2026-11-20 --format json --db " + db.string());
  CHECK(report.exit_code == 0);
  CHECK(report.output.find("\"buyers\": 1") != std::string::npos);
}

TEST_CASE(
    "audit records a clip with the counts drawn, says so, and clears clips older than a week unless kept") {
  const auto dir = footfall::testing::scratch_path("footfall-cli-audit");
  std::filesystem::remove_all(dir);
  const auto clips = dir / "audits";
  std::filesystem::create_directories(clips);
  const auto week_ago = std::filesystem::file_time_type::clock::now() - std::chrono::hours(8 * 24);
  for (const char* name : {"audit-old.mp4", "audit-kept.mp4", "holiday.avi"}) {
    std::ofstream(clips / name) << "old";
    std::filesystem::last_write_time(clips / name, week_ago);
  }
  std::ofstream(clips / "audit-kept.mp4.keep") << "";

  // The synthetic door stands in for the camera: no person is filmed by this test.
  const auto audit = run_footfall("audit synthetic:3 --minutes 0.5 --to " + clips.string() + " --db " +
                                  (dir / "footfall.db").string());
  CHECK(audit.exit_code == 0);
  CHECK(audit.output.find("Recording camera frames to disk for this audit only") != std::string::npos);
  CHECK(audit.output.find("deleted after 7 days") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(clips / "audit-old.mp4"));
  CHECK(std::filesystem::exists(clips / "audit-kept.mp4"));
  CHECK(std::filesystem::exists(clips / "holiday.avi"));

  std::filesystem::path recorded;
  for (const auto& entry : std::filesystem::directory_iterator(clips)) {
    const auto name = entry.path().filename().string();
    if (name.starts_with("audit-20") && entry.path().extension() == ".mp4") recorded = entry.path();
  }
  REQUIRE_FALSE(recorded.empty());
  cv::VideoCapture capture(recorded.string());
  REQUIRE(capture.isOpened());
  int frames = 0;
  cv::Mat frame;
  while (capture.read(frame)) ++frames;
  CHECK(frames >= 400);  // 30 s of a 15 fps door
  CHECK(audit.output.find(std::to_string(frames) + " frames") != std::string::npos);
  CHECK(audit.output.find(" in and ") != std::string::npos);
}

TEST_CASE(
    "import of times without a day says to give --date, a day without a time --default-time, and a binary "
    "file is called what it is") {
  const auto csv = write_temp("times-only.csv", "id,time,total\nA1,10:00,12.50\nA2,10:05,3.00\n");
  const auto guessed = run_footfall("import --guess " + csv.string());
  REQUIRE(guessed.exit_code == 0);
  const auto profile = write_temp("times-only.toml", guessed.output);
  const auto db = footfall::testing::scratch_path("footfall-cli-times-only.db");
  std::filesystem::remove(db);
  const auto refused =
      run_footfall("import --profile-file " + profile.string() + " --db " + db.string() + " " + csv.string());
  CHECK(refused.exit_code != 0);
  CHECK(refused.output.find("give the day they belong to with --date") != std::string::npos);
  const auto dated = run_footfall("import --date 2026-11-20 --currency EUR --profile-file " +
                                  profile.string() + " --db " + db.string() + " " + csv.string());
  CHECK(dated.exit_code == 0);

  const auto untimed = write_temp("no-time.csv",
                                  "Date,Time,Time Zone,Net Sales,Transaction ID,Event Type\n"
                                  "12/28/2018,,Eastern Time (US & Canada),$20.00,T2,Payment\n");
  const auto dollar_db = footfall::testing::scratch_path("footfall-cli-no-time.db");
  std::filesystem::remove(dollar_db);
  const auto untimed_refused = run_footfall("import --db " + dollar_db.string() + " " + untimed.string());
  CHECK(untimed_refused.exit_code != 0);
  CHECK(untimed_refused.output.find(untimed.string() + ":2: column \"Time\"") != std::string::npos);
  CHECK(untimed_refused.output.find("--default-time HH:MM") != std::string::npos);
  const auto untimed_placed =
      run_footfall("import --default-time 12:00 --db " + dollar_db.string() + " " + untimed.string());
  CHECK(untimed_placed.exit_code == 0);
  CHECK(untimed_placed.output.find("1 row(s) had no time of day and were placed at 12:00") !=
        std::string::npos);

  const auto binary = write_temp("not-text.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const auto rejected = run_footfall("import --db " + db.string() + " " + binary.string());
  CHECK(rejected.exit_code != 0);
  CHECK(rejected.output.find("not-text.csv: not a text file") != std::string::npos);

  // The command line, and only it, names the command that helps: the kiosk says it in its own words.
  const auto unknown = write_temp("unknown-till.csv", "colour,size\nred,4\n");
  const auto unmatched = run_footfall("import --db " + db.string() + " " + unknown.string());
  CHECK(unmatched.exit_code != 0);
  CHECK(unmatched.output.find("no POS profile matches the columns") != std::string::npos);
  CHECK(unmatched.output.find("footfall import --guess FILE proposes one") != std::string::npos);
}

TEST_CASE(
    "import: a fresh store takes the currency of its first export and says so; another currency is refused") {
  const auto pos = std::filesystem::path(FOOTFALL_SHARED_DIR) / "testdata" / "pos";
  if (!std::filesystem::exists(pos)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  const auto db = footfall::testing::scratch_path("footfall-cli-currency.db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
  const auto shopify = (pos / "shopify_orders_2021.csv").string();
  const auto square = (pos / "square_items_2026-07.csv").string();
  const auto first = run_footfall("import --db " + db.string() + " " + shopify);
  CHECK(first.exit_code == 0);
  CHECK(first.output.find("store currency set to ZAR from " + shopify) != std::string::npos);
  const auto refused = run_footfall("import --db " + db.string() + " " + square);
  CHECK(refused.exit_code != 0);
  CHECK(refused.output == square +
                              ": the export is in USD but the store's currency is ZAR; nothing imported "
                              "(amounts in different currencies are never added)\n");
}

TEST_CASE(
    "store show prints the profile, store set checks and changes one field, and reports speak the store's "
    "language") {
  const auto dir = footfall::testing::scratch_path("footfall-cli-store");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto db = dir / "footfall.db";
  const std::string on_db = " --db " + db.string();

  const auto fresh = run_footfall("store show" + on_db);
  CHECK(fresh.exit_code == 0);
  CHECK(fresh.output.find("name: My shop\n") != std::string::npos);
  CHECK(fresh.output.find("time_zone: UTC\n") != std::string::npos);
  CHECK(fresh.output.find("currency: (not set: the first import sets it)\n") != std::string::npos);

  const std::pair<const char*, const char*> refusals[] = {
      {"time_zone Mars/Olympus", "time_zone: \"Mars/Olympus\" is not a tz database zone name"},
      {"language de", "language: \"de\" is not one of en, fr, ru"},
      {"currency euro", "currency: \"euro\" is not a 3-letter ISO 4217 code"},
      {"hours 9h-20h", "hours: \"9h-20h\" is not opening hours HH:MM-HH:MM or \"closed\""},
      {"hours 'sat 10:00-08:00'", "hours: sat: the store would close (08:00) before it opens (10:00)"},
      {"hours 'fri-mon closed'", "hours: \"fri-mon\" is not a day mon ... sun or a range such as mon-fri"},
      {"name ' '", "name: the store's name cannot be empty"},
      {"contest_goal lots", "contest_goal: \"lots\" is not a conversion in percent from 0 to 100"},
      {"colour red", "unknown store key \"colour\""},
  };
  for (const auto& [arguments, message] : refusals) {
    CAPTURE(arguments);
    const auto refused = run_footfall(std::string("store set ") + arguments + on_db);
    CHECK(refused.exit_code != 0);
    CHECK(refused.output.find(message) != std::string::npos);
  }
  CHECK(run_footfall("store show" + on_db).output == fresh.output);  // nothing was changed

  for (const char* arguments :
       {"name 'Chez Anna'", "language fr", "time_zone Europe/Paris", "currency EUR",
        "hours '10:00-19:30, sat 10:00-18:00, sun closed'", "day_start 02:00", "contest_goal 22.5%"}) {
    CAPTURE(arguments);
    CHECK(run_footfall(std::string("store set ") + arguments + on_db).exit_code == 0);
  }
  const auto shown = run_footfall("store show" + on_db);
  for (const char* line : {"name: Chez Anna\n", "language: fr\n", "time_zone: Europe/Paris\n",
                           "currency: EUR\n", "hours: mon-fri 10:00-19:30, sat 10:00-18:00, sun closed\n",
                           "day_start: 02:00\n", "contest_goal: 22.5%\n"}) {
    CHECK_MESSAGE(shown.output.find(line) != std::string::npos, line);
  }

  import_one_sale(db, "store");
  const auto french = run_footfall("report day 2026-11-20 --format html" + on_db);
  CHECK(french.exit_code == 0);
  CHECK(french.output.find("<html lang=\"fr\">") != std::string::npos);
  CHECK(french.output.find("12,50\u00A0€") != std::string::npos);
  const auto sheet = run_footfall("report day 2026-11-20 --format spreadsheet" + on_db);
  CHECK(sheet.exit_code == 0);
  CHECK(sheet.output.find("\xEF\xBB\xBFTableau;Ligne;Début;") != std::string::npos);
  CHECK(sheet.output.find(";12,50;") != std::string::npos);
  const auto contest = run_footfall("report contest --period month --date 2026-11-20" + on_db);
  CHECK(contest.exit_code == 0);
  CHECK(contest.output.find("Challenge vendeurs — Ce mois-ci") != std::string::npos);
  CHECK(contest.output.find("Objectif : 22,5") != std::string::npos);
  const auto english = run_footfall("report day 2026-11-20 --format html --language en" + on_db);
  CHECK(english.output.find("<html lang=\"en\">") != std::string::npos);
  CHECK(run_footfall("store show" + on_db).output.find("language: fr\n") !=
        std::string::npos);  // one command only

  const auto other_money = run_footfall("store set currency USD" + on_db);
  CHECK(other_money.exit_code != 0);
  CHECK(other_money.output.find("the store holds sales in EUR") != std::string::npos);
}

TEST_CASE("count on a recording records the span it covered; the day's conversion uses that span only") {
  const auto clip =
      std::filesystem::path(FOOTFALL_SHARED_DIR) / "testdata" / "videos" / "overhead_hallway.avi";
  if (!std::filesystem::exists(clip)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  const auto dir = footfall::testing::scratch_path("footfall-cli-covered-span");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto db = (dir / "footfall.db").string();
  std::string sales = "Date,Time,Gross Sales,Net Sales,Transaction ID,Staff Name,Event Type,Currency\n";
  for (int i = 0; i < 60; ++i) {
    char row[160];
    std::snprintf(row, sizeof row, "11/20/2026,%02d:%02d:00,10.00,10.00,T%02d,Anna,Payment,EUR\n", 9 + i / 6,
                  i % 6 * 10, i);
    sales += row;
  }
  const auto export_file = write_temp("covered-span.csv", sales);
  REQUIRE(run_footfall("store set time_zone UTC --db " + db).exit_code == 0);
  const auto imported = run_footfall("import " + export_file.string() + " --currency EUR --db " + db);
  REQUIRE_MESSAGE(imported.exit_code == 0, imported.output);
  const auto counted =
      run_footfall("count " + clip.string() + " --seconds 20 --start 2026-11-20T13:00:00Z --db " + db);
  REQUIRE_MESSAGE(counted.exit_code == 0, counted.output);

  const auto report = run_footfall("report day 2026-11-20 --format json --db " + db);
  REQUIRE(report.exit_code == 0);
  const auto day = nlohmann::json::parse(report.output);
  CHECK(day["visitors"].get<int>() > 0);
  CHECK(day["buyers"] == 60);
  CHECK(day["partial"] == true);
  CHECK(day["covered_minutes"].get<int>() <= 1);  // 20 seconds
  REQUIRE(!day["conversion"].is_null());
  CHECK(day["conversion"].get<double>() <= 1.0);  // not 60 buyers over a handful of visitors
  CHECK(day["hours"][13]["covered_minutes"].get<int>() <= 1);
  CHECK(day["hours"][10]["camera_down"] == true);
}
