#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <iostream>

#include "commands/commands.hpp"
#include "config/config.hpp"
#include "footfall/data/pos/import.hpp"
#include "footfall/data/store/store.hpp"

namespace footfall::app {
namespace {

// What to do about a refused file, in this command's options (the kiosk says it in its own words).
std::string command_line_hint(const data::ImportError& error) {
  const auto& errors = error.errors();
  const auto any_problem = [&errors](data::RowProblem problem) {
    return std::any_of(errors.begin(), errors.end(),
                       [problem](const data::RowError& row) { return row.problem == problem; });
  };
  if (any_problem(data::RowProblem::NoDate))
    return "its rows carry times but no day; give the day they belong to with --date YYYY-MM-DD";
  if (any_problem(data::RowProblem::NoTime)) {
    return "its rows carry a day but no time; if one time of day will do for all of them, give it with "
           "--default-time "
           "HH:MM (their hourly figures will only be as right as that time)";
  }
  switch (error.failure()) {
    case data::ImportFailure::NoProfileMatch:
      return "write a profile for it (footfall import --guess FILE proposes one) and give it with "
             "--profile-file";
    case data::ImportFailure::BadRows:
      return "--skip-bad-rows imports the rest";
    case data::ImportFailure::NoCurrency:
      return "give its currency with --currency XXX (e.g. EUR), or set the store's with footfall store set "
             "currency XXX";
    default:
      return {};
  }
}

}  // namespace

int run_import_command(const ImportCommand& command) {
  if (command.guess) {
    for (const auto& file : command.files) {
      const std::string profile = data::guess_profile_toml(file);
      std::cout << profile << (profile.ends_with('\n') ? "" : "\n");
    }
    return 0;
  }
  const AppConfig config = resolve_config(command.common.config, command.common.db);
  data::Store store(config.database.string());

  data::ImportOptions options;
  options.profile = command.profile;
  options.profile_file = command.profile_file;
  options.dry_run = command.dry_run;
  options.skip_bad_rows = command.skip_bad_rows;
  options.reject_file = command.reject_file;
  if (!command.date.empty()) options.default_date = command.date;
  if (!command.default_time.empty()) options.default_time = command.default_time;
  options.currency = command.currency;
  if (isatty(STDERR_FILENO) != 0) {
    options.progress = [](double fraction) { std::fprintf(stderr, "\r  %3.0f%% ", 100.0 * fraction); };
  }

  int status = 0;
  for (const auto& file : command.files) {
    try {
      const data::ImportResult result = data::import_pos_file(store, file, options);
      if (options.progress) std::fputc('\r', stderr);
      std::cout << file << ": " << result.profile << ", " << result.rows << " rows, " << result.transactions
                << " transactions (" << result.added << " new, " << result.updated << " updated, "
                << result.unchanged << " unchanged), net sales " << std::fixed << std::setprecision(2)
                << static_cast<double>(result.net_sales) / 100.0
                << (command.dry_run ? " [dry run: nothing written]" : "") << "\n";
      if (result.set_store_currency) {
        std::cout << (command.dry_run ? "[dry run] store currency would be set to "
                                      : "store currency set to ")
                  << result.currency << " from " << file << "\n";
      }
      if (result.default_time_rows > 0) {
        std::cout << file << ": " << result.default_time_rows
                  << " row(s) had no time of day and were placed at " << command.default_time
                  << " (--default-time)\n";
      }
      for (const auto& rejected : result.rejected) std::cerr << rejected.to_string() << "\n";
      if (!result.rejected.empty()) {
        std::cerr << result.rejected.size() << " row(s) rejected"
                  << (options.reject_file.empty() ? "" : ", written to " + options.reject_file.string())
                  << "\n";
      }
    } catch (const data::ImportError& error) {
      // The message already names the file, the bad rows (file:line: column "X": reason) and what to do.
      if (options.progress) std::fputc('\r', stderr);
      std::cerr << error.what() << "\n";
      const std::string hint = command_line_hint(error);
      if (!hint.empty()) std::cerr << file << ": " << hint << "\n";
      status = 1;
    }
  }
  return status;
}

}  // namespace footfall::app
