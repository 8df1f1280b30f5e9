#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>

#include "draw_helpers.hpp"
#include "footfall/ui/locale_format.hpp"

namespace footfall::ui {
namespace {

constexpr std::int64_t hour_ms = std::int64_t{3600} * 1000;

struct Slot {
  int hour = 0;
  const data::HourRow* today = nullptr;
  const data::HourRow* last_week = nullptr;
};

// One slot per hour present today or last week, in business-day order (hours may wrap past midnight).
std::vector<Slot> build_slots(const KioskSnapshot& snapshot) {
  std::vector<Slot> slots;
  std::map<int, std::size_t> by_hour;
  const auto add = [&](const data::HourRow& row, bool is_today) {
    auto [it, inserted] = by_hour.try_emplace(row.hour, slots.size());
    if (inserted) slots.push_back(Slot{row.hour, nullptr, nullptr});
    (is_today ? slots[it->second].today : slots[it->second].last_week) = &row;
  };
  if (snapshot.today) {
    for (const auto& row : snapshot.today->hours) add(row, true);
  }
  if (snapshot.last_week) {
    for (const auto& row : snapshot.last_week->hours) add(row, false);
  }
  return slots;
}

void draw_hatching(ImDrawList& draw_list, ImVec2 min, ImVec2 max, ImU32 color) {
  draw_list.PushClipRect(min, max, true);
  const float step = 10.F;
  for (float x = min.x - (max.y - min.y); x < max.x; x += step) {
    draw_list.AddLine(ImVec2{x, max.y}, ImVec2{x + (max.y - min.y), min.y}, color, 1.5F);
  }
  draw_list.PopClipRect();
}

enum class Swatch { Filled, Outline, Hatched };

constexpr float kLegendGap = 20.F;
constexpr float kSmallestLegend = 10.F;

// The legend's font size to fill `width` on one line, at most the regular size.
float legend_size_for(const PanelContext& context, float width);

// One line of legend between `left` and `right`, at `size` (legend_size_for).
void draw_legend(ImDrawList& draw_list, const PanelContext& context, float left, float right, float top,
                 float size) {
  struct Entry {
    ImU32 color;
    Text label;
    Swatch swatch;
  };
  constexpr Entry entries[] = {{palette::visitors, Text::Visitors, Swatch::Filled},
                               {palette::buyers, Text::Buyers, Swatch::Filled},
                               {palette::conversion, Text::Conversion, Swatch::Filled},
                               {IM_COL32(235, 238, 242, 110), Text::LastWeek, Swatch::Outline},
                               {IM_COL32(235, 90, 80, 160), Text::CameraDownHours, Swatch::Hatched}};
  ImFont* font = context.state.fonts.regular;
  float width = 0.F;
  for (const Entry& entry : entries)
    width += size * 1.4F + text_size(font, size, context.text(entry.label)).x + kLegendGap;
  float x = std::max(left, right - width + kLegendGap);
  for (const Entry& entry : entries) {
    const ImVec2 box_min{x, top + size * 0.15F};
    const ImVec2 box_max{x + size * 0.8F, top + size * 0.95F};
    switch (entry.swatch) {
      case Swatch::Filled:
        draw_list.AddRectFilled(box_min, box_max, entry.color);
        break;
      case Swatch::Outline:
        draw_list.AddRect(box_min, box_max, entry.color, 0.F, 0, 2.F);
        break;
      case Swatch::Hatched:
        draw_hatching(draw_list, box_min, box_max, entry.color);
        break;
    }
    const char* label = context.text(entry.label);
    draw_text(draw_list, font, size, ImVec2{box_max.x + size * 0.3F, top}, palette::text, label);
    x = box_max.x + size * 0.6F + text_size(font, size, label).x + kLegendGap;
  }
}

float legend_size_for(const PanelContext& context, float width) {
  // Each entry is a swatch and a gap that scale with the size, a label that scales, and a fixed gap.
  constexpr std::array<Text, 5> labels{Text::Visitors, Text::Buyers, Text::Conversion, Text::LastWeek,
                                       Text::CameraDownHours};
  ImFont* font = context.state.fonts.regular;
  const float full = size_of(font);
  float per_size = 0.F;
  for (const Text label : labels) per_size += 1.4F + text_size(font, full, context.text(label)).x / full;
  const float fitting = (width - kLegendGap * static_cast<float>(labels.size() - 1)) / per_size;
  return std::min(full, fitting);
}

}  // namespace

void draw_hourly_chart(PanelContext& context) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 region = ImGui::GetContentRegionAvail();
  if (region.x < 80.F || region.y < 80.F) return;
  ImDrawList& draw_list = *ImGui::GetWindowDrawList();
  ImFont* font = context.state.fonts.regular;
  const float font_size = size_of(font);
  const Language language = context.state.language;
  draw_list.AddRectFilled(origin, ImVec2{origin.x + region.x, origin.y + region.y}, palette::tile, 10.F);
  ImGui::Dummy(region);

