#include "kiosk_runtime.hpp"

#include "commands.hpp"
#include "dates.hpp"
#include "end_of_day.hpp"

#include "footfall/data/store/backup.hpp"
#include "footfall/data/store/count_writer.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/metrics/occupancy.hpp"
#include "footfall/data/pos/import.hpp"
#include "footfall/data/store/store.hpp"
#include "footfall/data/store/store_profile.hpp"
#include "footfall/data/store/settings_queries.hpp"

#include <date/tz.h>
#include <opencv2/imgproc.hpp>

#include <array>
#include <charconv>
#include <chrono>

namespace footfall::app {
namespace {

ui::Point to_ui(vision::NormPoint point) { return {point.x, point.y}; }

constexpr int kScreenFrameWidth = 640;
constexpr auto kFramePublishInterval = std::chrono::milliseconds(66);
constexpr auto kFiguresRefreshInterval = std::chrono::seconds(2);
constexpr auto kWatchFolderInterval = std::chrono::seconds(5);
constexpr std::int64_t kHeartbeatFreshness = 10'000;
constexpr std::size_t kWatchFolderHistory = 10;
constexpr int kMaxCutoffMinutes = 12 * 60;

// The instant of `minutes` past midnight on the business day `iso_date` in `zone`; times before the
// cutoff belong to the night after that date.
data::TimeMs business_instant(const std::string& zone, const std::string& iso_date, int minutes, int cutoff) {
  std::array<int, 3> parts{};
  const char* cursor = iso_date.data();
  const char* end = iso_date.data() + iso_date.size();
  for (int& part : parts) {
    const auto [next, error] = std::from_chars(cursor, end, part);
    if (error != std::errc{}) throw std::runtime_error("bad business date " + iso_date);
    cursor = next < end ? next + 1 : next;
  }
  const date::year_month_day day{date::year{parts[0]}, date::month{static_cast<unsigned>(parts[1])},
                                 date::day{static_cast<unsigned>(parts[2])}};
  auto local = date::local_days{day} + std::chrono::minutes{minutes};
  if (minutes < cutoff) local += date::days{1};
  const auto instant = date::locate_zone(zone)->to_sys(local, date::choose::earliest);
  return std::chrono::duration_cast<std::chrono::milliseconds>(instant.time_since_epoch()).count();
}

int local_minutes(const std::string& zone, data::TimeMs time_ms) {
  const date::sys_time<std::chrono::milliseconds> instant{std::chrono::milliseconds(time_ms)};
  const auto local = date::locate_zone(zone)->to_local(instant);
  return static_cast<int>(
      std::chrono::duration_cast<std::chrono::minutes>(local - date::floor<date::days>(local)).count());
}

const char* kind_name(data::TransactionKind kind) {
  switch (kind) {
    case data::TransactionKind::Refund:
      return "refund";
    case data::TransactionKind::Void:
      return "void";
    case data::TransactionKind::Cancelled:
      return "cancelled";
    case data::TransactionKind::Sale:
      break;
  }
  return "sale";
}

ui::ImportOutcome outcome_of(const data::ImportResult& result) {
  ui::ImportOutcome outcome;
  outcome.file = std::filesystem::path(result.file).filename().string();
  outcome.imported = result.error.empty();
  outcome.rows = result.rows;
  outcome.transactions = result.transactions;
  outcome.added = result.added;
  outcome.updated = result.updated;
  outcome.unchanged = result.unchanged;
  outcome.rejected_rows = static_cast<std::int64_t>(result.rejected.size());
  outcome.first_rejection = !result.error.empty()     ? result.error
                            : !result.rejected.empty() ? result.rejected.front().to_string()
                                                       : std::string();
  return outcome;
}

// The set-up and the settings screen check the same; this guards the database from anything else.
std::string store_profile_error(const std::string& name, const std::string& currency, int open_minutes,
                                int close_minutes) {
  if (name.empty()) return "the shop has no name";
  if (!currency.empty() && !data::is_currency_code(currency)) return "\"" + currency + "\" is not a currency code";
  if (open_minutes < 0 || close_minutes > 24 * 60 || open_minutes >= close_minutes) {
    return "the opening hours do not close after they open";
  }
  return {};
}

// The settings screen checks the same; this guards the config file and database from anything else.
std::string settings_error(const ui::SettingsEdit& edit) {
  if (auto error = store_profile_error(edit.store_name, edit.currency, edit.open_minutes, edit.close_minutes);
      !error.empty()) {
    return error;
  }
  if (edit.camera_source.empty()) return "the camera source is empty";
  if (edit.detector != "auto" && edit.detector != "background" && edit.detector != "dnn" && edit.detector != "hog") {
    return "unknown detector \"" + edit.detector + "\"";
  }
  if (!data::is_time_zone(edit.time_zone)) return "unknown time zone \"" + edit.time_zone + "\"";
  if (edit.cutoff_minutes < 0 || edit.cutoff_minutes > kMaxCutoffMinutes) return "the cutoff is out of range";
  for (const auto& shift : edit.shifts) {
    if (shift.name.empty()) return "a shift has no name";
    const auto in_day = [](int minutes) { return minutes >= 0 && minutes <= 24 * 60; };
    // end < start is a night shift ending the next day; an empty window is the only bad order.
    if (!in_day(shift.start_minutes) || !in_day(shift.end_minutes) || shift.end_minutes == shift.start_minutes) {
      return "shift \"" + shift.name + "\" has no time between its start and end";
    }
  }
  return {};
}

}  // namespace

KioskRuntime::KioskRuntime(AppConfig config, CountingSetup camera, ui::SnapshotHub& hub, std::int64_t clock_offset_ms)
    : config_(std::move(config)),
      camera_setup_(std::move(camera)),
      hub_(hub),
      clock_offset_ms_(clock_offset_ms),
      audit_([this](const AuditRecorder::Status& status) {
        hub_.update([&](ui::KioskSnapshot& snapshot) {
          snapshot.audit = {status.recording, status.clip.string(), status.ends_ms, status.frames, status.error};
        });
      }) {}

std::int64_t KioskRuntime::now_ms() const {
  return wall_clock_ms() + clock_offset_ms_;
}

KioskRuntime::~KioskRuntime() { stop(); }

void KioskRuntime::set_config_file(std::filesystem::path target, std::filesystem::path base) {
  std::lock_guard lock(config_mutex_);
  config_target_ = std::move(target);
  config_base_ = std::move(base);
}

std::string KioskRuntime::current_door() {
  std::lock_guard lock(loop_mutex_);
  return camera_setup_.camera.door;
}

void KioskRuntime::start() {
  publish_config_settings();
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
  camera_signal_.notify_all();
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
    {
      std::lock_guard lock(loop_mutex_);
      camera_setup_.camera.line = line;  // a restarted camera thread keeps it
      if (loop_ != nullptr) loop_->set_line(line);
    }
    {
      std::lock_guard lock(config_mutex_);
      config_.camera.line = line;
    }
    post_store_task([this](data::Store&) { save_config_file(); });
  };
  intents.set_language = [this](const std::string& language) {
    {
      std::lock_guard lock(config_mutex_);
      config_.language = language;
    }
    // The store's language is what end-of-day files and reports are written in.
    post_store_task([this, language](data::Store& store) {
      save_config_file();
      auto settings = store.settings();
      settings.language = language;
      store.save_settings(settings);
    });
  };
  intents.save_settings = [this](const ui::SettingsEdit& edit) {
    post_store_task([this, edit](data::Store& store) { save_settings(store, edit); });
  };
  intents.is_time_zone = [](const std::string& zone) { return data::is_time_zone(zone); };
  intents.add_roster_today = [this](const std::string& seller, int start_minutes, int end_minutes) {
    post_store_task([this, seller, start_minutes, end_minutes](data::Store& store) {
      try {
        const auto settings = store.settings();
        const auto today = data::business_date_of(settings, now_ms());
        const auto start = business_instant(settings.time_zone, today, start_minutes, settings.cutoff_minutes);
        const auto end = business_instant(settings.time_zone, today, end_minutes, settings.cutoff_minutes);
        store.add_roster({{seller, start, end}});
        report_settings_status(ui::SettingsStatus::Saved, {});
      } catch (const std::exception& error) {
        report_settings_status(ui::SettingsStatus::Failed, error.what());
      }
    });
  };
  intents.start_audit = [this](double seconds, const std::string& folder) {
    std::lock_guard lock(config_mutex_);
    audit_.request(seconds, folder.empty() ? default_audit_folder(config_.database) : std::filesystem::path(folder));
  };
  intents.stop_audit = [this] { audit_.cancel(); };
  intents.complete_setup = [this](const ui::StoreSetup& setup) {
    post_store_task([this, setup](data::Store& store) { complete_setup(store, setup); });
  };
  intents.remove_roster = [this](const ui::RosterView& entry) {
    post_store_task([this, entry](data::Store& store) {
      try {
        (void)data::remove_roster_entry(store, entry.seller, entry.start_ms, entry.end_ms);
        report_settings_status(ui::SettingsStatus::Saved, {});
      } catch (const std::exception& error) {
        report_settings_status(ui::SettingsStatus::Failed, error.what());
      }
    });
  };
  return intents;
}

