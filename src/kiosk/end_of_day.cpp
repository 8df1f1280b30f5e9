#include "kiosk/end_of_day.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "footfall/data/atomic_file.hpp"
#include "footfall/data/file_text.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/report/report.hpp"
#include "time/dates.hpp"

namespace footfall::app {
namespace {

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

constexpr const char* kMailPending = ".mail-pending";

// The report's own title, in the store's language: the first line of its text form.
std::string mail_subject(const data::DaySummary& summary, const data::StoreSettings& settings) {
  const std::string text = data::render_day_report(summary, settings, data::ReportFormat::Text);
  return text.substr(0, text.find('\n'));
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
    // JSON last: its presence marks the day as done, so the e-mail marker is written before it.
    for (const auto format : {data::ReportFormat::Html, data::ReportFormat::Csv,
                              data::ReportFormat::Spreadsheet, data::ReportFormat::Json}) {
      if (format == data::ReportFormat::Json && !options.mail.to.empty()) {
        data::write_file_atomically(base.string() + kMailPending, mail_subject(summary, settings));
      }
      const std::filesystem::path file = base.string() + "." + data::report_format_extension(format);
      data::write_file_atomically(file, data::render_day_report(summary, settings, format));
      files.push_back(file);
    }
    if (!options.command.empty()) {
      std::string command_line = options.command;
      for (const auto& file : files) command_line += " " + shell_quote(file.string());
      if (std::system(command_line.c_str()) != 0) {
        throw std::runtime_error(
            std::string("reports.command failed for ").append(day).append(": ").append(command_line));
      }
    }
    written.insert(written.end(), files.begin(), files.end());
  }
  return written;
}

int send_pending_report_mail(const EndOfDayOptions& options) {
  if (options.mail.to.empty() || options.folder.empty() || !std::filesystem::is_directory(options.folder))
    return 0;
  std::vector<std::filesystem::path> pending;
  for (const auto& entry : std::filesystem::directory_iterator(options.folder)) {
    if (entry.path().extension() == kMailPending) pending.push_back(entry.path());
  }
  std::sort(pending.begin(), pending.end());  // footfall-YYYY-MM-DD: oldest first
  int sent = 0;
  for (const auto& marker : pending) {
    const std::filesystem::path base = marker.parent_path() / marker.stem();
    try {
      MailMessage message;
      message.from = options.mail.from;
      message.to = options.mail.to;
      message.subject = data::read_file_text(marker);
      message.html = data::read_file_text(base.string() + ".html");
      // The owner opens the attachment in a spreadsheet: the CSV in the store's locale, not the machine
      // one (which a day written before there was a spreadsheet CSV still sends).
      std::filesystem::path csv =
          base.string() + "." + data::report_format_extension(data::ReportFormat::Spreadsheet);
      if (!std::filesystem::exists(csv)) csv = base.string() + ".csv";
      message.attachments.push_back(
          {base.filename().string() + ".csv", "text/csv; charset=UTF-8", data::read_file_text(csv)});
      send_mail(options.mail.smtp, message);
    } catch (const std::exception& error) {
      const auto waiting = pending.size() - static_cast<std::size_t>(sent);
      throw std::runtime_error("e-mail: " + std::to_string(waiting) +
                               (waiting == 1 ? " report" : " reports") + " not sent yet: " + error.what());
    }
    std::filesystem::remove(marker);
    ++sent;
  }
  return sent;
}

}  // namespace footfall::app
