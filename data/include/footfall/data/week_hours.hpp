#pragma once
// Opening hours per weekday as the command line writes them: "mon-fri 09:00-20:00, sat 10:00-18:00,
// sun closed". The one formatter, parser and check of a week's hours.
#include <string>
#include <string_view>
#include <variant>

#include "footfall/data/types.hpp"

namespace footfall::data {

// Consecutive days with the same hours share one item, Monday first; "every day 09:00-20:00" when all do.
std::string week_hours_text(const WeekHours& hours);

// Items separated by commas, each "DAYS HH:MM-HH:MM" or "DAYS closed"; DAYS is a day (mon ... sun),
// a range (mon-fri) or "every day", or left out for every day. Later items override earlier ones,
// so "09:00-20:00, sun closed" reads as it sounds. Days not named keep their hours from `base`.
// Returns the week, or why the text cannot be read.
std::variant<WeekHours, std::string> parse_week_hours(std::string_view text, const WeekHours& base);

// Why a week's hours cannot be the store's (an open day closing at or before it opens), or empty.
std::string week_hours_problem(const WeekHours& hours);

}  // namespace footfall::data
