#include "draw_helpers.hpp"

namespace footfall::ui {
namespace {

struct Warning {
  std::string text;
  ImU32 color = palette::warning;
};

// What the screen does not know, said plainly rather than shown as zeros.
std::vector<Warning> collect_warnings(const PanelContext& context) {
  const KioskSnapshot& snapshot = context.snapshot;
  std::vector<Warning> warnings;
  // Frames are being written to disk: everyone at the till should see that it is happening.
  if (snapshot.audit.recording) warnings.push_back({context.text(Text::AuditBadge), palette::bad});
  const CameraView* camera = snapshot.camera.get();
  if (camera != nullptr && (camera->state == CameraState::Down || camera->state == CameraState::Frozen)) {
    warnings.push_back({context.text(Text::WarnCameraDown), palette::bad});
  }
  if (!snapshot.today) {
    warnings.push_back({context.text(Text::WarnNoFigures), palette::muted});
  } else if (!snapshot.today->last_import_ms) {
    warnings.push_back({context.text(Text::WarnNoSales), palette::warning});
  } else {
    if (snapshot.today->total.conversion.low_data) {
      warnings.push_back({context.text(Text::WarnFewVisitors), palette::warning});
    }
    // A stored instant is shown on the screen's clock, which the demo shifts into opening hours.
    const std::int64_t imported_ms = *snapshot.today->last_import_ms + snapshot.clock_offset_ms;
    warnings.push_back(
        {fill(context.text(Text::LastImport), local_time_text(imported_ms, snapshot.time_zone)), palette::muted});
  }
  for (const WorkerWarning& warning : snapshot.warnings) {
    warnings.push_back({warning_text(warning), palette::warning});
  }
  return warnings;
}

}  // namespace

void draw_status_bar(PanelContext& context) {
  const KioskSnapshot& snapshot = context.snapshot;
  const KioskFonts& fonts = context.state.fonts;
  ImGui::PushFont(fonts.bold != nullptr ? fonts.bold : ImGui::GetFont());
  const std::string clock = local_time_text(context.state.now_ms, snapshot.time_zone);
  ImGui::TextUnformatted(clock.c_str());
  ImGui::SameLine(0.F, 24.F);
  ImGui::TextUnformatted(snapshot.store_name.c_str());
  ImGui::PopFont();

  for (const Warning& warning : collect_warnings(context)) {
    ImGui::SameLine(0.F, 28.F);
    ImGui::TextColored(ImColor(warning.color).Value, "%s", warning.text.c_str());
  }
  if (const std::vector<std::string> notes = quality_note_lines(context); !notes.empty()) {
    ImGui::SameLine(0.F, 28.F);
    ImGui::TextColored(ImColor(palette::muted).Value, "%s (%zu)", context.text(Text::DataNotes), notes.size());
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      for (const std::string& note : notes) ImGui::BulletText("%s", note.c_str());
      ImGui::EndTooltip();
    }
  }

  const char* settings = context.text(Text::Settings);
  const char* tally = context.text(Text::Tally);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float settings_width = ImGui::CalcTextSize(settings).x + style.FramePadding.x * 2.F;
  const float tally_width = ImGui::CalcTextSize(tally).x + style.FramePadding.x * 2.F;
  ImGui::SameLine(std::max(ImGui::GetWindowContentRegionMax().x - settings_width - tally_width - style.ItemSpacing.x,
                           ImGui::GetCursorPosX() + 20.F));
  if (ImGui::Button(tally)) context.state.tally.open = true;
  ImGui::SameLine();
  if (ImGui::Button(settings)) context.state.settings_open = true;

  if (!snapshot.worker_error.empty()) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetFontSize() * 1.6F;
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2{min.x + width, min.y + height}, palette::bad, 6.F);
    ImGui::SetCursorScreenPos(ImVec2{min.x + 10.F, min.y + ImGui::GetFontSize() * 0.3F});
    ImGui::Text("%s: %s", context.text(Text::WorkerError), snapshot.worker_error.c_str());
    ImGui::SetCursorScreenPos(ImVec2{min.x, min.y + height + ImGui::GetStyle().ItemSpacing.y});
    ImGui::Dummy(ImVec2{0.F, 0.F});
  }
}

}  // namespace footfall::ui
