#pragma once
#include "footfall/ui/translations.hpp"

#include <cstdint>
#include <string>

namespace footfall::ui {

// Locale rules: en "1,234.50", "12.5%", "€1,234.50"; fr "1 234,50", "12,5 %", "1 234,50 €" (U+202F);
// ru "1 234,50", "12,5 %", "1 234,50 €" (U+00A0).
std::string format_integer(std::int64_t value, Language language);
std::string format_decimal(double value, int decimals, Language language);
std::string format_percent(double fraction, int decimals, Language language);
std::string format_money(double minor_units, const std::string& currency, Language language);
// Signed relative change with an arrow, e.g. "↑ +12 %"; "—" when the base is zero.
std::string format_change(double current, double previous, Language language);
int currency_decimals(const std::string& currency);

}  // namespace footfall::ui
