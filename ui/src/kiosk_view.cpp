#include <algorithm>
#include <cmath>
#include <utility>

#include "draw_helpers.hpp"

namespace footfall::ui {
namespace {

constexpr ImGuiWindowFlags panel_flags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

template <typename Draw>
void panel(const char* id, ImVec2 size, Draw&& draw) {
  if (ImGui::BeginChild(id, size, false, panel_flags)) std::forward<Draw>(draw)();
  ImGui::EndChild();
}

void send_dropped_files(PanelContext& context) {
  for (const std::string& path : context.state.dropped_files) {
    if (context.intents.import_file) context.intents.import_file(path, context.state.import_profile);
  }
  context.state.dropped_files.clear();
}

}  // namespace

void draw_kiosk(PanelContext& context) {
  send_dropped_files(context);
  const ImGuiViewport& viewport = *ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport.WorkPos);
  ImGui::SetNextWindowSize(viewport.WorkSize);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus |
                                     ImGuiWindowFlags_NoBackground;  // the GL clear paints it, one fill less
  if (ImGui::Begin("##kiosk", nullptr, flags)) {
    draw_status_bar(context);
    ImGui::Separator();
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const ImportView& import = context.snapshot.import;
    const bool import_active = import.running || !import.file.empty();
    const float import_height = import_active ? available.y * (import.preview.empty() ? 0.22F : 0.26F)
                                : !import.watch_folder.empty() ? available.y * 0.16F
                                                               : ImGui::GetFontSize() * 4.F;
    if (available.x < available.y) {
      // Portrait (a screen on its side by the till): one column, the figures first.
      const float import_share = import_height / available.y;
      panel("##today", ImVec2{available.x, std::floor(available.y * 0.26F)},
            [&] { draw_today_panel(context); });
      panel("##hourly", ImVec2{available.x, std::floor(available.y * 0.24F)},
            [&] { draw_hourly_chart(context); });
      panel("##camera", ImVec2{available.x, std::floor(available.y * 0.18F)},
            [&] { draw_camera_panel(context); });
      panel("##tables", ImVec2{available.x, available.y * (0.32F - import_share) - 4.F * spacing},
            [&] { draw_shifts_sellers(context); });
      if (ImGui::BeginChild("##import", ImVec2{available.x, 0.F}, false)) draw_import_panel(context);
      ImGui::EndChild();
    } else {
      const float left_width = std::floor(available.x * 0.56F);
      ImGui::BeginGroup();
      panel("##today", ImVec2{left_width, std::floor(available.y * 0.46F)},
            [&] { draw_today_panel(context); });
      panel("##hourly", ImVec2{left_width, 0.F}, [&] { draw_hourly_chart(context); });
      ImGui::EndGroup();
      ImGui::SameLine(0.F, gap);

      ImGui::BeginGroup();
      const float right_width = available.x - left_width - gap;
      // On a short screen the camera view gives up height so the tables keep a few rows.
      const float camera_share = available.y < 720.F ? 0.30F : 0.42F;
      panel("##camera", ImVec2{right_width, std::floor(available.y * camera_share)},
            [&] { draw_camera_panel(context); });
      panel("##tables",
            ImVec2{right_width, available.y * (1.F - camera_share) - import_height - 2.F * spacing},
            [&] { draw_shifts_sellers(context); });
      if (ImGui::BeginChild("##import", ImVec2{right_width, 0.F}, false)) draw_import_panel(context);
      ImGui::EndChild();
      ImGui::EndGroup();
    }
  }
  ImGui::End();
  draw_settings_panel(context);
  draw_tally_panel(context);
  draw_contest_panel(context);
  draw_setup_panel(context);  // last: on a first start it covers everything else
}

}  // namespace footfall::ui
