#include "footfall/ui/locale_format.hpp"

#include <cmath>
#include <cstdio>
#include <string_view>

namespace footfall::ui {
namespace {

constexpr std::string_view kNarrowNoBreakSpace = "\u202F";
constexpr std::string_view kNoBreakSpace = "\u00A0";

std::string_view group_separator(Language language) {
  switch (language) {
    case Language::Fr: return kNarrowNoBreakSpace;
    case Language::Ru: return kNoBreakSpace;
    case Language::En: break;
  }
  return ",";
}

std::string_view decimal_separator(Language language) { return language == Language::En ? "." : ","; }

std::string_view currency_symbol(const std::string& currency) {
  if (currency == "EUR") return "€";
  if (currency == "USD") return "$";
  if (currency == "GBP") return "£";
  if (currency == "RUB") return "₽";
  if (currency == "JPY") return "¥";
  return currency;
}

// Formats |value| with grouping; `negative` tells whether a minus sign is due (never for "-0").
std::string unsigned_decimal(double value, int decimals, Language language, bool& negative) {
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.*f", decimals, std::fabs(value));
  const std::string_view text(digits);
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  negative = value < 0.0 && text.find_first_not_of("0.") != std::string_view::npos;

  std::string out;
  const auto separator = group_separator(language);
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += separator;
    out += whole[i];
  }
  if (dot != std::string_view::npos) {
    out += decimal_separator(language);
    out += text.substr(dot + 1);
  }
  return out;
}

}  // namespace

int currency_decimals(const std::string& currency) {
  return (currency == "JPY" || currency == "KRW" || currency == "ISK") ? 0 : 2;
}

std::string format_decimal(double value, int decimals, Language language) {
  if (!std::isfinite(value)) return "—";
  bool negative = false;
  std::string digits = unsigned_decimal(value, decimals, language, negative);
  return negative ? "-" + digits : digits;
}

std::string format_integer(std::int64_t value, Language language) {
  return format_decimal(static_cast<double>(value), 0, language);
}

std::string format_percent(double fraction, int decimals, Language language) {
  const std::string number = format_decimal(fraction * 100.0, decimals, language);
  switch (language) {
    case Language::Fr: return number + std::string(kNarrowNoBreakSpace) + "%";
    case Language::Ru: return number + std::string(kNoBreakSpace) + "%";
    case Language::En: break;
  }
  return number + "%";
}

std::string format_money(double minor_units, const std::string& currency, Language language) {
  if (!std::isfinite(minor_units)) return "—";
  const int decimals = currency_decimals(currency);
  const double major = minor_units / std::pow(10.0, decimals);
  bool negative = false;
  const std::string digits = unsigned_decimal(major, decimals, language, negative);
  const std::string symbol(currency_symbol(currency));
  const std::string sign = negative ? "-" : "";
  if (language == Language::En) {
    const bool is_code = symbol.size() == 3 && symbol == currency;
    return sign + symbol + (is_code ? " " : "") + digits;
  }
  return sign + digits + std::string(kNoBreakSpace) + symbol;
}

std::string format_change(double current, double previous, Language language) {
  if (!(previous > 0.0) || !std::isfinite(current)) return "—";
  const double change = (current - previous) / previous;
  const int decimals = std::fabs(change) < 0.1 ? 1 : 0;
  const std::string magnitude = format_percent(std::fabs(change), decimals, language);
  if (format_decimal(std::fabs(change) * 100.0, decimals, language).find_first_not_of("0.,") ==
      std::string::npos) {
    return "→ " + magnitude;
  }
  return change > 0 ? "↑ +" + magnitude : "↓ -" + magnitude;
}

}  // namespace footfall::ui
