#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "footfall/data/metrics/quality_notes.hpp"
#include "headless_imgui.hpp"

namespace ui = footfall::ui;
namespace data = footfall::data;
using ui::testing::HeadlessImGui;

namespace {

data::QualityNote note_of(data::QualityNoteKind kind) {
  data::QualityNote note;
  note.kind = kind;
  note.door = "main";
  note.reason = "unplugged";
  note.seller = "Anna";
  note.date = "2026-05-04";
  note.label = "2026-05-04 – 2026-05-10";
  note.start_minute = 14 * 60;
  note.end_minute = 14 * 60 + 30;
  note.hour = 14;
  note.minutes = 30;
  note.covered_minutes = 600;
  note.open_minutes = 660;
  note.days = 2;
  note.buyers = 14;
  note.visitors = 10;
  return note;
}

ui::KioskSnapshot snapshot_with(std::vector<data::QualityNote> notes) {
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  auto today = std::make_shared<data::DaySummary>(*snapshot.today);
  today->notes = std::move(notes);
  snapshot.today = today;
  return snapshot;
}

// The status bar's text with the mouse on its "data notes" label, so that the tooltip lists the notes.
// ImGui 1.86 ends a text log at the End() of any top-level window, the tooltip's too, and clears it, so
// the text is taken from the clipboard a log to the clipboard leaves behind rather than from text_of.
std::string status_bar_with_tooltip(HeadlessImGui& imgui, ui::PanelContext& context,
                                    const std::string& wanted) {
  std::string captured;
  ImGuiIO& io = ImGui::GetIO();
  io.ClipboardUserData = &captured;
  io.SetClipboardTextFn = [](void* user, const char* text) { *static_cast<std::string*>(user) = text; };
  for (float y = 4.F; y < 60.F && captured.find(wanted) == std::string::npos; y += 6.F) {
    for (float x = 4.F; x < 1900.F && captured.find(wanted) == std::string::npos; x += 12.F) {
      io.MousePos = ImVec2{x, y};
      imgui.frame_in_window(
          [&] {
            ImGui::LogToClipboard();
            ui::draw_status_bar(context);
            ImGui::LogFinish();
          },
          ImVec2{1920.F, 200.F});
    }
  }
  io.SetClipboardTextFn = nullptr;
  io.ClipboardUserData = nullptr;
  return captured;
}

}  // namespace

TEST_CASE("a French kiosk's status bar words the day's quality notes in French") {
  HeadlessImGui imgui;
  imgui.state.language = ui::Language::Fr;
  const ui::KioskSnapshot snapshot = snapshot_with(
      {note_of(data::QualityNoteKind::CameraGap), note_of(data::QualityNoteKind::SalesButNoVisitors)});
  const ui::KioskIntents intents;
  ui::PanelContext context{snapshot, imgui.state, intents};

  const auto lines = ui::quality_note_lines(context);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "Caméra coupée porte main 14:00–14:30 (unplugged) : hors taux de transformation");
  CHECK(lines[1] == "Ventes à 14:00 sans visiteurs comptés");

  const std::string bar = imgui.text_of([&] { ui::draw_status_bar(context); }, ImVec2{1920.F, 200.F});
  CHECK(bar.find("Remarques sur les données (2)") != std::string::npos);
  const std::string text = status_bar_with_tooltip(imgui, context, "Ventes à 14:00 sans visiteurs comptés");
  CHECK(text.find("Caméra coupée porte main 14:00–14:30 (unplugged) : hors taux de transformation") !=
        std::string::npos);
  CHECK(text.find("Ventes à 14:00 sans visiteurs comptés") != std::string::npos);
  CHECK(text.find("but no visitors counted") == std::string::npos);
}

TEST_CASE("an English kiosk shows each quality note in the summaries' own English sentence") {
  HeadlessImGui imgui;
  imgui.state.language = ui::Language::En;
  std::vector<data::QualityNote> notes;
  for (const auto kind :
       {data::QualityNoteKind::CameraGap, data::QualityNoteKind::CameraGapInRange,
        data::QualityNoteKind::PartialCoverage, data::QualityNoteKind::DayBuyersAboveVisitors,
        data::QualityNoteKind::HourBuyersAboveVisitors, data::QualityNoteKind::BuyersAboveVisitors,
        data::QualityNoteKind::SalesButNoVisitors, data::QualityNoteKind::NoRoster,
        data::QualityNoteKind::NoRosterDays}) {
    notes.push_back(note_of(kind));
  }
  notes.push_back(note_of(data::QualityNoteKind::NoRosterDays));
  notes.back().days = 1;
  notes.push_back(note_of(data::QualityNoteKind::CameraGap));
  notes.back().reason.clear();
  const ui::KioskSnapshot snapshot = snapshot_with(notes);
  const ui::KioskIntents intents;
  const ui::PanelContext context{snapshot, imgui.state, intents};
  CHECK(ui::quality_note_lines(context) == data::quality_note_texts(notes, "en"));
}