void KioskRuntime::post_store_task(StoreTask task) {
  {
    std::lock_guard lock(refresh_mutex_);
    store_tasks_.push_back(std::move(task));
    refresh_requested_ = true;
  }
  refresh_signal_.notify_one();
}

void KioskRuntime::report_settings_status(ui::SettingsStatus status, const std::string& detail) {
  hub_.update([&](ui::KioskSnapshot& snapshot) {
    snapshot.settings.status = status;
    snapshot.settings.status_detail = detail;
    snapshot.settings.status_version = ++settings_status_version_;
  });
}

// Throws when the file cannot be written; a demo (no target) keeps the settings in memory.
void KioskRuntime::save_config_file() {
  AppConfig config;
  std::filesystem::path target;
  std::filesystem::path base;
  {
    std::lock_guard lock(config_mutex_);
    config = config_;
    target = config_target_;
    base = config_base_;
  }
  if (!target.empty()) save_config(target, base, config);
  {
    std::lock_guard lock(config_mutex_);
    config_base_ = config_target_;  // from now on the written file is the base
  }
  publish_config_settings();
}

void KioskRuntime::complete_setup(data::Store& store, const ui::StoreSetup& setup) {
  try {
    if (!data::is_time_zone(setup.time_zone)) throw std::invalid_argument("unknown time zone " + setup.time_zone);
    if (const auto error = store_profile_error(setup.store_name, setup.currency, setup.open_minutes,
                                               setup.close_minutes);
        !error.empty()) {
      throw std::invalid_argument(error);
    }
    auto settings = store.settings();
    settings.name = setup.store_name;
    settings.language = setup.language;
    settings.time_zone = setup.time_zone;
    settings.open_minutes = setup.open_minutes;
    settings.close_minutes = setup.close_minutes;
    // A store with sales keeps the currency they were imported in: money is never relabelled.
    if (settings.currency.empty()) settings.currency = setup.currency;
    store.save_settings(settings);
    {
      std::lock_guard lock(config_mutex_);
      config_.language = setup.language;
      config_.admin_pin_hash = setup.admin_pin_hash;
    }
    save_config_file();
    hub_.update([&](ui::KioskSnapshot& snapshot) {
      snapshot.store_name = settings.name;
      snapshot.time_zone = settings.time_zone;
      snapshot.currency = settings.currency;
    });
    report_settings_status(ui::SettingsStatus::Saved, {});
    request_refresh();
  } catch (const std::exception& error) {
    report_settings_status(ui::SettingsStatus::Failed, error.what());
  }
}

