#include "commands/commands.hpp"
#include "commands/command_output.hpp"
#include "config/config.hpp"
#include "time/dates.hpp"
#include "footfall/data/atomic_file.hpp"

#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/report/report.hpp"
#include "footfall/data/store/store.hpp"


#include <chrono>
#include <iostream>
#include <stdexcept>

namespace footfall::app {
namespace {

date::sys_days parse_business_date(const std::string& option, const std::string& text) {
  if (const auto day = parse_iso_date(text)) return *day;
  throw std::runtime_error(option + ": \"" + text + "\" is not a date; use YYYY-MM-DD, e.g. 2026-11-22");
}

std::string last_complete_business_day(const data::StoreSettings& settings) {
  return shift_iso_date(data::business_date_of(settings, wall_clock_ms()), -1);
}

}  // namespace

int run_report_command(const ReportCommand& command) {
  const AppConfig config = resolve_config(command.common.config, command.common.db);
  if (!std::filesystem::exists(config.database)) {
    throw std::runtime_error(config.database.string() + ": no such database (count or import something first)");
  }
  data::Store store(config.database.string());
  const data::StoreSettings settings = store.settings();
  const auto format = data::parse_report_format(command.format);

  std::string text;
  if (command.kind == "day") {
    const std::string day = command.date.empty() ? last_complete_business_day(settings) : command.date;
    (void)parse_business_date("date", day);
    text = data::render_day_report(data::day_summary(store, day), settings, format, command.language);
  } else if (command.kind == "contest") {
    const std::string day =
        command.date.empty() ? data::business_date_of(settings, wall_clock_ms()) : command.date;
    (void)parse_business_date("--date", day);
    text = data::render_contest_report(data::seller_contest(store, command.period, day), settings, format,
                                       command.language);
  } else {
    const auto from = parse_business_date("--from", command.from);
    const auto to = parse_business_date("--to", command.to);
    if (to < from) throw std::runtime_error("--to " + command.to + " is before --from " + command.from);
    const auto summary = data::range_summary(store, command.from, command.to, data::parse_group_by(command.by));
    text = data::render_range_report(summary, settings, format, command.language);
  }

  write_command_output(command.output, text);
  return 0;
}

}  // namespace footfall::app