  const float pad = 14.F;
  ImFont* title_font = context.state.fonts.bold;
  const char* title = context.text(Text::HourlyTitle);
  draw_text(draw_list, title_font, size_of(title_font), ImVec2{origin.x + pad, origin.y + pad * 0.6F},
            palette::text, title);
  const float title_width = text_size(title_font, size_of(title_font), title).x;
  // Beside the title when it fits at three quarters of the text size, else on a line of its own.
  const float beside_left = origin.x + pad + title_width + 30.F;
  const float legend_right = origin.x + region.x - pad;
  float legend_size = legend_size_for(context, legend_right - beside_left);
  float extra_line = 0.F;
  if (legend_size >= 0.75F * font_size) {
    draw_legend(draw_list, context, beside_left, legend_right, origin.y + pad * 0.8F, legend_size);
  } else {
    legend_size = std::max(kSmallestLegend, legend_size_for(context, legend_right - origin.x - pad));
    const float top = origin.y + pad * 0.6F + size_of(title_font) + 4.F;
    draw_legend(draw_list, context, origin.x + pad, legend_right, top, legend_size);
    extra_line = legend_size + 4.F;
  }

  const std::vector<Slot> slots = build_slots(context.snapshot);
  const ImVec2 plot_min{origin.x + pad + font_size * 2.5F, origin.y + pad + font_size * 2.2F + extra_line};
  const ImVec2 plot_max{origin.x + region.x - pad - font_size * 3.F,
                        origin.y + region.y - pad - font_size * 1.4F};
  if (slots.empty() || plot_max.x <= plot_min.x || plot_max.y <= plot_min.y) {
    const char* message = context.text(Text::NoFiguresYet);
    const ImVec2 size = text_size(font, font_size, message);
    draw_text(draw_list, font, font_size,
              ImVec2{(plot_min.x + plot_max.x - size.x) / 2.F, (plot_min.y + plot_max.y - size.y) / 2.F},
              palette::muted, message);
    return;
  }

  std::int64_t max_count = 1;
  double max_rate = 0.05;
  for (const Slot& slot : slots) {
    if (slot.today != nullptr) {
      max_count = std::max({max_count, slot.today->figures.visitors, slot.today->figures.buyers});
      max_rate = std::max(max_rate, slot.today->figures.conversion.rate.value_or(0.0));
    }
    if (slot.last_week != nullptr) max_count = std::max(max_count, slot.last_week->figures.visitors);
  }
  max_rate = std::min(1.0, max_rate * 1.15);
  const float plot_height = plot_max.y - plot_min.y;
  const float slot_width = (plot_max.x - plot_min.x) / static_cast<float>(slots.size());
  const auto bar_top = [&](std::int64_t count) {
    return plot_max.y - plot_height * static_cast<float>(count) / static_cast<float>(max_count);
  };

  // Axes: counts on the left, conversion on the right.
  const std::string max_count_text = format_integer(max_count, language);
  draw_text(draw_list, font, font_size, ImVec2{origin.x + pad, plot_min.y - font_size * 0.5F}, palette::muted,
            max_count_text.c_str());
  const std::string max_rate_text = format_percent(max_rate, 0, language);
  draw_text(draw_list, font, font_size, ImVec2{plot_max.x + 6.F, plot_min.y - font_size * 0.5F},
            palette::conversion, max_rate_text.c_str());
  draw_list.AddLine(ImVec2{plot_min.x, plot_max.y}, plot_max, palette::muted);
  draw_list.AddLine(ImVec2{plot_min.x, plot_min.y}, ImVec2{plot_max.x, plot_min.y},
                    with_alpha(palette::muted, 50));

