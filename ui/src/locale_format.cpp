#include "footfall/ui/locale_format.hpp"

#include <cmath>

namespace footfall::ui {

std::string format_change(double current, double previous, Language language) {
  if (!(previous > 0.0) || !std::isfinite(current)) return "—";
  const double change = (current - previous) / previous;
  const int decimals = std::fabs(change) < 0.1 ? 1 : 0;
  const std::string magnitude = format_percent(std::fabs(change), decimals, language);
  const bool flat = format_decimal(std::fabs(change) * 100.0, decimals, language).find_first_not_of("0.,") ==
                    std::string::npos;
  if (flat) return "→ " + magnitude;
  return change > 0 ? "↑ +" + magnitude : "↓ -" + magnitude;
}

}  // namespace footfall::ui
