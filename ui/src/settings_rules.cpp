#include "footfall/ui/settings_rules.hpp"

#include "draw_helpers.hpp"
#include "footfall/data/store/store_profile.hpp"
#include "footfall/data/week_hours.hpp"

namespace footfall::ui {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

bool within_day(int minutes) { return minutes >= 0 && minutes <= kMinutesPerDay; }

}  // namespace

SettingsCheck check_store_profile(const std::string& name, const std::string& currency,
                                  const data::WeekHours& opening_hours) {
  if (name.empty()) return {SettingsProblem::NoStoreName, {}};
  if (!currency.empty() && !data::is_currency_code(currency)) return {SettingsProblem::BadCurrency, currency};
  if (!data::week_hours_problem(opening_hours).empty()) return {SettingsProblem::BadHours, {}};
  return {};
}

SettingsCheck check_settings(const SettingsEdit& edit, const TimeZoneTest& is_time_zone) {
  // In the screen's order, top to bottom, so the problem named is the first one the manager sees.
  if (edit.camera_source.empty()) return {SettingsProblem::NoCameraSource, {}};
  if (edit.detector != "auto" && edit.detector != "background" && edit.detector != "dnn" &&
      edit.detector != "hog") {
    return {SettingsProblem::UnknownDetector, edit.detector};
  }
  if (auto profile = check_store_profile(edit.store_name, edit.currency, edit.opening_hours); !profile.ok()) {
    return profile;
  }
  if (edit.time_zone.empty() || !is_time_zone(edit.time_zone))
    return {SettingsProblem::BadTimeZone, edit.time_zone};
  if (edit.cutoff_minutes < 0 || edit.cutoff_minutes > kMaxCutoffMinutes)
    return {SettingsProblem::BadCutoff, {}};
  for (const auto& shift : edit.shifts) {
    if (shift.name.empty()) return {SettingsProblem::ShiftNoName, {}};
    // An end before the start is a night shift that ends the next day; only an empty window is wrong.
    if (!within_day(shift.start_minutes) || !within_day(shift.end_minutes) ||
        shift.end_minutes == shift.start_minutes) {
      return {SettingsProblem::ShiftEmptyWindow, shift.name};
    }
    if ((shift.weekday_mask & 0x7F) == 0) return {SettingsProblem::ShiftNoDays, shift.name};
  }
  return {};
}

std::string settings_problem_text(Language language, const SettingsCheck& check) {
  const auto text = [&](Text id) { return fill(tr(language, id), check.subject); };
  switch (check.problem) {
    case SettingsProblem::None:
      return {};
    case SettingsProblem::NoStoreName:
      return text(Text::ErrSetupName);
    case SettingsProblem::BadCurrency:
      return text(Text::ErrSetupCurrency);
    case SettingsProblem::BadHours:
      return text(Text::ErrSetupHours);
    case SettingsProblem::NoCameraSource:
      return text(Text::ErrSourceEmpty);
    case SettingsProblem::UnknownDetector:
      return text(Text::ErrDetector);
    case SettingsProblem::BadTimeZone:
      return text(Text::ErrBadZone);
    case SettingsProblem::BadCutoff:
      return text(Text::ErrCutoff);
    case SettingsProblem::ShiftNoName:
      return text(Text::ErrShiftName);
    case SettingsProblem::ShiftEmptyWindow:
      return text(Text::ErrShiftOrder);
    case SettingsProblem::ShiftNoDays:
      return text(Text::ErrShiftDays);
  }
  return {};
}

}  // namespace footfall::ui
