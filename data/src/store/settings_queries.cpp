#include "footfall/data/store/settings_queries.hpp"

#include "store/connection.hpp"

#include <SQLiteCpp/Statement.h>
#include <date/tz.h>

#include <stdexcept>

namespace footfall::data {

std::vector<std::string> list_sellers(Store& store) {
  SQLite::Statement query(connection(store),
                          "SELECT name FROM sellers WHERE name <> '' ORDER BY name COLLATE NOCASE");
  std::vector<std::string> sellers;
  while (query.executeStep()) sellers.push_back(query.getColumn(0).getString());
  return sellers;
}

int remove_roster_entry(Store& store, const std::string& seller, TimeMs start_ms, TimeMs end_ms) {
  SQLite::Statement remove(connection(store),
                           "DELETE FROM roster WHERE seller = ? AND start_ms = ? AND end_ms = ?");
  remove.bind(1, seller);
  remove.bind(2, start_ms);
  remove.bind(3, end_ms);
  return remove.exec();
}

std::vector<std::string> transaction_currencies(Store& store) {
  SQLite::Statement query(connection(store),
                          "SELECT DISTINCT currency FROM pos_transactions WHERE currency <> '' ORDER BY 1");
  std::vector<std::string> currencies;
  while (query.executeStep()) currencies.push_back(query.getColumn(0).getString());
  return currencies;
}

std::string currency_change_refusal(Store& store, const std::string& currency) {
  for (const auto& held : transaction_currencies(store)) {
    if (held != currency) {
      return "the store holds sales in " + held + "; it cannot become " + currency +
             " (amounts in different currencies are never added)";
    }
  }
  return {};
}

bool is_time_zone(const std::string& zone) {
  if (zone.empty()) return false;
  try {
    return date::locate_zone(zone) != nullptr;
  } catch (const std::runtime_error&) {
    return false;
  }
}

}  // namespace footfall::data
