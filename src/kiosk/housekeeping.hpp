#pragma once
#include <chrono>
#include <cstdint>
#include <string>

#include "config/config.hpp"
#include "footfall/data/store/store.hpp"
#include "kiosk/end_of_day.hpp"
#include "kiosk/kiosk_context.hpp"

namespace footfall::app {

class CameraWorker;

// The kiosk's chores, done by the figures thread around each refresh: the time the kiosk was off
// as a camera gap, the camera's heartbeat, the day's backup and the end-of-day reports. A failed
// backup, report or report e-mail shows as its own warning on the status bar. Figures thread only.
class Housekeeping {
 public:
  Housekeeping(KioskContext& context, const AppConfig& config, CameraWorker& camera);

  // Once per run, on the first connection: the time since the camera was last seen is a gap.
  void record_downtime_since_last_run(data::Store& store);
  void record_camera_heartbeat(data::Store& store, std::int64_t now);
  void write_end_of_day_reports(data::Store& store, std::int64_t now);  // checks once a minute
  void back_up_once_a_day(const std::string& today);                    // retried until it works

 private:
  KioskContext& context_;
  CameraWorker& camera_;
  EndOfDayOptions reports_;
  std::chrono::steady_clock::time_point next_report_check_{};
  std::chrono::steady_clock::time_point next_mail_attempt_{};  // at start at once: a failed send is retried
  bool downtime_recorded_ = false;
  std::string last_backup_day_;
};

}  // namespace footfall::app
