#include "footfall/data/pos/values.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <cmath>
#include <mutex>
#include <unordered_map>

namespace footfall::data {

namespace {

constexpr std::array<std::string_view, 5> unicode_spaces = {
    "\xC2\xA0",      // U+00A0 no-break space
    "\xE2\x80\xAF",  // U+202F narrow no-break space
    "\xE2\x80\x89",  // U+2009 thin space
    "\xE2\x80\x88",  // U+2008 punctuation space
    "\xE3\x80\x80",  // U+3000 ideographic space
};

std::size_t space_length_at(std::string_view text, std::size_t pos) {
  const char c = text[pos];
  if (c == ' ' || c == '\t' || c == '\'') return 1;
  // The other spaces are multi-byte UTF-8; any ASCII byte starts none of them.
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  for (const auto space : unicode_spaces) {
    if (text.substr(pos, space.size()) == space) return space.size();
  }
  return 0;
}

struct CurrencyToken {
  std::string_view text;
  std::string_view code;  // ISO 4217
};

// Longest first, so "руб." wins over "р.". A bare "$" is read as US dollars: the exports that use
// it for another dollar are imported with --currency.
constexpr std::array<CurrencyToken, 16> currency_tokens = {{
    {"руб.", "RUB"}, {"руб", "RUB"}, {"р.", "RUB"}, {"₽", "RUB"}, {"€", "EUR"}, {"£", "GBP"}, {"$", "USD"},
    {"¥", "JPY"}, {"EUR", "EUR"}, {"USD", "USD"}, {"RUB", "RUB"}, {"GBP", "GBP"}, {"ZAR", "ZAR"}, {"CHF", "CHF"},
    {"CAD", "CAD"}, {"AUD", "AUD"},
}};

const CurrencyToken* currency_token_at(std::string_view text, std::size_t pos) {
  for (const auto& token : currency_tokens) {
    if (text.substr(pos, token.text.size()) == token.text) return &token;
  }
  return nullptr;
}

std::size_t currency_length_at(std::string_view text, std::size_t pos) {
  const auto* token = currency_token_at(text, pos);
  return token != nullptr ? token->text.size() : 0;
}

struct DecimalParts {
  bool negative = false;
  std::string integer_digits;
  std::string fraction_digits;
};

Parsed<DecimalParts> split_decimal(std::string_view text, char decimal, bool allow_currency) {
  const std::string_view original = text;
  text = trim_spaces(text);
  if (text.empty()) return Parsed<DecimalParts>::failure("empty value");
  DecimalParts parts;
  std::string digits;  // digits and '.'/',' marks, in order
  bool open_paren = false;
  bool close_paren = false;
  bool seen_digit = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c >= '0' && c <= '9') {
      if (close_paren) return Parsed<DecimalParts>::failure("unexpected text after ')' in \"" + std::string(original) + "\"");
      digits += c;
      seen_digit = true;
      ++pos;
    } else if (c == '.' || c == ',') {
      digits += c;
      ++pos;
    } else if (c == '-' && !seen_digit) {
      if (parts.negative) return Parsed<DecimalParts>::failure("two minus signs in \"" + std::string(original) + "\"");
      parts.negative = true;
      ++pos;
    } else if (text.substr(pos, 3) == "\xE2\x88\x92" && !seen_digit) {  // U+2212 minus sign
      parts.negative = true;
      pos += 3;
    } else if (c == '+' && !seen_digit) {
      ++pos;
    } else if (c == '(' && !seen_digit && !open_paren) {
      open_paren = true;
      ++pos;
    } else if (c == ')' && open_paren && !close_paren) {
      close_paren = true;
      ++pos;
    } else if (const auto space = space_length_at(text, pos); space > 0) {
      pos += space;
    } else if (const auto currency = allow_currency ? currency_length_at(text, pos) : 0; currency > 0) {
      pos += currency;
    } else {
      return Parsed<DecimalParts>::failure("not a number: \"" + std::string(original) + "\"");
    }
  }
  if (!seen_digit) return Parsed<DecimalParts>::failure("no digits in \"" + std::string(original) + "\"");
  if (open_paren != close_paren) return Parsed<DecimalParts>::failure("unbalanced parentheses in \"" + std::string(original) + "\"");
  if (open_paren) parts.negative = !parts.negative;

