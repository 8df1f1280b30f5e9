#include "draw_helpers.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace footfall::ui {
namespace {

void lock_settings(KioskState& state) {
  state.settings_open = false;
  state.settings_unlocked = false;
  state.pin_wrong = false;
  state.line_edit = LineEdit{};
  std::memset(state.pin_entry, 0, sizeof state.pin_entry);
}

void draw_pin_entry(PanelContext& context) {
  KioskState& state = context.state;
  if (state.admin_pin_hash.empty()) {
    state.settings_unlocked = true;
    return;
  }
  ImGui::TextUnformatted(context.text(Text::AdminPin));
  ImGui::SetNextItemWidth(240.F);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  const bool entered = ImGui::InputText(
      "##pin", state.pin_entry, sizeof state.pin_entry,
      ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button(context.text(Text::Unlock)) || entered) {
    state.settings_unlocked = verify_admin_pin(state.pin_entry, state.admin_pin_hash);
    state.pin_wrong = !state.settings_unlocked;
    std::memset(state.pin_entry, 0, sizeof state.pin_entry);
  }
  if (state.pin_wrong) ImGui::TextColored(ImColor(palette::bad).Value, "%s", context.text(Text::WrongPin));
}

void draw_language_switch(PanelContext& context) {
  ImGui::TextUnformatted(context.text(Text::Language));
  constexpr std::array<std::pair<Language, Text>, 3> choices{std::pair{Language::En, Text::EnglishName},
                                                             std::pair{Language::Fr, Text::FrenchName},
                                                             std::pair{Language::Ru, Text::RussianName}};
  for (const auto& [language, name] : choices) {
    ImGui::SameLine();
    if (ImGui::RadioButton(context.text(name), context.state.language == language) &&
        context.state.language != language) {
      context.state.language = language;
      if (context.intents.set_language) context.intents.set_language(language_code(language));
    }
  }
}

void draw_line_editor(PanelContext& context) {
  LineEdit& edit = context.state.line_edit;
  const CameraView* camera = context.snapshot.camera.get();
  if (camera == nullptr) return;
  bool active = edit.active;
  if (ImGui::Checkbox(context.text(Text::EditLine), &active)) {
    edit = LineEdit{};
    edit.active = active;
    edit.a = camera->line_a;
    edit.b = camera->line_b;
    edit.inside = camera->inside;
  }
  if (!edit.active) return;
  ImGui::TextDisabled("%s", context.text(Text::EditLineHint));
  if (ImGui::Button(context.text(Text::SaveLine))) {
    if (context.intents.set_line) context.intents.set_line(edit.a, edit.b, edit.inside);
    edit.active = false;
  }
}

}  // namespace

void edit_counting_line(PanelContext& context, ImVec2 image_min, ImVec2 image_max) {
  LineEdit& edit = context.state.line_edit;
  const ImVec2 size{image_max.x - image_min.x, image_max.y - image_min.y};
  if (size.x < 1.F || size.y < 1.F) return;
  const ImVec2 saved_cursor = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(image_min);
  ImGui::InvisibleButton("##line_edit", size);  // keeps drags from moving the window
  ImGui::SetCursorScreenPos(saved_cursor);

  std::array<Point*, 3> handles{&edit.a, &edit.b, &edit.inside};
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  ImDrawList& draw_list = *ImGui::GetWindowDrawList();
  if (ImGui::IsItemActivated()) {
    edit.dragging = -1;
    float best = 24.F * 24.F;
    for (std::size_t index = 0; index < handles.size(); ++index) {
      const float dx = image_min.x + handles[index]->x * size.x - mouse.x;
      const float dy = image_min.y + handles[index]->y * size.y - mouse.y;
      if (dx * dx + dy * dy < best) {
        best = dx * dx + dy * dy;
        edit.dragging = static_cast<int>(index);
      }
    }
  }
  if (ImGui::IsItemActive() && edit.dragging >= 0) {
    Point& point = *handles[static_cast<std::size_t>(edit.dragging)];
    point.x = std::clamp((mouse.x - image_min.x) / size.x, 0.F, 1.F);
    point.y = std::clamp((mouse.y - image_min.y) / size.y, 0.F, 1.F);
  } else {
    edit.dragging = -1;
  }
  for (std::size_t index = 0; index < handles.size(); ++index) {
    const ImVec2 center{image_min.x + handles[index]->x * size.x, image_min.y + handles[index]->y * size.y};
    draw_list.AddCircle(center, 12.F,
                        static_cast<int>(index) == edit.dragging ? palette::good : palette::text, 0, 3.F);
  }
}

void draw_settings_panel(PanelContext& context) {
  KioskState& state = context.state;
  if (!state.settings_open) return;
  const ImGuiViewport& viewport = *ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2{viewport.WorkPos.x + viewport.WorkSize.x * 0.5F, viewport.WorkPos.y + 80.F},
                          ImGuiCond_Appearing, ImVec2{0.5F, 0.F});
  ImGui::SetNextWindowSize(ImVec2{760.F, 0.F}, ImGuiCond_Always);
  bool open = true;
  const std::string title = std::string(context.text(Text::Settings)) + "###settings";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    if (!state.settings_unlocked) {
      draw_pin_entry(context);
    }
    if (state.settings_unlocked) {
      if (state.admin_pin_hash.empty())
        ImGui::TextColored(ImColor(palette::warning).Value, "%s", context.text(Text::NoPinSet));
      draw_language_switch(context);
      ImGui::Separator();
      ImGui::Text("%s: %s", context.text(Text::Store), context.snapshot.store_name.c_str());
      ImGui::Text("%s: %s", context.text(Text::Currency), context.snapshot.currency.c_str());
      ImGui::Separator();
      draw_line_editor(context);
    }
    ImGui::Separator();
    if (ImGui::Button(context.text(Text::Close))) open = false;
  }
  ImGui::End();
  if (!open) lock_settings(state);
}

}  // namespace footfall::ui
