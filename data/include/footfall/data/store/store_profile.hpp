#pragma once
// The store profile as the command line shows and edits it, and the checks its values pass.
#include "footfall/data/time_text.hpp"  // parse_clock_minutes, clock_text
#include "footfall/data/types.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace footfall::data {

// Three letters A-Z, as ISO 4217 writes them ("EUR"); lower case is not accepted.
bool is_currency_code(std::string_view text);

// The keys `footfall store set` takes, in the order `footfall store show` prints them.
const std::vector<std::string>& store_profile_keys();

// One line per key, "key: value"; a currency never set reads "(not set: the first import sets it)".
std::string describe_store_profile(const StoreSettings& settings);

// Sets `key` of `settings` to `value`; returns the reason when the key is unknown or the value
// invalid (nothing is changed then), empty on success.
std::string set_store_profile_field(StoreSettings& settings, const std::string& key, const std::string& value);

}  // namespace footfall::data
