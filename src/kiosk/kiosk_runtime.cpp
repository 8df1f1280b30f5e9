#include "kiosk/kiosk_runtime.hpp"

#include <utility>

#include "footfall/data/store/settings_queries.hpp"
#include "kiosk/line_view.hpp"

namespace footfall::app {

KioskRuntime::KioskRuntime(AppConfig config, CountingSetup camera, ui::SnapshotHub& hub,
                           std::int64_t clock_offset_ms)
    : context_(hub, config.database, clock_offset_ms),
      chain_(context_, config.chain),
      camera_(context_, std::move(camera), [this] { figures_requests_.request_refresh(); }),
      housekeeping_(context_, config, camera_),
      settings_(context_, std::move(config), figures_requests_, camera_),
      figures_(context_, figures_requests_, settings_, housekeeping_),
      importer_(
          context_, [this] { return settings_.watch_folder(); },
          [this] { figures_requests_.request_refresh(); }) {}

KioskRuntime::~KioskRuntime() { stop(); }

void KioskRuntime::set_config_file(std::filesystem::path target, std::filesystem::path base) {
  settings_.set_config_file(std::move(target), std::move(base));
}

void KioskRuntime::start() {
  settings_.publish_config_settings();
  camera_.start();
  figures_.start();
  importer_.start();
  chain_.start();
}

void KioskRuntime::stop() {
  if (context_.stop_requested.exchange(true)) return;
  camera_.stop_loop();
  figures_requests_.wake_all();
  importer_.wake_all();
  chain_.wake_all();
  camera_.join();
  figures_.join();
  importer_.join();
  chain_.join();
}

// The screen's requests, each handed to the worker that does it.
ui::KioskIntents KioskRuntime::intents() {
  ui::KioskIntents intents;
  intents.import_file = [this](const std::string& path, const std::string& profile) {
    importer_.enqueue(path, profile);
  };
  intents.set_line = [this](const ui::LineView& line) { settings_.set_line(to_counting_line(line)); };
  intents.set_language = [this](const std::string& language) { settings_.set_language(language); };
  intents.save_settings = [this](const ui::SettingsEdit& edit) { settings_.save(edit); };
  intents.is_time_zone = [](const std::string& zone) { return data::is_time_zone(zone); };
  intents.add_roster_today = [this](const std::string& seller, int start_minutes, int end_minutes) {
    settings_.add_roster_today(seller, start_minutes, end_minutes);
  };
  intents.remove_roster = [this](const ui::RosterView& entry) { settings_.remove_roster(entry); };
  intents.start_audit = [this](double seconds, const std::string& folder) {
    camera_.audit().request(
        seconds, folder.empty() ? default_audit_folder(context_.database) : std::filesystem::path(folder));
  };
  intents.stop_audit = [this] { camera_.audit().cancel(); };
  intents.complete_setup = [this](const ui::StoreSetup& setup) { settings_.complete_setup(setup); };
  return intents;
}

}  // namespace footfall::app
