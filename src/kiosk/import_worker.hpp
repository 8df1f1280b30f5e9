#pragma once
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "footfall/data/pos/import.hpp"
#include "footfall/data/store/store.hpp"
#include "kiosk/kiosk_context.hpp"

namespace footfall::app {

// The import thread: imports the POS files dropped on the window, one at a time, and every 5 s the
// new files of the watch folder, on its own connection; publishes progress, a preview of the first
// transactions and each file's outcome to the import panel.
class ImportWorker {
 public:
  // `watch_folder` is asked for before each look (the settings screen may change it); `sales_changed`
  // is called after each file.
  ImportWorker(KioskContext& context, std::function<std::filesystem::path()> watch_folder,
               std::function<void()> sales_changed);

  void start();
  void wake_all();  // once the context is stopping
  void join();

  // Any thread: as if dropped on the window; `profile` "auto" or a built-in POS profile's name.
  void enqueue(std::filesystem::path file, std::string profile = "auto");

 private:
  void run();
  struct Request {
    std::filesystem::path file;
    std::string profile;
  };
  void import_one(data::Store& store, const Request& request);
  void note_watch_folder_results(const std::vector<data::ImportResult>& results);

  KioskContext& context_;
  std::function<std::filesystem::path()> watch_folder_;
  std::function<void()> sales_changed_;
  std::mutex mutex_;
  std::condition_variable signal_;
  std::deque<Request> queue_;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace footfall::app
