#include <iostream>
#include <stdexcept>
#include <string>

#include "commands/commands.hpp"
#include "commands/command_output.hpp"
#include "footfall/data/chain/chain.hpp"
#include "time/dates.hpp"

namespace footfall::app {
namespace {

std::string checked_date(const std::string& option, const std::string& text) {
  if (!parse_iso_date(text)) {
    throw std::runtime_error(option + ": \"" + text + "\" is not a date; use YYYY-MM-DD, e.g. 2026-11-22");
  }
  return text;
}

}  // namespace

int run_chain_command(const ChainCommand& command) {
  const data::chain::Server server{command.server, command.credentials};
  if (command.kind == "migrate") {
    const int applied = data::chain::migrate_central(server);
    std::cout << "central schema at version " << data::chain::central_schema_version() << " (" << applied
              << " migration" << (applied == 1 ? "" : "s") << " applied)\n";
    return 0;
  }
  if (command.kind == "add-store") {
    std::string password;
    std::getline(std::cin, password);
    const auto role = data::chain::register_store(server, {command.code, command.region, password});
    std::cout << "store " << command.code << " can sync as " << role << "\n"
              << "on its kiosk: a password file (chmod 600) with the line HOST:PORT:DATABASE:" << role
              << ":PASSWORD, then\n  footfall sync --server postgresql://" << role
              << "@HOST:PORT/DATABASE?sslmode=verify-full --store-code " << command.code
              << " --credentials FILE\n";
    return 0;
  }
  const std::string today = format_iso_date(date::floor<date::days>(std::chrono::system_clock::now()));
  const std::string to = command.to.empty() ? shift_iso_date(today, -1) : checked_date("--to", command.to);
  const std::string from =
      command.from.empty() ? shift_iso_date(to, -6) : checked_date("--from", command.from);
  if (to < from) throw std::runtime_error("--to " + to + " is before --from " + from);
  const auto report = data::chain::chain_report(server, from, to, data::chain::parse_chain_group(command.by));
  const std::string text = data::chain::render_chain_report(report, command.format);
  write_command_output(command.output, text);
  return 0;
}

}  // namespace footfall::app
