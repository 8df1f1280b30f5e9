#pragma once
// The store profile as the command line shows and edits it, and the checks its values pass.
#include "footfall/data/types.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace footfall::data {

// "09:30" -> 570; "24:00" is allowed (an end of day); anything else -> nullopt.
std::optional<int> parse_clock_minutes(std::string_view text);
std::string clock_text(int minutes);  // 570 -> "09:30"

// Three letters A-Z, as ISO 4217 writes them ("EUR"); lower case is not accepted.
bool is_currency_code(std::string_view text);

}  // namespace footfall::data
