#include "draw_helpers.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

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
    if (context.intents.import_file) context.intents.import_file(path);
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
    const float left_width = std::floor(available.x * 0.56F);

    ImGui::BeginGroup();
    panel("##today", ImVec2{left_width, std::floor(available.y * 0.46F)}, [&] { draw_today_panel(context); });
    panel("##hourly", ImVec2{left_width, 0.F}, [&] { draw_hourly_chart(context); });
    ImGui::EndGroup();
    ImGui::SameLine(0.F, gap);

    ImGui::BeginGroup();
    const float right_width = available.x - left_width - gap;
    const ImportView& import = context.snapshot.import;
    const bool import_active = import.running || !import.file.empty();
    const float import_height = import_active                  ? available.y * (import.preview.empty() ? 0.22F : 0.26F)
                                : !import.watch_folder.empty() ? available.y * 0.16F
                                                               : ImGui::GetFontSize() * 4.F;
    panel("##camera", ImVec2{right_width, std::floor(available.y * 0.42F)},
          [&] { draw_camera_panel(context); });
    panel("##tables",
          ImVec2{right_width, available.y * 0.58F - import_height - 2.F * ImGui::GetStyle().ItemSpacing.y},
          [&] { draw_shifts_sellers(context); });
    if (ImGui::BeginChild("##import", ImVec2{right_width, 0.F}, false)) draw_import_panel(context);
    ImGui::EndChild();
    ImGui::EndGroup();
  }
  ImGui::End();
  draw_settings_panel(context);
  draw_tally_panel(context);
  draw_setup_panel(context);  // last: on a first start it covers everything else
}

}  // namespace footfall::ui
