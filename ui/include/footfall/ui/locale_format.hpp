#pragma once
// The kiosk's number formats: data's locale_format (shared with the reports) keyed by the UI language,
// plus the change arrows only the kiosk shows.
#include "footfall/data/locale_format.hpp"
#include "footfall/ui/translations.hpp"

#include <cstdint>
#include <string>

namespace footfall::ui {

inline std::string format_integer(std::int64_t value, Language language) {
  return data::format_integer(value, language_code(language));
}
inline std::string format_decimal(double value, int decimals, Language language) {
  return data::format_number(value, decimals, language_code(language));
}
inline std::string format_percent(double fraction, int decimals, Language language) {
  return data::format_percent(fraction, decimals, language_code(language));
}
inline std::string format_money(double minor_units, const std::string& currency, Language language) {
  return data::format_money(minor_units, currency, language_code(language));
}
// Signed relative change with an arrow, e.g. "↑ +12 %"; "—" when the base is zero.
std::string format_change(double current, double previous, Language language);

}  // namespace footfall::ui
