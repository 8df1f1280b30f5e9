#include "footfall/data/locale_format.hpp"

#include <date/tz.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "footfall/data/business_time.hpp"
#include "footfall/data/time_text.hpp"

namespace footfall::data {
namespace {

constexpr const char* narrow_no_break_space = "\u202F";
constexpr const char* no_break_space = "\u00A0";

struct NumberStyle {
  const char* group;
  const char* decimal;
  const char* before_percent;
};

NumberStyle style_of(const std::string& language) {
  if (language == "fr") return {narrow_no_break_space, ",", narrow_no_break_space};
  if (language == "ru") return {no_break_space, ",", no_break_space};
  return {",", ".", ""};
}

std::string grouped(const std::string& digits, const char* group) {
  std::string result;
  const auto size = digits.size();
  for (std::size_t i = 0; i < size; ++i) {
    if (i > 0 && (size - i) % 3 == 0) result += group;
    result += digits[i];
  }
  return result;
}

std::string currency_symbol(const std::string& currency) {
  static const std::map<std::string, std::string> symbols = {{"EUR", "€"},   {"USD", "$"}, {"GBP", "£"},
                                                             {"RUB", "₽"}, {"JPY", "¥"}, {"CHF", "CHF"}};
  const auto found = symbols.find(currency);
  return found != symbols.end() ? found->second : currency;
}

constexpr std::array<const char*, 7> weekday_names = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                      "Friday", "Saturday", "Sunday"};
constexpr std::array<const char*, 12> day_of_month_patterns = {
    "%s January", "%s February", "%s March",     "%s April",   "%s May",      "%s June",
    "%s July",    "%s August",   "%s September", "%s October", "%s November", "%s December"};
constexpr std::array<const char*, 12> month_patterns = {
    "January %s", "February %s", "March %s",     "April %s",   "May %s",      "June %s",
    "July %s",    "August %s",   "September %s", "October %s", "November %s", "December %s"};

// Day, month and year of "YYYY-MM-DD".
std::optional<date::year_month_day> parse_ymd(const std::string& iso_date) {
  const auto day = try_parse_date(iso_date);
  if (!day) return std::nullopt;
  return date::year_month_day{*day};
}

// Which of a noun's forms follows `count`: CLDR's cardinal rules for whole numbers.
std::size_t plural_index(std::int64_t count, const std::string& language) {
  const std::int64_t n = count < 0 ? -count : count;
  if (language == "ru") {
    if (n % 10 == 1 && n % 100 != 11) return 0;
    if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return 1;
    return 2;
  }
  if (language == "fr") return n <= 1 ? 0 : 1;
  return n == 1 ? 0 : 1;
}

}  // namespace

std::string format_number(double value, int decimals, const std::string& language) {
  const auto style = style_of(language);
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, std::fabs(value));
  std::string plain(text);
  const auto point = plain.find('.');
  std::string result = grouped(plain.substr(0, point), style.group);
  if (point != std::string::npos) result.append(style.decimal).append(plain, point + 1);
  if (value < 0 && result.find_first_not_of("0.,") != std::string::npos) result.insert(0, 1, '-');
  return result;
}

std::string format_integer(std::int64_t value, const std::string& language) {
  std::string result = grouped(std::to_string(value < 0 ? -value : value), style_of(language).group);
  if (value < 0) result.insert(0, 1, '-');
  return result;
}

std::string format_percent(double fraction, int decimals, const std::string& language) {
  return format_number(fraction * 100.0, decimals, language) + style_of(language).before_percent + "%";
}

int currency_decimals(const std::string& currency) {
  return currency == "JPY" || currency == "KRW" || currency == "CLP" || currency == "ISK" ? 0 : 2;
}

std::string format_money(double minor_units, const std::string& currency, const std::string& language) {
  const int decimals = currency_decimals(currency);
  const double major = minor_units / std::pow(10.0, decimals);
  const std::string amount = format_number(std::fabs(major), decimals, language);
  std::string result = major < 0 && amount.find_first_not_of("0.,") != std::string::npos ? "-" : "";
  if (language == "fr" || language == "ru") {
    result.append(amount).append(no_break_space).append(currency_symbol(currency));
  } else {
    result.append(currency_symbol(currency)).append(amount);
  }
  return result;
}

std::string format_money(Money minor_units, const std::string& currency, const std::string& language) {
  return format_money(static_cast<double>(minor_units), currency, language);
}

