#include "draw_helpers.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <vector>

#include "footfall/data/locale_format.hpp"

namespace footfall::ui {

ImVec2 text_size(ImFont* font, float size, const std::string& text) {
  if (font == nullptr) font = ImGui::GetFont();
  return font->CalcTextSizeA(size, 1.0e9F, 0.F, text.c_str(), text.c_str() + text.size());
}

float size_of(const ImFont* font) { return font != nullptr ? font->FontSize : ImGui::GetFontSize(); }

namespace {
TextLedger* active_ledger = nullptr;
}  // namespace

TextLedger::TextLedger() { active_ledger = this; }
TextLedger::~TextLedger() { active_ledger = nullptr; }

ImVec2 draw_text(ImDrawList& draw_list, ImFont* font, float size, ImVec2 position, ImU32 color,
                 const std::string& text) {
  if (font == nullptr) font = ImGui::GetFont();
  const ImVec2 measured = text_size(font, size, text);
  draw_list.AddText(font, size, position, color, text.c_str(), text.c_str() + text.size());
  if (active_ledger != nullptr) {
    active_ledger->texts.push_back({text, position, ImVec2{position.x + measured.x, position.y + measured.y},
                                    draw_list.GetClipRectMin(), draw_list.GetClipRectMax(), size});
  }
  return measured;
}

void note_text(const std::string& text, ImVec2 min, ImVec2 max, float size) {
  if (active_ledger == nullptr || text.empty()) return;
  const ImDrawList& draw_list = *ImGui::GetWindowDrawList();
  const ImVec2 clip_min = draw_list.GetClipRectMin();
  const ImVec2 clip_max = draw_list.GetClipRectMax();
  // A row scrolled out of a table or panel is not on screen; one half in shows its visible half.
  if (max.y <= clip_min.y || min.y >= clip_max.y) return;
  min.y = std::max(min.y, clip_min.y);
  max.y = std::min(max.y, clip_max.y);
  active_ledger->texts.push_back({text, min, max, clip_min, clip_max, size});
}

void note_item_text(const std::string& text) {
  note_text(text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::GetFontSize());
}

ImVec2 draw_text_fitted(ImDrawList& draw_list, ImFont* font, float size, ImVec2 position, ImU32 color,
                        const std::string& text, float max_width) {
  if (font == nullptr) font = ImGui::GetFont();
  ImVec2 measured = text_size(font, size, text);
  if (measured.x > max_width && measured.x > 0.F) {
    size = std::max(size * max_width / measured.x, 6.F);
    measured = text_size(font, size, text);
  }
  return draw_text(draw_list, font, size, position, color, text);
}

std::vector<std::string> wrap_in_two(ImFont* font, float size, const std::string& text, float max_width) {
  if (font == nullptr) font = ImGui::GetFont();
  if (text_size(font, size, text).x <= max_width) return {text};
  // The longest first line that fits, broken at a space; the rest is the second line.
  for (std::size_t space = text.rfind(' '); space != std::string::npos && space > 0;
       space = text.rfind(' ', space - 1)) {
    const std::string first = text.substr(0, space);
    if (text_size(font, size, first).x <= max_width) return {first, text.substr(space + 1)};
  }
  return {text};
}

ImVec2 draw_text_wrapped_fitted(ImDrawList& draw_list, ImFont* font, float size, ImVec2 position, ImU32 color,
                                const std::string& text, float max_width) {
  ImVec2 used{0.F, 0.F};
  for (const std::string& line : wrap_in_two(font, size, text, max_width)) {
    const ImVec2 drawn = draw_text_fitted(draw_list, font, size, ImVec2{position.x, position.y + used.y},
                                          color, line, max_width);
    used.x = std::max(used.x, drawn.x);
    used.y += drawn.y;
  }
  return used;
}

ImU32 with_alpha(ImU32 color, int alpha) {
  return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::clamp(alpha, 0, 255)) << IM_COL32_A_SHIFT);
}

std::string fill(const char* pattern, const std::string& first, const std::string& second) {
  return fill(pattern, {first, second});
}

std::string fill(const char* pattern, std::initializer_list<std::string> values) {
  return data::fill(pattern, values);
}

std::string local_time_text(std::int64_t time_ms, const std::string& time_zone) {
  return data::format_clock(time_ms, time_zone);
}

std::string upper_ascii(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return text;
}

std::string time_left_text(std::int64_t left_ms) {
  const std::int64_t seconds = std::max<std::int64_t>(0, (left_ms + 999) / 1000);
  return std::to_string(seconds / 60) + ":" + (seconds % 60 < 10 ? "0" : "") + std::to_string(seconds % 60);
}

}  // namespace footfall::ui
