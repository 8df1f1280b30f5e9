#include "footfall/ui/kiosk_view.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace footfall::ui {
namespace {

constexpr float regular_size = 22.F;
constexpr float large_size = 84.F;
// Characters produced by the number formatting: € £ ₽ ¥, arrows, dashes, no-break spaces, middle dot.
constexpr char32_t formatting_chars[] = U"€£₽¥↑↓→—–−\u00A0\u202F·…";

void append_utf8(std::u32string& out, const char* text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text);
  while (*bytes != 0) {
    char32_t codepoint = *bytes;
    int extra = 0;
    if (*bytes >= 0xF0) {
      codepoint = *bytes & 0x07U;
      extra = 3;
    } else if (*bytes >= 0xE0) {
      codepoint = *bytes & 0x0FU;
      extra = 2;
    } else if (*bytes >= 0xC0) {
      codepoint = *bytes & 0x1FU;
      extra = 1;
    }
    ++bytes;
    for (; extra > 0 && *bytes != 0; --extra, ++bytes) codepoint = (codepoint << 6U) | (*bytes & 0x3FU);
    if (out.find(codepoint) == std::u32string::npos) out += codepoint;
  }
}

void add_codepoints(ImFontGlyphRangesBuilder& builder, const std::u32string& codepoints) {
  for (const char32_t codepoint : codepoints) {
    if (codepoint <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(codepoint));
  }
}

// Ranges must outlive the atlas build, which the OpenGL backend does on its first frame.
const ImVector<ImWchar>& text_ranges(ImFontAtlas& atlas) {
  static const ImVector<ImWchar> ranges = [&atlas] {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    builder.AddRanges(atlas.GetGlyphRangesCyrillic());
    add_codepoints(builder, kiosk_codepoints());
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    return built;
  }();
  return ranges;
}

// The large font shows only numbers, so it skips Cyrillic to keep the atlas small.
const ImVector<ImWchar>& number_ranges(ImFontAtlas& atlas) {
  static const ImVector<ImWchar> ranges = [&atlas] {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    add_codepoints(builder, formatting_chars);
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    return built;
  }();
  return ranges;
}

ImFont* add_font(ImFontAtlas& atlas, const std::string& path, float size, const ImVector<ImWchar>& ranges) {
  if (!std::filesystem::is_regular_file(path)) throw std::runtime_error("kiosk font not found: " + path);
  ImFontConfig config;
  config.OversampleH = 2;
  ImFont* font = atlas.AddFontFromFileTTF(path.c_str(), size, &config, ranges.Data);
  if (font == nullptr) throw std::runtime_error("kiosk font could not be loaded: " + path);
  return font;
}

}  // namespace

std::u32string kiosk_codepoints() {
  std::u32string codepoints(formatting_chars);
  for (const Translation& row : translation_table()) {
    append_utf8(codepoints, row.en);
    append_utf8(codepoints, row.fr);
    append_utf8(codepoints, row.ru);
  }
  return codepoints;
}

KioskFonts add_kiosk_fonts(ImFontAtlas& atlas, const KioskOptions& options, float scale) {
  KioskFonts fonts;
  fonts.regular = add_font(atlas, options.font_path, regular_size * scale, text_ranges(atlas));
  fonts.bold = add_font(atlas, options.bold_font_path, regular_size * 1.25F * scale, text_ranges(atlas));
  fonts.large = add_font(atlas, options.bold_font_path, large_size * scale, number_ranges(atlas));
  return fonts;
}

float text_scale_for(int height) { return std::clamp(static_cast<float>(height) / 1080.F, 1.F, 2.5F); }

}  // namespace footfall::ui
