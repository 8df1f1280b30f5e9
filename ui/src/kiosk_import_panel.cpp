#include "draw_helpers.hpp"
#include "footfall/ui/locale_format.hpp"

#include <algorithm>

namespace footfall::ui {

void draw_import_panel(PanelContext& context) {
  const ImportView& import = context.snapshot.import;
  ImGui::PushFont(context.state.fonts.bold != nullptr ? context.state.fonts.bold : ImGui::GetFont());
  ImGui::TextUnformatted(context.text(Text::Import));
  ImGui::PopFont();

  if (import.file.empty() && !import.running) {
    ImGui::PushTextWrapPos(0.F);
    ImGui::TextDisabled("%s", context.text(Text::DropHint));
    ImGui::PopTextWrapPos();
    return;
  }
  ImGui::Text("%s: %s", context.text(Text::File), import.file.c_str());
  if (!import.profile.empty()) ImGui::Text("%s: %s", context.text(Text::Profile), import.profile.c_str());
  if (import.running) {
    const std::string label =
        std::string(context.text(Text::Importing)) + " " +
        format_percent(std::clamp(import.progress, 0.0, 1.0), 0, context.state.language);
    ImGui::ProgressBar(static_cast<float>(std::clamp(import.progress, 0.0, 1.0)), ImVec2{-1.F, 0.F},
                       label.c_str());
  } else if (import.failed) {
    ImGui::TextColored(ImColor(palette::bad).Value, "%s", context.text(Text::ImportFailed));
  } else {
    ImGui::TextColored(ImColor(palette::good).Value, "%s", context.text(Text::ImportDone));
  }
  if (!import.lines.empty() &&
      ImGui::BeginChild("##import_lines", ImVec2{0.F, std::max(ImGui::GetContentRegionAvail().y, 40.F)},
                        true)) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(import.lines.size()));
    while (clipper.Step()) {
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const std::string& line = import.lines[static_cast<std::size_t>(row)];
        ImGui::TextUnformatted(line.c_str(), line.c_str() + line.size());
      }
    }
  }
  if (!import.lines.empty()) ImGui::EndChild();
}

}  // namespace footfall::ui
