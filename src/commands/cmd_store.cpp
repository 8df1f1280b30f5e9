#include "commands/commands.hpp"
#include "config/config.hpp"

#include "footfall/data/store/store.hpp"
#include "footfall/data/store/store_profile.hpp"
#include "footfall/data/store/settings_queries.hpp"

#include <iostream>
#include <stdexcept>

namespace footfall::app {

int run_store_command(const StoreCommand& command) {
  const AppConfig config = resolve_config(command.common.config, command.common.db);
  data::Store store(config.database.string());
  data::StoreSettings settings = store.settings();
  if (!command.set) {
    std::cout << data::describe_store_profile(settings);
    return 0;
  }
  if (const auto error = data::set_store_profile_field(settings, command.key, command.value); !error.empty()) {
    std::cerr << "footfall store set: " << error << "\n";
    return 1;
  }
  if (command.key == "currency") {
    if (const auto refusal = data::currency_change_refusal(store, settings.currency); !refusal.empty()) {
      std::cerr << "footfall store set: currency: " << refusal << "\n";
      return 1;
    }
  }
  store.save_settings(settings);
  std::cout << data::describe_store_profile(settings);
  return 0;
}

}  // namespace footfall::app
