#include "footfall/data/business_time.hpp"

#include <chrono>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace footfall::data {
namespace {

using Milliseconds = std::chrono::milliseconds;

date::sys_time<Milliseconds> to_sys(TimeMs time_ms) { return date::sys_time<Milliseconds>{Milliseconds{time_ms}}; }

const date::time_zone* find_zone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception& e) {
    throw std::invalid_argument("store settings: time zone \"" + name + "\" is not a known IANA zone (" + e.what() +
                                ")");
  }
}

}  // namespace

BusinessClock::BusinessClock(const StoreSettings& settings)
    : zone_(find_zone(settings.time_zone)),
      cutoff_minutes_(settings.cutoff_minutes),
      opening_hours_(settings.opening_hours) {}

std::optional<OpenWindow> BusinessClock::opening(date::local_days day) const {
  const DayHours& hours = opening_hours_[static_cast<std::size_t>(weekday_index(day))];
  if (hours.closed) return std::nullopt;
  const int close_offset = hours.close_minutes > hours.open_minutes ? 0 : 1;
  return OpenWindow{at_local(day, hours.open_minutes),
                    at_local(day + date::days{close_offset}, hours.close_minutes)};
}

TimeMs BusinessClock::at_local(date::local_days day, int minutes) const {
  const date::local_time<Milliseconds> local = day + std::chrono::minutes{minutes};
  // A local time skipped by DST maps to the transition instant.
  return zone_->to_sys(local, date::choose::earliest).time_since_epoch().count();
}

TimeMs BusinessClock::day_start(date::local_days day) const { return at_local(day, cutoff_minutes_); }

date::local_days BusinessClock::business_day_of(TimeMs time_ms) const {
  const auto local = zone_->to_local(to_sys(time_ms)) - std::chrono::minutes{cutoff_minutes_};
  return date::floor<date::days>(local);
}

int BusinessClock::local_minutes(TimeMs time_ms) const {
  const auto local = zone_->to_local(to_sys(time_ms));
  const auto since_midnight = local - date::floor<date::days>(local);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count());
}

int BusinessClock::local_hour(TimeMs time_ms) const { return local_minutes(time_ms) / 60; }

TimeMs BusinessClock::shift_days(TimeMs time_ms, int days) const {
  const auto local = zone_->to_local(to_sys(time_ms)) + date::days{days};
  return zone_->to_sys(local, date::choose::earliest).time_since_epoch().count();
}

bool BusinessClock::whole_hour_offsets(TimeMs from_ms, TimeMs to_ms) const {
  if (cutoff_minutes_ % 60 != 0) return false;
  auto instant = date::floor<std::chrono::seconds>(to_sys(from_ms));
  const auto end = to_sys(to_ms);
  for (;;) {
    const auto info = zone_->get_info(instant);
    if (info.offset.count() % 3600 != 0) return false;
    if (info.end >= end || info.end <= instant) return true;
    instant = info.end;
  }
}

// sscanf rather than date::parse: GCC 12 flags date::parse's internals as maybe-uninitialized at -O2,
// and a strict "digits-digits-digits, nothing after" is what every caller wants.
std::optional<date::local_days> try_parse_date(const std::string& text) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  int consumed = 0;
  if (text.empty() || text.front() == ' ' ||
      std::sscanf(text.c_str(), "%4d-%2u-%2u%n", &year, &month, &day, &consumed) != 3 ||
      static_cast<std::size_t>(consumed) != text.size()) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return date::local_days{ymd};
}

date::local_days parse_date(const std::string& text) {
  if (const auto day = try_parse_date(text)) return *day;
  throw std::invalid_argument("date \"" + text + "\" is not a valid YYYY-MM-DD date");
}

std::string format_date(date::local_days day) {
  // Neither date::format nor snprintf: a year's report formats a date per day and both show up.
  const date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    char text[24];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
  }
  const auto month = static_cast<unsigned>(ymd.month());
  const auto day_of_month = static_cast<unsigned>(ymd.day());
  const auto digit = [](unsigned value) { return static_cast<char>('0' + value % 10); };
  const auto y = static_cast<unsigned>(year);
  return {digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), '-', digit(month / 10), digit(month),
          '-', digit(day_of_month / 10), digit(day_of_month)};
}

int weekday_index(date::local_days day) {
  return static_cast<int>((date::weekday{day} - date::Monday).count());
}

}  // namespace footfall::data
