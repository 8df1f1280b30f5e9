#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "click_helper.hpp"
#include "fixtures.hpp"
#include "footfall/ui/admin_pin.hpp"
#include "footfall/ui/locale_format.hpp"
#include "headless_imgui.hpp"

namespace ui = footfall::ui;
using ui::testing::HeadlessImGui;

namespace {

using PanelFunction = void (*)(ui::PanelContext&);

struct NamedPanel {
  const char* name;
  PanelFunction draw;
};

const std::vector<NamedPanel>& all_panels() {
  static const std::vector<NamedPanel> panels{
      {"status bar", ui::draw_status_bar},     {"today", ui::draw_today_panel},
      {"hourly chart", ui::draw_hourly_chart}, {"shifts and sellers", ui::draw_shifts_sellers},
      {"camera", ui::draw_camera_panel},       {"import", ui::draw_import_panel}};
  return panels;
}

int draw_panel(HeadlessImGui& imgui, const ui::KioskSnapshot& snapshot, PanelFunction draw) {
  const ui::KioskIntents intents;
  ui::PanelContext context{snapshot, imgui.state, intents};
  return imgui.frame_in_window([&] { draw(context); });
}

}  // namespace

TEST_CASE("every panel draws the busy and the empty snapshot in every language") {
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  const int empty_window = imgui.frame_in_window([] {});
  for (const auto language : {ui::Language::En, ui::Language::Fr, ui::Language::Ru}) {
    imgui.state.language = language;
    for (const NamedPanel& panel : all_panels()) {
      for (const auto& snapshot : {ui::fixtures::busy_snapshot(), ui::fixtures::empty_snapshot()}) {
        INFO(panel.name << " in " << ui::language_code(language)
                        << (snapshot.today ? " (busy)" : " (empty)"));
        int vertices = 0;
        CHECK_NOTHROW(vertices = draw_panel(imgui, snapshot, panel.draw));
        CHECK(vertices > empty_window);
      }
    }
  }
}

TEST_CASE("the busy snapshot puts more on screen than the empty one") {
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  for (const auto draw : {ui::draw_today_panel, ui::draw_hourly_chart, ui::draw_shifts_sellers}) {
    CHECK(draw_panel(imgui, ui::fixtures::busy_snapshot(), draw) >
          draw_panel(imgui, ui::fixtures::empty_snapshot(), draw));
  }
}

TEST_CASE("the camera image goes through the texture hook and is drawn with that texture") {
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  int uploads = 0;
  static int texture_stand_in = 0;
  ImTextureID fake_texture = &texture_stand_in;
  imgui.state.camera_texture = [&](const ui::CameraView& view) {
    CHECK(view.sequence == 7);
    ++uploads;
    return fake_texture;
  };
  draw_panel(imgui, ui::fixtures::busy_snapshot(), ui::draw_camera_panel);
  CHECK(uploads == 1);
  bool drawn_with_texture = false;
  const ImDrawData& data = *ImGui::GetDrawData();
  for (int list = 0; list < data.CmdListsCount; ++list) {
    for (const ImDrawCmd& command : data.CmdLists[list]->CmdBuffer) {
      drawn_with_texture = drawn_with_texture || command.TextureId == fake_texture;
    }
  }
  CHECK(drawn_with_texture);

  auto no_pixels = ui::fixtures::busy_snapshot();
  auto camera = std::make_shared<ui::CameraView>(*no_pixels.camera);
  camera->rgba.clear();  // a frame without pixels must not reach the texture
  camera->state = ui::CameraState::Down;
  no_pixels.camera = camera;
  draw_panel(imgui, no_pixels, ui::draw_camera_panel);
  CHECK(uploads == 1);
}

