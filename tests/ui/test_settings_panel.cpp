#include "click_helper.hpp"
#include "fixtures.hpp"
#include "headless_imgui.hpp"
#include "footfall/ui/settings_rules.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace ui = footfall::ui;
using ui::testing::HeadlessImGui;
using ui::testing::type_into;

namespace {

struct SettingsScreen {
  HeadlessImGui imgui;
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  ui::KioskIntents intents;
  std::vector<ui::SettingsEdit> saved;
  std::vector<std::string> zones_checked;
  std::vector<std::string> roster_added;
  std::vector<std::string> roster_removed;

  SettingsScreen() {
    intents.save_settings = [this](const ui::SettingsEdit& edit) { saved.push_back(edit); };
    intents.is_time_zone = [this](const std::string& zone) {
      zones_checked.push_back(zone);
      return zone == "Europe/Paris" || zone == "Europe/Moscow";
    };
    intents.add_roster_today = [this](const std::string& seller, int start, int end) {
      roster_added.push_back(seller + " " + ui::clock_text(start) + "-" + ui::clock_text(end));
    };
    intents.remove_roster = [this](const ui::RosterView& entry) { roster_removed.push_back(entry.seller); };
    imgui.state.settings_open = true;
    draw();
  }
  void draw() {
    ui::PanelContext context{snapshot, imgui.state, intents};
    imgui.frame([&] { ui::draw_settings_panel(context); });
  }
  bool click(ui::Text label, std::optional<int> row = {}) {
    ui::PanelContext context{snapshot, imgui.state, intents};
    return ui::testing::click_item(
        imgui, [&] { ui::draw_settings_panel(context); }, "###settings", ui::tr(imgui.state.language, label), row);
  }
  ui::SettingsForm& form() { return imgui.state.settings_form; }
};

}  // namespace

TEST_CASE("clock fields read HH:MM and nothing else") {
  CHECK(ui::parse_clock_minutes("09:30") == 570);
  CHECK(ui::parse_clock_minutes("9:05") == 545);
  CHECK(ui::parse_clock_minutes("24:00") == 1440);
  CHECK_FALSE(ui::parse_clock_minutes("24:01").has_value());
  CHECK_FALSE(ui::parse_clock_minutes("12:60").has_value());
  CHECK_FALSE(ui::parse_clock_minutes("1230").has_value());
  CHECK_FALSE(ui::parse_clock_minutes("ab:cd").has_value());
  CHECK_FALSE(ui::parse_clock_minutes("").has_value());
  CHECK(ui::clock_text(570) == "09:30");
}

TEST_CASE("the settings form opens with the current values") {
  SettingsScreen screen;
  const ui::SettingsForm& form = screen.form();
  REQUIRE(form.filled);
  CHECK(std::string(form.camera_source.data()) == "synthetic");
  CHECK(form.detector == 1);  // background
  CHECK(std::string(form.time_zone.data()) == "Europe/Paris");
  CHECK(std::string(form.cutoff.data()) == "02:00");
  CHECK(std::string(form.watch_folder.data()) == "/srv/pos-drop");
  REQUIRE(form.shifts.size() == 2);
  CHECK(std::string(form.shifts[0].name.data()) == "Morning");
  CHECK(form.shifts[0].days[4]);
  CHECK_FALSE(form.shifts[0].days[5]);  // Monday to Friday only
  CHECK(std::string(form.shifts[1].end.data()) == "20:00");
}

