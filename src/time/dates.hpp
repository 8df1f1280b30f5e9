#pragma once
#include "footfall/data/wall_clock.hpp"

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>

namespace footfall::app {

// UTC milliseconds since the epoch, the unit every stored time uses: data's one reading of the clock.
using data::wall_clock_ms;

// YYYY-MM-DD; empty when it is not a real date (data::try_parse_date, as a UTC day).
std::optional<date::sys_days> parse_iso_date(const std::string& text);
std::string format_iso_date(date::sys_days day);
std::string shift_iso_date(const std::string& text, int days);

// 2026-11-23T09:00:00Z, 2026-11-23 09:00, 2026-11-23T09:00:00.250+01:00; no offset means UTC.
std::optional<std::int64_t> parse_instant_ms(const std::string& text);
// 2026-11-23T09:00:00Z (whole seconds).
std::string format_instant_utc(std::int64_t ms);
// The same without colons, for file names: 2026-11-23T090000Z.
std::string file_stamp_utc(std::int64_t ms);
// This computer's tz zone name ("Europe/Paris"), or UTC when it has none.
std::string machine_time_zone();

}  // namespace footfall::app