TEST_CASE("the whole kiosk draws and dropped files become import intents") {
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  std::vector<std::string> imported;
  ui::KioskIntents intents;
  intents.import_file = [&](const std::string& path, const std::string&) { imported.push_back(path); };
  imgui.state.dropped_files = {"/tmp/a.csv", "/tmp/b.csv"};
  const ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  ui::PanelContext context{snapshot, imgui.state, intents};
  const int vertices = imgui.frame([&] { ui::draw_kiosk(context); });
  CHECK(vertices > 1000);
  CHECK(imported == std::vector<std::string>{"/tmp/a.csv", "/tmp/b.csv"});
  CHECK(imgui.state.dropped_files.empty());
}

TEST_CASE("settings open unlocked without a PIN and locked with one") {
  HeadlessImGui imgui;
  const ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  const ui::KioskIntents intents;
  ui::PanelContext context{snapshot, imgui.state, intents};
  imgui.state.settings_open = true;
  imgui.frame([&] { ui::draw_settings_panel(context); });
  CHECK(imgui.state.settings_unlocked);

  imgui.state.settings_unlocked = false;
  imgui.state.admin_pin_hash = ui::hash_admin_pin("1234");
  imgui.frame([&] { ui::draw_settings_panel(context); });
  CHECK_FALSE(imgui.state.settings_unlocked);
}

TEST_CASE("zero-state and odd snapshots do not throw") {
  HeadlessImGui imgui;
  imgui.state.now_ms = 0;
  ui::KioskSnapshot odd = ui::fixtures::busy_snapshot();
  auto today = std::make_shared<footfall::data::DaySummary>(*odd.today);
  today->total.visitors = 0;
  today->total.conversion = {};
  today->hours.clear();
  odd.today = today;
  auto camera = std::make_shared<ui::CameraView>();
  camera->width = 640;  // claims a size with no pixels
  camera->height = 0;
  camera->state = ui::CameraState::Frozen;
  odd.camera = camera;
  const ui::KioskIntents intents;
  ui::PanelContext context{odd, imgui.state, intents};
  CHECK_NOTHROW(imgui.frame([&] { ui::draw_kiosk(context); }));
}

TEST_CASE("the fonts have a glyph for every character the kiosk can show") {
  if (!ui::testing::dejavu_present()) {
    MESSAGE("skipped: DejaVu fonts absent");
    return;
  }
  HeadlessImGui imgui;
  const ui::KioskFonts& fonts = imgui.state.fonts;
  for (ImFont* font : {fonts.regular, fonts.bold}) {
    REQUIRE(font != nullptr);
    for (const char32_t codepoint : ui::kiosk_codepoints()) {
      INFO("U+" << std::hex << static_cast<unsigned>(codepoint));
      CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(codepoint)) != nullptr);
    }
  }
  // The large tile font holds what number formatting produces in every language.
  std::string values;
  for (const auto language : {ui::Language::En, ui::Language::Fr, ui::Language::Ru}) {
    values += ui::format_money(-123456789, "EUR", language) + ui::format_money(1, "RUB", language) +
              ui::format_money(1, "GBP", language) + ui::format_money(1, "USD", language) +
              ui::format_percent(0.123, 1, language) + ui::format_change(1, 2, language) +
              ui::format_change(2, 1, language) + ui::format_change(1, 1, language) + "—";
  }
  REQUIRE(fonts.large != nullptr);
  const char* cursor = values.c_str();
  const char* end = cursor + values.size();
  while (cursor < end) {
    unsigned int codepoint = 0;
    cursor += ImTextCharFromUtf8(&codepoint, cursor, end);
    INFO("U+" << std::hex << codepoint);
    CHECK(fonts.large->FindGlyphNoFallback(static_cast<ImWchar>(codepoint)) != nullptr);
  }
}

TEST_CASE("CPU cost of laying out one kiosk frame (no GL)") {
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  const ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  const ui::KioskIntents intents;
  ui::PanelContext context{snapshot, imgui.state, intents};
  constexpr int frames = 30;
  int vertices = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int frame = 0; frame < frames; ++frame) vertices = imgui.frame([&] { ui::draw_kiosk(context); });
  const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
  MESSAGE("kiosk layout + tessellation: " << elapsed.count() / frames << " ms/frame, " << vertices
                                          << " vertices");
  CHECK(vertices > 1000);
}

