#pragma once
#include "audit_recorder.hpp"
#include "config.hpp"
#include "counting_loop.hpp"

#include "footfall/data/store/count_writer.hpp"
#include "footfall/data/pos/import.hpp"
#include "footfall/data/store/store.hpp"
#include "footfall/ui/snapshot.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace footfall::app {

// The kiosk's worker threads. Each owns its own SQLite connection; all of them only publish
// snapshots to the hub, which the UI thread draws. A worker's fault becomes text on the screen.
class KioskRuntime {
 public:
  // clock_offset_ms shifts the kiosk's "now"; only the demo uses it, to show an open shop at any hour.
  KioskRuntime(AppConfig config, CountingSetup camera, ui::SnapshotHub& hub, std::int64_t clock_offset_ms = 0);
  ~KioskRuntime();
  KioskRuntime(const KioskRuntime&) = delete;
  KioskRuntime& operator=(const KioskRuntime&) = delete;
  KioskRuntime(KioskRuntime&&) = delete;
  KioskRuntime& operator=(KioskRuntime&&) = delete;

  // Where the settings screen writes the config-file settings (camera, import folder, language,
  // line), keeping the other keys of `base`. Empty target: kept in memory (the demo), said on screen.
  void set_config_file(std::filesystem::path target, std::filesystem::path base);

  void start();
  void stop();
  [[nodiscard]] ui::KioskIntents intents();

 private:
  using StoreTask = std::function<void(data::Store&)>;
  void camera_thread();
  void run_camera_once();
  void restart_camera();
  void post_store_task(StoreTask task);  // run by the figures thread, on its own connection
  void save_settings(data::Store& store, const ui::SettingsEdit& edit);
  void complete_setup(data::Store& store, const ui::StoreSetup& setup);
  void save_config_file();  // throws
  void report_settings_status(ui::SettingsStatus status, const std::string& detail);
  void publish_config_settings();
  void publish_store_settings(data::Store& store, const data::StoreSettings& settings, const std::string& today);
  void import_one(data::Store& store, const std::filesystem::path& file);
  void note_watch_folder_results(const std::vector<data::ImportResult>& results);
  [[nodiscard]] std::string current_door();
  void metrics_thread();
  void import_thread();
  void record_downtime_since_last_run(data::Store& store);
  void write_end_of_day_reports(data::Store& store, std::int64_t now);
  void request_refresh();
  [[nodiscard]] std::int64_t now_ms() const;
  void show_storage_status(const data::CountWriterStatus& status);
  void report_error(const std::string& worker, const std::string& message);

  AppConfig config_;
  CountingSetup camera_setup_;
  ui::SnapshotHub& hub_;
  std::int64_t clock_offset_ms_ = 0;
  std::atomic<bool> stopping_{false};
  CountingLoop* loop_ = nullptr;  // owned by the camera thread while it runs
  std::mutex loop_mutex_;
  std::condition_variable camera_signal_;
  bool camera_restart_ = false;  // guarded by loop_mutex_

  std::mutex config_mutex_;      // config_'s kiosk-editable fields and the file paths
  std::filesystem::path config_target_;
  std::filesystem::path config_base_;
  std::uint64_t settings_status_version_ = 0;

  std::mutex refresh_mutex_;
  std::condition_variable refresh_signal_;
  bool refresh_requested_ = true;
  std::deque<StoreTask> store_tasks_;  // guarded by refresh_mutex_

  std::chrono::steady_clock::time_point next_report_check_{};
  std::atomic<std::int64_t> last_frame_ms_{0};
  bool downtime_recorded_ = false;
  std::string storage_warning_;  // camera thread only
  std::string last_backup_day_;  // once per run, by the figures thread

  std::mutex import_mutex_;
  std::condition_variable import_signal_;
  std::deque<std::filesystem::path> import_queue_;

  AuditRecorder audit_;  // fed by the camera thread; asked for by the settings screen

  std::thread camera_;
  std::thread metrics_;
  std::thread importer_;
};

}  // namespace footfall::app
