#include "kiosk/settings_worker.hpp"

#include <exception>
#include <stdexcept>
#include <utility>
#include <vector>

#include "footfall/data/business_time.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/store/store_profile.hpp"
#include "footfall/data/store/settings_queries.hpp"
#include "footfall/ui/settings_rules.hpp"
#include "kiosk/camera_worker.hpp"
#include "time/dates.hpp"

namespace footfall::app {
namespace {


// `minutes` past local midnight within the business day `day`: times before the cutoff belong to
// the night after that date.
data::TimeMs instant_in_business_day(const data::BusinessClock& clock, date::local_days day, int minutes) {
  return clock.at_local(minutes < clock.cutoff_minutes() ? day + date::days{1} : day, minutes);
}

// The screens check the same rules (settings_rules.hpp) first; this guards the config file and the
// database from any other caller, in the screen's language since the status line shows it.
void refuse_unless_ok(const ui::SettingsCheck& check, const std::string& language) {
  if (!check.ok()) {
    throw std::invalid_argument(ui::settings_problem_text(ui::parse_language(language).value_or(ui::Language::En), check));
  }
}

}  // namespace

SettingsWorker::SettingsWorker(KioskContext& context, AppConfig config, FiguresRequests& figures,
                               CameraWorker& camera)
    : context_(context), figures_(figures), camera_(camera), config_(std::move(config)) {}

void SettingsWorker::set_config_file(std::filesystem::path target, std::filesystem::path base) {
  std::lock_guard lock(config_mutex_);
  config_target_ = std::move(target);
  config_base_ = std::move(base);
}

std::filesystem::path SettingsWorker::watch_folder() {
  std::lock_guard lock(config_mutex_);
  return config_.watch_folder;
}

void SettingsWorker::post(FiguresRequests::StoreTask task) {
  figures_.post([this, task = std::move(task)](data::Store& store) {
    try {
      task(store);
    } catch (const std::exception& error) {
      report_status(ui::SettingsStatus::Failed, error.what());
    }
  });
}

void SettingsWorker::report_status(ui::SettingsStatus status, const std::string& detail) {
  context_.hub.update([&](ui::KioskSnapshot& snapshot) {
    snapshot.settings.status = status;
    snapshot.settings.status_detail = detail;
    snapshot.settings.status_version = ++status_version_;
  });
}

void SettingsWorker::save(const ui::SettingsEdit& edit) {
  post([this, edit](data::Store& store) { save_now(store, edit); });
}

void SettingsWorker::complete_setup(const ui::StoreSetup& setup) {
  post([this, setup](data::Store& store) { complete_setup_now(store, setup); });
}

void SettingsWorker::set_line(const vision::CountingLine& line) {
  camera_.set_line(line);
  {
    std::lock_guard lock(config_mutex_);
    config_.camera.line = line;
  }
  post([this](data::Store&) { save_config_file(); });
}

void SettingsWorker::set_language(const std::string& language) {
  {
    std::lock_guard lock(config_mutex_);
    config_.language = language;
  }
  // The store's language is what end-of-day files and reports are written in.
  post([this, language](data::Store& store) {
    save_config_file();
    auto settings = store.settings();
    settings.language = language;
    store.save_settings(settings);
  });
}

void SettingsWorker::add_roster_today(const std::string& seller, int start_minutes, int end_minutes) {
  post([this, seller, start_minutes, end_minutes](data::Store& store) {
    const auto settings = store.settings();
    const auto today = data::parse_date(data::business_date_of(settings, context_.now_ms()));
    const data::BusinessClock clock(settings);
    const auto start = instant_in_business_day(clock, today, start_minutes);
    const auto end = instant_in_business_day(clock, today, end_minutes);
    store.add_roster({{seller, start, end}});
    report_status(ui::SettingsStatus::Saved, {});
  });
}

void SettingsWorker::remove_roster(const ui::RosterView& entry) {
  post([this, entry](data::Store& store) {
    (void)data::remove_roster_entry(store, entry.seller, entry.start_ms, entry.end_ms);
    report_status(ui::SettingsStatus::Saved, {});
  });
}

// Throws when the file cannot be written; a demo (no target) keeps the settings in memory.
void SettingsWorker::save_config_file() {
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

void SettingsWorker::complete_setup_now(data::Store& store, const ui::StoreSetup& setup) {
  if (!data::is_time_zone(setup.time_zone)) {
    refuse_unless_ok({ui::SettingsProblem::BadTimeZone, setup.time_zone}, setup.language);
  }
  refuse_unless_ok(ui::check_store_profile(setup.store_name, setup.currency, setup.opening_hours),
                   setup.language);
  auto settings = store.settings();
  settings.name = setup.store_name;
  settings.language = setup.language;
  settings.time_zone = setup.time_zone;
  settings.opening_hours = setup.opening_hours;
  // A store with sales keeps the currency they were imported in: money is never relabelled.
  if (settings.currency.empty()) settings.currency = setup.currency;
  store.save_settings(settings);
  {
    std::lock_guard lock(config_mutex_);
    config_.language = setup.language;
    config_.admin_pin_hash = setup.admin_pin_hash;
  }
  save_config_file();
  context_.hub.update([&](ui::KioskSnapshot& snapshot) {
    snapshot.store_name = settings.name;
    snapshot.time_zone = settings.time_zone;
    snapshot.currency = settings.currency;
  });
  report_status(ui::SettingsStatus::Saved, {});
  figures_.request_refresh();
}

void SettingsWorker::save_now(data::Store& store, const ui::SettingsEdit& edit) {
  std::string language;
  {
    std::lock_guard lock(config_mutex_);
    language = config_.language;
  }
  refuse_unless_ok(ui::check_settings(edit, data::is_time_zone), language);
  bool camera_changed = false;
  {
    std::lock_guard lock(config_mutex_);
    auto& configured = config_.camera;
    camera_changed = configured.source != edit.camera_source || configured.detector != edit.detector ||
                     configured.model != edit.model || configured.door != edit.door;
    configured.source = edit.camera_source;
    configured.detector = edit.detector;
    configured.model = edit.model;
    configured.door = edit.door.empty() ? "main" : edit.door;
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
  settings.opening_hours = edit.opening_hours;
  settings.time_zone = edit.time_zone;
  settings.cutoff_minutes = edit.cutoff_minutes;
  store.save_settings(settings);
  std::vector<data::ShiftDefinition> shifts;
  for (const auto& shift : edit.shifts) {
    shifts.push_back({shift.name, shift.weekday_mask, shift.start_minutes, shift.end_minutes});
  }
  store.set_shifts(shifts);
  if (camera_changed) {
    CameraConfig camera;
    {
      std::lock_guard lock(config_mutex_);
      camera = config_.camera;
    }
    camera_.restart(std::move(camera));
  }
  std::lock_guard lock(config_mutex_);
  const bool in_memory = config_target_.empty();
  report_status(in_memory ? ui::SettingsStatus::SavedInMemory : ui::SettingsStatus::Saved, {});
}

void SettingsWorker::publish_config_settings() {
  std::lock_guard lock(config_mutex_);
  context_.hub.update([&](ui::KioskSnapshot& snapshot) {
    auto& view = snapshot.settings;
    view.camera_source = config_.camera.source;
    view.detector = config_.camera.detector;
    view.model = config_.camera.model;
    view.door = config_.camera.door;
    view.watch_folder = config_.watch_folder.string();
    view.audit_folder = default_audit_folder(context_.database).string();
    view.language = config_.language;
    view.config_path = config_target_.string();
    // A kiosk that keeps its settings and has no PIN yet is new: the set-up runs. The demo keeps
    // nothing, so it never asks.
    view.setup_needed = config_.admin_pin_hash.empty() && !config_target_.empty();
    view.system_time_zone = machine_time_zone();
  });
}

void SettingsWorker::publish_store_settings(data::Store& store, const data::StoreSettings& settings,
                                            const std::string& today) {
  auto shifts = store.shifts();
  auto sellers = data::list_sellers(store);
  const data::BusinessClock clock(settings);
  const auto day = data::parse_date(today);
  std::vector<ui::RosterView> roster;
  for (const auto& entry : store.roster(clock.day_start(day), clock.day_end(day))) {
    roster.push_back({entry.seller, entry.start_ms, entry.end_ms, clock.local_minutes(entry.start_ms),
                      clock.local_minutes(entry.end_ms)});
  }
  context_.hub.update([&](ui::KioskSnapshot& snapshot) {
    auto& view = snapshot.settings;
    view.loaded = true;
    view.store_name = settings.name;
    view.currency = settings.currency;
    view.opening_hours = settings.opening_hours;
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

}  // namespace footfall::app
