#include <doctest/doctest.h>

#include <string>

#include "fixtures.hpp"
#include "footfall/ui/locale_format.hpp"
#include "headless_imgui.hpp"

namespace ui = footfall::ui;
using ui::testing::HeadlessImGui;

namespace {

std::string import_panel_text(HeadlessImGui& imgui, const ui::KioskSnapshot& snapshot) {
  const ui::KioskIntents intents;
  ui::PanelContext context{snapshot, imgui.state, intents};
  return imgui.text_of([&] { ui::draw_import_panel(context); });
}

}  // namespace

TEST_CASE("the import panel shows the profile, the first transactions and a translated result") {
  HeadlessImGui imgui;
  const ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  for (const auto language : {ui::Language::En, ui::Language::Fr, ui::Language::Ru}) {
    INFO("language " << ui::language_code(language));
    imgui.state.language = language;
    const std::string text = import_panel_text(imgui, snapshot);
    CHECK(text.find("square-items") != std::string::npos);
    CHECK(text.find(ui::tr(language, ui::Text::PreviewTitle)) != std::string::npos);
    CHECK(text.find("T-1001") != std::string::npos);
    CHECK(text.find("Борис") != std::string::npos);
    CHECK(text.find(ui::tr(language, ui::Text::KindRefund)) != std::string::npos);
    CHECK(text.find(ui::format_money(3450.0, "EUR", language)) != std::string::npos);
    // Numbers in the locale's format: 1,234 / 1 234.
    CHECK(text.find(ui::format_integer(1234, language)) != std::string::npos);
    CHECK(text.find(ui::tr(language, ui::Text::ImportDone)) != std::string::npos);
    CHECK(text.find("square.csv:17") != std::string::npos);
    // The watch folder's files, with their outcome.
    CHECK(text.find("shopify-orders.csv") != std::string::npos);
    CHECK(text.find(ui::tr(language, ui::Text::Imported)) != std::string::npos);
    CHECK(text.find(ui::tr(language, ui::Text::Rejected)) != std::string::npos);
    CHECK(text.find("broken.csv:7341") != std::string::npos);
  }
}

TEST_CASE("the preview shows while the file is still being read, before any result") {
  HeadlessImGui imgui;
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  snapshot.import.running = true;
  snapshot.import.progress = 0.4;
  snapshot.import.has_outcome = false;
  snapshot.import.lines.clear();
  const std::string text = import_panel_text(imgui, snapshot);
  CHECK(text.find("T-1002") != std::string::npos);
  CHECK(text.find(ui::tr(ui::Language::En, ui::Text::Importing)) != std::string::npos);
  CHECK(text.find(ui::tr(ui::Language::En, ui::Text::ImportDone)) == std::string::npos);
}

TEST_CASE("a rejected file says nothing was imported and why") {
  HeadlessImGui imgui;
  imgui.state.language = ui::Language::Fr;
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  snapshot.import.failed = true;
  snapshot.import.outcome.imported = false;
  snapshot.import.outcome.first_rejection = "caisse.csv:7341: column \"Date\": not a date";
  snapshot.import.outcome.failure = footfall::data::ImportFailure::BadRows;
  snapshot.import.lines = {"caisse.csv: 1 bad row(s), nothing imported",
                           snapshot.import.outcome.first_rejection};
  snapshot.import.preview.clear();
  const std::string text = import_panel_text(imgui, snapshot);
  CHECK(text.find(ui::tr(ui::Language::Fr, ui::Text::ImportFailed)) != std::string::npos);
  CHECK(text.find(ui::tr(ui::Language::Fr, ui::Text::NothingImported)) != std::string::npos);
  CHECK(text.find("caisse.csv:7341") != std::string::npos);
  CHECK(text.find(ui::tr(ui::Language::Fr, ui::Text::ImportAdviceBadRows)) != std::string::npos);
  CHECK(text.find(ui::tr(ui::Language::Fr, ui::Text::ImportDone)) == std::string::npos);
}

TEST_CASE("watch-folder imports show even when nothing was dropped on the window") {
  HeadlessImGui imgui;
  ui::KioskSnapshot snapshot = ui::fixtures::empty_snapshot();
  ui::ImportOutcome outcome;
  outcome.file = "loyverse.csv";
  outcome.imported = true;
  outcome.from_watch_folder = true;
  outcome.rows = 12;
  outcome.transactions = 9;
  snapshot.import.watch_folder = {outcome};
  const std::string text = import_panel_text(imgui, snapshot);
  CHECK(text.find(ui::tr(ui::Language::En, ui::Text::DropHint)) != std::string::npos);
  CHECK(text.find("loyverse.csv") != std::string::npos);
  CHECK(text.find("12 rows, 9 transactions") != std::string::npos);
}

TEST_CASE("the first import says which currency the shop now counts in") {
  HeadlessImGui imgui;
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  imgui.state.language = ui::Language::Fr;
  CHECK(import_panel_text(imgui, snapshot).find("devise du magasin") == std::string::npos);
  snapshot.import.outcome.store_currency_set = "EUR";
  CHECK(import_panel_text(imgui, snapshot).find("La devise du magasin est désormais EUR") !=
        std::string::npos);
}
