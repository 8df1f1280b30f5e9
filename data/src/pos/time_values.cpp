#include <date/date.h>
#include <date/tz.h>

#include <mutex>
#include <unordered_map>

#include "footfall/data/pos/values.hpp"

// Dates, times and time zones as POS exports write them: day/month order, local date-times, zone
// names and aliases, and the UTC instant of a local time. Amounts and text are values.cpp.
namespace footfall::data {

DateOrder date_order_from_format(std::string_view format) {
  std::string letters;
  for (const char c : format) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((lower == 'd' || lower == 'm' || lower == 'y') && (letters.empty() || letters.back() != lower)) {
      letters += lower;
    }
  }
  if (letters.rfind("ymd", 0) == 0) return DateOrder::YMD;
  if (letters.rfind("dmy", 0) == 0) return DateOrder::DMY;
  if (letters.rfind("mdy", 0) == 0) return DateOrder::MDY;
  return DateOrder::Auto;
}

namespace {

struct Cursor {
  std::string_view text;
  std::size_t pos = 0;
  [[nodiscard]] bool done() const { return pos >= text.size(); }
  [[nodiscard]] char peek() const { return done() ? '\0' : text[pos]; }
  void skip_spaces() {
    while (!done() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  }
  // Reads up to `max_digits` digits; returns the count read.
  int number(int& value, int max_digits = 9) {
    value = 0;
    int count = 0;
    while (!done() && count < max_digits && text[pos] >= '0' && text[pos] <= '9') {
      value = value * 10 + (text[pos] - '0');
      ++pos;
      ++count;
    }
    return count;
  }
};

bool is_date_separator(char c) { return c == '-' || c == '/' || c == '.'; }

}  // namespace

std::optional<DateOrder> date_order_evidence(std::string_view text) {
  Cursor cursor{trim_spaces(text)};
  int first = 0;
  int second = 0;
  const int first_digits = cursor.number(first);
  if (first_digits == 0 || first_digits == 4 || !is_date_separator(cursor.peek())) return std::nullopt;
  ++cursor.pos;
  if (cursor.number(second) == 0) return std::nullopt;
  if (first > 12 && second <= 12) return DateOrder::DMY;
  if (second > 12 && first <= 12) return DateOrder::MDY;
  return std::nullopt;
}

Parsed<LocalDateTime> parse_local_datetime(std::string_view text, DateOrder order) {
  using R = Parsed<LocalDateTime>;
  const auto fail = [text](const char* what) {
    return R::failure(std::string(what) + ": \"" + std::string(text) + "\"");
  };
  Cursor cursor{trim_spaces(text)};
  if (cursor.text.empty()) return R::failure("empty date/time");
  LocalDateTime result;
  date::sys_days day{};

  // Date part: three numbers split by - / . (the time part has ':' after its first number).
  const std::size_t start = cursor.pos;
  int a = 0;
  const int a_digits = cursor.number(a);
  if (a_digits == 0) return fail("not a date/time");
  if (is_date_separator(cursor.peek())) {
    const char separator = cursor.peek();
    ++cursor.pos;
    int b = 0;
    int c = 0;
    const int b_digits = cursor.number(b);
    if (b_digits == 0 || cursor.peek() != separator) return fail("not a date");
    ++cursor.pos;
    const int c_digits = cursor.number(c);
    if (c_digits == 0) return fail("not a date");
    int year = 0;
    int month = 0;
    int day_of_month = 0;
    if (a_digits == 4) {
      year = a, month = b, day_of_month = c;
    } else {
      if (c_digits == 2) c += 2000;
      if (c_digits != 4 && c_digits != 2) return fail("not a date");
      DateOrder effective = order;
      if (effective == DateOrder::Auto || effective == DateOrder::YMD) {
        effective = (a > 12) ? DateOrder::DMY : (b > 12 ? DateOrder::MDY : DateOrder::DMY);
      }
      year = c;
      month = effective == DateOrder::MDY ? a : b;
      day_of_month = effective == DateOrder::MDY ? b : a;
    }
    const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                   date::day{static_cast<unsigned>(day_of_month)}};
    if (!ymd.ok()) return fail("no such date");
    day = date::sys_days{ymd};
    result.has_date = true;
    if (cursor.peek() == 'T') {
      ++cursor.pos;
    } else {
      cursor.skip_spaces();
      if (cursor.peek() == ',') ++cursor.pos;
      cursor.skip_spaces();
    }
  } else {
    cursor.pos = start;
  }

  std::int64_t millis = 0;
  if (!cursor.done() && cursor.peek() >= '0' && cursor.peek() <= '9') {
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (cursor.number(hour, 2) == 0 || cursor.peek() != ':') return fail("not a time");
    ++cursor.pos;
    if (cursor.number(minute, 2) != 2) return fail("not a time");
    if (cursor.peek() == ':') {
      ++cursor.pos;
      if (cursor.number(second, 2) != 2) return fail("not a time");
    }
    int fraction_ms = 0;
    if (cursor.peek() == '.' || cursor.peek() == ',') {
      ++cursor.pos;
      int fraction = 0;
      const int digits = cursor.number(fraction, 3);
      for (int i = digits; i < 3; ++i) fraction *= 10;
      fraction_ms = fraction;
      int ignored = 0;
      cursor.number(ignored);
    }
    cursor.skip_spaces();
    const auto rest = cursor.text.substr(cursor.pos, 2);
    if (rest == "AM" || rest == "am" || rest == "PM" || rest == "pm") {
      if (hour < 1 || hour > 12) return fail("bad 12-hour time");
      const bool pm = rest[0] == 'P' || rest[0] == 'p';
      hour = hour % 12 + (pm ? 12 : 0);
      cursor.pos += 2;
      cursor.skip_spaces();
    }
    if (hour > 23 || minute > 59 || second > 60) return fail("no such time");
    millis = ((hour * 60LL + minute) * 60LL + second) * 1000LL + fraction_ms;
    result.has_time = true;
  }
  if (!result.has_date && !result.has_time) return fail("not a date/time");

