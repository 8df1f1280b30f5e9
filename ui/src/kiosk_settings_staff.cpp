// The settings screen's right column: shifts, sellers and today's roster.
#include <algorithm>
#include <array>
#include <cstring>

#include "settings_widgets.hpp"

namespace footfall::ui {
namespace {

// A column as wide as its header or its widest content, whichever is wider.
float fitted_width(const char* header, const char* widest_content) {
  const ImGuiStyle& style = ImGui::GetStyle();
  return std::max(ImGui::CalcTextSize(header).x, ImGui::CalcTextSize(widest_content).x) +
         style.FramePadding.x * 2.F + style.CellPadding.x * 2.F;
}

void toggle_button(const char* label, bool& value, float width) {
  ImGui::PushStyleColor(ImGuiCol_Button, value ? ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive)
                                               : ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  if (ImGui::Button(label, ImVec2{width, 0.F})) value = !value;
  ImGui::PopStyleColor();
}

void add_roster_entry(PanelContext& context, SettingsForm& form) {
  const std::string seller = text_of(form.roster_seller);
  const auto start = parse_clock_minutes(text_of(form.roster_start));
  const auto end = parse_clock_minutes(text_of(form.roster_end));
  if (seller.empty()) {
    form.error = context.text(Text::ErrSellerEmpty);
  } else if (!start || !end) {
    form.error = context.text(Text::ErrTime);
  } else if (*end <= *start) {
    form.error = context.text(Text::ErrRosterOrder);
  } else {
    form.error.clear();
    if (context.intents.add_roster_today) context.intents.add_roster_today(seller, *start, *end);
    form.roster_seller.fill('\0');
  }
}

}  // namespace

void draw_shift_settings(PanelContext& context, SettingsForm& form) {
  heading(context, Text::Shifts);
  const ImGuiStyle& style = ImGui::GetStyle();
  float day_width = 0.F;
  for (const Text day : weekdays) day_width = std::max(day_width, ImGui::CalcTextSize(context.text(day)).x);
  day_width += style.FramePadding.x * 2.F;
  const float days_width = std::max(ImGui::CalcTextSize(context.text(Text::Days)).x,
                                    7.F * day_width + 6.F * style.ItemInnerSpacing.x) +
                           style.CellPadding.x * 2.F;
  std::optional<std::size_t> removed;
  if (!form.shifts.empty() &&
      ImGui::BeginTable("##shift_settings", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn(context.text(Text::Shift), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(context.text(Text::Days), ImGuiTableColumnFlags_WidthFixed, days_width);
    ImGui::TableSetupColumn(context.text(Text::Start), ImGuiTableColumnFlags_WidthFixed,
                            fitted_width(context.text(Text::Start), "00:00"));
    ImGui::TableSetupColumn(context.text(Text::End), ImGuiTableColumnFlags_WidthFixed,
                            fitted_width(context.text(Text::End), "00:00"));
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed,
                            fitted_width(context.text(Text::Remove), ""));
    ImGui::TableHeadersRow();
    for (std::size_t index = 0; index < form.shifts.size(); ++index) {
      ShiftForm& row = form.shifts[index];
      ImGui::PushID(static_cast<int>(index));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1.F);
      ImGui::InputTextWithHint("##name", context.text(Text::Shift), row.name.data(), row.name.size());
      ImGui::TableNextColumn();
      for (std::size_t day = 0; day < row.days.size(); ++day) {
        if (day > 0) ImGui::SameLine(0.F, style.ItemInnerSpacing.x);
        ImGui::PushID(static_cast<int>(day));
        toggle_button(context.text(weekdays[day]), row.days[day], day_width);
        ImGui::PopID();
      }
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1.F);
      ImGui::InputTextWithHint("##start", "09:00", row.start.data(), row.start.size());
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1.F);
      ImGui::InputTextWithHint("##end", "14:00", row.end.data(), row.end.size());
      ImGui::TableNextColumn();
      if (ImGui::Button(context.text(Text::Remove))) removed = index;
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (removed) form.shifts.erase(form.shifts.begin() + static_cast<std::ptrdiff_t>(*removed));
  if (form.shifts.empty()) ImGui::TextDisabled("%s", context.text(Text::NoShifts));
  if (ImGui::Button(context.text(Text::AddShift))) form.shifts.emplace_back();
}

void draw_seller_buttons(PanelContext& context, SettingsForm& form) {
  const auto& sellers = context.snapshot.settings.sellers;
  heading(context, Text::Sellers);
  if (sellers.empty()) ImGui::TextDisabled("%s", context.text(Text::NoSellers));
  const ImGuiStyle& style = ImGui::GetStyle();
  const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (std::size_t index = 0; index < sellers.size(); ++index) {
    ImGui::PushID(static_cast<int>(index));
    if (ImGui::SmallButton(sellers[index].c_str()))
      copy_to(form.roster_seller, sellers[index]);  // the roster's seller
    ImGui::PopID();
    if (index + 1 == sellers.size()) break;
    const float next = ImGui::CalcTextSize(sellers[index + 1].c_str()).x + style.FramePadding.x * 2.F;
    if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + next < right_edge) ImGui::SameLine();
  }
}

void draw_roster_settings(PanelContext& context, SettingsForm& form) {
  const auto& roster = context.snapshot.settings.roster_today;
  heading(context, Text::RosterToday);
  const float start_width = fitted_width(context.text(Text::Start), "00:00");
  const float end_width = fitted_width(context.text(Text::End), "00:00");
  const float remove_width = fitted_width(context.text(Text::Remove), "");
  std::optional<std::size_t> removed;
  if (!roster.empty() &&
      ImGui::BeginTable("##roster", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn(context.text(Text::Seller), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(context.text(Text::Start), ImGuiTableColumnFlags_WidthFixed, start_width);
    ImGui::TableSetupColumn(context.text(Text::End), ImGuiTableColumnFlags_WidthFixed, end_width);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, remove_width);
    ImGui::TableHeadersRow();
    for (std::size_t index = 0; index < roster.size(); ++index) {
      ImGui::PushID(static_cast<int>(index));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(roster[index].seller.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(clock_text(roster[index].start_minutes).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(clock_text(roster[index].end_minutes).c_str());
      ImGui::TableNextColumn();
      if (ImGui::Button(context.text(Text::Remove))) removed = index;
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (roster.empty()) ImGui::TextDisabled("%s", context.text(Text::NoRosterToday));
  if (removed && context.intents.remove_roster) context.intents.remove_roster(roster[*removed]);

  const ImGuiStyle& style = ImGui::GetStyle();
  const float time_width = fitted_width("00:00", "00:00");
  const float add_width = ImGui::CalcTextSize(context.text(Text::Add)).x + style.FramePadding.x * 2.F;
  ImGui::SetNextItemWidth(std::max(
      80.F, ImGui::GetContentRegionAvail().x - 2.F * time_width - add_width - 3.F * style.ItemSpacing.x));
  ImGui::InputTextWithHint("##roster_seller", context.text(Text::Seller), form.roster_seller.data(),
                           form.roster_seller.size());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(time_width);
  ImGui::InputTextWithHint("##roster_start", "09:00", form.roster_start.data(), form.roster_start.size());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(time_width);
  ImGui::InputTextWithHint("##roster_end", "18:00", form.roster_end.data(), form.roster_end.size());
  ImGui::SameLine();
  if (ImGui::Button(context.text(Text::Add))) add_roster_entry(context, form);
}

}  // namespace footfall::ui
