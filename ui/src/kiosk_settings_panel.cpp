#include "settings_widgets.hpp"
#include "footfall/ui/settings_rules.hpp"
#include "footfall/ui/admin_pin.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace footfall::ui {
namespace {

void lock_settings(KioskState& state) {
  state.settings_open = false;
  state.settings_unlocked = false;
  state.pin_wrong = false;
  state.line_edit = LineEdit{};
  state.settings_form = SettingsForm{};
  std::memset(state.pin_entry, 0, sizeof state.pin_entry);
}

constexpr std::array<std::pair<const char*, Text>, 4> detectors{
    std::pair{"auto", Text::DetectorAuto}, std::pair{"background", Text::DetectorBackground},
    std::pair{"dnn", Text::DetectorDnn}, std::pair{"hog", Text::DetectorHog}};

void draw_pin_entry(PanelContext& context) {
  KioskState& state = context.state;
  if (state.admin_pin_hash.empty()) {
    state.settings_unlocked = true;
    return;
  }
  ImGui::TextUnformatted(context.text(Text::AdminPin));
  ImGui::SetNextItemWidth(240.F);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  const bool entered = ImGui::InputText(
      "##pin", state.pin_entry, sizeof state.pin_entry,
      ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button(context.text(Text::Unlock)) || entered) {
    state.settings_unlocked = verify_admin_pin(state.pin_entry, state.admin_pin_hash);
    state.pin_wrong = !state.settings_unlocked;
    std::memset(state.pin_entry, 0, sizeof state.pin_entry);
  }
  if (state.pin_wrong) ImGui::TextColored(ImColor(palette::bad).Value, "%s", context.text(Text::WrongPin));
}

void draw_language_switch(PanelContext& context) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(context.text(Text::Language));
  constexpr std::array<std::pair<Language, Text>, 3> choices{std::pair{Language::En, Text::EnglishName},
                                                             std::pair{Language::Fr, Text::FrenchName},
                                                             std::pair{Language::Ru, Text::RussianName}};
  for (const auto& [language, name] : choices) {
    ImGui::SameLine();
    if (ImGui::RadioButton(context.text(name), context.state.language == language) &&
        context.state.language != language) {
      context.state.language = language;
      if (context.intents.set_language) context.intents.set_language(language_code(language));
    }
  }
}


void fill_form(SettingsForm& form, const SettingsView& view) {
  form = SettingsForm{};
  form.filled = true;
  form.status_seen = view.status_version;
  copy_to(form.camera_source, view.camera_source);
  for (std::size_t index = 0; index < detectors.size(); ++index) {
    if (view.detector == detectors[index].first) form.detector = static_cast<int>(index);
  }
  copy_to(form.model, view.model);
  copy_to(form.door, view.door);
  copy_to(form.watch_folder, view.watch_folder);
  copy_to(form.audit_folder, view.audit_folder);
  copy_to(form.store_name, view.store_name);
  copy_to(form.currency, view.currency);
  fill_week_form(form.hours, view.opening_hours);
  copy_to(form.time_zone, view.time_zone);
  copy_to(form.cutoff, clock_text(view.cutoff_minutes));
  for (const ShiftView& shift : view.shifts) {
    ShiftForm row;
    copy_to(row.name, shift.name);
    for (std::size_t day = 0; day < row.days.size(); ++day) {
      row.days[day] = ((shift.weekday_mask >> day) & 1) != 0;
    }
    copy_to(row.start, clock_text(shift.start_minutes));
    copy_to(row.end, clock_text(shift.end_minutes));
    form.shifts.push_back(row);
  }
}

// The form as a SettingsEdit, or nothing and the first problem, in the screen's language, in form.error.
std::optional<SettingsEdit> validated_edit(const PanelContext& context, SettingsForm& form) {
  const auto refuse = [&form](std::string message) {
    form.error = std::move(message);
    return std::optional<SettingsEdit>{};
  };
  SettingsEdit edit;
  edit.camera_source = text_of(form.camera_source);
  edit.detector = detectors[static_cast<std::size_t>(std::clamp(form.detector, 0, 3))].first;
  edit.model = text_of(form.model);
  edit.door = text_of(form.door);
  if (edit.door.empty()) edit.door = "main";
  edit.watch_folder = text_of(form.watch_folder);
  edit.store_name = text_of(form.store_name);
  edit.currency = upper_ascii(text_of(form.currency));
  // What cannot even be read as a time is the form's to say; the rest is settings_rules.hpp's.
  const auto hours = read_week_form(form.hours);
  if (!hours) return refuse(context.text(Text::ErrSetupHours));
  edit.opening_hours = *hours;
  edit.time_zone = text_of(form.time_zone);
  const auto cutoff = parse_clock_minutes(text_of(form.cutoff));
  if (!cutoff) return refuse(context.text(Text::ErrCutoff));
  edit.cutoff_minutes = *cutoff;
  for (const ShiftForm& row : form.shifts) {
    ShiftView shift;
    shift.name = text_of(row.name);
    const auto start = parse_clock_minutes(text_of(row.start));
    const auto end = parse_clock_minutes(text_of(row.end));
    if (!shift.name.empty() && (!start || !end)) return refuse(context.text(Text::ErrTime));
    shift.start_minutes = start.value_or(0);
    shift.end_minutes = end.value_or(0);
    shift.weekday_mask = 0;
    for (std::size_t day = 0; day < row.days.size(); ++day) {
      if (row.days[day]) shift.weekday_mask |= 1 << day;
    }
    edit.shifts.push_back(shift);
  }
  const TimeZoneTest any_zone = [](const std::string&) { return true; };
  if (const SettingsCheck check = check_settings(edit, context.intents.is_time_zone ? context.intents.is_time_zone : any_zone);
      !check.ok()) {
    return refuse(settings_problem_text(context.state.language, check));
  }
  form.error.clear();
  return edit;
}