  // Offset: Z, UTC, GMT, +0200, +02:00, -05.
  cursor.skip_spaces();
  if (!cursor.done()) {
    const auto rest = cursor.text.substr(cursor.pos);
    if (rest == "Z" || rest == "UTC" || rest == "GMT") {
      result.offset_minutes = 0;
    } else {
      const char sign = cursor.peek();
      if (sign != '+' && sign != '-') return fail("unexpected text after the date/time");
      ++cursor.pos;
      int hours = 0;
      int minutes = 0;
      if (cursor.number(hours, 2) != 2) return fail("bad UTC offset");
      if (cursor.peek() == ':') ++cursor.pos;
      if (!cursor.done() && cursor.number(minutes, 2) != 2) return fail("bad UTC offset");
      cursor.skip_spaces();
      if (!cursor.done() || hours > 14 || minutes > 59) return fail("bad UTC offset");
      result.offset_minutes = (sign == '-' ? -1 : 1) * (hours * 60 + minutes);
    }
  }
  result.local_ms = day.time_since_epoch().count() * 86'400'000LL + millis;
  return R::success(result);
}

namespace {

const std::unordered_map<std::string, std::string>& zone_aliases() {
  static const std::unordered_map<std::string, std::string> aliases = {
      {"eastern time (us & canada)", "America/New_York"},
      {"central time (us & canada)", "America/Chicago"},
      {"mountain time (us & canada)", "America/Denver"},
      {"pacific time (us & canada)", "America/Los_Angeles"},
      {"atlantic time (canada)", "America/Halifax"},
      {"arizona", "America/Phoenix"},
      {"alaska", "America/Anchorage"},
      {"hawaii", "Pacific/Honolulu"},
      {"eastern standard time", "America/New_York"},
      {"central standard time", "America/Chicago"},
      {"mountain standard time", "America/Denver"},
      {"pacific standard time", "America/Los_Angeles"},
      {"est", "America/New_York"},
      {"edt", "America/New_York"},
      {"cst", "America/Chicago"},
      {"cdt", "America/Chicago"},
      {"mst", "America/Denver"},
      {"mdt", "America/Denver"},
      {"pst", "America/Los_Angeles"},
      {"pdt", "America/Los_Angeles"},
      {"central european time", "Europe/Paris"},
      {"central europe standard time", "Europe/Budapest"},
      {"central european standard time", "Europe/Warsaw"},
      {"romance standard time", "Europe/Paris"},
      {"w. europe standard time", "Europe/Berlin"},
      {"gmt standard time", "Europe/London"},
      {"russian standard time", "Europe/Moscow"},
      {"south africa standard time", "Africa/Johannesburg"},
      {"cet", "Europe/Paris"},
      {"cest", "Europe/Paris"},
      {"msk", "Europe/Moscow"},
      {"paris", "Europe/Paris"},
      {"berlin", "Europe/Berlin"},
      {"madrid", "Europe/Madrid"},
      {"rome", "Europe/Rome"},
      {"amsterdam", "Europe/Amsterdam"},
      {"brussels", "Europe/Brussels"},
      {"vienna", "Europe/Vienna"},
      {"london", "Europe/London"},
      {"edinburgh", "Europe/London"},
      {"dublin", "Europe/Dublin"},
      {"lisbon", "Europe/Lisbon"},
      {"moscow", "Europe/Moscow"},
      {"st. petersburg", "Europe/Moscow"},
      {"kyiv", "Europe/Kiev"},
      {"pretoria", "Africa/Johannesburg"},
      {"sydney", "Australia/Sydney"},
      {"tokyo", "Asia/Tokyo"},
      {"utc", "UTC"},
      {"gmt", "UTC"},
  };
  return aliases;
}

}  // namespace

const date::time_zone* find_time_zone(std::string_view name) {
  static std::mutex mutex;
  static std::unordered_map<std::string, const date::time_zone*> cache;
  const std::string key(trim_spaces(name));
  const std::lock_guard lock(mutex);
  if (const auto it = cache.find(key); it != cache.end()) return it->second;
  const date::time_zone* zone = nullptr;
  std::string iana = key;
  if (const auto alias = zone_aliases().find(fold_case(key)); alias != zone_aliases().end())
    iana = alias->second;
  try {
    zone = date::locate_zone(iana);
  } catch (const std::exception&) {
    zone = nullptr;
  }
  cache.emplace(key, zone);
  return zone;
}

Parsed<TimeMs> to_utc_ms(const LocalDateTime& local, const date::time_zone* zone) {
  if (local.offset_minutes) {
    return Parsed<TimeMs>::success(local.local_ms - *local.offset_minutes * 60'000LL);
  }
  if (zone == nullptr) return Parsed<TimeMs>::success(local.local_ms);
  const date::local_time<std::chrono::milliseconds> wall{std::chrono::milliseconds{local.local_ms}};
  try {
    const auto instant = zone->to_sys(wall, date::choose::earliest);
    return Parsed<TimeMs>::success(instant.time_since_epoch().count());
  } catch (const std::exception& e) {
    return Parsed<TimeMs>::failure(std::string("local time does not exist in ") + std::string(zone->name()) +
                                   ": " + e.what());
  }
}

}  // namespace footfall::data
