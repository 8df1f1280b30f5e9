// The seller contest on the kiosk: this week's sellers, ranked by the low end of their conversion's
// interval (data/metrics/contest.hpp), readable from the till: the seller and the conversion large.
#include <algorithm>
#include <cstdlib>
#include <string>

#include "draw_helpers.hpp"
#include "footfall/ui/kiosk_view.hpp"
#include "footfall/ui/locale_format.hpp"

namespace footfall::ui {
namespace {

std::string movement(const data::ContestEntry& entry) {
  if (entry.rank == 0 || !entry.rank_yesterday || *entry.rank_yesterday == entry.rank) return {};
  const int moved = *entry.rank_yesterday - entry.rank;
  return (moved > 0 ? "↑" : "↓") + std::to_string(std::abs(moved));
}

// Large text in a table cell, shrunk to the cell's width rather than cut, then the cursor moved past it.
void cell_text(ImFont* font, float size, ImU32 color, const std::string& text) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 drawn = draw_text_fitted(*ImGui::GetWindowDrawList(), font, size, at, color, text,
                                        ImGui::GetContentRegionAvail().x);
  ImGui::Dummy(ImVec2{std::max(1.F, drawn.x), drawn.y});
}

// "Too few visitors to rank: Cleo, Max", or nothing when every seller ranks.
std::string sellers_apart(PanelContext& context, const data::SellerContest& contest) {
  std::string names;
  for (const auto& entry : contest.too_few) names += (names.empty() ? "" : ", ") + entry.seller;
  return names.empty() ? names : std::string(context.text(Text::ContestTooFew)) + ": " + names;
}

void draw_ranking(PanelContext& context, const data::SellerContest& contest) {
  const Language language = context.state.language;
  const KioskFonts& fonts = context.state.fonts;
  // Seller and conversion at 6 % of the screen's height at most, for a glance from the till; the
  // bold font carries every alphabet a seller's name may use, the large one only figures.
  const float big = std::min(size_of(fonts.large), ImGui::GetMainViewport()->WorkSize.y * 0.06F);
  const std::string& currency = context.snapshot.currency;
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH;
  // Below the table: the sellers apart, the ranking rule, wrapped to the window, and the Close button.
  const float width = ImGui::GetContentRegionAvail().x;
  const auto wrapped_height = [width](const std::string& text) {
    return ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y + ImGui::GetStyle().ItemSpacing.y;
  };
  const std::string apart = sellers_apart(context, contest);
  const float footer = wrapped_height(context.text(Text::ContestRankNote)) +
                       (apart.empty() ? 0.F : wrapped_height(apart)) + ImGui::GetFrameHeightWithSpacing() +
                       ImGui::GetStyle().ItemSpacing.y;
  if (!ImGui::BeginTable("##contest", 5, flags, ImVec2{0.F, -footer})) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(context.text(Text::Seller), ImGuiTableColumnFlags_WidthStretch, 3.F);
  ImGui::TableSetupColumn(context.text(Text::Conversion), ImGuiTableColumnFlags_WidthStretch, 2.F);
  ImGui::TableSetupColumn(context.text(Text::Visitors), ImGuiTableColumnFlags_WidthStretch, 1.5F);
  ImGui::TableSetupColumn(context.text(Text::AverageTicket), ImGuiTableColumnFlags_WidthStretch, 1.5F);
  ImGui::TableSetupColumn(context.text(Text::SalesPerVisitor), ImGuiTableColumnFlags_WidthStretch, 2.F);
  ImGui::TableHeadersRow();
  for (const auto& entry : contest.ranked) {
    const data::Conversion& conversion = entry.figures.conversion;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    cell_text(fonts.bold, big * 0.8F, palette::text, std::to_string(entry.rank) + ". " + entry.seller);
    const std::string moved = movement(entry);
    const float small = size_of(fonts.regular);
    if (!moved.empty())
      cell_text(fonts.regular, small, moved.starts_with("↓") ? palette::bad : palette::good, moved);
    if (entry.reaches_goal) {
      cell_text(fonts.regular, small, palette::good,
                std::string("✓ ") + context.text(Text::ContestGoalReached));
    }
    ImGui::TableNextColumn();
    cell_text(fonts.large, big, palette::text,
              conversion.rate ? format_percent(*conversion.rate, 1, language) : "—");
    // The interval under the figure: how sure the ranking is.
    cell_text(fonts.regular, size_of(fonts.regular), palette::muted,
              format_decimal(conversion.low * 100.0, 1, language) + "–" +
                  format_percent(conversion.high, 1, language));
    for (const std::string& value :
         {format_integer(entry.figures.visitors, language),
          entry.figures.atv ? format_money(*entry.figures.atv, currency, language) : std::string("—"),
          entry.figures.spv ? format_money(*entry.figures.spv, currency, language) : std::string("—")}) {
      ImGui::TableNextColumn();
      cell_text(fonts.regular, size_of(fonts.regular), palette::text, value);
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_contest_panel(PanelContext& context) {
  KioskState& state = context.state;
  if (!state.contest_open) return;
  const ImGuiViewport& viewport = *ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2{viewport.WorkPos.x + 20.F, viewport.WorkPos.y + 20.F}, ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2{viewport.WorkSize.x - 40.F, viewport.WorkSize.y - 40.F}, ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(1.F);
  bool open = true;
  const data::SellerContest* contest = context.snapshot.contest.get();
  std::string title =
      std::string(context.text(Text::ContestReport)) + " — " + context.text(Text::ContestThisWeek);
  if (contest != nullptr) {
    const char* code = language_code(state.language);
    title += " (" + data::format_short_date(contest->from_date, code) + " – " +
             data::format_short_date(contest->to_date, code) + ")";
  }
  title += "###contest";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    if (contest == nullptr || contest->ranked.empty()) {
      ImGui::PushFont(state.fonts.bold);
      ImGui::TextWrapped("%s", context.text(Text::ContestNobodyYet));
      note_item_text(context.text(Text::ContestNobodyYet));
      ImGui::PopFont();
    } else {
      draw_ranking(context, *contest);
    }
    if (const std::string apart = contest != nullptr ? sellers_apart(context, *contest) : "";
        !apart.empty()) {
      ImGui::PushTextWrapPos(0.F);
      ImGui::TextDisabled("%s", apart.c_str());
      ImGui::PopTextWrapPos();
      note_item_text(apart);
    }
    ImGui::PushTextWrapPos(0.F);
    ImGui::TextDisabled("%s", context.text(Text::ContestRankNote));
    note_item_text(context.text(Text::ContestRankNote));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(context.text(Text::Close))) open = false;
  }
  ImGui::End();
  if (!open) state.contest_open = false;
}

}  // namespace footfall::ui
