// The kiosk laid out at the screen sizes shops have, in each language: no text (figures, table cells
// and headers, the status bar and its buttons) is cut by its
// panel or drawn over another, and conversion is the largest figure.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "headless_imgui.hpp"

namespace ui = footfall::ui;
using footfall::ui::testing::HeadlessImGui;

namespace {

bool overlap(const ui::DrawnText& a, const ui::DrawnText& b) {
  constexpr float kSlack = 1.F;  // antialiased edges may touch
  return a.min.x + kSlack < b.max.x && b.min.x + kSlack < a.max.x && a.min.y + kSlack < b.max.y &&
         b.min.y + kSlack < a.max.y;
}

bool inside_clip(const ui::DrawnText& text) {
  constexpr float kSlack = 1.F;
  return text.min.x + kSlack >= text.clip_min.x && text.min.y + kSlack >= text.clip_min.y &&
         text.max.x <= text.clip_max.x + kSlack && text.max.y <= text.clip_max.y + kSlack;
}

// Every text inside its clip rectangle, readable, and clear of every other.
void check_all_fit(const ui::TextLedger& ledger) {
  for (std::size_t i = 0; i < ledger.texts.size(); ++i) {
    const ui::DrawnText& text = ledger.texts[i];
    INFO("\"" << text.text << "\" at " << text.min.x << "," << text.min.y << "–" << text.max.x << ","
              << text.max.y << " clip " << text.clip_min.x << "," << text.clip_min.y << "–" << text.clip_max.x
              << "," << text.clip_max.y << " size " << text.size);
    CHECK(inside_clip(text));
    CHECK(text.size >= 10.F);  // nothing shrunk past reading
    for (std::size_t j = i + 1; j < ledger.texts.size(); ++j) {
      INFO("and \"" << ledger.texts[j].text << "\" at " << ledger.texts[j].min.x << ","
                    << ledger.texts[j].min.y);
      CHECK_FALSE(overlap(text, ledger.texts[j]));
    }
  }
}

// `check(imgui, size)` at every size the kiosk must fit, in each of its languages, on a fresh context.
template <typename Check>
void on_every_screen(Check check) {
  const std::array<ImVec2, 6> sizes{ImVec2{1024, 600},  ImVec2{1280, 800},  ImVec2{1366, 768},
                                    ImVec2{1920, 1080}, ImVec2{3840, 2160}, ImVec2{1080, 1920}};
  for (const ImVec2 size : sizes) {
    for (const auto language : {ui::Language::En, ui::Language::Fr, ui::Language::Ru}) {
      INFO(size.x << "x" << size.y << " " << std::string(ui::language_code(language)));
      HeadlessImGui imgui(ui::text_scale_for(static_cast<int>(size.y)));
      ImGui::GetIO().DisplaySize = size;
      imgui.state.language = language;
      imgui.state.now_ms = ui::fixtures::now_ms();
      check(imgui, size);
    }
  }
}

}  // namespace

TEST_CASE("the kiosk's figures fit every screen size and language, and conversion is the largest") {
  if (!ui::testing::dejavu_present()) {
    MESSAGE("skipped: DejaVu fonts absent, text sizes would not be the kiosk's");
    return;
  }
  const ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  on_every_screen([&](HeadlessImGui& imgui, ImVec2 size) {
    const ui::KioskIntents intents;
    ui::PanelContext context{snapshot, imgui.state, intents};
    imgui.frame([&] { ui::draw_kiosk(context); });  // tables settle their widths on the first frame
    ui::TextLedger ledger;
    imgui.frame([&] { ui::draw_kiosk(context); });
    REQUIRE(ledger.texts.size() > 20);

    check_all_fit(ledger);
    // The tiles' figures: conversion's is drawn at least as large as any other.
    const ui::TodayTile conversion = ui::today_tiles(context)[2];
    float conversion_size = 0.F;
    float other_largest = 0.F;
    for (const ui::TodayTile& tile : ui::today_tiles(context)) {
      for (const ui::DrawnText& text : ledger.texts) {
        if (text.text != tile.value) continue;
        (tile.label == conversion.label ? conversion_size : other_largest) =
            std::max(tile.label == conversion.label ? conversion_size : other_largest, text.size);
      }
    }
    CHECK(conversion_size > 0.F);
    CHECK(conversion_size >= other_largest);
    // A manager reads it from 3 m: at least 3 % of the screen's height (by the font's size).
    CHECK(conversion_size >= 0.03F * size.y);
  });
}

TEST_CASE("the seller contest screen fits every screen size and language") {
  if (!ui::testing::dejavu_present()) {
    MESSAGE("skipped: DejaVu fonts absent, text sizes would not be the kiosk's");
    return;
  }
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  auto contest = std::make_shared<footfall::data::SellerContest>();
  contest->period = "week";
  contest->from_date = "2026-11-16";
  contest->to_date = "2026-11-18";
  int rank = 0;
  for (const char* seller :
       {"Marie-Hélène Dubois-Lefèvre", "Анастасия Владимирова", "Zoé", "Jean-Baptiste Martin"}) {
    footfall::data::ContestEntry entry;
    entry.seller = seller;
    entry.rank = ++rank;
    entry.rank_yesterday = rank == 1 ? 3 : rank - 1;
    entry.reaches_goal = rank == 1;
    entry.figures.visitors = 12'345;
    entry.figures.conversion = footfall::data::wilson_conversion(2'345 - rank * 100, 12'345, 30);
    entry.figures.atv = 123'456.0;
    entry.figures.spv = 23'456.0;
    contest->ranked.push_back(entry);
  }
  contest->too_few = {contest->ranked.back()};
  contest->too_few.back().rank = 0;
  snapshot.contest = contest;
  on_every_screen([&](HeadlessImGui& imgui, ImVec2 /*size*/) {
    imgui.state.contest_open = true;
    const ui::KioskIntents intents;
    ui::PanelContext context{snapshot, imgui.state, intents};
    imgui.frame([&] { ui::draw_contest_panel(context); });
    ui::TextLedger ledger;
    imgui.frame([&] { ui::draw_contest_panel(context); });
    REQUIRE(ledger.texts.size() > 15);
    check_all_fit(ledger);
  });
}
