#pragma once
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>

#include "config/config.hpp"
#include "footfall/data/store/store.hpp"
#include "kiosk/figures_worker.hpp"
#include "kiosk/kiosk_context.hpp"

namespace footfall::app {

class CameraWorker;

// Saves what the settings screen and the first-run set-up ask for: the config-file settings (camera,
// import folder, language, line, PIN) and the store's profile, shifts and roster. It checks again what
// the screens checked, and runs every save on the figures thread's connection; the outcome reaches
// the screen as SettingsView::status.
class SettingsWorker {
 public:
  SettingsWorker(KioskContext& context, AppConfig config, FiguresRequests& figures, CameraWorker& camera);

  // Where the config-file settings are written, keeping the other keys of `base`. Empty target:
  // kept in memory (the demo), said on screen.
  void set_config_file(std::filesystem::path target, std::filesystem::path base);

  // Any thread; the work is queued to the figures thread.
  void save(const ui::SettingsEdit& edit);
  void complete_setup(const ui::StoreSetup& setup);
  void set_language(const std::string& language);
  void set_line(const vision::CountingLine& line);
  void add_roster_today(const std::string& seller, int start_minutes, int end_minutes);
  void remove_roster(const ui::RosterView& entry);

  // Any thread.
  void publish_config_settings();
  [[nodiscard]] std::filesystem::path watch_folder();

  // Figures thread, at each refresh: the store's side of the settings screen.
  void publish_store_settings(data::Store& store, const data::StoreSettings& settings,
                              const std::string& today);

 private:
  void post(FiguresRequests::StoreTask task);  // a task that throws reports Failed
  void save_now(data::Store& store, const ui::SettingsEdit& edit);
  void complete_setup_now(data::Store& store, const ui::StoreSetup& setup);
  void save_config_file();  // throws
  void report_status(ui::SettingsStatus status, const std::string& detail);

  KioskContext& context_;
  FiguresRequests& figures_;
  CameraWorker& camera_;
  std::mutex config_mutex_;  // config_'s kiosk-editable fields and the file paths
  AppConfig config_;
  std::filesystem::path config_target_;
  std::filesystem::path config_base_;
  std::uint64_t status_version_ = 0;  // figures thread only
};

}  // namespace footfall::app
