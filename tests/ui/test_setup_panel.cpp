#include "click_helper.hpp"
#include "fixtures.hpp"
#include "footfall/ui/admin_pin.hpp"
#include "headless_imgui.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

namespace ui = footfall::ui;
using ui::testing::HeadlessImGui;
using ui::testing::type_into;

namespace {

struct SetupScreen {
  HeadlessImGui imgui;
  ui::KioskSnapshot snapshot = ui::fixtures::busy_snapshot();
  ui::KioskIntents intents;
  std::vector<ui::StoreSetup> completed;

  SetupScreen() {
    snapshot.settings.setup_needed = true;
    snapshot.settings.system_time_zone = "Europe/Paris";
    intents.is_time_zone = [](const std::string& zone) { return zone == "Europe/Paris" || zone == "Europe/Moscow"; };
    intents.complete_setup = [this](const ui::StoreSetup& setup) { completed.push_back(setup); };
    draw();
  }
  void draw() {
    ui::PanelContext context{snapshot, imgui.state, intents};
    imgui.frame([&] { ui::draw_setup_panel(context); });
  }
  bool click(ui::Text label) {
    ui::PanelContext context{snapshot, imgui.state, intents};
    return ui::testing::click_item(
        imgui, [&] { ui::draw_setup_panel(context); }, "###setup", ui::tr(imgui.state.language, label));
  }
  bool showing() {
    ui::PanelContext context{snapshot, imgui.state, intents};
    return ui::setup_showing(context);
  }
  ui::SetupForm& form() { return imgui.state.setup; }
  // Next, expecting to stay on this step with `error` shown, or to move on when error is None.
  void next_refused(ui::Text error) {
    const int step = form().step;
    REQUIRE(click(ui::Text::SetupNext));
    CHECK(form().step == step);
    CHECK(form().error.find(std::string(ui::tr(imgui.state.language, error)).substr(0, 10)) != std::string::npos);
  }
};

}  // namespace

TEST_CASE("a kiosk that keeps its settings and has no PIN starts with the set-up; one that has a PIN does not") {
  SetupScreen screen;
  CHECK(screen.showing());
  screen.snapshot.settings.setup_needed = false;
  CHECK_FALSE(screen.showing());
}

TEST_CASE("the set-up asks one thing at a time, refuses what is wrong, and ends with a PIN that locks the settings") {
  SetupScreen screen;
  screen.imgui.state.language = ui::Language::Fr;
  REQUIRE(screen.click(ui::Text::SetupNext));  // the language
  CHECK(screen.form().step == 1);

  screen.next_refused(ui::Text::ErrSetupName);
  type_into(screen.form().store_name, "Boutique Rivoli");
  REQUIRE(screen.click(ui::Text::SetupNext));

  CHECK(std::string(screen.form().time_zone.data()) == "Europe/Paris");  // from this computer
  type_into(screen.form().time_zone, "Europe/Nowhere");
  screen.next_refused(ui::Text::ErrBadZone);
  type_into(screen.form().time_zone, "Europe/Paris");
  REQUIRE(screen.click(ui::Text::SetupNext));

  CHECK(std::string(screen.form().currency.data()) == "EUR");  // from the language
  type_into(screen.form().currency, "E");
  screen.next_refused(ui::Text::ErrSetupCurrency);
  type_into(screen.form().currency, "chf");
  REQUIRE(screen.click(ui::Text::SetupNext));

  // A week of rows, Monday first, pre-filled 09:00-19:00.
  CHECK(std::string(screen.form().hours[6].closes.data()) == "19:00");
  type_into(screen.form().hours[2].opens, "19:00");
  type_into(screen.form().hours[2].closes, "09:00");
  screen.next_refused(ui::Text::ErrSetupHours);
  for (auto& day : screen.form().hours) type_into(day.opens, "09:30");
  type_into(screen.form().hours[2].closes, "19:00");
  type_into(screen.form().hours[5].closes, "18:00");
  screen.form().hours[6].closed = true;
  type_into(screen.form().hours[6].opens, "late");  // a closed day's times are not checked
  REQUIRE(screen.click(ui::Text::SetupNext));

  type_into(screen.form().pin, "47");
  type_into(screen.form().pin_again, "47");
  REQUIRE(screen.click(ui::Text::SetupFinish));
  CHECK(screen.completed.empty());
  type_into(screen.form().pin, "4711");
  type_into(screen.form().pin_again, "4712");
  REQUIRE(screen.click(ui::Text::SetupFinish));
  CHECK(screen.completed.empty());
  type_into(screen.form().pin_again, "4711");
  REQUIRE(screen.click(ui::Text::SetupFinish));

  REQUIRE(screen.completed.size() == 1);
  const ui::StoreSetup& setup = screen.completed[0];
  CHECK(setup.language == "fr");
  CHECK(setup.store_name == "Boutique Rivoli");
  CHECK(setup.time_zone == "Europe/Paris");
  CHECK(setup.currency == "CHF");
  CHECK(setup.opening_hours[0].open_minutes == 9 * 60 + 30);
  CHECK(setup.opening_hours[0].close_minutes == 19 * 60);
  CHECK(setup.opening_hours[5].close_minutes == 18 * 60);
  CHECK(setup.opening_hours[6].closed);
  CHECK(ui::verify_admin_pin("4711", setup.admin_pin_hash));
  // The PIN holds at once, and no digit of it stays in the form.
  CHECK(screen.imgui.state.admin_pin_hash == setup.admin_pin_hash);
  CHECK_FALSE(screen.imgui.state.settings_unlocked);
  CHECK(screen.form().pin[0] == '\0');
  CHECK_FALSE(screen.showing());
}

TEST_CASE("choosing Russian in the set-up pre-fills roubles") {
  SetupScreen screen;
  std::vector<std::string> languages;
  screen.intents.set_language = [&](const std::string& language) { languages.push_back(language); };
  ui::PanelContext context{screen.snapshot, screen.imgui.state, screen.intents};
  REQUIRE(ui::testing::click_item(
      screen.imgui, [&] { ui::draw_setup_panel(context); }, "###setup", ui::tr(ui::Language::En, ui::Text::RussianName)));
  CHECK(screen.imgui.state.language == ui::Language::Ru);
  CHECK(languages == std::vector<std::string>{"ru"});
  CHECK(std::string(screen.form().currency.data()) == "RUB");
}