namespace {

bool click_in_settings(HeadlessImGui& imgui, ui::PanelContext& context, const char* label) {
  return ui::testing::click_item(
      imgui, [&] { ui::draw_settings_panel(context); }, "###settings", label);
}

}  // namespace

TEST_CASE("the admin PIN unlocks settings and the language switches at run time") {
  HeadlessImGui imgui;
  const ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  std::vector<std::string> languages;
  ui::KioskIntents intents;
  intents.set_language = [&](const std::string& code) { languages.push_back(code); };
  ui::PanelContext context{snapshot, imgui.state, intents};
  imgui.state.admin_pin_hash = ui::hash_admin_pin("2468");
  imgui.state.settings_open = true;
  imgui.frame([&] { ui::draw_settings_panel(context); });

  const auto enter_pin = [&](const char* pin) {
    REQUIRE(click_in_settings(imgui, context, "##pin"));
    for (const char* digit = pin; *digit != 0; ++digit) {
      ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(*digit));
      imgui.frame([&] { ui::draw_settings_panel(context); });
    }
    CHECK(std::string(imgui.state.pin_entry) == pin);
    REQUIRE(click_in_settings(imgui, context, ui::tr(ui::Language::En, ui::Text::Unlock)));
  };

  enter_pin("1111");
  CHECK_FALSE(imgui.state.settings_unlocked);
  CHECK(imgui.state.pin_wrong);
  CHECK(std::string(imgui.state.pin_entry).empty());  // the entry is wiped after each try

  enter_pin("2468");
  REQUIRE(imgui.state.settings_unlocked);

  REQUIRE(click_in_settings(imgui, context, ui::tr(ui::Language::En, ui::Text::FrenchName)));
  CHECK(imgui.state.language == ui::Language::Fr);
  CHECK(languages == std::vector<std::string>{"fr"});
}

TEST_CASE("the counting line is dragged on the camera image and saved as an intent") {
  HeadlessImGui imgui;
  const ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  std::vector<ui::Point> saved;
  ui::KioskIntents intents;
  intents.set_line = [&](const ui::LineView& line) { saved = {line.a, line.b, line.inside}; };
  ui::PanelContext context{snapshot, imgui.state, intents};
  ui::LineEdit& edit = imgui.state.line_edit;
  edit.active = true;
  edit.line = snapshot.camera->line;

  ImVec2 image_min;
  ImVec2 image_max;
  const auto draw_camera = [&] {
    imgui.frame_in_window([&] {
      ui::draw_camera_panel(context);
      image_min = ImGui::GetItemRectMin();  // the editor's invisible button covers the image
      image_max = ImGui::GetItemRectMax();
    });
  };
  draw_camera();
  const auto at = [&](ui::Point point) {
    return ImVec2{image_min.x + point.x * (image_max.x - image_min.x),
                  image_min.y + point.y * (image_max.y - image_min.y)};
  };
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at(edit.line.a);
  draw_camera();
  io.MouseDown[0] = true;
  draw_camera();
  CHECK(edit.dragging == 0);
  io.MousePos = at(ui::Point{0.25F, 0.3F});
  draw_camera();
  io.MouseDown[0] = false;
  draw_camera();
  CHECK(edit.dragging == -1);
  CHECK(edit.line.a.x == doctest::Approx(0.25).epsilon(0.01));
  CHECK(edit.line.a.y == doctest::Approx(0.3).epsilon(0.01));
  CHECK(edit.line.b.x == doctest::Approx(0.9));  // the other end stays

  imgui.state.settings_open = true;
  imgui.frame([&] { ui::draw_settings_panel(context); });
  REQUIRE(click_in_settings(imgui, context, ui::tr(ui::Language::En, ui::Text::SaveLine)));
  REQUIRE(saved.size() == 3);
  CHECK(saved[0].x == doctest::Approx(0.25).epsilon(0.01));
  CHECK_FALSE(edit.active);
}

