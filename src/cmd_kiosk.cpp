#include "commands.hpp"
#include "config.hpp"
#include "kiosk_runtime.hpp"

#include "footfall/data/history.hpp"
#include "footfall/data/metrics.hpp"
#include "footfall/data/pos_import.hpp"
#include "footfall/data/store.hpp"
#include "footfall/ui/snapshot.hpp"

#include <unistd.h>

#include <chrono>
#include <iostream>

namespace footfall::app {
namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A fresh demo database: four weeks of history, today's sales from the bundled file, and the
// synthetic door as the live camera.
std::filesystem::path prepare_demo_database(const std::string& requested) {
  std::filesystem::path path = requested;
  if (path.empty()) {
    path = std::filesystem::temp_directory_path() / ("footfall-demo-" + std::to_string(getuid()) + ".db");
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  data::Store store(path.string());
  const std::int64_t now = now_ms();
  const auto today = data::business_date_of(data::demo_settings(), now);
  data::seed_demo_day(store, today, now);
  data::ImportOptions options;
  options.profile = "generic";
  options.profile_file = assets_dir() / "demo" / "sales-profile.toml";
  options.default_date = today;
  data::import_pos_file(store, assets_dir() / "demo" / "sales.csv", options);
  return path;
}

}  // namespace

int run_kiosk_command(const KioskCommand& command) {
  AppConfig config = resolve_config(command.demo ? "" : command.common.config, command.common.db);
  if (command.demo) config.database = prepare_demo_database(command.common.db);

  CountingSetup camera;
  camera.camera = config.camera;
  if (command.demo) {
    camera.camera.source = "synthetic";
    camera.source_options.realtime = true;
  }
  if (!command.source.empty()) camera.camera.source = command.source;
  if (camera.camera.source.starts_with("synthetic")) camera.source_options.realtime = true;

  ui::KioskOptions options;
  options.fullscreen = (config.fullscreen || command.fullscreen) && !command.windowed;
  options.language = command.language.empty() ? config.language : command.language;
  options.screenshot_path = command.screenshot;
  options.screenshot_after_s = command.after_s;
  options.admin_pin_hash = config.admin_pin_hash;

  ui::SnapshotHub hub;
  KioskRuntime runtime(config, camera, hub);
  runtime.start();
  const int status = ui::run_kiosk(options, hub, runtime.intents());
  runtime.stop();
  if (command.demo && command.common.db.empty()) {
    std::cerr << "footfall: the demo database was " << config.database.string() << "\n";
  }
  return status;
}

}  // namespace footfall::app
