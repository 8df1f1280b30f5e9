#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "config/config.hpp"
#include "footfall/data/store/store.hpp"
#include "footfall/ui/admin_pin.hpp"
#include "kiosk/kiosk_runtime.hpp"

namespace app = footfall::app;
namespace ui = footfall::ui;
namespace fs = std::filesystem;

namespace {

// Waits (at most a minute, so a broken runtime fails instead of hanging) until `done` holds.
bool wait_for(const ui::SnapshotHub& hub, const std::function<bool(const ui::KioskSnapshot&)>& done) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (std::chrono::steady_clock::now() < give_up) {
    if (done(hub.latest())) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

struct RuntimeFixture {
  fs::path folder = fs::temp_directory_path() / ("footfall-runtime-" + std::to_string(getpid()));
  fs::path config_file = folder / "config.toml";
  ui::SnapshotHub hub;
  std::unique_ptr<app::KioskRuntime> runtime;

  explicit RuntimeFixture(double camera_seconds = 1.0,
                          const std::string& kiosk_section = "admin_pin_hash = \"kept\"\n") {
    fs::remove_all(folder);
    fs::create_directories(folder);
    std::ofstream(config_file) << "[camera]\nsource = \"synthetic\"\n\n[kiosk]\n" << kiosk_section;
    app::AppConfig config = app::load_config(config_file);
    config.database = folder / "kiosk.db";
    app::CountingSetup camera;
    camera.camera = config.camera;
    camera.max_seconds = camera_seconds;  // the synthetic door runs this long, then waits for settings
    runtime = std::make_unique<app::KioskRuntime>(config, camera, hub);
    runtime->set_config_file(config_file, config_file);
    runtime->start();
  }
  ~RuntimeFixture() {
    runtime->stop();
    fs::remove_all(folder);
  }
  RuntimeFixture(const RuntimeFixture&) = delete;
  RuntimeFixture& operator=(const RuntimeFixture&) = delete;

  std::uint64_t status_version() const { return hub.latest().settings.status_version; }
  bool wait_for_status_after(std::uint64_t version) {
    return wait_for(hub, [version](const ui::KioskSnapshot& snapshot) {
      return snapshot.settings.status_version > version;
    });
  }
};

ui::SettingsEdit good_edit(const fs::path& folder) {
  ui::SettingsEdit edit;
  edit.camera_source = "synthetic";
  edit.store_name = "Test shop";
  edit.detector = "background";
  edit.door = "side";
  edit.watch_folder = (folder / "drop").string();
  edit.time_zone = "Europe/Paris";
  edit.cutoff_minutes = 120;
  edit.shifts = {ui::ShiftView{"Morning", 0x1F, 9 * 60, 14 * 60}};
  return edit;
}

}  // namespace

TEST_CASE("settings saved from the kiosk reach the config file and the database") {
  RuntimeFixture fixture;
  const auto intents = fixture.runtime->intents();
  REQUIRE(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) { return snapshot.settings.loaded; }));
  CHECK(fixture.hub.latest().settings.config_path == fixture.config_file.string());

  const auto before = fixture.status_version();
  intents.save_settings(good_edit(fixture.folder));
  REQUIRE(fixture.wait_for_status_after(before));
  const auto saved = fixture.hub.latest().settings;
  CHECK(saved.status == ui::SettingsStatus::Saved);
  CHECK(saved.status_detail.empty());

  const app::AppConfig config = app::load_config(fixture.config_file);
  CHECK(config.camera.door == "side");
  CHECK(config.camera.detector == "background");
  CHECK(config.watch_folder == fixture.folder / "drop");
  CHECK(config.admin_pin_hash == "kept");
  CHECK((fs::status(fixture.config_file).permissions() & fs::perms::others_read) == fs::perms::none);

  footfall::data::Store store((fixture.folder / "kiosk.db").string());
  CHECK(store.settings().time_zone == "Europe/Paris");
  CHECK(store.settings().cutoff_minutes == 120);
  REQUIRE(store.shifts().size() == 1);
  CHECK(store.shifts().front().weekday_mask == 0x1F);
  // The snapshot shows the new values back to the settings screen.
  CHECK(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) {
    return snapshot.settings.door == "side" && snapshot.settings.cutoff_minutes == 120 &&
           snapshot.settings.shifts.size() == 1;
  }));
}

