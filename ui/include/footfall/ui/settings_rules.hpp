#pragma once
// The one set of rules for what the settings screen and the first-run set-up may save. The screens
// word a problem in their language (settings_problem_text); the kiosk runtime checks again before it
// writes, with the same rules, so nothing reaches the config or the database that a screen refuses.
#include <functional>
#include <string>

#include "footfall/ui/snapshot.hpp"
#include "footfall/ui/translations.hpp"

namespace footfall::ui {

// The latest local time a business day may start (a bar open past midnight closes its day at 02:00).
inline constexpr int kMaxCutoffMinutes = 12 * 60;

enum class SettingsProblem {
  None,
  NoStoreName,
  BadCurrency,
  BadHours,
  NoCameraSource,
  UnknownDetector,
  BadTimeZone,
  BadCutoff,
  ShiftNoName,
  ShiftEmptyWindow,
  ShiftNoDays,
};

struct SettingsCheck {
  SettingsProblem problem = SettingsProblem::None;
  std::string subject;  // what it is about: the currency, the time zone, the shift's name
  [[nodiscard]] bool ok() const { return problem == SettingsProblem::None; }
};

using TimeZoneTest = std::function<bool(const std::string&)>;

// The shop's name, currency (empty = not set yet) and opening hours, as the set-up asks them.
SettingsCheck check_store_profile(const std::string& name, const std::string& currency,
                                  const data::WeekHours& opening_hours);
// Everything the settings screen saves. `is_time_zone` is data::is_time_zone unless a test says otherwise.
SettingsCheck check_settings(const SettingsEdit& edit, const TimeZoneTest& is_time_zone);

// In the screen's language, with the subject filled in.
std::string settings_problem_text(Language language, const SettingsCheck& check);

}  // namespace footfall::ui