std::string fill(const std::string& pattern, std::initializer_list<std::string> values) {
  std::string out;
  auto next = values.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] == 's') {
      if (next != values.end()) out += *next++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string format_duration(int minutes, const std::string& language) {
  char rest[8];
  std::snprintf(rest, sizeof rest, "%02d", minutes % 60);
  return fill(translate("%s h %s min", language), {std::to_string(minutes / 60), rest});
}

std::string format_coverage(int covered_open_minutes, int open_minutes, bool partial,
                            const std::string& language) {
  const std::string text =
      fill(translate("camera covered %s of %s open", language),
           {format_duration(covered_open_minutes, language), format_duration(open_minutes, language)});
  return partial ? fill(translate("%s; partial", language), {text}) : text;
}

std::string format_buyers_above_visitors(const std::string& when, std::int64_t buyers, std::int64_t visitors,
                                         const std::string& language) {
  return fill(translate("%s: buyers %s, visitors %s — a data problem, not a real conversion.", language),
              {when, format_integer(buyers, language), format_integer(visitors, language)}) +
         " " +
         translate(
             "Likely causes: a camera gap, a wrong time zone or door, a till outside the counted entrance.",
             language);
}

std::string format_short_date(const std::string& iso_date, const std::string& language) {
  const auto ymd = parse_ymd(iso_date);
  if (!ymd || (language != "fr" && language != "ru")) return iso_date;
  char text[16];
  std::snprintf(text, sizeof text, language == "fr" ? "%02u/%02u/%04d" : "%02u.%02u.%04d",
                static_cast<unsigned>(ymd->day()), static_cast<unsigned>(ymd->month()),
                static_cast<int>(ymd->year()));
  return text;
}

std::string format_long_date(const std::string& iso_date, const std::string& language) {
  const auto ymd = parse_ymd(iso_date);
  if (!ymd) return iso_date;
  const auto weekday = static_cast<std::size_t>(weekday_index(date::local_days{*ymd}));
  const auto month = static_cast<std::size_t>(static_cast<unsigned>(ymd->month()) - 1);
  const std::string day_month = fill(translate(day_of_month_patterns.at(month), language),
                                     {std::to_string(static_cast<unsigned>(ymd->day()))});
  return translate(weekday_names.at(weekday), language) + (language == "ru" ? ", " : " ") + day_month + " " +
         std::to_string(static_cast<int>(ymd->year()));
}

std::string format_month(const std::string& iso_month, const std::string& language) {
  const auto ymd = parse_ymd(iso_month + "-01");
  if (!ymd) return iso_month;
  const auto month = static_cast<std::size_t>(static_cast<unsigned>(ymd->month()) - 1);
  return fill(translate(month_patterns.at(month), language), {std::to_string(static_cast<int>(ymd->year()))});
}

std::string format_date_time(TimeMs time_ms, const std::string& time_zone, const std::string& language) {
  const date::sys_time<std::chrono::milliseconds> instant{std::chrono::milliseconds(time_ms)};
  date::local_time<std::chrono::milliseconds> local{instant.time_since_epoch()};
  try {
    local = date::locate_zone(time_zone)->to_local(instant);
  } catch (const std::exception&) {
  }  // an unknown zone reads as UTC, as format_clock does
  const auto day = date::floor<date::days>(local);
  const auto minutes = std::chrono::floor<std::chrono::minutes>(local - day);
  return format_short_date(format_date(day), language) + " " + clock_text(static_cast<int>(minutes.count()));
}

std::string format_count(std::int64_t count, const std::string& forms, const std::string& language) {
  const std::string words = translate(forms, language);
  std::size_t index = plural_index(count, language);
  std::size_t begin = 0;
  for (; index > 0; --index) {
    const auto bar = words.find('|', begin);
    if (bar == std::string::npos) break;  // fewer forms than the rule wants: the last one
    begin = bar + 1;
  }
  const auto end = words.find('|', begin);
  return format_integer(count, language) + " " +
         words.substr(begin, end == std::string::npos ? end : end - begin);
}

std::string format_clock(TimeMs time_ms, const std::string& time_zone) {
  const date::sys_time<std::chrono::milliseconds> instant{std::chrono::milliseconds(time_ms)};
  std::chrono::minutes minutes_of_day{};
  try {
    const auto local = date::locate_zone(time_zone)->to_local(instant);
    minutes_of_day = std::chrono::floor<std::chrono::minutes>(local - date::floor<date::days>(local));
  } catch (const std::exception&) {
    minutes_of_day = std::chrono::floor<std::chrono::minutes>(instant - date::floor<date::days>(instant));
  }
  return clock_text(static_cast<int>(minutes_of_day.count()));
}

}  // namespace footfall::data