TEST_CASE("the runtime refuses an unknown zone even if the screen let it through, and changes nothing") {
  RuntimeFixture fixture;
  const auto intents = fixture.runtime->intents();
  auto edit = good_edit(fixture.folder);
  edit.time_zone = "Mars/Olympus_Mons";
  const auto before = fixture.status_version();
  intents.save_settings(edit);
  REQUIRE(fixture.wait_for_status_after(before));
  const auto status = fixture.hub.latest().settings;
  CHECK(status.status == ui::SettingsStatus::Failed);
  CHECK(status.status_detail.find("Mars/Olympus_Mons") != std::string::npos);
  CHECK(app::load_config(fixture.config_file).camera.door == "main");
  footfall::data::Store store((fixture.folder / "kiosk.db").string());
  CHECK(store.settings().time_zone == "UTC");
  CHECK(intents.is_time_zone("Europe/Moscow"));
  CHECK_FALSE(intents.is_time_zone("Mars/Olympus_Mons"));
}

TEST_CASE("the runtime refuses a store profile the screens would refuse, and changes nothing") {
  RuntimeFixture fixture;
  const auto intents = fixture.runtime->intents();
  for (const auto& [spoil, expected] :
       std::vector<std::pair<std::function<void(ui::SettingsEdit&)>, std::string>>{
           // The screen's own words (settings_rules.hpp): one set of rules, one wording.
           {[](ui::SettingsEdit& edit) { edit.store_name.clear(); }, "Give the shop a name"},
           {[](ui::SettingsEdit& edit) { edit.currency = "euro"; }, "three letters"},
           {[](ui::SettingsEdit& edit) {
              edit.opening_hours[2].close_minutes = edit.opening_hours[2].open_minutes;
            },
            "closing after opening"},
           // The screen always refused a shift on no day; the runtime now refuses it too.
           {[](ui::SettingsEdit& edit) {
              edit.shifts = {{"Matin", 0, 9 * 60, 14 * 60}};
            },
            "“Matin” has no day"}}) {
    CAPTURE(expected);
    auto edit = good_edit(fixture.folder);
    spoil(edit);
    const auto before = fixture.status_version();
    intents.save_settings(edit);
    REQUIRE(fixture.wait_for_status_after(before));
    const auto status = fixture.hub.latest().settings;
    CHECK(status.status == ui::SettingsStatus::Failed);
    CHECK(status.status_detail.find(expected) != std::string::npos);
  }
  footfall::data::Store store((fixture.folder / "kiosk.db").string());
  CHECK(store.settings().name == footfall::data::StoreSettings{}.name);  // untouched
  CHECK(store.settings().time_zone == "UTC");
}

TEST_CASE("a roster entry added for today shows in the settings and can be removed") {
  RuntimeFixture fixture;
  const auto intents = fixture.runtime->intents();
  auto before = fixture.status_version();
  intents.add_roster_today("Anna", 10 * 60, 12 * 60);
  REQUIRE(fixture.wait_for_status_after(before));
  CHECK(fixture.hub.latest().settings.status == ui::SettingsStatus::Saved);
  ui::RosterView entry;
  REQUIRE(wait_for(fixture.hub, [&entry](const ui::KioskSnapshot& snapshot) {
    if (snapshot.settings.roster_today.empty()) return false;
    entry = snapshot.settings.roster_today.front();
    return true;
  }));
  CHECK(entry.seller == "Anna");
  CHECK(entry.start_minutes == 10 * 60);
  CHECK(entry.end_minutes == 12 * 60);
  CHECK(entry.end_ms - entry.start_ms == 2 * 3'600'000);
  CHECK(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) {
    return std::find(snapshot.settings.sellers.begin(), snapshot.settings.sellers.end(), "Anna") !=
           snapshot.settings.sellers.end();
  }));

  before = fixture.status_version();
  intents.remove_roster(entry);
  REQUIRE(fixture.wait_for_status_after(before));
  CHECK(wait_for(fixture.hub,
                 [](const ui::KioskSnapshot& snapshot) { return snapshot.settings.roster_today.empty(); }));
}

