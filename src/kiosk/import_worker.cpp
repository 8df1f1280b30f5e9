#include "kiosk/import_worker.hpp"

#include <chrono>
#include <memory>

#include "footfall/data/pos/profiles.hpp"

namespace footfall::app {
namespace {

constexpr auto kWatchFolderInterval = std::chrono::seconds(5);
constexpr std::size_t kWatchFolderHistory = 10;

ui::ImportOutcome outcome_of(const data::ImportResult& result) {
  ui::ImportOutcome outcome;
  outcome.file = std::filesystem::path(result.file).filename().string();
  outcome.imported = result.error.empty();
  outcome.failure = result.failure;
  outcome.rows = result.rows;
  outcome.transactions = result.transactions;
  outcome.added = result.added;
  outcome.updated = result.updated;
  outcome.unchanged = result.unchanged;
  outcome.rejected_rows = static_cast<std::int64_t>(result.rejected.size());
  if (result.set_store_currency && result.error.empty()) outcome.store_currency_set = result.currency;
  outcome.first_rejection = !result.error.empty()      ? result.error
                            : !result.rejected.empty() ? result.rejected.front().to_string()
                                                       : std::string();
  return outcome;
}

std::vector<std::string> profile_names() {
  std::vector<std::string> names;
  for (const auto& profile : data::builtin_profiles()) names.push_back(profile.name);
  return names;
}

}  // namespace

ImportWorker::ImportWorker(KioskContext& context, std::function<std::filesystem::path()> watch_folder,
                           std::function<void()> sales_changed)
    : context_(context), watch_folder_(std::move(watch_folder)), sales_changed_(std::move(sales_changed)) {}

void ImportWorker::start() {
  thread_ = std::thread([this] { run(); });
}

void ImportWorker::wake_all() { signal_.notify_all(); }

void ImportWorker::join() {
  if (thread_.joinable()) thread_.join();
}

void ImportWorker::enqueue(std::filesystem::path file, std::string profile) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({std::move(file), std::move(profile)});
  }
  signal_.notify_one();
}

void ImportWorker::import_one(data::Store& store, const Request& request) {
  const std::filesystem::path& file = request.file;
  context_.hub.update([&](ui::KioskSnapshot& snapshot) {
    auto watched = std::move(snapshot.import.watch_folder);
    snapshot.import = {};
    snapshot.import.watch_folder = std::move(watched);
    snapshot.import.running = true;
    snapshot.import.file = file.filename().string();
    snapshot.import.path = file.string();
    snapshot.import.profiles = profile_names();
  });
  data::ImportOptions options;
  options.profile = request.profile.empty() ? "auto" : request.profile;
  options.progress = [&](double fraction) {
    context_.hub.update([&](ui::KioskSnapshot& snapshot) { snapshot.import.progress = fraction; });
  };
  options.on_preview = [&](const std::string& profile, const std::vector<data::Transaction>& first) {
    std::vector<ui::ImportPreviewRow> rows;
    for (const auto& transaction : first) {
      rows.push_back({transaction.time_ms, data::transaction_kind_name(transaction.kind), transaction.total,
                      transaction.currency, transaction.seller, transaction.pos_id});
    }
    context_.hub.update([&](ui::KioskSnapshot& snapshot) {
      snapshot.import.profile = profile;
      snapshot.import.preview = std::move(rows);
    });
  };
  try {
    const auto result = data::import_pos_file(store, file, options);
    context_.hub.update([&](ui::KioskSnapshot& snapshot) {
      auto& view = snapshot.import;
      view.running = false;
      view.progress = 1.0;
      view.profile = result.profile;
      view.has_outcome = true;
      view.outcome = outcome_of(result);
      view.outcome.file = file.filename().string();
      view.outcome.time_ms = context_.now_ms();
      if (view.preview.empty()) {
        for (const auto& transaction : result.preview) {
          view.preview.push_back({transaction.time_ms, data::transaction_kind_name(transaction.kind),
                                  transaction.total, transaction.currency, transaction.seller,
                                  transaction.pos_id});
        }
      }
      view.lines.clear();
      for (const auto& rejected : result.rejected) view.lines.push_back(rejected.to_string());
    });
  } catch (const data::ImportError& error) {
    context_.hub.update([&](ui::KioskSnapshot& snapshot) {
      auto& view = snapshot.import;
      view.running = false;
      view.failed = true;
      view.has_outcome = true;
      view.outcome = {};
      view.outcome.file = file.filename().string();
      view.outcome.time_ms = context_.now_ms();
      view.outcome.rejected_rows = static_cast<std::int64_t>(error.errors().size());
      view.outcome.failure = error.failure();
      view.outcome.first_rejection =
          error.errors().empty() ? error.what() : error.errors().front().to_string();
      view.lines = {error.what()};
      for (const auto& row : error.errors()) view.lines.push_back(row.to_string());
    });
  }
  sales_changed_();
}

void ImportWorker::note_watch_folder_results(const std::vector<data::ImportResult>& results) {
  if (results.empty()) return;
  const std::int64_t now = context_.now_ms();
  context_.hub.update([&](ui::KioskSnapshot& snapshot) {
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
  sales_changed_();
}

void ImportWorker::run() {
  std::unique_ptr<data::Store> store;
  while (!context_.stopping()) {
    Request next;
    {
      std::unique_lock lock(mutex_);
      signal_.wait_for(lock, kWatchFolderInterval, [this] { return !queue_.empty() || context_.stopping(); });
      if (context_.stopping()) break;
      if (!queue_.empty()) {
        next = queue_.front();
        queue_.pop_front();
      }
    }
    try {
      if (!store) store = std::make_unique<data::Store>(context_.database.string());
      if (!next.file.empty()) import_one(*store, next);
      const std::filesystem::path folder = watch_folder_();
      if (!folder.empty() && std::filesystem::is_directory(folder)) {
        note_watch_folder_results(data::import_watch_folder(*store, folder, data::ImportOptions{}));
      }
    } catch (const std::exception& error) {
      store.reset();
      context_.hub.update([&](ui::KioskSnapshot& snapshot) {
        snapshot.import.running = false;
        snapshot.import.failed = true;
        snapshot.import.lines = {error.what()};
      });
    }
  }
}

}  // namespace footfall::app
