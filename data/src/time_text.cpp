#include "footfall/data/time_text.hpp"

#include <algorithm>
#include <charconv>

namespace footfall::data {
namespace {

std::optional<int> parse_two_digits(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<int> parse_clock_minutes(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3)
    return std::nullopt;
  const auto hours = parse_two_digits(text.substr(0, colon));
  const auto minutes = parse_two_digits(text.substr(colon + 1));
  if (!hours || !minutes || *hours < 0 || *minutes < 0 || *minutes > 59 || *hours > 24) return std::nullopt;
  if (*hours == 24 && *minutes != 0) return std::nullopt;
  return *hours * 60 + *minutes;
}

std::string clock_text(int minutes) {
  const int clamped = std::clamp(minutes, 0, 24 * 60);
  const auto two_digits = [](int value) {
    return std::string{static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
  };
  return two_digits(clamped / 60) + ":" + two_digits(clamped % 60);
}

}  // namespace footfall::data
