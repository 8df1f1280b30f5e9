#pragma once
// The plain numbers of a chain report's cells, shared by the query and the renderers.
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "footfall/data/locale_format.hpp"
#include "footfall/data/types.hpp"

namespace footfall::data::chain {

inline std::optional<double> ratio(double numerator, std::int64_t denominator) {
  if (denominator <= 0) return std::nullopt;
  return numerator / static_cast<double>(denominator);
}

// Machine-plain: "1234.50", no grouping, whatever the locale.
inline std::string plain(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

inline std::string major_units(Money minor, const std::string& currency) {
  const int decimals = currency_decimals(currency);
  return plain(static_cast<double>(minor) / std::pow(10.0, decimals), decimals);
}

}  // namespace footfall::data::chain