void KioskRuntime::save_settings(data::Store& store, const ui::SettingsEdit& edit) {
  if (const auto error = settings_error(edit); !error.empty()) {
    report_settings_status(ui::SettingsStatus::Failed, error);
    return;
  }
  try {
    bool camera_changed = false;
    {
      std::lock_guard lock(config_mutex_);
      auto& camera = config_.camera;
      camera_changed = camera.source != edit.camera_source || camera.detector != edit.detector ||
                       camera.model != edit.model || camera.door != edit.door;
      camera.source = edit.camera_source;
      camera.detector = edit.detector;
      camera.model = edit.model;
      camera.door = edit.door.empty() ? "main" : edit.door;
      config_.watch_folder = edit.watch_folder;
    }
    auto settings = store.settings();
    if (!edit.currency.empty() && edit.currency != settings.currency) {
      if (const auto refusal = data::currency_change_refusal(store, edit.currency); !refusal.empty()) {
        throw std::invalid_argument(refusal);
      }
      settings.currency = edit.currency;
    }
    save_config_file();
    settings.name = edit.store_name;
    settings.open_minutes = edit.open_minutes;
    settings.close_minutes = edit.close_minutes;
    settings.time_zone = edit.time_zone;
    settings.cutoff_minutes = edit.cutoff_minutes;
    store.save_settings(settings);
    std::vector<data::ShiftDefinition> shifts;
    for (const auto& shift : edit.shifts) {
      shifts.push_back({shift.name, shift.weekday_mask, shift.start_minutes, shift.end_minutes});
    }
    store.set_shifts(shifts);
    if (camera_changed) restart_camera();
    std::lock_guard lock(config_mutex_);
    const bool in_memory = config_target_.empty();
    report_settings_status(in_memory ? ui::SettingsStatus::SavedInMemory : ui::SettingsStatus::Saved, {});
  } catch (const std::exception& error) {
    report_settings_status(ui::SettingsStatus::Failed, error.what());
  }
}

