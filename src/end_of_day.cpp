#include "end_of_day.hpp"
#include "dates.hpp"
#include "file_output.hpp"

#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/report/report.hpp"


#include <cstdlib>
#include <stdexcept>

namespace footfall::app {
namespace {

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

bool has_data(const data::DaySummary& summary) {
  return summary.total.entries > 0 || summary.total.exits > 0 || summary.total.buyers > 0 ||
         summary.total.net_sales != 0 || summary.total.camera_gap_minutes > 0;
}

}  // namespace

std::vector<std::filesystem::path> write_due_reports(data::Store& store, const EndOfDayOptions& options,
                                                     data::TimeMs now_ms) {
  std::vector<std::filesystem::path> written;
  if (options.folder.empty()) return written;
  std::filesystem::create_directories(options.folder);
  const data::StoreSettings settings = store.settings();
  const std::string today = data::business_date_of(settings, now_ms);
  for (int back = options.catch_up_days; back >= 1; --back) {
    const std::string day = shift_iso_date(today, -back);
    const auto base = options.folder / ("footfall-" + day);
    if (std::filesystem::exists(base.string() + ".json")) continue;
    const data::DaySummary summary = data::day_summary(store, day);
    if (!has_data(summary)) continue;
    std::vector<std::filesystem::path> files;
    // JSON last: its presence marks the day as done.
    for (const auto format : {data::ReportFormat::Html, data::ReportFormat::Csv, data::ReportFormat::Json}) {
      const std::filesystem::path file = base.string() + "." + data::report_format_extension(format);
      write_file_atomically(file, data::render_day_report(summary, settings, format));
      files.push_back(file);
    }
    if (!options.command.empty()) {
      std::string command_line = options.command;
      for (const auto& file : files) command_line += " " + shell_quote(file.string());
      if (std::system(command_line.c_str()) != 0) {
        throw std::runtime_error("reports.command failed for " + day + ": " + command_line);
      }
    }
    written.insert(written.end(), files.begin(), files.end());
  }
  return written;
}

}  // namespace footfall::app