TEST_CASE("saving sends every edited value to the runtime") {
  SettingsScreen screen;
  type_into(screen.form().camera_source, "rtsp://10.0.0.7/stream");
  screen.form().detector = 2;
  type_into(screen.form().model, "/models/yolo.onnx");
  type_into(screen.form().door, "side");
  type_into(screen.form().time_zone, "Europe/Moscow");
  type_into(screen.form().cutoff, "03:30");
  type_into(screen.form().watch_folder, "  /srv/drop  ");
  type_into(screen.form().shifts[1].start, "15:00");
  CHECK(std::string(screen.form().store_name.data()) == "Boutique Rivoli");
  CHECK(std::string(screen.form().hours[0].opens.data()) == "09:30");
  type_into(screen.form().store_name, "Boutique Rivoli 2");
  type_into(screen.form().currency, "chf");
  type_into(screen.form().hours[4].closes, "21:00");  // late on Fridays
  screen.form().hours[6].closed = true;               // and closed on Sundays
  REQUIRE(screen.click(ui::Text::Save));
  REQUIRE(screen.saved.size() == 1);
  const ui::SettingsEdit& edit = screen.saved.front();
  CHECK(edit.store_name == "Boutique Rivoli 2");
  CHECK(edit.currency == "CHF");
  CHECK(edit.opening_hours[0].open_minutes == 9 * 60 + 30);
  CHECK(edit.opening_hours[0].close_minutes == 20 * 60);
  CHECK(edit.opening_hours[4].close_minutes == 21 * 60);
  CHECK_FALSE(edit.opening_hours[4].closed);
  CHECK(edit.opening_hours[6].closed);
  CHECK(edit.camera_source == "rtsp://10.0.0.7/stream");
  CHECK(edit.detector == "dnn");
  CHECK(edit.model == "/models/yolo.onnx");
  CHECK(edit.door == "side");
  CHECK(edit.time_zone == "Europe/Moscow");
  CHECK(edit.cutoff_minutes == 210);
  CHECK(edit.watch_folder == "/srv/drop");  // spaces around a pasted path are dropped
  REQUIRE(edit.shifts.size() == 2);
  CHECK(edit.shifts[0].weekday_mask == 0x1F);
  CHECK(edit.shifts[1].start_minutes == 15 * 60);
  CHECK(edit.shifts[1].end_minutes == 20 * 60);
  CHECK(screen.form().error.empty());

  // The runtime's answer shows under the form.
  screen.snapshot.settings.status = ui::SettingsStatus::Saved;
  screen.snapshot.settings.status_version = 1;
  screen.draw();
  CHECK(screen.form().error.empty());
}

TEST_CASE("invalid input shows a message in the screen's language and changes nothing") {
  struct Case {
    const char* name;
    void (*spoil)(ui::SettingsForm&);
    ui::Text message;
  };
  const std::vector<Case> cases{
      {"unknown zone", [](ui::SettingsForm& form) { type_into(form.time_zone, "Europe/Atlantis"); },
       ui::Text::ErrBadZone},
      {"empty source", [](ui::SettingsForm& form) { type_into(form.camera_source, "   "); },
       ui::Text::ErrSourceEmpty},
      {"cutoff out of range", [](ui::SettingsForm& form) { type_into(form.cutoff, "13:00"); },
       ui::Text::ErrCutoff},
      {"cutoff not a time", [](ui::SettingsForm& form) { type_into(form.cutoff, "2h"); },
       ui::Text::ErrCutoff},
      {"no store name", [](ui::SettingsForm& form) { type_into(form.store_name, ""); },
       ui::Text::ErrSetupName},
      {"currency not a code", [](ui::SettingsForm& form) { type_into(form.currency, "euro"); },
       ui::Text::ErrSetupCurrency},
      {"closing before opening", [](ui::SettingsForm& form) { type_into(form.hours[3].closes, "08:00"); },
       ui::Text::ErrSetupHours},
      {"shift of no length",
       [](ui::SettingsForm& form) { type_into(form.shifts[0].end, form.shifts[0].start.data()); },
       ui::Text::ErrShiftOrder},
      {"shift with no day", [](ui::SettingsForm& form) { form.shifts[1].days.fill(false); },
       ui::Text::ErrShiftDays},
      {"shift with no name", [](ui::SettingsForm& form) { type_into(form.shifts[1].name, ""); },
       ui::Text::ErrShiftName},
  };
  for (const auto language : {ui::Language::En, ui::Language::Fr, ui::Language::Ru}) {
    for (const Case& bad : cases) {
      INFO(bad.name << " in " << ui::language_code(language));
      SettingsScreen screen;
      screen.imgui.state.language = language;
      bad.spoil(screen.form());
      REQUIRE(screen.click(ui::Text::Save));
      CHECK(screen.saved.empty());
      std::string expected = ui::tr(language, bad.message);
      expected = expected.substr(0, expected.find("%s"));  // the fixed part before the value
      CHECK(screen.form().error.starts_with(expected));
      CHECK_FALSE(screen.form().error.empty());
    }
  }
}