TEST_CASE("the status bar shows the last import on the screen's clock, which the demo shifts") {
  HeadlessImGui imgui;
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  snapshot.time_zone = "UTC";
  const ui::KioskIntents intents;
  ui::PanelContext context{snapshot, imgui.state, intents};
  const auto imported_ms = *snapshot.today->last_import_ms;
  const auto utc_clock = [](std::int64_t ms) {
    const std::int64_t minutes = (ms / 60'000) % (24 * 60);
    const auto two = [](std::int64_t v) {
      return std::string{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
    };
    return two(minutes / 60) + ":" + two(minutes % 60);
  };
  const std::string real_clock = imgui.text_of([&] { ui::draw_status_bar(context); });
  CHECK(real_clock.find(utc_clock(imported_ms)) != std::string::npos);

  snapshot.clock_offset_ms = -4 * 3'600'000;  // the demo's clock runs four hours behind
  const std::string demo_clock = imgui.text_of([&] { ui::draw_status_bar(context); });
  CHECK(demo_clock.find(utc_clock(imported_ms - 4 * 3'600'000)) != std::string::npos);
  CHECK(demo_clock.find(utc_clock(imported_ms)) == std::string::npos);
}

TEST_CASE("tally mode: the manager's taps beside the camera's counts, and the agreement when time is up") {
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  auto camera = std::make_shared<ui::CameraView>(*snapshot.camera);
  camera->live_in = 40;
  camera->live_out = 30;
  snapshot.camera = camera;
  const ui::KioskIntents intents;
  ui::PanelContext context{snapshot, imgui.state, intents};
  const auto click = [&](ui::Text label) {
    return ui::testing::click_item(
        imgui, [&] { ui::draw_tally_panel(context); }, "###tally", ui::tr(ui::Language::En, label));
  };
  imgui.state.tally.open = true;
  imgui.state.tally.minutes = 2;
  imgui.frame(
      [&] { ui::draw_tally_panel(context); });  // an auto-sized window takes its size on the second frame
  REQUIRE(ui::testing::click_item(
      imgui, [&] { ui::draw_tally_panel(context); }, "###tally", "Start (2 min)"));
  REQUIRE(imgui.state.tally.started_ms == imgui.state.now_ms);

  for (int person = 0; person < 4; ++person) REQUIRE(click(ui::Text::TallyAddIn));
  REQUIRE(click(ui::Text::TallyAddOut));
  CHECK(imgui.state.tally.you_in == 4);
  CHECK(imgui.state.tally.you_out == 1);

  // Meanwhile the camera counted three in and one out; its counts since the start are what compare.
  camera->live_in = 43;
  camera->live_out = 31;
  imgui.state.now_ms += 2 * 60'000 - 1000;
  imgui.frame([&] { ui::draw_tally_panel(context); });
  // Counts after the time is up no longer change the result.
  camera->live_in = 50;
  imgui.state.now_ms += 2000;
  imgui.frame([&] { ui::draw_tally_panel(context); });
  CHECK(imgui.state.tally.camera_in == 3);
  CHECK(imgui.state.tally.camera_out == 1);
  CHECK(ui::tally_agreement(imgui.state.tally) == doctest::Approx(0.8));  // one miss in five crossings
  CHECK_FALSE(click(ui::Text::TallyAddIn));                               // no more taps once finished

  REQUIRE(click(ui::Text::Close));
  CHECK_FALSE(imgui.state.tally.open);
  CHECK(imgui.state.tally.you_in == 0);
}

TEST_CASE("the conversion tile says when the camera covered only part of the opening hours") {
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  auto today = std::make_shared<footfall::data::DaySummary>(*snapshot.today);
  today->total.partial = true;
  today->total.covered_open_minutes = 125;
  today->total.open_minutes = 240;
  snapshot.today = today;
  const ui::KioskIntents intents;
  ui::PanelContext context{snapshot, imgui.state, intents};
  CHECK(ui::today_tiles(context)[2].detail == "partial: camera 2 h 05 min of 4 h 00 min open");
  imgui.state.language = ui::Language::Ru;
  CHECK(ui::today_tiles(context)[2].detail == "неполные данные: камера 2 ч 05 мин из 4 ч 00 мин работы");
  today->total.partial = false;
  imgui.state.language = ui::Language::En;
  CHECK(ui::today_tiles(context)[2].detail.find("partial") == std::string::npos);
}

TEST_CASE("the conversion tile shows a data problem, not 140 %, when buyers outnumber visitors") {
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  auto today = std::make_shared<footfall::data::DaySummary>(*snapshot.today);
  today->total.visitors = 10;
  today->total.buyers = 14;
  today->total.buyers_above_visitors = true;
  today->total.conversion.rate.reset();
  snapshot.today = today;
  const ui::KioskIntents intents;
  ui::PanelContext context{snapshot, imgui.state, intents};
  const auto tile = ui::today_tiles(context)[2];
  CHECK(tile.value == "—");
  CHECK(tile.change == "data problem: buyers > visitors");
  CHECK(tile.detail == "check camera, zone, door, till");
  imgui.state.language = ui::Language::Fr;
  CHECK(ui::today_tiles(context)[2].change == "erreur : tickets > visiteurs");
  imgui.state.language = ui::Language::Ru;
  CHECK(ui::today_tiles(context)[2].detail == "проверьте камеру, пояс, вход, кассу");
  imgui.frame_in_window([&] { ui::draw_today_panel(context); }, ImVec2{1200.F, 500.F});
}

TEST_CASE("the hourly chart's hour labels thin out on a narrow screen instead of running together") {
  CHECK(ui::hour_label_step(40.F, 20.F) == 1);
  CHECK(ui::hour_label_step(20.F, 20.F) == 2);  // 1024 px: every other hour
  CHECK(ui::hour_label_step(9.F, 20.F) == 4);
  CHECK(ui::hour_label_step(1.F, 20.F) == 12);
  for (const float slot : {3.F, 7.F, 11.F, 16.F, 29.F}) {
    CHECK(slot * static_cast<float>(ui::hour_label_step(slot, 20.F)) >= (slot < 3.F ? 0.F : 20.F));
  }
}

TEST_CASE("the inside-now tile gives today's in and out, not the camera's tally since the kiosk started") {
  HeadlessImGui imgui;
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  auto today = std::make_shared<footfall::data::DaySummary>(*snapshot.today);
  today->total.entries = 748;
  today->total.exits = 708;
  snapshot.today = today;
  auto camera = std::make_shared<ui::CameraView>(*snapshot.camera);
  camera->live_in = 0;  // the kiosk has just restarted
  camera->live_out = 0;
  snapshot.camera = camera;
  const ui::KioskIntents intents;
  const ui::PanelContext context{snapshot, imgui.state, intents};
  CHECK(ui::today_tiles(context)[6].detail == "in 748 · out 708");
}

TEST_CASE(
    "a refused import says what the manager can do in the screen's language, and Try again uses the till "
    "chosen") {
  for (int kind = 0; kind <= static_cast<int>(footfall::data::ImportFailure::OtherCurrency); ++kind) {
    const auto failure = static_cast<footfall::data::ImportFailure>(kind);
    for (const auto language : {ui::Language::En, ui::Language::Fr, ui::Language::Ru}) {
      const std::string advice = ui::tr(language, ui::import_advice(failure));
      INFO(advice);
      CHECK(advice.find("footfall") == std::string::npos);
      CHECK(advice.find("--") == std::string::npos);
    }
  }
  CHECK(ui::import_advice(footfall::data::ImportFailure::NoTime) !=
        ui::import_advice(footfall::data::ImportFailure::NoDate));
  CHECK(std::string(ui::tr(ui::Language::Fr, ui::import_advice(footfall::data::ImportFailure::NoTime)))
            .find("colonne heure") != std::string::npos);

  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  imgui.state.language = ui::Language::Fr;
  imgui.state.import_profile = "shopify";
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  snapshot.import = {};
  snapshot.import.file = "export.csv";
  snapshot.import.path = "/tmp/export.csv";
  snapshot.import.profiles = {"shopify", "square-items"};
  snapshot.import.failed = true;
  snapshot.import.has_outcome = true;
  snapshot.import.outcome.file = "export.csv";
  snapshot.import.outcome.failure = footfall::data::ImportFailure::NoProfileMatch;
  snapshot.import.lines = {"/tmp/export.csv: no POS profile matches the columns \"colour\""};
  std::vector<std::pair<std::string, std::string>> imported;
  ui::KioskIntents intents;
  intents.import_file = [&](const std::string& path, const std::string& profile) {
    imported.emplace_back(path, profile);
  };
  ui::PanelContext context{snapshot, imgui.state, intents};
  const auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2{0.F, 0.F});
    ImGui::SetNextWindowSize(ImVec2{1000.F, 600.F});
    ImGui::Begin("###import", nullptr, ImGuiWindowFlags_NoDecoration);
    ui::draw_import_panel(context);
    ImGui::End();
  };
  REQUIRE(ui::testing::click_item(imgui, draw, "###import", "Réessayer"));
  REQUIRE(imported.size() == 1);
  CHECK(imported.front() == std::pair<std::string, std::string>{"/tmp/export.csv", "shopify"});
}

