#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "draw_helpers.hpp"
#include "footfall/data/week_hours.hpp"
#include "footfall/ui/admin_pin.hpp"
#include "footfall/ui/kiosk_view.hpp"
#include "settings_widgets.hpp"

namespace footfall::ui {
namespace {

constexpr int kSteps = 6;  // language, store name, time zone, currency, hours, PIN
constexpr std::size_t kShortestPin = 4;

const char* currency_for(Language language) { return language == Language::Ru ? "RUB" : "EUR"; }

void prefill(PanelContext& context) {
  SetupForm& form = context.state.setup;
  if (form.prefilled) return;
  form.prefilled = true;
  const SettingsView& view = context.snapshot.settings;
  copy_to(form.time_zone, view.system_time_zone.empty() ? std::string("UTC") : view.system_time_zone);
  copy_to(form.currency, currency_for(context.state.language));
  data::WeekHours usual{};
  usual.fill({9 * 60, 19 * 60, false});
  fill_week_form(form.hours, usual);
}

// The step's answer, checked before moving on; returns the message to show when it is wrong.
std::string step_error(PanelContext& context) {
  SetupForm& form = context.state.setup;
  switch (form.step) {
    case 1:
      return form.store_name[0] == '\0' ? context.text(Text::ErrSetupName) : "";
    case 2:
      if (context.intents.is_time_zone && !context.intents.is_time_zone(form.time_zone.data())) {
        return fill(context.text(Text::ErrBadZone), form.time_zone.data());
      }
      return "";
    case 3:
      return data::is_currency_code(upper_ascii(form.currency.data())) ? "" : context.text(Text::ErrSetupCurrency);
    case 4: {
      const auto hours = read_week_form(form.hours);
      return hours && data::week_hours_problem(*hours).empty() ? "" : context.text(Text::ErrSetupHours);
    }
    case 5:
      if (std::strlen(form.pin.data()) < kShortestPin) return context.text(Text::ErrSetupPinShort);
      return std::strcmp(form.pin.data(), form.pin_again.data()) == 0 ? "" : context.text(Text::ErrSetupPinMismatch);
    default:
      return "";
  }
}

void finish(PanelContext& context) {
  SetupForm& form = context.state.setup;
  StoreSetup setup;
  setup.language = language_code(context.state.language);
  setup.store_name = form.store_name.data();
  setup.time_zone = form.time_zone.data();
  setup.currency = upper_ascii(form.currency.data());
  if (const auto hours = read_week_form(form.hours)) setup.opening_hours = *hours;
  setup.admin_pin_hash = hash_admin_pin(form.pin.data());
  form.pin.fill('\0');
  form.pin_again.fill('\0');
  // The PIN holds from this frame on, before the runtime has written it anywhere.
  context.state.admin_pin_hash = setup.admin_pin_hash;
  context.state.settings_unlocked = false;
  if (context.intents.complete_setup) context.intents.complete_setup(setup);
  form.done = true;
}

template <std::size_t Size>
void answer_field(const char* id, std::array<char, Size>& buffer, ImGuiInputTextFlags flags = 0) {
  ImGui::SetNextItemWidth(-1.F);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::InputText(id, buffer.data(), buffer.size(), flags);
}

void draw_step(PanelContext& context) {
  SetupForm& form = context.state.setup;
  switch (form.step) {
    case 0:
      ImGui::TextWrapped("%s", context.text(Text::SetupWelcome));
      ImGui::Spacing();
      for (const auto& [language, name] : {std::pair{Language::En, Text::EnglishName},
                                           std::pair{Language::Fr, Text::FrenchName},
                                           std::pair{Language::Ru, Text::RussianName}}) {
        if (ImGui::RadioButton(context.text(name), context.state.language == language) &&
            context.state.language != language) {
          context.state.language = language;
          copy_to(form.currency, currency_for(language));
          if (context.intents.set_language) context.intents.set_language(language_code(language));
        }
        ImGui::SameLine(0.F, 24.F);
      }
      ImGui::NewLine();
      break;
    case 1:
      ImGui::TextUnformatted(context.text(Text::SetupStoreName));
      answer_field("##setup_name", form.store_name);
      break;
    case 2:
      ImGui::TextUnformatted(context.text(Text::TimeZone));
      answer_field("##setup_zone", form.time_zone);
      ImGui::TextDisabled("%s", context.text(Text::SetupTimeZoneHint));
      break;
    case 3:
      ImGui::TextUnformatted(context.text(Text::SetupCurrency));
      answer_field("##setup_currency", form.currency, ImGuiInputTextFlags_CharsUppercase);
      break;
    case 4:
      ImGui::TextWrapped("%s", context.text(Text::SetupHours));
      ImGui::PushID("setup_hours");
      draw_week_hours(context, form.hours, 0.F);
      ImGui::PopID();
      break;
    default:
      ImGui::TextWrapped("%s", context.text(Text::SetupPin));
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.F);
      ImGui::InputText("##setup_pin", form.pin.data(), form.pin.size(),
                       ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
      ImGui::TextUnformatted(context.text(Text::SetupPinAgain));
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.F);
      ImGui::InputText("##setup_pin_again", form.pin_again.data(), form.pin_again.size(),
                       ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
      break;
  }
}

}  // namespace

bool setup_showing(const PanelContext& context) {
  const SetupForm& form = context.state.setup;
  return !form.done && (form.forced || (context.snapshot.settings.loaded && context.snapshot.settings.setup_needed));
}

void draw_setup_panel(PanelContext& context) {
  if (!setup_showing(context)) return;
  prefill(context);
  SetupForm& form = context.state.setup;
  const ImGuiViewport& viewport = *ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport.WorkPos);
  ImGui::SetNextWindowSize(viewport.WorkSize);
  ImGui::SetNextWindowBgAlpha(1.F);
  const std::string title = std::string(context.text(Text::SetupTitle)) + "###setup";
  if (ImGui::Begin(title.c_str(), nullptr,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                       ImGuiWindowFlags_NoResize)) {
    const float width = std::min(900.F, ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5F);
    if (ImGui::BeginChild("##setup_step", ImVec2{width, 0.F}, false)) {
      ImGui::PushFont(context.state.fonts.bold != nullptr ? context.state.fonts.bold : ImGui::GetFont());
      ImGui::TextUnformatted(
          fill(context.text(Text::SetupStep), std::to_string(form.step + 1), std::to_string(kSteps)).c_str());
      ImGui::PopFont();
      ImGui::Separator();
      ImGui::Spacing();
      draw_step(context);
      ImGui::Spacing();
      if (!form.error.empty()) ImGui::TextColored(ImColor(palette::bad).Value, "%s", form.error.c_str());
      ImGui::Spacing();
      if (form.step > 0 && ImGui::Button(context.text(Text::SetupBack))) {
        form.error.clear();
        --form.step;
      }
      if (form.step > 0) ImGui::SameLine();
      const bool last = form.step == kSteps - 1;
      if (ImGui::Button(context.text(last ? Text::SetupFinish : Text::SetupNext))) {
        form.error = step_error(context);
        if (form.error.empty()) {
          if (last) {
            finish(context);
          } else {
            ++form.step;
          }
        }
      }
    }
    ImGui::EndChild();
  }
  ImGui::End();
}

}  // namespace footfall::ui
