#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "headless_imgui.hpp"

namespace ui = footfall::ui;
using ui::testing::HeadlessImGui;

namespace {

float widest_word(const std::string& text) {
  float widest = 0.F;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    widest = std::max(widest, ImGui::CalcTextSize(text.c_str() + start, text.c_str() + end).x);
    start = end + 1;
  }
  return widest;
}

// The shift and seller tables as the kiosk lays them out in `language`, 840 px wide; the second
// frame is the one that counts, as column widths settle after the first.
std::vector<ImGuiTable*> shift_seller_tables(HeadlessImGui& imgui, const ui::KioskSnapshot& snapshot,
                                             ui::Language language, float width = 840.F) {
  imgui.state.language = language;
  const ui::KioskIntents intents;
  ui::PanelContext context{snapshot, imgui.state, intents};
  imgui.frame_in_window([&] { ui::draw_shifts_sellers(context); }, ImVec2{width, 500.F});
  imgui.frame_in_window([&] { ui::draw_shifts_sellers(context); }, ImVec2{width, 500.F});
  ImGuiContext& g = *ImGui::GetCurrentContext();
  std::vector<ImGuiTable*> tables;
  for (int index = 0; index < g.Tables.GetMapSize(); ++index) {
    ImGuiTable* table = g.Tables.TryGetMapData(index);
    if (table != nullptr && table->LastFrameActive == g.FrameCount) tables.push_back(table);
  }
  return tables;
}

constexpr std::array languages{ui::Language::En, ui::Language::Fr, ui::Language::Ru};

}  // namespace

// The right-hand panel is about 840 px wide at 1920x1080: every header word must fit its column.
TEST_CASE("shift and seller table headers fit their columns in every language") {
  if (!ui::testing::dejavu_present()) {
    MESSAGE("skipped: DejaVu fonts absent, widths would not be the kiosk's");
    return;
  }
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  const ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  for (const auto language : languages) {
    int columns_checked = 0;
    for (ImGuiTable* table : shift_seller_tables(imgui, snapshot, language)) {
      for (int column = 1; column < table->ColumnsCount; ++column) {  // the name column may cut names
        const std::string header = ImGui::TableGetColumnName(table, column);
        INFO(ui::language_code(language) << " column \"" << header << "\"");
        const float width = table->Columns[column].WidthGiven;
        CHECK(width + 0.5F >= widest_word(header));
        // Wrapped at its column, the header fits the header row: nothing is cut or hidden.
        CHECK(ImGui::CalcTextSize(header.c_str(), nullptr, false, width).y <=
              table->LastFirstRowHeight + 0.5F);
        CHECK(table->Columns[column].WorkMaxX <= table->OuterRect.Max.x + 0.5F);  // not pushed out of sight
        ++columns_checked;
      }
    }
    // 5 shift columns and 6 seller columns after the names; French and Russian headers are longer,
    // and the sellers' hours give way before a name is cut.
    CHECK(columns_checked == (language == ui::Language::En ? 11 : 10));
  }
}

TEST_CASE("on a narrow screen the tables drop columns, hours first, before they cut a name") {
  if (!ui::testing::dejavu_present()) {
    MESSAGE("skipped: DejaVu fonts absent, widths would not be the kiosk's");
    return;
  }
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  const ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  for (const auto language : languages) {
    for (const float width : {840.F, 600.F, 440.F}) {
      INFO(ui::language_code(language) << " " << width << " px");
      const auto tables = shift_seller_tables(imgui, snapshot, language, width);
      REQUIRE(tables.size() == 2);
      for (ImGuiTable* table : tables) {
        std::vector<std::string> headers;
        for (int column = 0; column < table->ColumnsCount; ++column)
          headers.emplace_back(ImGui::TableGetColumnName(table, column));
        CHECK(std::find(headers.begin(), headers.end(), ui::tr(language, ui::Text::Conversion)) !=
              headers.end());
        const bool has_ticket = std::find(headers.begin(), headers.end(),
                                          ui::tr(language, ui::Text::AverageTicket)) != headers.end();
        const bool has_hours = std::find(headers.begin(), headers.end(),
                                         ui::tr(language, ui::Text::FloorHours)) != headers.end();
        CHECK((has_ticket || !has_hours));  // the average ticket never goes while the hours stay
        float widest_name = 0.F;
        for (const auto& seller : snapshot.today->sellers)
          widest_name = std::max(widest_name, ImGui::CalcTextSize(seller.seller.c_str()).x);
        for (const auto& shift : snapshot.today->shifts)
          widest_name = std::max(widest_name, ImGui::CalcTextSize(shift.name.c_str()).x);
        CHECK(table->Columns[0].WidthGiven + 0.5F >= std::min(widest_name, width * 0.4F));
      }
    }
  }
}

// The tile and the tables name buyers with one word, and the seller table says how visitors are credited.
TEST_CASE(
    "the buyers column is headed with the tile's word in every language; the seller note says who gets "
    "visitors") {
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  const ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  for (const auto language : languages) {
    const std::string word = ui::tr(language, ui::Text::Buyers);
    INFO(ui::language_code(language) << " " << word);
    const auto tables = shift_seller_tables(imgui, snapshot, language);
    CHECK(tables.size() == 2);
    for (ImGuiTable* table : tables) CHECK(std::string(ImGui::TableGetColumnName(table, 2)) == word);
    const ui::KioskIntents intents;
    const ui::PanelContext context{snapshot, imgui.state, intents};
    CHECK(ui::today_tiles(context)[1].label == ui::Text::Buyers);  // the tile's label is the same word
  }
  CHECK(std::string(ui::tr(ui::Language::Fr, ui::Text::Buyers)) == "Tickets");
  CHECK(std::string(ui::tr(ui::Language::Ru, ui::Text::Buyers)) == "Чеки");
  CHECK(std::string(ui::tr(ui::Language::En, ui::Text::SellerVisitorsNote)).find("each get all") !=
        std::string::npos);
}
