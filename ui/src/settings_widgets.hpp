#pragma once
// What the settings screen's sections share: the form's text fields, headings, label columns and
// the weekday names. Private to the panel files (kiosk_settings_panel, kiosk_settings_staff,
// kiosk_line_editor, week_hours_editor, kiosk_setup_panel).
#include <array>
#include <initializer_list>
#include <optional>
#include <string>

#include "draw_helpers.hpp"

namespace footfall::ui {

inline constexpr std::array<Text, 7> weekdays{Text::MondayShort,   Text::TuesdayShort, Text::WednesdayShort,
                                              Text::ThursdayShort, Text::FridayShort,  Text::SaturdayShort,
                                              Text::SundayShort};

// A text field's content without the spaces around it.
template <std::size_t Size>
inline std::string text_of(const std::array<char, Size>& buffer) {
  const std::string text(buffer.data());
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

void heading(PanelContext& context, Text text);
// Labels in a column as wide as the longest one in the screen's language.
float label_width(PanelContext& context, std::initializer_list<Text> labels);
void wrapped_hint(const char* text, float indent);

template <std::size_t Size>
inline void labeled_input(PanelContext& context, Text label, const char* id, std::array<char, Size>& buffer,
                          float width, const char* hint = "") {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(context.text(label));
  ImGui::SameLine(width);
  ImGui::SetNextItemWidth(-1.F);
  ImGui::InputTextWithHint(id, hint, buffer.data(), buffer.size());
}

// Opening hours, one row per weekday: the set-up's step and the settings screen's store section.
void fill_week_form(WeekHoursForm& form, const data::WeekHours& hours);
// The week as typed, or nothing when an open day's time is not HH:MM.
std::optional<data::WeekHours> read_week_form(const WeekHoursForm& form);
// `indent`: where the rows start, 0 for the current column.
void draw_week_hours(PanelContext& context, WeekHoursForm& form, float indent);

// The settings screen's sections, one file each beside kiosk_settings_panel.cpp.
void draw_line_editor(PanelContext& context);
void draw_shift_settings(PanelContext& context, SettingsForm& form);
void draw_seller_buttons(PanelContext& context, SettingsForm& form);
void draw_roster_settings(PanelContext& context, SettingsForm& form);

}  // namespace footfall::ui
