#include "draw_helpers.hpp"
#include "footfall/ui/kiosk_view.hpp"
#include "footfall/ui/locale_format.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

namespace footfall::ui {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;

void camera_counts(const KioskSnapshot& snapshot, std::int64_t& in, std::int64_t& out) {
  in = snapshot.camera ? snapshot.camera->live_in : 0;
  out = snapshot.camera ? snapshot.camera->live_out : 0;
}

std::string in_out_text(PanelContext& context, std::int64_t in, std::int64_t out) {
  const Language language = context.state.language;
  return fill(context.text(Text::InOutFormat), format_integer(in, language), format_integer(out, language));
}

void draw_before_start(PanelContext& context) {
  TallyState& tally = context.state.tally;
  ImGui::TextWrapped("%s", context.text(Text::TallyExplain));
  ImGui::Spacing();
  for (const int minutes : {2, 5, 10}) {
    ImGui::SameLine(0.F, minutes == 2 ? 0.F : -1.F);
    const std::string label = fill(context.text(Text::TallyMinutes), std::to_string(minutes));
    if (ImGui::RadioButton(label.c_str(), tally.minutes == minutes)) tally.minutes = minutes;
  }
  ImGui::Spacing();
  const std::string start = fill(context.text(Text::TallyStart), std::to_string(tally.minutes));
  if (ImGui::Button(start.c_str(), ImVec2{ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 2.5F})) {
    tally.started_ms = context.state.now_ms;
    tally.you_in = 0;
    tally.you_out = 0;
    camera_counts(context.snapshot, tally.camera_in_at_start, tally.camera_out_at_start);
  }
}

void draw_comparison(PanelContext& context, bool finished) {
  const TallyState& tally = context.state.tally;
  if (ImGui::BeginTable("##tally_counts", 2, ImGuiTableFlags_SizingStretchSame)) {
    for (const auto& [label, in, out] : {std::tuple{Text::TallyYou, tally.you_in, tally.you_out},
                                         std::tuple{Text::Camera, tally.camera_in, tally.camera_out}}) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(context.text(label));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(in_out_text(context, in, out).c_str());
    }
    ImGui::EndTable();
  }
  if (!finished) return;
  const double agreement = tally_agreement(tally);
  const ImU32 colour = agreement >= 0.95 ? palette::good : agreement >= 0.85 ? palette::warning : palette::bad;
  ImGui::PushFont(context.state.fonts.large);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::Text("%s %.0f %%", context.text(Text::TallyAgreement), 100.0 * std::max(0.0, agreement));
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void draw_running(PanelContext& context) {
  TallyState& tally = context.state.tally;
  const std::int64_t ends_ms = tally.started_ms + tally.minutes * kMinuteMs;
  const bool finished = context.state.now_ms >= ends_ms;
  if (!finished) {
    std::int64_t camera_in = 0;
    std::int64_t camera_out = 0;
    camera_counts(context.snapshot, camera_in, camera_out);
    tally.camera_in = std::max<std::int64_t>(0, camera_in - tally.camera_in_at_start);
    tally.camera_out = std::max<std::int64_t>(0, camera_out - tally.camera_out_at_start);
  }

  ImGui::PushFont(context.state.fonts.large);
  if (finished) {
    ImGui::TextUnformatted(context.text(Text::TallyFinished));
  } else {
    ImGui::TextUnformatted(fill(context.text(Text::TallyTimeLeft), time_left_text(ends_ms - context.state.now_ms)).c_str());
  }
  ImGui::PopFont();

  if (!finished) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 button{(ImGui::GetContentRegionAvail().x - gap) * 0.5F, ImGui::GetFontSize() * 6.F};
    ImGui::PushFont(context.state.fonts.large);
    if (ImGui::Button(context.text(Text::TallyAddIn), button)) ++tally.you_in;
    ImGui::SameLine();
    if (ImGui::Button(context.text(Text::TallyAddOut), button)) ++tally.you_out;
    ImGui::PopFont();
  }
  draw_comparison(context, finished);
  if (finished && ImGui::Button(context.text(Text::TallyAgain))) tally.started_ms = 0;
}

}  // namespace

double tally_agreement(const TallyState& tally) {
  const std::int64_t seen = tally.you_in + tally.you_out;
  const std::int64_t differences = std::abs(tally.camera_in - tally.you_in) + std::abs(tally.camera_out - tally.you_out);
  if (seen == 0) return differences == 0 ? 1.0 : 0.0;
  return 1.0 - static_cast<double>(differences) / static_cast<double>(seen);
}

void draw_tally_panel(PanelContext& context) {
  TallyState& tally = context.state.tally;
  if (!tally.open) return;
  const ImGuiViewport& viewport = *ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2{viewport.WorkPos.x + viewport.WorkSize.x * 0.5F, viewport.WorkPos.y + 60.F},
                          ImGuiCond_Always, ImVec2{0.5F, 0.F});
  ImGui::SetNextWindowSize(ImVec2{std::min(900.F, viewport.WorkSize.x - 40.F), 0.F}, ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(1.F);
  bool open = true;
  const std::string title = std::string(context.text(Text::Tally)) + "###tally";
  if (ImGui::Begin(title.c_str(), &open,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
    if (tally.started_ms == 0) {
      draw_before_start(context);
    } else {
      draw_running(context);
    }
    ImGui::Separator();
    if (ImGui::Button(context.text(Text::Close))) open = false;
  }
  ImGui::End();
  if (!open) tally = TallyState{};
}

}  // namespace footfall::ui