  const auto last_dot = digits.rfind('.');
  const auto last_comma = digits.rfind(',');
  std::size_t decimal_pos = std::string::npos;
  if (decimal == '.' || decimal == ',') {
    decimal_pos = digits.rfind(decimal);
    if (decimal_pos != std::string::npos && digits.find(decimal) != decimal_pos) {
      return Parsed<DecimalParts>::failure("two decimal separators in \"" + std::string(original) + "\"");
    }
  } else if (last_dot != std::string::npos && last_comma != std::string::npos) {
    decimal_pos = std::max(last_dot, last_comma);  // "1.234,50" and "1,234.50"
  } else if (last_dot != std::string::npos || last_comma != std::string::npos) {
    const auto mark_pos = last_dot != std::string::npos ? last_dot : last_comma;
    const char mark = digits[mark_pos];
    const bool repeated = digits.find(mark) != mark_pos;
    const bool three_after = digits.size() - mark_pos - 1 == 3;
    const bool zero_before = digits.find_first_not_of('0') >= mark_pos;
    // "1,234" and "1.234.567" group thousands; "1,5", "12.50" and "0.125" are decimals.
    if (!repeated && (!three_after || zero_before)) decimal_pos = mark_pos;
  }
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[i];
    if (c >= '0' && c <= '9') {
      (decimal_pos != std::string::npos && i > decimal_pos ? parts.fraction_digits : parts.integer_digits) += c;
    } else if (i != decimal_pos && decimal_pos != std::string::npos && i > decimal_pos) {
      return Parsed<DecimalParts>::failure("separator after the decimal mark in \"" + std::string(original) + "\"");
    }
  }
  if (parts.integer_digits.size() > 15) return Parsed<DecimalParts>::failure("number too large: \"" + std::string(original) + "\"");
  return Parsed<DecimalParts>::success(std::move(parts));
}

}  // namespace

std::string_view currency_of_amount(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (const auto* token = currency_token_at(text, pos)) return token->code;
  }
  return {};
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty()) {
    const auto length = space_length_at(text, 0);
    if (length == 0 || text[0] == '\'') break;
    text.remove_prefix(length);
  }
  while (!text.empty()) {
    bool trimmed = false;
    if (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n') {
      text.remove_suffix(1);
      trimmed = true;
    } else if (static_cast<unsigned char>(text.back()) < 0x80) {
      break;  // no multi-byte space ends in an ASCII byte
    } else {
      for (const auto space : unicode_spaces) {
        if (text.size() >= space.size() && text.substr(text.size() - space.size()) == space) {
          text.remove_suffix(space.size());
          trimmed = true;
          break;
        }
      }
    }
    if (!trimmed) break;
  }
  return text;
}

Parsed<Money> parse_money(std::string_view text, char decimal) {
  auto parts = split_decimal(text, decimal, true);
  if (!parts.ok()) return Parsed<Money>::failure(parts.error);
  Money value = 0;
  for (const char c : parts.value->integer_digits) value = value * 10 + (c - '0');
  const auto& fraction = parts.value->fraction_digits;
  Money cents = 0;
  for (std::size_t i = 0; i < 2; ++i) cents = cents * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  value = value * 100 + cents;
  if (fraction.size() > 2 && fraction[2] >= '5') ++value;  // half away from zero
  return Parsed<Money>::success(parts.value->negative ? -value : value);
}

Parsed<double> parse_number(std::string_view text, char decimal) {
  auto parts = split_decimal(text, decimal, false);
  if (!parts.ok()) return Parsed<double>::failure(parts.error);
  double value = 0.0;
  for (const char c : parts.value->integer_digits) value = value * 10.0 + (c - '0');
  double scale = 0.1;
  for (const char c : parts.value->fraction_digits) {
    value += (c - '0') * scale;
    scale /= 10.0;
  }
  return Parsed<double>::success(parts.value->negative ? -value : value);
}

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
  const auto fail = [text](const char* what) { return R::failure(std::string(what) + ": \"" + std::string(text) + "\""); };
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
  if (const auto alias = zone_aliases().find(fold_case(key)); alias != zone_aliases().end()) iana = alias->second;
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
    return Parsed<TimeMs>::failure(std::string("local time does not exist in ") + std::string(zone->name()) + ": " + e.what());
  }
}

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c == 0xC3 || c == 0xD0 || c == 0xC4 || c == 0xC5) && i + 1 < text.size()) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      unsigned code = ((c & 0x1FU) << 6U) | (second & 0x3FU);
      if ((code >= 0xC0 && code <= 0xDE && code != 0xD7) || (code >= 0x410 && code <= 0x42F)) {
        code += 0x20;
      } else if (code >= 0x400 && code <= 0x40F) {
        code += 0x50;
      } else if (code >= 0x100 && code <= 0x137 && code % 2 == 0) {
        code += 1;
      }
      out += static_cast<char>(0xC0U | (code >> 6U));
      out += static_cast<char>(0x80U | (code & 0x3FU));
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace footfall::data
