#include "kiosk/housekeeping.hpp"

#include <exception>

#include "counting/counting_loop.hpp"
#include "footfall/data/store/backup.hpp"
#include "kiosk/camera_worker.hpp"

namespace footfall::app {
namespace {

constexpr std::int64_t kHeartbeatFreshness = 10'000;
constexpr auto kMailRetryPause = std::chrono::minutes(15);

}  // namespace

Housekeeping::Housekeeping(KioskContext& context, const AppConfig& config, CameraWorker& camera)
    : context_(context), camera_(camera) {
  reports_.folder =
      config.reports_folder.empty() ? config.database.parent_path() / "reports" : config.reports_folder;
  reports_.command = config.reports_command;
  reports_.mail = config.report_mail;
}

// The kiosk was off, or killed: the time since the camera was last seen is a gap, never zero visitors.
void Housekeeping::record_downtime_since_last_run(data::Store& store) {
  if (downtime_recorded_) return;
  downtime_recorded_ = true;
  record_downtime(store, camera_.door(), context_.now_ms(), kHeartbeatFreshness, "kiosk not running");
}

void Housekeeping::record_camera_heartbeat(data::Store& store, std::int64_t now) {
  if (const std::int64_t frame_ms = camera_.last_frame_ms();
      frame_ms > 0 && now - frame_ms < kHeartbeatFreshness) {
    try {
      store.set_camera_up(camera_.door(), frame_ms);
    } catch (const std::exception&) {
      // A full or read-only disk: the writer's banner says so; the figures can still be read.
    }
  }
}

void Housekeeping::write_end_of_day_reports(data::Store& store, std::int64_t now) {
  const auto steady_now = std::chrono::steady_clock::now();
  if (steady_now < next_report_check_) return;
  next_report_check_ = steady_now + std::chrono::minutes(1);
  std::string failure;
  try {
    (void)write_due_reports(store, reports_, now);
    // A mail server that is down costs a timeout on this thread, so it is asked again only after a pause.
    if (steady_now >= next_mail_attempt_) {
      next_mail_attempt_ = steady_now + kMailRetryPause;
      (void)send_pending_report_mail(reports_);
      next_mail_attempt_ = steady_now;
    }
  } catch (const std::exception& error) {
    failure = error.what();
  }
  context_.hub.update([&](ui::KioskSnapshot& snapshot) {
    ui::set_warning(snapshot.warnings, ui::WarningSource::Reports, failure);
  });
}

void Housekeeping::back_up_once_a_day(const std::string& today) {
  if (today == last_backup_day_) return;
  last_backup_day_ = today;
  try {
    data::daily_backup(context_.database, backups_folder(context_.database), today);
  } catch (const std::exception& error) {
    last_backup_day_.clear();  // try again at the next refresh
    context_.hub.update([&](ui::KioskSnapshot& snapshot) {
      ui::set_warning(snapshot.warnings, ui::WarningSource::Backup, error.what());
    });
  }
}

}  // namespace footfall::app
