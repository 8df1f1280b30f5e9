#include <date/tz.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <stdexcept>
#include <string>

#include "commands/commands.hpp"
#include "config/config.hpp"
#include "footfall/data/fixtures/history.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/pos/import.hpp"
#include "footfall/data/store/backup.hpp"
#include "footfall/data/store/store.hpp"
#include "footfall/ui/admin_pin.hpp"
#include "footfall/ui/kiosk_app.hpp"
#include "footfall/ui/snapshot.hpp"
#include "kiosk/kiosk_runtime.hpp"
#include "time/dates.hpp"

namespace footfall::app {
namespace {

// On a terminal the person starting the kiosk chooses; started by systemd, nobody can answer.
bool ask_to_restore(const std::string& damaged, const std::string& backup) {
  if (isatty(STDIN_FILENO) == 0) return false;
  std::cerr << damaged << ".\nRestore the newest backup, " << backup << ", and start? [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "y" || answer == "Y" || answer == "yes";
}

// The demo shows an open shop at any hour: outside 10:00-19:30 in the demo's zone it runs on a
// clock set to 16:30 of the same local day. Returns the offset to add to the wall clock.
std::int64_t demo_clock_offset_ms(std::int64_t wall_ms) {
  const auto zone = date::locate_zone(data::demo_settings().time_zone);
  const date::sys_time<std::chrono::milliseconds> wall{std::chrono::milliseconds(wall_ms)};
  const auto local = zone->to_local(wall);
  const auto midnight = date::floor<date::days>(local);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - midnight).count();
  if (minutes >= 10LL * 60 && minutes < 19LL * 60 + 30) return 0;
  const auto afternoon = zone->to_sys(midnight + std::chrono::hours(16) + std::chrono::minutes(30));
  return std::chrono::duration_cast<std::chrono::milliseconds>(afternoon - wall).count();
}

// A fresh demo database: four weeks of history, today's sales from the bundled file, and the
// synthetic door as the live camera.
std::filesystem::path prepare_demo_database(const std::string& requested, std::int64_t now,
                                            const std::string& language) {
  std::filesystem::path path = requested;
  if (path.empty()) {
    path = std::filesystem::temp_directory_path() / ("footfall-demo-" + std::to_string(getuid()) + ".db");
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  data::Store store(path.string());
  const auto today = data::business_date_of(data::demo_settings(), now);
  data::seed_demo_day(store, today, now, language);
  data::ImportOptions options;
  options.profile = "generic";
  options.profile_file = assets_dir() / "demo" / "sales-profile.toml";
  options.default_date = today;
  data::import_pos_file(store, assets_dir() / "demo" / "sales.csv", options);
  return path;
}

}  // namespace

int run_kiosk_command(const KioskCommand& command) {
  if (command.set_pin) {
    std::string pin;
    std::getline(std::cin, pin);
    if (pin.size() < 4 || pin.find_first_not_of("0123456789") != std::string::npos) {
      throw std::runtime_error("--set-pin: the PIN must be at least 4 digits");
    }
    std::cout << "admin_pin_hash = \"" << ui::hash_admin_pin(pin)
              << "\"   # put this under [kiosk] in the config\n";
    return 0;
  }
  AppConfig config = resolve_config(command.demo ? "" : command.common.config, command.common.db);
  const std::int64_t started_ms = wall_clock_ms();
  const std::int64_t clock_offset = command.demo ? demo_clock_offset_ms(started_ms) : 0;
  if (command.demo) {
    const std::string language = command.language.empty() ? config.language : command.language;
    config.database = prepare_demo_database(command.common.db, started_ms + clock_offset, language);
  }
  if (std::filesystem::exists(config.database)) {
    if (const auto findings = data::check_database(config.database); !findings.empty()) {
      const auto backups = data::list_backups(backups_folder(config.database));
      const std::string damaged = config.database.string() + " is damaged (" + findings + ")";
      if (backups.empty()) {
        throw std::runtime_error(damaged + "; nothing was changed. No backup was found in " +
                                 backups_folder(config.database).string());
      }
      const std::string newest = backups.front().string();
      if (!command.restore_if_damaged && !ask_to_restore(damaged, newest)) {
        throw std::runtime_error(damaged + "; nothing was changed. Restore the last backup (" +
                                 backups.front().filename().string() + ") with: footfall restore --db " +
                                 config.database.string() + ", or start with --restore-if-damaged");
      }
      data::restore_database(backups.front(), config.database);
      std::cerr << "footfall: " << damaged << "; restored it from " << newest
                << " (counts since that backup are not in it)\n";
    }
  }

  CountingSetup camera;
  camera.camera = config.camera;
  if (command.demo) camera.camera.source = "synthetic";
  if (!command.source.empty()) camera.camera.source = command.source;

  ui::KioskOptions options;
  options.fullscreen = (config.fullscreen || command.fullscreen) && !command.windowed;
  options.language = command.language.empty() ? config.language : command.language;
  options.screenshot_path = command.screenshot;
  options.screenshot_after_s = command.after_s;
  options.admin_pin_hash = config.admin_pin_hash;
  options.open_screen = command.screen;

  ui::SnapshotHub hub;
  KioskRuntime runtime(config, camera, hub, clock_offset);
  if (!command.demo) {
    // The settings screen writes to the file the kiosk was started with; without --config, to the
    // user's own config, which is read from then on. The demo keeps its settings in memory.
    const std::filesystem::path named = command.common.config;
    const auto user = user_config_path();
    const auto base = !named.empty()                  ? named
                      : std::filesystem::exists(user) ? user
                                                      : assets_dir() / "config.toml";
    runtime.set_config_file(named.empty() ? user : named, base);
  }
  runtime.start();
  const ui::KioskIntents intents = runtime.intents();
  if (!command.import_file.empty()) intents.import_file(command.import_file, "auto");
  const int status = ui::run_kiosk(options, hub, intents);
  runtime.stop();
  if (command.demo && command.common.db.empty()) {
    std::cerr << "footfall: the demo database was " << config.database.string() << "\n";
  }
  return status;
}

}  // namespace footfall::app