TEST_CASE("a camera source change restarts the camera without restarting the kiosk") {
  RuntimeFixture fixture;
  const auto intents = fixture.runtime->intents();
  // The one-second synthetic run ends; the camera thread then waits for new settings.
  REQUIRE(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) {
    return snapshot.camera && snapshot.camera->state == ui::CameraState::Down;
  }));
  auto edit = good_edit(fixture.folder);
  edit.camera_source = "synthetic:2";
  const auto before = fixture.status_version();
  intents.save_settings(edit);
  REQUIRE(fixture.wait_for_status_after(before));
  CHECK(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) {
    return snapshot.camera && snapshot.camera->state == ui::CameraState::Down &&
           snapshot.camera->message.find("synthetic:2") != std::string::npos;
  }));
  CHECK(app::load_config(fixture.config_file).camera.source == "synthetic:2");
}

TEST_CASE("a dropped file's preview and result reach the import panel as numbers") {
  const fs::path file = fs::path(FOOTFALL_SHARED_DIR) / "testdata" / "pos" / "square_items_2026-07.csv";
  if (!fs::exists(file)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  RuntimeFixture fixture;
  fixture.runtime->intents().import_file(file.string(), "auto");
  REQUIRE(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) {
    return snapshot.import.has_outcome && !snapshot.import.running;
  }));
  const ui::ImportView import = fixture.hub.latest().import;
  CHECK(import.profile == "square-items");
  CHECK(import.outcome.imported);
  CHECK(import.outcome.transactions == 200);
  CHECK(import.outcome.rows == 322);
  CHECK(import.preview.size() == 5);
  CHECK(import.lines.empty());
  CHECK(import.outcome.store_currency_set == "USD");  // a new store takes its first export's currency
}

TEST_CASE("files in the watch folder set on the settings screen are imported and listed with their outcome") {
  const fs::path file = fs::path(FOOTFALL_SHARED_DIR) / "testdata" / "pos" / "square_items_2026-07.csv";
  if (!fs::exists(file)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  RuntimeFixture fixture;
  const fs::path drop = fixture.folder / "drop";
  fs::create_directories(drop);
  fs::copy_file(file, drop / "square.csv");
  std::ofstream(drop / "garbage.csv") << "nothing,like\na,pos export\n";
  for (const auto& name : {"square.csv", "garbage.csv"}) {
    fs::last_write_time(drop / name, fs::file_time_type::clock::now() - std::chrono::minutes(1));  // settled
  }
  const auto before = fixture.status_version();
  fixture.runtime->intents().save_settings(good_edit(fixture.folder));
  REQUIRE(fixture.wait_for_status_after(before));
  REQUIRE(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) {
    return snapshot.import.watch_folder.size() == 2;
  }));
  const auto outcomes = fixture.hub.latest().import.watch_folder;
  const auto find = [&outcomes](const std::string& name) {
    return *std::find_if(outcomes.begin(), outcomes.end(),
                         [&name](const ui::ImportOutcome& outcome) { return outcome.file == name; });
  };
  const ui::ImportOutcome square = find("square.csv");
  CHECK(square.imported);
  CHECK(square.from_watch_folder);
  CHECK(square.transactions == 200);
  const ui::ImportOutcome garbage = find("garbage.csv");
  CHECK_FALSE(garbage.imported);
  CHECK_FALSE(garbage.first_rejection.empty());
  CHECK(fs::exists(drop / "imported" / "square.csv"));
}

TEST_CASE("an audit clip asked for on the settings screen is written from the camera's frames") {
  RuntimeFixture fixture(6.0);
  const auto intents = fixture.runtime->intents();
  REQUIRE(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) {
    return snapshot.camera && snapshot.camera->state == ui::CameraState::Ok;
  }));
  const fs::path folder = fixture.folder / "audits-chosen";
  intents.start_audit(1.0, folder.string());
  REQUIRE(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) { return snapshot.audit.recording; }));
  REQUIRE(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) {
    return !snapshot.audit.recording && snapshot.audit.frames > 0;
  }));
  const ui::AuditView audit = fixture.hub.latest().audit;
  CHECK(audit.error.empty());
  CHECK(fs::path(audit.clip).parent_path() == folder);
  CHECK(fs::path(audit.clip).filename().string().starts_with("audit-"));
  REQUIRE(fs::exists(audit.clip));
  CHECK(fs::file_size(audit.clip) > 1000);
  // About one second of the synthetic door's 15 frames a second.
  CHECK(audit.frames >= 10);
  CHECK(audit.frames <= 20);
}

