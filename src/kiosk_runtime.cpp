#include "kiosk_runtime.hpp"

#include "commands.hpp"
#include "dates.hpp"
#include "end_of_day.hpp"

#include "footfall/data/backup.hpp"
#include "footfall/data/count_writer.hpp"
#include "footfall/data/metrics.hpp"
#include "footfall/data/pos_import.hpp"
#include "footfall/data/store.hpp"

#include <opencv2/imgproc.hpp>

#include <chrono>

namespace footfall::app {
namespace {

ui::Point to_ui(vision::NormPoint point) { return {point.x, point.y}; }

constexpr int kScreenFrameWidth = 640;
constexpr auto kFramePublishInterval = std::chrono::milliseconds(66);
constexpr auto kFiguresRefreshInterval = std::chrono::seconds(2);
constexpr auto kWatchFolderInterval = std::chrono::seconds(5);
constexpr std::int64_t kHeartbeatFreshness = 10'000;

}  // namespace

KioskRuntime::KioskRuntime(AppConfig config, CountingSetup camera, ui::SnapshotHub& hub, std::int64_t clock_offset_ms)
    : config_(std::move(config)), camera_setup_(std::move(camera)), hub_(hub), clock_offset_ms_(clock_offset_ms) {}

std::int64_t KioskRuntime::now_ms() const {
  return wall_clock_ms() + clock_offset_ms_;
}

KioskRuntime::~KioskRuntime() { stop(); }

void KioskRuntime::start() {
  camera_ = std::thread([this] { camera_thread(); });
  metrics_ = std::thread([this] { metrics_thread(); });
  importer_ = std::thread([this] { import_thread(); });
}

void KioskRuntime::stop() {
  if (stopping_.exchange(true)) return;
  {
    std::lock_guard lock(loop_mutex_);
    if (loop_ != nullptr) loop_->stop();
  }
  refresh_signal_.notify_all();
  import_signal_.notify_all();
  for (auto* thread : {&camera_, &metrics_, &importer_}) {
    if (thread->joinable()) thread->join();
  }
}

ui::KioskIntents KioskRuntime::intents() {
  ui::KioskIntents intents;
  intents.import_file = [this](const std::string& path) {
    {
      std::lock_guard lock(import_mutex_);
      import_queue_.emplace_back(path);
    }
    import_signal_.notify_one();
  };
  intents.set_line = [this](ui::Point a, ui::Point b, ui::Point inside) {
    const vision::CountingLine line{{a.x, a.y}, {b.x, b.y}, {inside.x, inside.y}};
    std::lock_guard lock(loop_mutex_);
    camera_setup_.camera.line = line;  // a restarted camera thread keeps it
    if (loop_ != nullptr) loop_->set_line(line);
  };
  return intents;
}

void KioskRuntime::request_refresh() {
  {
    std::lock_guard lock(refresh_mutex_);
    refresh_requested_ = true;
  }
  refresh_signal_.notify_one();
}

// A disk that refuses writes must be seen on the screen; the counts wait in memory meanwhile.
void KioskRuntime::show_storage_status(const data::CountWriterStatus& status) {
  std::string warning;
  if (!status.last_error.empty()) {
    warning = "storage: " + status.last_error + " (" + std::to_string(status.pending) + " counts waiting in memory)";
  }
  if (status.dropped > 0) {
    warning += (warning.empty() ? "storage: " : "; ") + std::to_string(status.dropped) + " counts lost";
  }
  if (warning == storage_warning_) return;
  storage_warning_ = warning;
  hub_.update([&](ui::KioskSnapshot& snapshot) {
    std::erase_if(snapshot.warnings, [](const std::string& w) { return w.starts_with("storage: "); });
    if (!warning.empty()) snapshot.warnings.push_back(warning);
  });
}

void KioskRuntime::report_error(const std::string& worker, const std::string& message) {
  hub_.update([&](ui::KioskSnapshot& snapshot) { snapshot.worker_error = worker + ": " + message; });
}

void KioskRuntime::camera_thread() {
  try {
    data::CountEventWriter writer(config_.database.string());
    std::unique_ptr<data::Store> gap_store;
    CountingLoop loop([this] {
      std::lock_guard lock(loop_mutex_);
      return camera_setup_;
    }());
    {
      std::lock_guard lock(loop_mutex_);
      if (stopping_) return;
      loop_ = &loop;
    }
    auto last_publish = std::chrono::steady_clock::now() - kFramePublishInterval;
    std::int64_t live_in = 0;
    std::int64_t live_out = 0;
    std::int64_t last_crossing_ms = 0;
    bool last_crossing_in = true;
    auto state = ui::CameraState::Starting;
    std::string state_message;

    loop.on_crossing = [&](const vision::Crossing& crossing) {
      writer.push(to_count_event(crossing, camera_setup_.camera.door));
      (crossing.direction == vision::Direction::In ? live_in : live_out)++;
      last_crossing_ms = now_ms();
      last_crossing_in = crossing.direction == vision::Direction::In;
      request_refresh();
    };
    loop.on_gap = [&](std::int64_t start_ms, std::int64_t end_ms, const std::string& reason) {
      if (!gap_store) gap_store = std::make_unique<data::Store>(config_.database.string());
      gap_store->add_camera_gap({camera_setup_.camera.door, start_ms, end_ms, reason});
      request_refresh();
    };
    loop.on_state = [&](const std::string& name, const std::string& message) {
      state = name == "ok" ? ui::CameraState::Ok : name == "frozen" ? ui::CameraState::Frozen : ui::CameraState::Down;
      state_message = message;
      auto view = std::make_shared<ui::CameraView>();
      view->state = state;
      view->message = message;
      view->live_in = live_in;
      view->live_out = live_out;
      hub_.publish_camera(view);
    };
    loop.on_frame = [&](const vision::Frame& frame, const vision::PeopleCounter& counter,
                        const CountingProgress& progress) {
      last_frame_ms_ = now_ms();
      const auto now = std::chrono::steady_clock::now();
      if (now - last_publish < kFramePublishInterval) return;
      last_publish = now;
      auto view = std::make_shared<ui::CameraView>();
      const double scale = static_cast<double>(kScreenFrameWidth) / std::max(1, frame.image.cols);
      cv::Mat small;
      cv::Mat rgba;
      cv::resize(frame.image, small, cv::Size(), scale, scale, cv::INTER_AREA);
      cv::cvtColor(small, rgba, cv::COLOR_BGR2RGBA);
      view->width = rgba.cols;
      view->height = rgba.rows;
      view->rgba.assign(rgba.datastart, rgba.dataend);
      view->sequence = static_cast<std::uint64_t>(frame.index) + 1;
      const auto& line = counter.config().line;
      view->line_a = to_ui(line.a);
      view->line_b = to_ui(line.b);
      view->inside = to_ui(line.inside);
      for (const auto& track : counter.tracks()) {
        view->tracks.push_back({track.id, to_ui(track.top_left), to_ui(track.bottom_right)});
      }
      view->last_crossing_ms = last_crossing_ms;
      view->last_crossing_in = last_crossing_in;
      view->fps = progress.fps;
      view->frame_age_ms = std::max<std::int64_t>(0, now_ms() - frame.timestamp_ms);
      view->state = state == ui::CameraState::Starting ? ui::CameraState::Ok : state;
      view->message = state_message;
      view->live_in = live_in;
      view->live_out = live_out;
      hub_.publish_camera(view);
      show_storage_status(writer.status());
    };
    loop.run();
    {
      std::lock_guard lock(loop_mutex_);
      loop_ = nullptr;
    }
    writer.flush();
    if (!stopping_) {
      auto view = std::make_shared<ui::CameraView>();
      view->state = ui::CameraState::Down;
      view->message = "the camera source ended: " + loop.source_description();
      hub_.publish_camera(view);
    }
  } catch (const std::exception& error) {
    {
      std::lock_guard lock(loop_mutex_);
      loop_ = nullptr;
    }
    auto view = std::make_shared<ui::CameraView>();
    view->state = ui::CameraState::Down;
    view->message = error.what();
    hub_.publish_camera(view);
    report_error("camera", error.what());
  }
}

// The kiosk was off, or killed: the time since the camera was last seen is a gap, never zero visitors.
void KioskRuntime::record_downtime_since_last_run(data::Store& store) {
  if (downtime_recorded_) return;
  downtime_recorded_ = true;
  const auto last_up = store.last_camera_up(camera_setup_.camera.door);
  const std::int64_t now = now_ms();
  if (last_up && now - *last_up > kHeartbeatFreshness) {
    store.add_camera_gap({camera_setup_.camera.door, *last_up, now, "kiosk not running"});
  }
}

void KioskRuntime::metrics_thread() {
  std::unique_ptr<data::Store> store;
  while (!stopping_) {
    {
      std::unique_lock lock(refresh_mutex_);
      refresh_signal_.wait_for(lock, kFiguresRefreshInterval, [this] { return refresh_requested_ || stopping_.load(); });
      refresh_requested_ = false;
    }
    if (stopping_) break;
    try {
      if (!store) {
        store = std::make_unique<data::Store>(config_.database.string());
        record_downtime_since_last_run(*store);
      }
      const std::int64_t now = now_ms();
      if (const std::int64_t frame_ms = last_frame_ms_; frame_ms > 0 && now - frame_ms < kHeartbeatFreshness) {
        try {
          store->set_camera_up(camera_setup_.camera.door, frame_ms);
        } catch (const std::exception&) {
          // A full or read-only disk: the writer's banner says so; the figures can still be read.
        }
      }
      const data::StoreSettings settings = store->settings();
      const std::string today = data::business_date_of(settings, now);
      auto summary = std::make_shared<data::DaySummary>(data::day_summary(*store, today, now));
      auto last_week = std::make_shared<data::DaySummary>(data::day_summary(*store, shift_iso_date(today, -7)));
      hub_.update([&](ui::KioskSnapshot& snapshot) {
        snapshot.store_name = settings.name;
        snapshot.time_zone = settings.time_zone;
        snapshot.clock_offset_ms = clock_offset_ms_;
        snapshot.currency = settings.currency;
        snapshot.now_ms = now;
        snapshot.occupancy = std::max<std::int64_t>(0, summary->total.entries - summary->total.exits);
        snapshot.worker_error.clear();
      });
      hub_.publish_figures(std::move(summary), std::move(last_week));
      write_end_of_day_reports(*store, now);
      if (today != last_backup_day_) {
        last_backup_day_ = today;
        try {
          data::daily_backup(config_.database, backups_folder(config_.database), today);
        } catch (const std::exception& error) {
          last_backup_day_.clear();  // try again at the next refresh
          hub_.update([&](ui::KioskSnapshot& snapshot) {
            std::erase_if(snapshot.warnings, [](const std::string& w) { return w.starts_with("backup: "); });
            snapshot.warnings.push_back(std::string("backup: ") + error.what());
          });
        }
      }
    } catch (const std::exception& error) {
      store.reset();  // reopen next time: the file may have been replaced or fixed
      report_error("figures", error.what());
    }
  }
}

void KioskRuntime::write_end_of_day_reports(data::Store& store, std::int64_t now) {
  const auto steady_now = std::chrono::steady_clock::now();
  if (steady_now < next_report_check_) return;
  next_report_check_ = steady_now + std::chrono::minutes(1);
  EndOfDayOptions options;
  options.folder = config_.reports_folder.empty() ? config_.database.parent_path() / "reports" : config_.reports_folder;
  options.command = config_.reports_command;
  std::string failure;
  try {
    (void)write_due_reports(store, options, now);
  } catch (const std::exception& error) {
    failure = std::string("reports: ") + error.what();
  }
  hub_.update([&](ui::KioskSnapshot& snapshot) {
    auto& warnings = snapshot.warnings;
    std::erase_if(warnings, [](const std::string& warning) { return warning.starts_with("reports: "); });
    if (!failure.empty()) warnings.push_back(failure);
  });
}

void KioskRuntime::import_thread() {
  std::unique_ptr<data::Store> store;
  while (!stopping_) {
    std::filesystem::path next;
    {
      std::unique_lock lock(import_mutex_);
      import_signal_.wait_for(lock, kWatchFolderInterval, [this] { return !import_queue_.empty() || stopping_.load(); });
      if (stopping_) break;
      if (!import_queue_.empty()) {
        next = import_queue_.front();
        import_queue_.pop_front();
      }
    }
    try {
      if (!store) store = std::make_unique<data::Store>(config_.database.string());
      if (!next.empty()) {
        hub_.update([&](ui::KioskSnapshot& snapshot) {
          snapshot.import = {};
          snapshot.import.running = true;
          snapshot.import.file = next.filename().string();
        });
        data::ImportOptions options;
        options.progress = [&](double fraction) {
          hub_.update([&](ui::KioskSnapshot& snapshot) { snapshot.import.progress = fraction; });
        };
        try {
          const auto result = data::import_pos_file(*store, next, options);
          hub_.update([&](ui::KioskSnapshot& snapshot) {
            snapshot.import.running = false;
            snapshot.import.progress = 1.0;
            snapshot.import.profile = result.profile;
            snapshot.import.lines = {std::to_string(result.rows) + " rows, " + std::to_string(result.transactions) +
                                     " transactions: " + std::to_string(result.added) + " new, " +
                                     std::to_string(result.updated) + " updated, " +
                                     std::to_string(result.unchanged) + " unchanged"};
            for (const auto& rejected : result.rejected) snapshot.import.lines.push_back(rejected.to_string());
          });
        } catch (const data::ImportError& error) {
          hub_.update([&](ui::KioskSnapshot& snapshot) {
            snapshot.import.running = false;
            snapshot.import.failed = true;
            snapshot.import.lines = {error.what()};
            for (const auto& row : error.errors()) snapshot.import.lines.push_back(row.to_string());
          });
        }
        request_refresh();
      }
      if (!config_.watch_folder.empty() && std::filesystem::is_directory(config_.watch_folder)) {
        const auto results = data::import_watch_folder(*store, config_.watch_folder, data::ImportOptions{});
        if (!results.empty()) request_refresh();
      }
    } catch (const std::exception& error) {
      store.reset();
      hub_.update([&](ui::KioskSnapshot& snapshot) {
        snapshot.import.running = false;
        snapshot.import.failed = true;
        snapshot.import.lines = {error.what()};
      });
    }
  }
}

}  // namespace footfall::app
