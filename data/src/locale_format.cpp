#include "footfall/data/locale_format.hpp"

#include <date/tz.h>

#include <cmath>
#include <cstdio>
#include <map>

#include "footfall/data/time_text.hpp"
#include "footfall/data/words.hpp"

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