TEST_CASE("a night shift ending after midnight is saved as it is written") {
  SettingsScreen screen;
  type_into(screen.form().shifts[1].start, "22:00");
  type_into(screen.form().shifts[1].end, "02:00");
  REQUIRE(screen.click(ui::Text::Save));
  REQUIRE(screen.saved.size() == 1);
  CHECK(screen.form().error.empty());
  CHECK(screen.saved.front().shifts[1].start_minutes == 22 * 60);
  CHECK(screen.saved.front().shifts[1].end_minutes == 2 * 60);
}

TEST_CASE("an unknown zone is checked against the tz database through the runtime, named in the message") {
  SettingsScreen screen;
  type_into(screen.form().time_zone, "Paris");
  REQUIRE(screen.click(ui::Text::Save));
  CHECK(screen.saved.empty());
  CHECK(screen.zones_checked == std::vector<std::string>{"Paris"});
  CHECK(screen.form().error.find("“Paris”") != std::string::npos);
}

TEST_CASE("the roster for today: add with times, refuse bad times, remove an entry") {
  SettingsScreen screen;
  type_into(screen.form().roster_seller, "Борис");
  type_into(screen.form().roster_start, "12:00");
  type_into(screen.form().roster_end, "11:00");
  REQUIRE(screen.click(ui::Text::Add));
  CHECK(screen.roster_added.empty());
  CHECK(screen.form().error == ui::tr(ui::Language::En, ui::Text::ErrRosterOrder));

  type_into(screen.form().roster_end, "18:30");
  REQUIRE(screen.click(ui::Text::Add));
  CHECK(screen.roster_added == std::vector<std::string>{"Борис 12:00-18:30"});
  CHECK(screen.form().error.empty());
  CHECK(std::string(screen.form().roster_seller.data()).empty());

  REQUIRE(screen.click(ui::Text::Remove, 0));  // scanning bottom-up meets the roster before the shifts
  CHECK(screen.roster_removed == std::vector<std::string>{"Anna"});
  CHECK(screen.form().shifts.size() == 2);
}

TEST_CASE("the settings screen says where it saves, or that the demo keeps changes in memory") {
  SettingsScreen screen;
  screen.snapshot.settings.status = ui::SettingsStatus::SavedInMemory;
  screen.snapshot.settings.status_version = screen.form().status_seen + 1;
  screen.snapshot.settings.config_path.clear();
  const int vertices = screen.imgui.frame([&] {
    ui::PanelContext context{screen.snapshot, screen.imgui.state, screen.intents};
    ui::draw_settings_panel(context);
  });
  CHECK(vertices > 0);
  // The failure detail from the runtime is shown as is.
  screen.snapshot.settings.status = ui::SettingsStatus::Failed;
  screen.snapshot.settings.status_detail = "config.toml: cannot write";
  screen.snapshot.settings.status_version += 1;
  CHECK(screen.imgui.frame([&] {
    ui::PanelContext context{screen.snapshot, screen.imgui.state, screen.intents};
    ui::draw_settings_panel(context);
  }) > 0);
}

TEST_CASE("an audit clip is asked for behind the PIN, says it is recording, and can be stopped") {
  SettingsScreen screen;
  std::vector<std::pair<double, std::string>> started;
  int stopped = 0;
  screen.intents.start_audit = [&](double seconds, const std::string& folder) { started.emplace_back(seconds, folder); };
  screen.intents.stop_audit = [&] { ++stopped; };
  CHECK(std::string(screen.form().audit_folder.data()) == "/var/lib/footfall/audits");
  std::string record_five = ui::tr(screen.imgui.state.language, ui::Text::AuditRecordMinutes);
  record_five.replace(record_five.find("%s"), 2, "5");
  ui::PanelContext context{screen.snapshot, screen.imgui.state, screen.intents};
  const auto draw = [&] { ui::draw_settings_panel(context); };
  REQUIRE(ui::testing::click_item(screen.imgui, draw, "###settings", record_five.c_str()));
  REQUIRE(started.size() == 1);
  CHECK(started[0].first == doctest::Approx(300.0));
  CHECK(started[0].second == "/var/lib/footfall/audits");

  screen.snapshot.audit.recording = true;
  screen.snapshot.audit.clip = "/var/lib/footfall/audits/audit-2026-12-03T100000Z.mp4";
  screen.snapshot.audit.ends_ms = screen.imgui.state.now_ms + 299'000;
  REQUIRE(screen.click(ui::Text::AuditStop));
  CHECK(stopped == 1);
}

