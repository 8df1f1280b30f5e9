// Amounts and text as POS exports write them: spaces, currency symbols and codes, money and numbers
// with either decimal mark, and case folding. Dates, times and zones are time_values.cpp.
#include "footfall/data/pos/values.hpp"

#include <array>
#include <cmath>

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