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
        {fill(context.text(Text::LastImport), local_time_text(imported_ms, snapshot.time_zone)),
         palette::muted});
  }
  for (const WorkerWarning& warning : snapshot.warnings) {
    warnings.push_back({warning_text(warning), palette::warning});
  }
  return warnings;
}

// `text` cut at a character boundary, with "…", to fit `width` in the current font; empty if even
// that does not fit.
std::string elided(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  for (std::size_t end = text.size(); end > 0; --end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) continue;  // inside a UTF-8 character
    std::string shorter = text.substr(0, end) + "…";
    if (ImGui::CalcTextSize(shorter.c_str()).x <= width) return shorter;
  }
  return {};
}

}  // namespace

void draw_status_bar(PanelContext& context) {
  const KioskSnapshot& snapshot = context.snapshot;
  const KioskFonts& fonts = context.state.fonts;
  const ImGuiStyle& style = ImGui::GetStyle();
  const char* settings = context.text(Text::Settings);
  const char* tally = context.text(Text::Tally);
  const char* contest = context.text(Text::ContestButton);
  const float buttons_width = ImGui::CalcTextSize(settings).x + ImGui::CalcTextSize(tally).x +
                              ImGui::CalcTextSize(contest).x + style.FramePadding.x * 6.F +
                              style.ItemSpacing.x * 2.F;
  const float left = ImGui::GetCursorScreenPos().x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  // The first line ends where the buttons start; what does not fit goes on the lines below, in order.
  float line_end = right - buttons_width - 20.F;
  const float first_line_y = ImGui::GetCursorScreenPos().y;

  ImGui::PushFont(fonts.bold != nullptr ? fonts.bold : ImGui::GetFont());
  const std::string clock = local_time_text(context.state.now_ms, snapshot.time_zone);
  ImGui::TextUnformatted(clock.c_str());
  note_item_text(clock);
  const std::string name = elided(snapshot.store_name, line_end - ImGui::GetItemRectMax().x - 24.F);
  if (!name.empty()) {
    ImGui::SameLine(0.F, 24.F);
    ImGui::TextUnformatted(name.c_str());
    note_item_text(name);
  }
  const float bold_height = ImGui::GetItemRectSize().y;
  ImGui::PopFont();

  std::vector<Warning> items = collect_warnings(context);
  const std::vector<std::string> notes = quality_note_lines(context);
  if (!notes.empty()) {
    items.push_back({std::string(context.text(Text::DataNotes)) + " (" + std::to_string(notes.size()) + ")",
                     palette::muted});
  }
  bool on_first_line = true;
  bool line_empty = false;
  for (std::size_t index = 0; index < items.size(); ++index) {
    const Warning& item = items[index];
    const float width = ImGui::CalcTextSize(item.text.c_str()).x;
    if (!line_empty && ImGui::GetItemRectMax().x + 28.F + width > line_end) {
      if (on_first_line) {  // the rest below the whole first line, buttons included
        ImGui::SetCursorScreenPos(ImVec2{left, first_line_y + bold_height + style.ItemSpacing.y});
        on_first_line = false;
        line_end = right;
      } else {
        ImGui::NewLine();
      }
      line_empty = true;
    } else {
      ImGui::SameLine(0.F, 28.F);
    }
    ImGui::TextColored(ImColor(item.color).Value, "%s", item.text.c_str());
    note_item_text(item.text);
    line_empty = false;
    if (!notes.empty() && index + 1 == items.size() && ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      for (const std::string& note : notes) ImGui::BulletText("%s", note.c_str());
      ImGui::EndTooltip();
    }
  }
  const ImVec2 after_items = ImGui::GetCursorScreenPos();

  ImGui::SetCursorScreenPos(ImVec2{right - buttons_width, first_line_y});
  if (ImGui::Button(contest)) context.state.contest_open = true;
  note_item_text(contest);
  ImGui::SameLine();
  if (ImGui::Button(tally)) context.state.tally.open = true;
  note_item_text(tally);
  ImGui::SameLine();
  if (ImGui::Button(settings)) context.state.settings_open = true;
  note_item_text(settings);
  ImGui::SetCursorScreenPos(ImVec2{left, std::max(after_items.y, ImGui::GetCursorScreenPos().y)});

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