TEST_CASE("an audit clip that cannot be written says why, naming the file, and the camera keeps counting") {
  RuntimeFixture fixture(6.0);
  const auto intents = fixture.runtime->intents();
  const fs::path blocker = fixture.folder / "not-a-folder";
  std::ofstream(blocker) << "a file where the folder should be";
  intents.start_audit(1.0, blocker.string());
  REQUIRE(
      wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) { return !snapshot.audit.error.empty(); }));
  const ui::KioskSnapshot snapshot = fixture.hub.latest();
  CHECK(snapshot.audit.error.find("not-a-folder") != std::string::npos);
  CHECK_FALSE(snapshot.audit.recording);
  CHECK(snapshot.camera->state == ui::CameraState::Ok);
}

TEST_CASE("the first-run set-up stores the store's profile and the PIN, and is not asked again") {
  RuntimeFixture fixture(1.0, "");
  const auto intents = fixture.runtime->intents();
  REQUIRE(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) {
    return snapshot.settings.loaded && snapshot.settings.setup_needed;
  }));
  CHECK_FALSE(fixture.hub.latest().settings.system_time_zone.empty());
  ui::StoreSetup setup;
  setup.language = "ru";
  setup.store_name = "Магазин на Тверской";
  setup.time_zone = "Europe/Moscow";
  setup.currency = "RUB";
  setup.opening_hours.fill({10 * 60, 22 * 60, false});
  setup.opening_hours[6].closed = true;
  setup.admin_pin_hash = ui::hash_admin_pin("2468");
  const auto before = fixture.status_version();
  intents.complete_setup(setup);
  REQUIRE(fixture.wait_for_status_after(before));
  CHECK(fixture.hub.latest().settings.status == ui::SettingsStatus::Saved);
  CHECK_FALSE(fixture.hub.latest().settings.setup_needed);
  CHECK(fixture.hub.latest().store_name == "Магазин на Тверской");

  const app::AppConfig saved = app::load_config(fixture.config_file);
  CHECK(saved.admin_pin_hash == setup.admin_pin_hash);
  CHECK(saved.language == "ru");
  footfall::data::Store store((fixture.folder / "kiosk.db").string());
  const auto profile = store.settings();
  CHECK(profile.name == "Магазин на Тверской");
  CHECK(profile.time_zone == "Europe/Moscow");
  CHECK(profile.currency == "RUB");
  CHECK(profile.language == "ru");
  CHECK(profile.opening_hours[0].open_minutes == 600);
  CHECK(profile.opening_hours[0].close_minutes == 1320);
  CHECK_FALSE(profile.opening_hours[5].closed);
  CHECK(profile.opening_hours[6].closed);
}

TEST_CASE(
    "the store's name, hours and currency are edited on the settings screen; sales keep their currency") {
  RuntimeFixture fixture;
  const auto intents = fixture.runtime->intents();
  auto edit = good_edit(fixture.folder);
  edit.store_name = "Boutique Rivoli";
  edit.currency = "CHF";
  edit.opening_hours.fill({10 * 60, 18 * 60 + 30, false});
  auto before = fixture.status_version();
  intents.save_settings(edit);
  REQUIRE(fixture.wait_for_status_after(before));
  REQUIRE(fixture.hub.latest().settings.status == ui::SettingsStatus::Saved);
  REQUIRE(wait_for(fixture.hub, [](const ui::KioskSnapshot& snapshot) {
    return snapshot.settings.store_name == "Boutique Rivoli" && snapshot.settings.currency == "CHF" &&
           snapshot.settings.opening_hours[3].close_minutes == 18 * 60 + 30;
  }));
  {
    footfall::data::Store store((fixture.folder / "kiosk.db").string());
    footfall::data::Transaction sale;
    sale.source = "till";
    sale.pos_id = "1";
    sale.time_ms = 1'795'424'400'000;
    sale.total = 1250;
    sale.currency = "CHF";
    store.upsert_transaction(sale);
  }
  edit.currency = "EUR";
  before = fixture.status_version();
  intents.save_settings(edit);
  REQUIRE(fixture.wait_for_status_after(before));
  const auto settings = fixture.hub.latest().settings;
  CHECK(settings.status == ui::SettingsStatus::Failed);
  CHECK(settings.status_detail.find("CHF") != std::string::npos);
  CHECK(footfall::data::Store((fixture.folder / "kiosk.db").string()).settings().currency == "CHF");
}
