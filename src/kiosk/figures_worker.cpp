#include "kiosk/figures_worker.hpp"

#include <memory>
#include <string>

#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/metrics/occupancy.hpp"
#include "kiosk/housekeeping.hpp"
#include "kiosk/settings_worker.hpp"
#include "time/dates.hpp"

namespace footfall::app {
namespace {

constexpr auto kFiguresRefreshInterval = std::chrono::seconds(2);

}  // namespace

void FiguresRequests::post(StoreTask task) {
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
    refresh_requested_ = true;
  }
  signal_.notify_one();
}

void FiguresRequests::request_refresh() {
  {
    std::lock_guard lock(mutex_);
    refresh_requested_ = true;
  }
  signal_.notify_one();
}

std::deque<FiguresRequests::StoreTask> FiguresRequests::wait(std::chrono::milliseconds interval,
                                                             const std::atomic<bool>& stopping) {
  std::deque<StoreTask> tasks;
  std::unique_lock lock(mutex_);
  signal_.wait_for(lock, interval, [&] { return refresh_requested_ || stopping.load(); });
  refresh_requested_ = false;
  tasks.swap(tasks_);
  return tasks;
}

void FiguresRequests::wake_all() { signal_.notify_all(); }

FiguresWorker::FiguresWorker(KioskContext& context, FiguresRequests& requests, SettingsWorker& settings,
                             Housekeeping& housekeeping)
    : context_(context), requests_(requests), settings_(settings), housekeeping_(housekeeping) {}

void FiguresWorker::start() {
  thread_ = std::thread([this] { run(); });
}

void FiguresWorker::join() {
  if (thread_.joinable()) thread_.join();
}

void FiguresWorker::run() {
  std::unique_ptr<data::Store> store;
  while (!context_.stopping()) {
    auto tasks = requests_.wait(kFiguresRefreshInterval, context_.stop_requested);
    if (context_.stopping()) break;
    try {
      if (!store) {
        store = std::make_unique<data::Store>(context_.database.string());
        housekeeping_.record_downtime_since_last_run(*store);
      }
      for (auto& task : tasks) task(*store);
      refresh(*store);
    } catch (const std::exception& error) {
      store.reset();  // reopen next time: the file may have been replaced or fixed
      context_.report_error("figures", error.what());
    }
  }
}

void FiguresWorker::refresh(data::Store& store) {
  const std::int64_t now = context_.now_ms();
  housekeeping_.record_camera_heartbeat(store, now);
  const data::StoreSettings settings = store.settings();
  const std::string today = data::business_date_of(settings, now);
  auto summary = std::make_shared<data::DaySummary>(data::day_summary(store, today, now));
  auto last_week = std::make_shared<data::DaySummary>(data::day_summary(store, shift_iso_date(today, -7)));
  const std::int64_t inside_now = data::occupancy_at(store, settings, now);
  auto contest = std::make_shared<data::SellerContest>(data::seller_contest(store, "week", today));
  context_.hub.update([&](ui::KioskSnapshot& snapshot) {
    snapshot.store_name = settings.name;
    snapshot.time_zone = settings.time_zone;
    snapshot.clock_offset_ms = context_.clock_offset_ms;
    snapshot.currency = settings.currency;
    snapshot.now_ms = now;
    snapshot.occupancy = inside_now;
    snapshot.contest = std::move(contest);
    snapshot.worker_error.clear();
  });
  context_.hub.publish_figures(std::move(summary), std::move(last_week));
  settings_.publish_store_settings(store, settings, today);
  housekeeping_.write_end_of_day_reports(store, now);
  housekeeping_.back_up_once_a_day(today);
}

}  // namespace footfall::app
