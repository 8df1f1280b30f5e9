#pragma once
// Times of day as people write them, "HH:MM": the one formatter and parser data/ uses.
#include <optional>
#include <string>
#include <string_view>

namespace footfall::data {

// "09:30" -> 570; "24:00" is allowed (an end of day); anything else -> nullopt.
std::optional<int> parse_clock_minutes(std::string_view text);
std::string clock_text(int minutes);  // 570 -> "09:30"; clamped to 00:00..24:00

}  // namespace footfall::data
