#pragma once
// Small drawing helpers shared by the panel files.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include "footfall/ui/kiosk_view.hpp"

namespace footfall::ui {

// Draws `text` at `position`; the one place the panels put text on a draw list (a TextLedger sees it).
ImVec2 draw_text(ImDrawList& draw_list, ImFont* font, float size, ImVec2 position, ImU32 color,
                 const std::string& text);
// For text ImGui drew itself (a table cell, a Button, a status line): what the TextLedger records.
// `note_item_text` takes the last item's rectangle; both clip to the current draw list's rectangle
// and skip what is scrolled out of it.
void note_text(const std::string& text, ImVec2 min, ImVec2 max, float size);
void note_item_text(const std::string& text);
// Draws `text` with `font` scaled down (never up) so it fits `max_width`; returns the size used.
ImVec2 draw_text_fitted(ImDrawList& draw_list, ImFont* font, float size, ImVec2 position, ImU32 color,
                        const std::string& text, float max_width);
// The same on up to two lines, broken at a space, before it shrinks: "↓ -9,2 %" over "к прошлой неделе".
ImVec2 draw_text_wrapped_fitted(ImDrawList& draw_list, ImFont* font, float size, ImVec2 position, ImU32 color,
                                const std::string& text, float max_width);
// `text` as the lines draw_text_wrapped_fitted draws.
std::vector<std::string> wrap_in_two(ImFont* font, float size, const std::string& text, float max_width);
ImVec2 text_size(ImFont* font, float size, const std::string& text);
// The font's pixel size, or the current font's when the kiosk fonts are absent (tests without DejaVu).
float size_of(const ImFont* font);
ImU32 with_alpha(ImU32 color, int alpha);
// "%s"-style substitution for translated patterns (one or two arguments), without printf on user text.
std::string fill(const char* pattern, const std::string& first, const std::string& second = {});
std::string fill(const char* pattern, std::initializer_list<std::string> values);
// Local wall-clock "HH:MM" of a UTC millisecond instant.
std::string local_time_text(std::int64_t time_ms, const std::string& time_zone);
// Puts `text` into a fixed ImGui input buffer, cut to fit and always terminated.
template <std::size_t Size>
void copy_to(std::array<char, Size>& buffer, const std::string& text) {
  buffer.fill('\0');
  std::memcpy(buffer.data(), text.data(), std::min(text.size(), Size - 1));
}

// "eur" -> "EUR": what a manager types into a currency field.
std::string upper_ascii(std::string text);

// A countdown: "4:05" for 245 s, rounded up so it reads 0:00 only at the end.
std::string time_left_text(std::int64_t left_ms);

}  // namespace footfall::ui