TEST_CASE("while an audit clip is recorded the status bar says so, in the screen's language") {
  HeadlessImGui imgui;
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  ui::KioskIntents intents;
  const auto warnings_drawn = [&](ui::Language language) {
    imgui.state.language = language;
    ui::PanelContext context{snapshot, imgui.state, intents};
    return imgui.text_of([&] { ui::draw_status_bar(context); });
  };
  CHECK(warnings_drawn(ui::Language::En).find("Recording an audit clip") == std::string::npos);
  snapshot.audit.recording = true;
  CHECK(warnings_drawn(ui::Language::En).find("Recording an audit clip") != std::string::npos);
  CHECK(warnings_drawn(ui::Language::Ru).find("контрольная запись") != std::string::npos);
}

TEST_CASE("the settings rules the screens and the runtime share name the first problem in the screen's language") {
  const ui::TimeZoneTest zones = [](const std::string& zone) { return zone == "Europe/Paris"; };
  ui::SettingsEdit edit;
  edit.camera_source = "0";
  edit.detector = "auto";
  edit.store_name = "Chez Paul";
  edit.currency = "EUR";
  edit.time_zone = "Europe/Paris";
  edit.shifts = {{"Matin", 0x1F, 9 * 60, 14 * 60}, {"Nuit", 0x7F, 22 * 60, 6 * 60}};  // a night shift is fine
  CHECK(ui::check_settings(edit, zones).ok());

  edit.shifts[0].weekday_mask = 0;
  const ui::SettingsCheck no_days = ui::check_settings(edit, zones);
  CHECK(no_days.problem == ui::SettingsProblem::ShiftNoDays);
  CHECK(ui::settings_problem_text(ui::Language::Fr, no_days) == "Le créneau « Matin » n’a aucun jour coché");
  edit.shifts[0].weekday_mask = 0x1F;

  edit.cutoff_minutes = ui::kMaxCutoffMinutes + 1;
  CHECK(ui::check_settings(edit, zones).problem == ui::SettingsProblem::BadCutoff);
  edit.cutoff_minutes = 0;
  edit.time_zone = "Europe/Pariss";
  const ui::SettingsCheck zone = ui::check_settings(edit, zones);
  CHECK(zone.problem == ui::SettingsProblem::BadTimeZone);
  CHECK(ui::settings_problem_text(ui::Language::Ru, zone).find("«Europe/Pariss»") != std::string::npos);
  edit.store_name.clear();  // above the zone on the screen: named first
  CHECK(ui::check_settings(edit, zones).problem == ui::SettingsProblem::NoStoreName);
  footfall::data::WeekHours week{};
  CHECK(ui::check_store_profile("Chez Paul", "", week).ok());  // no currency yet is allowed
  week[6] = {19 * 60, 9 * 60, true};
  CHECK(ui::check_store_profile("Chez Paul", "EUR", week).ok());  // a closed day's times are not checked
  week[6].closed = false;
  CHECK(ui::check_store_profile("Chez Paul", "EUR", week).problem == ui::SettingsProblem::BadHours);
}

TEST_CASE("an audit clip asked for while the camera is down says it waits for it, and can be called off") {
  SettingsScreen screen;
  int stopped = 0;
  screen.intents.stop_audit = [&] { ++stopped; };
  CHECK_FALSE(screen.click(ui::Text::AuditStop));  // nothing asked for: nothing to call off
  // The settings window is not in ImGui's text log; the waiting line is the only one with a Stop button
  // besides the recording one.
  screen.snapshot.audit.waiting = true;
  REQUIRE(screen.click(ui::Text::AuditStop));
  CHECK(stopped == 1);
  CHECK(std::string(ui::tr(ui::Language::Fr, ui::Text::AuditWaiting)).find("caméra") != std::string::npos);
}