TEST_CASE(
    "seller contest screen: the ranking with who moved up and the goal, the few-visitor sellers apart") {
  HeadlessImGui imgui;
  imgui.state.now_ms = ui::fixtures::now_ms();
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  const ui::KioskIntents intents;
  ui::PanelContext context{snapshot, imgui.state, intents};
  const auto draw = [&] { ui::draw_contest_panel(context); };
  const auto drawn_text = [&] {
    imgui.frame(draw);  // the table settles its columns on the first frame
    ui::TextLedger ledger;
    imgui.frame(draw);
    std::string all;
    for (const auto& text : ledger.texts) all += text.text + "\n";
    return all;
  };
  CHECK(drawn_text().empty());  // closed until asked for
  imgui.state.contest_open = true;
  CHECK(drawn_text().find("No seller has enough visitors to rank yet.") != std::string::npos);

  auto contest = std::make_shared<footfall::data::SellerContest>();
  contest->period = "week";
  contest->from_date = "2026-11-16";
  contest->to_date = "2026-11-18";
  const auto entry = [](const char* seller, int rank, std::optional<int> yesterday, double rate, bool goal) {
    footfall::data::ContestEntry made;
    made.seller = seller;
    made.rank = rank;
    made.rank_yesterday = yesterday;
    made.figures.visitors = 150;
    made.figures.conversion = footfall::data::wilson_conversion(std::lround(rate * 150), 150, 30);
    made.reaches_goal = goal;
    return made;
  };
  contest->ranked = {entry("Ben", 1, 2, 0.233, true), entry("Anna", 2, 1, 0.2, false)};
  contest->too_few = {entry("Cleo", 0, std::nullopt, 0.33, true)};
  snapshot.contest = contest;
  const std::string text = drawn_text();
  CAPTURE(text);
  for (const char* words : {"1. Ben", "↑1", "goal reached", "2. Anna", "↓1", "23.3%",
                            "Too few visitors to rank: Cleo", "Ranked by the low end"}) {
    CHECK_MESSAGE(text.find(words) != std::string::npos, words);
  }
  REQUIRE(ui::testing::click_item(imgui, draw, "###contest", ui::tr(ui::Language::En, ui::Text::Close)));
  CHECK_FALSE(imgui.state.contest_open);
}