void draw_camera_settings(PanelContext& context, SettingsForm& form) {
  heading(context, Text::Camera);
  const float width = label_width(context, {Text::CameraSource, Text::Detector, Text::ModelFile, Text::Door});
  labeled_input(context, Text::CameraSource, "##camera_source", form.camera_source, width);
  wrapped_hint(context.text(Text::CameraSourceHint), width);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(context.text(Text::Detector));
  ImGui::SameLine(width);
  ImGui::SetNextItemWidth(-1.F);
  const auto current = static_cast<std::size_t>(std::clamp(form.detector, 0, 3));
  if (ImGui::BeginCombo("##detector", context.text(detectors[current].second))) {
    for (std::size_t index = 0; index < detectors.size(); ++index) {
      if (ImGui::Selectable(context.text(detectors[index].second), index == current)) {
        form.detector = static_cast<int>(index);
      }
    }
    ImGui::EndCombo();
  }
  labeled_input(context, Text::ModelFile, "##model", form.model, width, ".weights / .onnx");
  labeled_input(context, Text::Door, "##door", form.door, width, "main");
}

// Writing frames to disk is the owner's decision, so it sits behind the PIN and says what it does.
void draw_audit_settings(PanelContext& context, SettingsForm& form) {
  heading(context, Text::AuditClip);
  const AuditView& audit = context.snapshot.audit;
  wrapped_hint(context.text(Text::AuditExplain), 0.F);
  const float width = label_width(context, {Text::AuditFolder});
  labeled_input(context, Text::AuditFolder, "##audit_folder", form.audit_folder, width);
  if (audit.recording) {
    const std::string left = time_left_text(audit.ends_ms - context.state.now_ms);
    ImGui::TextColored(ImColor(palette::warning).Value, "%s", fill(context.text(Text::AuditRecording), audit.clip, left).c_str());
    if (ImGui::Button(context.text(Text::AuditStop)) && context.intents.stop_audit) context.intents.stop_audit();
    return;
  }
  if (audit.waiting) {
    ImGui::TextColored(ImColor(palette::warning).Value, "%s", context.text(Text::AuditWaiting));
    if (ImGui::Button(context.text(Text::AuditStop)) && context.intents.stop_audit) context.intents.stop_audit();
    return;
  }
  for (const int minutes : {2, 5, 10}) {
    const std::string label = fill(context.text(Text::AuditRecordMinutes), std::to_string(minutes));
    if (ImGui::Button(label.c_str()) && context.intents.start_audit) {
      context.intents.start_audit(minutes * 60.0, form.audit_folder.data());
    }
    ImGui::SameLine();
  }
  ImGui::NewLine();
  if (!audit.error.empty()) {
    ImGui::PushTextWrapPos(0.F);
    ImGui::TextColored(ImColor(palette::warning).Value, "%s", fill(context.text(Text::AuditFailed), audit.error).c_str());
    ImGui::PopTextWrapPos();
  } else if (!audit.clip.empty()) {
    ImGui::PushTextWrapPos(0.F);
    ImGui::TextUnformatted(fill(context.text(Text::AuditSaved), audit.clip).c_str());
    ImGui::PopTextWrapPos();
  }
}

void draw_store_settings(PanelContext& context, SettingsForm& form) {
  heading(context, Text::Store);
  const float width = label_width(
      context, {Text::Store, Text::Currency, Text::TimeZone, Text::DayStartsAt, Text::ImportFolder});
  labeled_input(context, Text::Store, "##store_name", form.store_name, width);
  labeled_input(context, Text::Currency, "##currency", form.currency, width, "EUR");
  labeled_input(context, Text::TimeZone, "##time_zone", form.time_zone, width, "Europe/Paris");
  labeled_input(context, Text::DayStartsAt, "##cutoff", form.cutoff, width, "00:00");
  labeled_input(context, Text::ImportFolder, "##watch_folder", form.watch_folder, width);
  wrapped_hint(context.text(Text::ImportFolderHint), width);
}

