#pragma once
// What the kiosk's settings screen reads and removes beside Store's own calls.
#include "footfall/data/store/store.hpp"

#include <string>
#include <vector>

namespace footfall::data {

// Every seller known to the store (from sales, the roster or aliases), by name.
std::vector<std::string> list_sellers(Store& store);

// Removes the roster entries of `seller` that start and end exactly at these instants; returns how many.
int remove_roster_entry(Store& store, const std::string& seller, TimeMs start_ms, TimeMs end_ms);

// The currencies the stored transactions are in, without the empty one of sales imported before
// schema 8 (they were shown in the store's currency).
std::vector<std::string> transaction_currencies(Store& store);

// Why the store cannot take `currency`, empty when it can: sales it holds in another currency would
// be added to money they are not.
std::string currency_change_refusal(Store& store, const std::string& currency);

// Whether `zone` names a zone of the tz database ("Europe/Paris").
bool is_time_zone(const std::string& zone);

}  // namespace footfall::data
