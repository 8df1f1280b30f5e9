#pragma once
#include <cstdint>
#include <filesystem>

#include "config/config.hpp"
#include "counting/counting_loop.hpp"
#include "footfall/ui/snapshot.hpp"
#include "kiosk/camera_worker.hpp"
#include "kiosk/chain_worker.hpp"
#include "kiosk/figures_worker.hpp"
#include "kiosk/housekeeping.hpp"
#include "kiosk/import_worker.hpp"
#include "kiosk/kiosk_context.hpp"
#include "kiosk/settings_worker.hpp"

namespace footfall::app {

// The kiosk behind the screen: three threads, each with its own SQLite connection, that only
// publish snapshots to the hub the UI thread draws. A worker's fault becomes text on the screen.
//   camera thread   CameraWorker    frames -> counter -> count events, the camera view, audit clips
//   figures thread  FiguresWorker   today's figures; runs the SettingsWorker's saves and the Housekeeping
//   import thread   ImportWorker    dropped files and the watch folder
//   chain thread    ChainWorker     the sync to the chain's central PostgreSQL, when [chain] names one
class KioskRuntime {
 public:
  // clock_offset_ms shifts the kiosk's "now"; only the demo uses it, to show an open shop at any hour.
  KioskRuntime(AppConfig config, CountingSetup camera, ui::SnapshotHub& hub,
               std::int64_t clock_offset_ms = 0);
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
  KioskContext context_;
  ChainWorker chain_;  // before settings_, which takes the config
  FiguresRequests figures_requests_;
  CameraWorker camera_;
  Housekeeping housekeeping_;
  SettingsWorker settings_;
  FiguresWorker figures_;
  ImportWorker importer_;
};

}  // namespace footfall::app
