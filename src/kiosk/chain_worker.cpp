#include "kiosk/chain_worker.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "footfall/data/locale_format.hpp"
#include "footfall/data/store/store.hpp"

namespace footfall::app {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;

}  // namespace

ChainWorker::ChainWorker(KioskContext& context, ChainConfig config)
    : context_(context), config_(std::move(config)) {}

void ChainWorker::start() {
  if (config_.server.empty()) return;
  thread_ = std::thread([this] { run(); });
}

void ChainWorker::wake_all() {
  std::lock_guard lock(mutex_);
  signal_.notify_all();
}

void ChainWorker::join() {
  if (thread_.joinable()) thread_.join();
}

std::string ChainWorker::status_text(const data::chain::SyncStatus& status, const std::string& error,
                                     std::int64_t now_ms, const std::string& time_zone) {
  if (error.empty()) {
    return status.last_success_ms ? "synced " + data::format_clock(*status.last_success_ms, time_zone)
                                  : "synced";
  }
  std::string waiting;
  if (status.oldest_pending_ms) {
    const std::int64_t days = (now_ms - *status.oldest_pending_ms) / kDayMs;
    waiting = days >= 1 ? std::to_string(days) + (days == 1 ? " day" : " days") + " waiting" : "waiting";
  } else {
    waiting = "not synced";
  }
  if (status.last_success_ms)
    waiting += " (last synced " + data::format_clock(*status.last_success_ms, time_zone) + ")";
  return waiting + ": " + error;
}

void ChainWorker::run() {
  const data::chain::Server server{config_.server, config_.credentials};
  const auto interval = std::chrono::minutes(config_.interval_minutes);
  auto retry = std::chrono::minutes(1);
  std::unique_ptr<data::Store> store;
  while (!context_.stopping()) {
    std::string error;
    auto wait = interval;
    try {
      if (!store) store = std::make_unique<data::Store>(context_.database.string());
      data::chain::SyncOptions options;
      options.keep_going = [this] { return !context_.stopping(); };
      data::chain::sync_store(*store, server, config_.store_code, options);
      retry = std::chrono::minutes(1);
    } catch (const std::exception& failure) {
      error = failure.what();
      wait = std::min(retry, interval);
      retry = std::min(retry * 2, interval);
    }
    try {
      if (store) {
        const auto text = status_text(data::chain::sync_status(*store), error, context_.now_ms(),
                                      store->settings().time_zone);
        context_.hub.update([&](ui::KioskSnapshot& snapshot) {
          ui::set_warning(snapshot.warnings, ui::WarningSource::Chain, text);
        });
      } else {
        context_.hub.update([&](ui::KioskSnapshot& snapshot) {
          ui::set_warning(snapshot.warnings, ui::WarningSource::Chain, error);
        });
      }
    } catch (const std::exception& failure) {
      context_.report_error("chain", failure.what());
    }
    std::unique_lock lock(mutex_);
    signal_.wait_for(lock, wait, [this] { return context_.stopping(); });
  }
}

}  // namespace footfall::app
