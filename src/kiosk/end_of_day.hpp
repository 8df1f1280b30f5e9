#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "footfall/data/store/store.hpp"

namespace footfall::app {

struct EndOfDayOptions {
  std::filesystem::path folder;  // where footfall-YYYY-MM-DD.{html,csv,spreadsheet.csv,json} go
  std::string command;           // run with the written paths as arguments; empty = none
  int catch_up_days = 7;         // a kiosk that was off writes the days it missed, this far back
  ReportMail mail;               // each written day is also e-mailed; to empty = not
};

// Writes the reports of every complete business day that has data and no report yet, oldest first.
// Returns the files written. Throws std::runtime_error naming the file when one cannot be written.
std::vector<std::filesystem::path> write_due_reports(data::Store& store, const EndOfDayOptions& options,
                                                     data::TimeMs now_ms);

// Each day written while e-mail is configured waits beside its files (footfall-DAY.mail-pending,
// which holds the subject) until the server accepts it: the HTML report inline, the spreadsheet CSV
// attached (as footfall-DAY.csv).
// Sends them oldest first and returns how many went out; at the first failure throws
// std::runtime_error saying how many wait and why, leaving them for the next try.
int send_pending_report_mail(const EndOfDayOptions& options);

}  // namespace footfall::app
