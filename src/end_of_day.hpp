#pragma once
#include "footfall/data/store/store.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace footfall::app {

struct EndOfDayOptions {
  std::filesystem::path folder;   // where footfall-YYYY-MM-DD.{html,csv,json} go
  std::string command;            // run with the written paths as arguments; empty = none
  int catch_up_days = 7;          // a kiosk that was off writes the days it missed, this far back
};

// Writes the reports of every complete business day that has data and no report yet, oldest first.
// Returns the files written. Throws std::runtime_error naming the file when one cannot be written.
std::vector<std::filesystem::path> write_due_reports(data::Store& store, const EndOfDayOptions& options,
                                                     data::TimeMs now_ms);

}  // namespace footfall::app
