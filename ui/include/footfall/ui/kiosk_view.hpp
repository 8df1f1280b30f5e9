#pragma once
// Panel-level API of the kiosk, used by run_kiosk (kiosk_app.hpp) and by the headless tests. Needs Dear
// ImGui.
#include <imgui.h>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "footfall/data/store/store_profile.hpp"
#include "footfall/ui/kiosk_app.hpp"
#include "footfall/ui/snapshot.hpp"
#include "footfall/ui/translations.hpp"

namespace footfall::ui {

struct KioskFonts {
  ImFont* regular = nullptr;  // tables, status bar
  ImFont* bold = nullptr;     // tile labels, headings
  ImFont* large = nullptr;    // tile values, readable from 2-3 m
};

// Adds the kiosk fonts to `atlas` (not yet built). Throws std::runtime_error naming a missing font file.
// `scale` 1 is sized for 1080 lines; a 4K screen read from 3 m needs the text twice as tall.
KioskFonts add_kiosk_fonts(ImFontAtlas& atlas, const KioskOptions& options, float scale = 1.F);
// The text scale for a screen `height` pixels tall: larger screens scale up, never below 1 (a
// small tablet is read from closer, and the tiles fit their text to their size anyway).
float text_scale_for(int height);
// Every codepoint the kiosk can draw with the regular/bold fonts (translations + number formatting).
std::u32string kiosk_codepoints();

struct LineEdit {
  bool active = false;
  LineView line;
  int dragging = -1;  // 0 = a, 1 = b, 2 = inside
};

struct ShiftForm {
  std::array<char, 64> name{};
  std::array<bool, 7> days{true, true, true, true, true, true, true};  // Monday first
  std::array<char, 8> start{};
  std::array<char, 8> end{};
};

// One weekday's opening hours as typed; a closed day keeps its times for when it opens again.
struct DayHoursForm {
  std::array<char, 8> opens{};
  std::array<char, 8> closes{};
  bool closed = false;
};
using WeekHoursForm = std::array<DayHoursForm, 7>;  // Monday first

// The settings screen's fields while the admin edits them; filled from SettingsView when it opens.
struct SettingsForm {
  bool filled = false;
  std::array<char, 512> camera_source{};
  int detector = 0;  // index into auto, background, dnn, hog
  std::array<char, 512> model{};
  std::array<char, 64> door{};
  std::array<char, 512> watch_folder{};
  std::array<char, 512> audit_folder{};
  std::array<char, 96> store_name{};
  std::array<char, 8> currency{};
  WeekHoursForm hours{};
  std::array<char, 64> time_zone{};
  std::array<char, 8> cutoff{};
  std::vector<ShiftForm> shifts;
  std::array<char, 64> roster_seller{};
  std::array<char, 8> roster_start{};
  std::array<char, 8> roster_end{};
  std::string error;              // the inline message of the last refused Save or Add
  std::uint64_t status_seen = 0;  // SettingsView::status_version when the form was filled
};

using data::clock_text;
using data::parse_clock_minutes;

// The manager's own count beside the camera's for a few minutes: the honest check of the counter.
struct TallyState {
  bool open = false;
  int minutes = 5;
  std::int64_t started_ms = 0;  // 0: not started
  std::int64_t you_in = 0;
  std::int64_t you_out = 0;
  std::int64_t camera_in_at_start = 0;
  std::int64_t camera_out_at_start = 0;
  std::int64_t camera_in = 0;  // since the start, frozen when the time is up
  std::int64_t camera_out = 0;
};

// 1 − (|camera in − your in| + |camera out − your out|) ÷ your crossings; 1 when both saw nobody.
double tally_agreement(const TallyState& tally);

// The first-run set-up, one question per step; nothing is sent before the last one.
struct SetupForm {
  bool prefilled = false;
  bool forced = false;  // shown even where the runtime does not ask for it (screenshots)
  bool done = false;
  int step = 0;
  std::array<char, 96> store_name{};
  std::array<char, 64> time_zone{};
  std::array<char, 8> currency{};
  WeekHoursForm hours{};
  std::array<char, 16> pin{};
  std::array<char, 16> pin_again{};
  std::string error;
};

// UI-thread state that survives between frames.
struct KioskState {
  Language language = Language::En;
  std::int64_t now_ms = 0;  // wall clock of this frame
  KioskFonts fonts;
  // Returns the texture of the camera frame, re-uploading only when the sequence changed; empty headless.
  std::function<ImTextureID(const CameraView&)> camera_texture;
  std::vector<std::string> dropped_files;  // filled by the drop callback, sent as import intents
  std::string import_profile = "auto";     // the POS export the manager says the files are
  std::string admin_pin_hash;
  bool settings_open = false;
  bool settings_unlocked = false;
  bool pin_wrong = false;
  char pin_entry[16] = {};
  LineEdit line_edit;
  SettingsForm settings_form;
  TallyState tally;
  bool contest_open = false;  // the seller contest screen
  SetupForm setup;
};

struct PanelContext {
  const KioskSnapshot& snapshot;
  KioskState& state;
  const KioskIntents& intents;
  [[nodiscard]] const char* text(Text id) const { return tr(state.language, id); }
};

// Whole screen into the main viewport; each panel draws into the current window's available region.
void draw_kiosk(PanelContext& context);
void draw_status_bar(PanelContext& context);
void draw_today_panel(PanelContext& context);
void draw_hourly_chart(PanelContext& context);
// Every how many hours the chart labels its axis (1, 2, 3, 4, 6 or 12) so that labels `label_width`
// wide, one per `slot_width`, never touch.
int hour_label_step(float slot_width, float label_width);
void draw_shifts_sellers(PanelContext& context);
void draw_camera_panel(PanelContext& context);
void draw_import_panel(PanelContext& context);
// What the manager can do about a refused file, at the till or on this screen; never a command.
Text import_advice(data::ImportFailure failure);
void draw_settings_panel(PanelContext& context);
// The first start of a kiosk: language, store, time zone, currency, hours and the admin PIN.
void draw_setup_panel(PanelContext& context);
[[nodiscard]] bool setup_showing(const PanelContext& context);
void draw_tally_panel(PanelContext& context);
void draw_contest_panel(PanelContext& context);
// Lets the admin drag the counting line on the camera image shown in [image_min, image_max].
void edit_counting_line(PanelContext& context, ImVec2 image_min, ImVec2 image_max);

// Styling shared by the panels.
namespace palette {
inline constexpr ImU32 background = IM_COL32(18, 22, 28, 255);
inline constexpr ImU32 tile = IM_COL32(32, 38, 48, 255);
inline constexpr ImU32 text = IM_COL32(235, 238, 242, 255);
inline constexpr ImU32 muted = IM_COL32(150, 158, 170, 255);
inline constexpr ImU32 good = IM_COL32(80, 200, 120, 255);
inline constexpr ImU32 bad = IM_COL32(235, 90, 80, 255);
inline constexpr ImU32 warning = IM_COL32(240, 180, 60, 255);
inline constexpr ImU32 visitors = IM_COL32(70, 140, 230, 255);
inline constexpr ImU32 buyers = IM_COL32(80, 200, 120, 255);
inline constexpr ImU32 conversion = IM_COL32(250, 170, 50, 255);
}  // namespace palette

// One tile of the today panel, worked out before it is drawn (and read by the tests).
struct TodayTile {
  Text label = Text::Visitors;
  std::string value = "—";
  std::string change;
  ImU32 change_color = palette::muted;
  std::string detail;
  ImU32 detail_color = palette::muted;
};
std::array<TodayTile, 7> today_tiles(const PanelContext& context);

// Where each text the figures panels draw landed, for the layout test: while a TextLedger lives, the
// panels' text helper appends to it (one ledger at a time, on the UI thread).
struct DrawnText {
  std::string text;
  ImVec2 min;
  ImVec2 max;
  ImVec2 clip_min;  // the draw list's clip rectangle when it was drawn
  ImVec2 clip_max;
  float size = 0.F;
};
class TextLedger {
 public:
  TextLedger();
  ~TextLedger();
  TextLedger(const TextLedger&) = delete;
  TextLedger& operator=(const TextLedger&) = delete;
  std::vector<DrawnText> texts;
};
// The day's data-quality notes in the screen's language, as the status bar lists them (and the tests read).
std::vector<std::string> quality_note_lines(const PanelContext& context);

}  // namespace footfall::ui