void KioskRuntime::restart_camera() {
  CameraConfig camera;
  {
    std::lock_guard lock(config_mutex_);
    camera = config_.camera;
  }
  std::lock_guard lock(loop_mutex_);
  camera.line = camera_setup_.camera.line;
  camera_setup_.camera = camera;
  camera_restart_ = true;
  if (loop_ != nullptr) loop_->stop();
  camera_signal_.notify_all();
}

void KioskRuntime::publish_config_settings() {
  std::lock_guard lock(config_mutex_);
  hub_.update([&](ui::KioskSnapshot& snapshot) {
    auto& view = snapshot.settings;
    view.camera_source = config_.camera.source;
    view.detector = config_.camera.detector;
    view.model = config_.camera.model;
    view.door = config_.camera.door;
    view.watch_folder = config_.watch_folder.string();
    view.audit_folder = default_audit_folder(config_.database).string();
    view.language = config_.language;
    view.config_path = config_target_.string();
    // A kiosk that keeps its settings and has no PIN yet is new: the set-up runs. The demo keeps
    // nothing, so it never asks.
    view.setup_needed = config_.admin_pin_hash.empty() && !config_target_.empty();
    view.system_time_zone = machine_time_zone();
  });
}

void KioskRuntime::publish_store_settings(data::Store& store, const data::StoreSettings& settings,
                                          const std::string& today) {
  auto shifts = store.shifts();
  auto sellers = data::list_sellers(store);
  const auto day_start = business_instant(settings.time_zone, today, settings.cutoff_minutes, settings.cutoff_minutes);
  const auto day_end = business_instant(settings.time_zone, shift_iso_date(today, 1), settings.cutoff_minutes,
                                        settings.cutoff_minutes);
  std::vector<ui::RosterView> roster;
  for (const auto& entry : store.roster(day_start, day_end)) {
    roster.push_back({entry.seller, entry.start_ms, entry.end_ms, local_minutes(settings.time_zone, entry.start_ms),
                      local_minutes(settings.time_zone, entry.end_ms)});
  }
  hub_.update([&](ui::KioskSnapshot& snapshot) {
    auto& view = snapshot.settings;
    view.loaded = true;
    view.store_name = settings.name;
    view.currency = settings.currency;
    view.open_minutes = settings.open_minutes;
    view.close_minutes = settings.close_minutes;
    view.time_zone = settings.time_zone;
    view.cutoff_minutes = settings.cutoff_minutes;
    view.shifts.clear();
    for (const auto& shift : shifts) {
      view.shifts.push_back({shift.name, shift.weekday_mask, shift.start_minutes, shift.end_minutes});
    }
    view.sellers = std::move(sellers);
    view.roster_today = std::move(roster);
  });
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

// Runs the camera until stop(); a settings change restarts it, and a source that ended or failed
// waits here for the manager to fix it.
void KioskRuntime::camera_thread() {
  while (!stopping_) {
    run_camera_once();
    std::unique_lock lock(loop_mutex_);
    camera_signal_.wait(lock, [this] { return stopping_.load() || camera_restart_; });
    camera_restart_ = false;
  }
}

void KioskRuntime::run_camera_once() {
  try {
    data::CountEventWriter writer(config_.database.string());
    std::unique_ptr<data::Store> gap_store;
    CountingSetup setup = [this] {
      std::lock_guard lock(loop_mutex_);
      return camera_setup_;
    }();
    play_as_live(setup.camera.source, setup.source_options, now_ms());
    const std::string door = setup.camera.door;
    CountingLoop loop(setup);
    {
      std::lock_guard lock(loop_mutex_);
      if (stopping_ || camera_restart_) return;
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
      writer.push(to_count_event(crossing, door));
      (crossing.direction == vision::Direction::In ? live_in : live_out)++;
      last_crossing_ms = now_ms();
      last_crossing_in = crossing.direction == vision::Direction::In;
      request_refresh();
    };
    loop.on_gap = [&](std::int64_t start_ms, std::int64_t end_ms, const std::string& reason) {
      if (!gap_store) gap_store = std::make_unique<data::Store>(config_.database.string());
      gap_store->add_camera_gap({door, start_ms, end_ms, reason});
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
      audit_.add(frame, counter, progress);
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
    audit_.finish();
    writer.flush();
    if (!stopping_ && !camera_restart_) {
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
    audit_.finish();
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
  record_downtime(store, camera_setup_.camera.door, now_ms(), kHeartbeatFreshness, "kiosk not running");
}

void KioskRuntime::metrics_thread() {
  std::unique_ptr<data::Store> store;
  while (!stopping_) {
    std::deque<StoreTask> tasks;
    {
      std::unique_lock lock(refresh_mutex_);
      refresh_signal_.wait_for(lock, kFiguresRefreshInterval, [this] { return refresh_requested_ || stopping_.load(); });
      refresh_requested_ = false;
      tasks.swap(store_tasks_);
    }
    if (stopping_) break;
    try {
      if (!store) {
        store = std::make_unique<data::Store>(config_.database.string());
        record_downtime_since_last_run(*store);
      }
      for (auto& task : tasks) {
        try {
          task(*store);
        } catch (const std::exception& error) {
          report_settings_status(ui::SettingsStatus::Failed, error.what());
        }
      }
      const std::int64_t now = now_ms();
      if (const std::int64_t frame_ms = last_frame_ms_; frame_ms > 0 && now - frame_ms < kHeartbeatFreshness) {
        try {
          store->set_camera_up(current_door(), frame_ms);
        } catch (const std::exception&) {
          // A full or read-only disk: the writer's banner says so; the figures can still be read.
        }
      }
      const data::StoreSettings settings = store->settings();
      const std::string today = data::business_date_of(settings, now);
      auto summary = std::make_shared<data::DaySummary>(data::day_summary(*store, today, now));
      auto last_week = std::make_shared<data::DaySummary>(data::day_summary(*store, shift_iso_date(today, -7)));
      const std::int64_t inside_now = data::occupancy_at(*store, settings, now);
      hub_.update([&](ui::KioskSnapshot& snapshot) {
        snapshot.store_name = settings.name;
        snapshot.time_zone = settings.time_zone;
        snapshot.clock_offset_ms = clock_offset_ms_;
        snapshot.currency = settings.currency;
        snapshot.now_ms = now;
        snapshot.occupancy = inside_now;
        snapshot.worker_error.clear();
      });
      hub_.publish_figures(std::move(summary), std::move(last_week));
      publish_store_settings(*store, settings, today);
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

void KioskRuntime::import_one(data::Store& store, const std::filesystem::path& file) {
  hub_.update([&](ui::KioskSnapshot& snapshot) {
    auto watched = std::move(snapshot.import.watch_folder);
    snapshot.import = {};
    snapshot.import.watch_folder = std::move(watched);
    snapshot.import.running = true;
    snapshot.import.file = file.filename().string();
  });
  data::ImportOptions options;
  options.progress = [&](double fraction) {
    hub_.update([&](ui::KioskSnapshot& snapshot) { snapshot.import.progress = fraction; });
  };
  options.on_preview = [&](const std::string& profile, const std::vector<data::Transaction>& first) {
    std::vector<ui::ImportPreviewRow> rows;
    for (const auto& transaction : first) {
      rows.push_back({transaction.time_ms, kind_name(transaction.kind), transaction.total, transaction.currency,
                      transaction.seller, transaction.pos_id});
    }
    hub_.update([&](ui::KioskSnapshot& snapshot) {
      snapshot.import.profile = profile;
      snapshot.import.preview = std::move(rows);
    });
  };
  try {
    const auto result = data::import_pos_file(store, file, options);
    hub_.update([&](ui::KioskSnapshot& snapshot) {
      auto& view = snapshot.import;
      view.running = false;
      view.progress = 1.0;
      view.profile = result.profile;
      view.has_outcome = true;
      view.outcome = outcome_of(result);
      view.outcome.file = file.filename().string();
      view.outcome.time_ms = now_ms();
      if (view.preview.empty()) {
        for (const auto& transaction : result.preview) {
          view.preview.push_back({transaction.time_ms, kind_name(transaction.kind), transaction.total,
                                  transaction.currency, transaction.seller, transaction.pos_id});
        }
      }
      view.lines.clear();
      for (const auto& rejected : result.rejected) view.lines.push_back(rejected.to_string());
    });
  } catch (const data::ImportError& error) {
    hub_.update([&](ui::KioskSnapshot& snapshot) {
      auto& view = snapshot.import;
      view.running = false;
      view.failed = true;
      view.has_outcome = true;
      view.outcome = {};
      view.outcome.file = file.filename().string();
      view.outcome.time_ms = now_ms();
      view.outcome.rejected_rows = static_cast<std::int64_t>(error.errors().size());
      view.outcome.first_rejection = error.errors().empty() ? error.what() : error.errors().front().to_string();
      view.lines = {error.what()};
      for (const auto& row : error.errors()) view.lines.push_back(row.to_string());
    });
  }
  request_refresh();
}

void KioskRuntime::note_watch_folder_results(const std::vector<data::ImportResult>& results) {
  if (results.empty()) return;
  const std::int64_t now = now_ms();
  hub_.update([&](ui::KioskSnapshot& snapshot) {
    // Newest first. Built afresh rather than inserted at the front: GCC 12 -O3 sees a null
    // dereference in vector::insert here that is not there.
    std::vector<ui::ImportOutcome> history;
    for (auto result = results.rbegin(); result != results.rend(); ++result) {
      auto outcome = outcome_of(*result);
      outcome.from_watch_folder = true;
      outcome.time_ms = now;
      history.push_back(std::move(outcome));
    }
    for (auto& older : snapshot.import.watch_folder) {
      if (history.size() >= kWatchFolderHistory) break;
      history.push_back(std::move(older));
    }
    snapshot.import.watch_folder = std::move(history);
  });
  request_refresh();
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
      if (!next.empty()) import_one(*store, next);
      const std::filesystem::path folder = [this] {
        std::lock_guard lock(config_mutex_);
        return config_.watch_folder;
      }();
      if (!folder.empty() && std::filesystem::is_directory(folder)) {
        note_watch_folder_results(data::import_watch_folder(*store, folder, data::ImportOptions{}));
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
