#pragma once
// Clicks an item of a headless ImGui window by its label, wherever it sits (child windows, tables).
#include "headless_imgui.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <set>
#include <string>

namespace footfall::ui::testing {

// Types `text` into an input buffer of a form, as the keyboard would leave it.
template <std::size_t Size>
void type_into(std::array<char, Size>& field, const std::string& text) {
  field.fill('\0');
  std::memcpy(field.data(), text.data(), std::min(text.size(), Size - 1));
}

// IDs the item `label` may have in the window named `root_name` or its children and tables.
// `row`: the PushID(int) a table row wraps its items in.
inline std::set<ImGuiID> candidate_ids(const char* root_name, const char* label, std::optional<int> row = {}) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* root = ImGui::FindWindowByName(root_name);
  std::set<ImGuiID> ids;
  if (root == nullptr) return ids;
  for (ImGuiWindow* window : g.Windows) {
    if (window->RootWindow != root) continue;
    ids.insert(window->GetID(label));
  }
  for (int index = 0; index < g.Tables.GetMapSize(); ++index) {
    if (ImGuiTable* table = g.Tables.TryGetMapData(index); table != nullptr && table->OuterWindow != nullptr &&
                                                           table->OuterWindow->RootWindow == root) {
      ImGuiID seed = table->ID;
      if (row) seed = ImHashData(&*row, sizeof(int), seed);
      ids.insert(ImHashStr(label, 0, seed));
    }
  }
  return ids;
}

// Moves the mouse over the window until the item `label` is hovered, then clicks it (one frame down,
// one up). `draw` draws one frame's content. Scans bottom-up: the buttons that save are at the bottom.
template <typename Draw>
bool click_item(HeadlessImGui& imgui, Draw draw, const char* root_name, const char* label,
                std::optional<int> row = {}) {
  imgui.frame(draw);
  ImGuiWindow* window = ImGui::FindWindowByName(root_name);
  if (window == nullptr) return false;
  const auto targets = candidate_ids(root_name, label, row);
  ImGuiIO& io = ImGui::GetIO();
  for (float y = window->Pos.y + window->Size.y - 4.F; y > window->Pos.y; y -= 8.F) {
    for (float x = window->Pos.x + 4.F; x < window->Pos.x + window->Size.x; x += 16.F) {
      io.MousePos = ImVec2{x, y};
      imgui.frame(draw);
      if (targets.contains(ImGui::GetCurrentContext()->HoveredId)) {
        io.MouseDown[0] = true;
        imgui.frame(draw);
        io.MouseDown[0] = false;
        imgui.frame(draw);
        return true;
      }
    }
  }
  return false;
}

}  // namespace footfall::ui::testing
