#include <iostream>
#include <stdexcept>

#include "commands/commands.hpp"
#include "config/config.hpp"
#include "footfall/data/chain/chain.hpp"
#include "footfall/data/store/store.hpp"
#include "time/dates.hpp"

namespace footfall::app {

int run_sync_command(const SyncCommand& command) {
  const AppConfig config = resolve_config(command.common.config, command.common.db);
  if (!std::filesystem::exists(config.database)) {
    throw std::runtime_error(config.database.string() +
                             ": no such database (count or import something first)");
  }
  data::Store store(config.database.string());
  if (command.status) {
    const auto status = data::chain::sync_status(store);
    std::cout << "last sync: "
              << (status.last_success_ms ? format_instant_utc(*status.last_success_ms) : std::string("never"))
              << "\n"
              << "waiting: " << status.pending_transactions << " transactions, " << status.pending_events
              << " crossings"
              << (status.oldest_pending_ms ? ", oldest " + format_instant_utc(*status.oldest_pending_ms) : "")
              << "\n";
    return 0;
  }
  data::chain::Server server;
  server.url = command.server.empty() ? config.chain.server : command.server;
  server.credentials =
      command.credentials.empty() ? config.chain.credentials : std::filesystem::path(command.credentials);
  const std::string code = command.store_code.empty() ? config.chain.store_code : command.store_code;
  if (server.url.empty()) throw std::runtime_error("sync: no server; give --server or set [chain] server");
  if (code.empty())
    throw std::runtime_error("sync: no store code; give --store-code or set [chain] store_code");
  data::chain::SyncOptions options;
  if (command.batch_rows > 0) options.batch_rows = command.batch_rows;
  const auto result = data::chain::sync_store(store, server, code, options);
  std::cout << "synced " << code << ": " << result.transactions << " transactions, " << result.traffic_rows
            << " quarter hours of traffic, " << result.roster_rows << " roster entries in " << result.batches
            << " batches\n";
  return 0;
}

}  // namespace footfall::app