  std::vector<ImVec2> rate_points;
  std::optional<ImVec2> unfinished_rate;  // the hour still running: its buyers are not all in yet
  const std::int64_t now_ms = context.state.now_ms;
  const int label_step = hour_label_step(slot_width, text_size(font, font_size, "23").x);
  std::optional<std::size_t> current_index;
  for (std::size_t index = 0; index < slots.size(); ++index) {
    const Slot& slot = slots[index];
    if (slot.today != nullptr && now_ms >= slot.today->start_ms && now_ms < slot.today->start_ms + hour_ms) {
      current_index = index;
    }
  }
  for (std::size_t index = 0; index < slots.size(); ++index) {
    const Slot& slot = slots[index];
    const float left = plot_min.x + static_cast<float>(index) * slot_width;
    const float right = left + slot_width;
    const bool current = current_index == index;
    if (current) {
      draw_list.AddRectFilled(ImVec2{left, plot_min.y}, ImVec2{right, plot_max.y},
                              with_alpha(palette::text, 28));
    }
    if (slot.today != nullptr && slot.today->camera_down) {
      draw_hatching(draw_list, ImVec2{left + 1.F, plot_min.y}, ImVec2{right - 1.F, plot_max.y},
                    with_alpha(palette::bad, 90));
    }
    if (slot.today != nullptr) {
      const data::Figures& figures = slot.today->figures;
      draw_list.AddRectFilled(ImVec2{left + slot_width * 0.15F, bar_top(figures.visitors)},
                              ImVec2{left + slot_width * 0.5F, plot_max.y}, palette::visitors, 2.F);
      draw_list.AddRectFilled(ImVec2{left + slot_width * 0.5F, bar_top(figures.buyers)},
                              ImVec2{left + slot_width * 0.85F, plot_max.y}, palette::buyers, 2.F);
      if (figures.conversion.rate) {
        const float y = plot_max.y - plot_height * static_cast<float>(*figures.conversion.rate / max_rate);
        const ImVec2 point{left + slot_width * 0.5F, std::max(y, plot_min.y)};
        if (current) {
          unfinished_rate = point;
        } else {
          rate_points.push_back(point);
        }
      }
    }
    if (slot.last_week != nullptr) {
      draw_list.AddRect(ImVec2{left + slot_width * 0.08F, bar_top(slot.last_week->figures.visitors)},
                        ImVec2{left + slot_width * 0.92F, plot_max.y}, with_alpha(palette::text, 110), 2.F, 0,
                        1.5F);
    }
    // Labels thin out rather than run together on a narrow screen; the current hour always has one.
    const auto apart = [&](std::size_t other) {
      return (index > other ? index - other : other - index) >= static_cast<std::size_t>(label_step);
    };
    const bool labelled = slot.hour % label_step == 0 && (!current_index || apart(*current_index));
    if (labelled || current) {
      const std::string hour_text = std::to_string(slot.hour);
      const ImVec2 hour_size = text_size(font, font_size, hour_text);
      draw_text(draw_list, font, font_size, ImVec2{left + (slot_width - hour_size.x) / 2.F, plot_max.y + 4.F},
                current ? palette::text : palette::muted, hour_text.c_str());
    }
  }
  if (rate_points.size() > 1) {
    draw_list.AddPolyline(rate_points.data(), static_cast<int>(rate_points.size()), palette::conversion, 0,
                          3.F);
  }
  for (const ImVec2& point : rate_points) draw_list.AddCircleFilled(point, 4.5F, palette::conversion);
  // Drawn as unfinished: a hollow point, joined faintly, so a half-hour's few buyers is not read as a fall.
  if (unfinished_rate) {
    if (!rate_points.empty()) {
      draw_list.AddLine(rate_points.back(), *unfinished_rate, with_alpha(palette::conversion, 90), 2.F);
    }
    draw_list.AddCircle(*unfinished_rate, 5.F, palette::conversion, 0, 2.F);
  }
}

int hour_label_step(float slot_width, float label_width) {
  const float needed = label_width * 1.5F;  // a label and half a label of air
  for (const int step : {1, 2, 3, 4, 6}) {
    if (slot_width * static_cast<float>(step) >= needed) return step;
  }
  return 12;
}

}  // namespace footfall::ui
