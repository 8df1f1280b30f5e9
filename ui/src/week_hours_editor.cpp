#include <algorithm>

#include "settings_widgets.hpp"

namespace footfall::ui {

void fill_week_form(WeekHoursForm& form, const data::WeekHours& hours) {
  for (std::size_t day = 0; day < form.size(); ++day) {
    copy_to(form[day].opens, clock_text(hours[day].open_minutes));
    copy_to(form[day].closes, clock_text(hours[day].close_minutes));
    form[day].closed = hours[day].closed;
  }
}

std::optional<data::WeekHours> read_week_form(const WeekHoursForm& form) {
  data::WeekHours hours{};
  for (std::size_t day = 0; day < form.size(); ++day) {
    const auto opens = parse_clock_minutes(text_of(form[day].opens));
    const auto closes = parse_clock_minutes(text_of(form[day].closes));
    if (form[day].closed) {
      // A closed day's times are only kept; unreadable ones are not worth refusing the form for.
      hours[day] = {opens.value_or(hours[day].open_minutes), closes.value_or(hours[day].close_minutes), true};
      continue;
    }
    if (!opens || !closes) return std::nullopt;
    hours[day] = {*opens, *closes, false};
  }
  return hours;
}

void draw_week_hours(PanelContext& context, WeekHoursForm& form, float indent) {
  float day_width = 0.F;
  for (const Text day : weekdays) day_width = std::max(day_width, ImGui::CalcTextSize(context.text(day)).x);
  const float time_width = ImGui::CalcTextSize("00:00").x + ImGui::GetStyle().FramePadding.x * 2.F + 4.F;
  const float row_x = indent > 0.F ? indent : ImGui::GetCursorPosX();
  for (std::size_t day = 0; day < form.size(); ++day) {
    ImGui::PushID(static_cast<int>(day));
    ImGui::SetCursorPosX(row_x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(context.text(weekdays[day]));
    // SetCursorPosX, not SameLine(x): inside a table column SameLine counts from the column's edge.
    ImGui::SameLine();
    ImGui::SetCursorPosX(row_x + day_width + ImGui::GetStyle().ItemSpacing.x * 2.F);
    DayHoursForm& hours = form[day];
    ImGui::BeginDisabled(hours.closed);
    ImGui::SetNextItemWidth(time_width);
    ImGui::InputTextWithHint("##opens", "09:00", hours.opens.data(), hours.opens.size());
    ImGui::SameLine();
    ImGui::TextUnformatted("–");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(time_width);
    ImGui::InputTextWithHint("##closes", "19:00", hours.closes.data(), hours.closes.size());
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Checkbox(context.text(Text::ClosedDay), &hours.closed);
    ImGui::PopID();
  }
}

}  // namespace footfall::ui
