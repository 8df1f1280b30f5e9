#include "settings_widgets.hpp"

#include <algorithm>

namespace footfall::ui {

void heading(PanelContext& context, Text text) {
  ImGui::Spacing();
  ImGui::PushFont(context.state.fonts.bold != nullptr ? context.state.fonts.bold : ImGui::GetFont());
  ImGui::TextUnformatted(context.text(text));
  ImGui::PopFont();
  ImGui::Separator();
}

float label_width(PanelContext& context, std::initializer_list<Text> labels) {
  float width = 0.F;
  for (const Text label : labels) width = std::max(width, ImGui::CalcTextSize(context.text(label)).x);
  return width + ImGui::GetStyle().ItemSpacing.x * 2.F;
}

void wrapped_hint(const char* text, float indent) {
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
  ImGui::PushTextWrapPos(0.F);
  ImGui::TextDisabled("%s", text);
  ImGui::PopTextWrapPos();
}

}  // namespace footfall::ui
