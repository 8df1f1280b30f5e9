#pragma once
// The content hash a stored transaction carries, which tells "this row changed" on a re-import.
#include "footfall/data/types.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace footfall::data {

// FNV-1a over a canonical rendering: enough to tell "this row changed" apart, not a security hash.
// Numbers are rendered as std::to_string would (doubles as "%f"), but without its printf per field:
// an import hashes every transaction.
class ContentHash {
 public:
  void add(std::string_view field) {
    for (const char c : field) mix(c);
    mix('\x1f');
  }
  void add(std::int64_t value) {
    char text[24];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    add(std::string_view(text, static_cast<std::size_t>(end - text)));
  }
  void add(double value) {
    char text[400];  // "%f" of the largest double has 309 digits before the point
    char* end = nullptr;
    if (value == std::trunc(value) && std::abs(value) < 1e15 && !std::signbit(value)) {
      // Whole quantities are the rule; their "%f" is the integer and six zeros, found faster.
      end = std::to_chars(text, text + sizeof text, static_cast<std::int64_t>(value)).ptr;
      end = std::copy_n(".000000", 7, end);
    } else {
      end = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 6).ptr;
    }
    add(std::string_view(text, static_cast<std::size_t>(end - text)));
  }
  // "%016llx" without printf, in place: every imported row is hashed.
  [[nodiscard]] std::array<char, 16> text() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::array<char, 16> text{};
    std::uint64_t rest = hash_;
    for (auto digit = text.rbegin(); digit != text.rend(); ++digit, rest >>= 4) *digit = digits[rest & 0xF];
    return text;
  }

 private:
  void mix(char c) {
    hash_ ^= static_cast<unsigned char>(c);
    hash_ *= 1099511628211ULL;
  }
  std::uint64_t hash_ = 14695981039346656037ULL;
};

// The stored content_hash text, 16 hex digits (no heap string: a large import hashes every row).
using HashText = std::array<char, 16>;

inline HashText content_hash(const Transaction& t) {
  ContentHash hash;
  hash.add(std::int64_t{t.time_ms});
  hash.add(transaction_kind_name(t.kind));
  hash.add(std::int64_t{t.total});
  hash.add(t.units);
  hash.add(t.currency);
  hash.add(t.seller);
  hash.add(t.register_name);
  for (const auto& item : t.items) {
    hash.add(item.name);
    hash.add(item.quantity);
    hash.add(std::int64_t{item.amount});
  }
  return hash.text();
}

}  // namespace footfall::data