void draw_opening_hours(PanelContext& context, SettingsForm& form) {
  heading(context, Text::OpeningHours);
  ImGui::PushID("hours");
  draw_week_hours(context, form.hours, 0.F);
  ImGui::PopID();
}

void draw_save_footer(PanelContext& context, SettingsForm& form) {
  const SettingsView& view = context.snapshot.settings;
  const SettingsStatus status = view.status_version > form.status_seen ? view.status : SettingsStatus::None;
  if (!form.error.empty()) {
    ImGui::TextColored(ImColor(palette::bad).Value, "%s", form.error.c_str());
  } else if (status == SettingsStatus::Saved) {
    ImGui::TextColored(ImColor(palette::good).Value, "%s", context.text(Text::Saved));
  } else if (status == SettingsStatus::SavedInMemory) {
    ImGui::TextColored(ImColor(palette::warning).Value, "%s", context.text(Text::SavedInMemory));
  } else if (status == SettingsStatus::Failed) {
    const std::string message = fill(context.text(Text::NotSaved), view.status_detail);
    ImGui::TextColored(ImColor(palette::bad).Value, "%s", message.c_str());
  } else {
    ImGui::NewLine();
  }
  if (ImGui::Button(context.text(Text::Save))) {
    if (const auto edit = validated_edit(context, form); edit && context.intents.save_settings) {
      context.intents.save_settings(*edit);
    }
  }
  ImGui::SameLine();
  const std::string where = view.config_path.empty() ? std::string(context.text(Text::SettingsInMemory))
                                                      : fill(context.text(Text::SettingsFile), view.config_path);
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", where.c_str());
}

void draw_unlocked_settings(PanelContext& context) {
  SettingsForm& form = context.state.settings_form;
  if (!form.filled && context.snapshot.settings.loaded) fill_form(form, context.snapshot.settings);
  if (context.state.admin_pin_hash.empty()) {
    ImGui::TextColored(ImColor(palette::warning).Value, "%s", context.text(Text::NoPinSet));
  }
  draw_language_switch(context);
  const float footer = ImGui::GetFrameHeightWithSpacing() * 2.F + ImGui::GetStyle().ItemSpacing.y * 2.F;
  if (ImGui::BeginChild("##settings_body", ImVec2{0.F, -footer}, false)) {
    if (ImGui::BeginTable("##settings_columns", 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      draw_camera_settings(context, form);
      ImGui::Spacing();
      draw_line_editor(context);
      draw_store_settings(context, form);
      draw_audit_settings(context, form);
      ImGui::TableNextColumn();
      draw_opening_hours(context, form);
      draw_shift_settings(context, form);
      draw_seller_buttons(context, form);
      draw_roster_settings(context, form);
      ImGui::EndTable();
    }
  }
  ImGui::EndChild();
  ImGui::Separator();
  draw_save_footer(context, form);
}

}  // namespace

void draw_settings_panel(PanelContext& context) {
  KioskState& state = context.state;
  if (!state.settings_open) return;
  if (state.admin_pin_hash.empty()) state.settings_unlocked = true;
  const ImGuiViewport& viewport = *ImGui::GetMainViewport();
  // While the line is dragged on the camera image, the form steps aside to the bottom left.
  const bool line_editing = state.settings_unlocked && state.line_edit.active;
  if (line_editing) {
    ImGui::SetNextWindowPos(ImVec2{viewport.WorkPos.x + 20.F, viewport.WorkPos.y + viewport.WorkSize.y - 20.F},
                            ImGuiCond_Always, ImVec2{0.F, 1.F});
  } else {
    ImGui::SetNextWindowPos(ImVec2{viewport.WorkPos.x + viewport.WorkSize.x * 0.5F, viewport.WorkPos.y + 40.F},
                            ImGuiCond_Always, ImVec2{0.5F, 0.F});
  }
  const ImVec2 size = state.settings_unlocked && !line_editing
                          ? ImVec2{std::min(1600.F, viewport.WorkSize.x - 40.F), viewport.WorkSize.y - 80.F}
                          : ImVec2{760.F, 0.F};
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(1.F);  // the figures behind must not show through the form
  bool open = true;
  const std::string title = std::string(context.text(Text::Settings)) + "###settings";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    if (!state.settings_unlocked) draw_pin_entry(context);
    if (line_editing) {
      draw_line_editor(context);
      ImGui::Separator();
    } else if (state.settings_unlocked) {
      draw_unlocked_settings(context);
      const float close_width =
          ImGui::CalcTextSize(context.text(Text::Close)).x + ImGui::GetStyle().FramePadding.x * 2.F;
      ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - close_width);
    } else {
      ImGui::Separator();
    }
    if (ImGui::Button(context.text(Text::Close))) open = false;
  }
  ImGui::End();
  if (!open) lock_settings(state);
}

}  // namespace footfall::ui
