#include "commands/commands.hpp"
#include "config/config.hpp"
#include "time/dates.hpp"

#include "footfall/data/store/backup.hpp"

#include <iostream>
#include <stdexcept>

namespace footfall::app {

int run_backup_command(const BackupCommand& command) {
  const AppConfig config = resolve_config(command.common.config, command.common.db);
  if (!command.restore) {
    std::filesystem::path target = command.to;
    if (target.empty()) target = data::manual_backup_path(backups_folder(config.database), wall_clock_ms());
    data::backup_database(config.database, target);
    std::cout << "backed up " << config.database.string() << " to " << target.string() << "\n";
    return 0;
  }
  std::filesystem::path from = command.from;
  if (from.empty()) {
    const auto backups = data::list_backups(backups_folder(config.database));
    if (backups.empty()) {
      throw std::runtime_error("no backups in " + backups_folder(config.database).string() +
                               "; name one: footfall restore FILE");
    }
    from = backups.front();
  }
  data::restore_database(from, config.database);
  std::cout << "restored " << config.database.string() << " from " << from.string() << "\n";
  return 0;
}

}  // namespace footfall::app
