#include "time/dates.hpp"

#include <date/tz.h>

#include <chrono>
#include <cstdio>

#include "footfall/data/business_time.hpp"

namespace footfall::app {

std::optional<date::sys_days> parse_iso_date(const std::string& text) {
  if (const auto day = data::try_parse_date(text)) return date::sys_days{day->time_since_epoch()};
  return std::nullopt;
}

std::string format_iso_date(date::sys_days day) {
  return data::format_date(date::local_days{day.time_since_epoch()});
}

std::string shift_iso_date(const std::string& text, int days) {
  const auto day = parse_iso_date(text);
  return day ? format_iso_date(*day + date::days(days)) : text;
}

std::optional<std::int64_t> parse_instant_ms(const std::string& text) {
  if (text.size() < 16) return std::nullopt;
  const auto day = parse_iso_date(text.substr(0, 10));
  if (!day || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  unsigned hour = 0;
  unsigned minute = 0;
  unsigned second = 0;
  int consumed = 0;
  const std::string rest = text.substr(11);
  if (std::sscanf(rest.c_str(), "%2u:%2u:%2u%n", &hour, &minute, &second, &consumed) != 3) {
    second = 0;
    if (std::sscanf(rest.c_str(), "%2u:%2u%n", &hour, &minute, &consumed) != 2) return std::nullopt;
  }
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  // Fractions of a second, as video containers write them (16:57:49.000000Z): kept to the millisecond.
  std::int64_t millis = 0;
  auto at = static_cast<std::size_t>(consumed);
  if (at < rest.size() && rest[at] == '.') {
    std::int64_t scale = 100;
    ++at;
    const std::size_t digits_from = at;
    for (; at < rest.size() && rest[at] >= '0' && rest[at] <= '9'; ++at, scale /= 10)
      millis += (rest[at] - '0') * scale;
    if (at == digits_from) return std::nullopt;
  }
  std::int64_t offset_minutes = 0;
  const std::string zone = rest.substr(at);
  if (!zone.empty() && zone != "Z") {
    unsigned offset_hours = 0;
    unsigned offset_mins = 0;
    int zone_consumed = 0;
    if ((zone[0] != '+' && zone[0] != '-') ||
        std::sscanf(zone.c_str() + 1, "%2u:%2u%n", &offset_hours, &offset_mins, &zone_consumed) != 2 ||
        static_cast<std::size_t>(zone_consumed) + 1 != zone.size()) {
      return std::nullopt;
    }
    offset_minutes = (zone[0] == '-' ? -1 : 1) * static_cast<std::int64_t>(offset_hours * 60 + offset_mins);
  }
  const auto local_seconds =
      std::chrono::duration_cast<std::chrono::seconds>(day->time_since_epoch()).count() + hour * 3600 +
      minute * 60 + second;
  return (local_seconds - offset_minutes * 60) * 1000 + millis;
}

std::string format_instant_utc(std::int64_t ms) {
  const auto instant = date::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms));
  const auto day = date::floor<date::days>(instant);
  const date::hh_mm_ss<std::chrono::milliseconds> time(instant - day);
  char text[32];
  std::snprintf(text, sizeof text, "%sT%02d:%02d:%02dZ", format_iso_date(day).c_str(),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

std::string machine_time_zone() {
  try {
    return std::string(date::current_zone()->name());
  } catch (const std::exception&) {
    return "UTC";
  }
}

std::string file_stamp_utc(std::int64_t ms) {
  std::string stamp = format_instant_utc(ms);
  std::erase(stamp, ':');
  return stamp;
}

}  // namespace footfall::app
