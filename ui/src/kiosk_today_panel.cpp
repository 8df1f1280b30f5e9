#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "draw_helpers.hpp"
#include "footfall/ui/locale_format.hpp"

namespace footfall::ui {
namespace {

using Tile = TodayTile;

Tile make_tile(Text label) {
  Tile tile;
  tile.label = label;
  return tile;
}

ImU32 change_color(double current, double previous) {
  if (!(previous > 0.0) || std::fabs(current - previous) < 1e-9) return palette::muted;
  return current > previous ? palette::good : palette::bad;
}

void set_change(Tile& tile, const PanelContext& context, double current, double previous) {
  const std::string change = format_change(current, previous, context.state.language);
  tile.change = change + " " + context.text(Text::VsLastWeek);
  tile.change_color = change_color(current, previous);
}

void set_optional_money_change(Tile& tile, const PanelContext& context, const std::optional<double>& current,
                               const std::optional<double>& previous) {
  const std::string& currency = context.snapshot.currency;
  tile.value = current ? format_money(*current, currency, context.state.language) : "—";
  if (current && previous) set_change(tile, context, *current, *previous);
}

Tile conversion_tile(const PanelContext& context, const data::Figures& today, const data::Figures& last_week,
                     bool sales_known) {
  const Language language = context.state.language;
  Tile tile = make_tile(Text::Conversion);
  if (!sales_known) {
    tile.detail = context.text(Text::NoSalesImported);
    tile.detail_color = palette::warning;
    return tile;
  }
  const data::Conversion& conversion = today.conversion;
  if (today.buyers_above_visitors) {
    tile.change = context.text(Text::BuyersAboveVisitors);
    tile.change_color = palette::bad;
    tile.detail = context.text(Text::BuyersAboveVisitorsCauses);
    tile.detail_color = palette::warning;
    return tile;
  }
  if (!conversion.rate) {
    tile.detail = context.text(Text::NoVisitorsCounted);
    tile.detail_color = palette::warning;
    return tile;
  }
  tile.value = format_percent(*conversion.rate, 1, language);
  if (today.partial) {
    const char* code = language_code(language);
    tile.detail =
        fill(context.text(Text::CoveragePartial), data::format_duration(today.covered_open_minutes, code),
             data::format_duration(today.open_minutes, code));
    tile.detail_color = palette::warning;
  } else if (conversion.low_data) {
    tile.detail = context.text(Text::LowData);
    tile.detail_color = palette::warning;
  } else {
    tile.detail = std::string(context.text(Text::Range95)) + " " +
                  format_decimal(conversion.low * 100.0, 1, language) + "–" +
                  format_percent(conversion.high, 1, language);
  }
  if (last_week.conversion.rate) {
    const double points = (*conversion.rate - *last_week.conversion.rate) * 100.0;
    const std::string magnitude = format_decimal(std::fabs(points), 1, language);
    const bool flat = magnitude.find_first_not_of("0.,") == std::string::npos;
    const std::string arrow = flat ? "→ " : (points > 0 ? "↑ +" : "↓ -");
    tile.change =
        arrow + magnitude + " " + context.text(Text::PointsUnit) + " " + context.text(Text::VsLastWeek);
    tile.change_color = flat ? palette::muted : (points > 0 ? palette::good : palette::bad);
  }
  return tile;
}

}  // namespace

std::array<TodayTile, 7> today_tiles(const PanelContext& context) {
  std::array<Tile, 7> tiles{make_tile(Text::Visitors),      make_tile(Text::Buyers),
                            make_tile(Text::Conversion),    make_tile(Text::NetSales),
                            make_tile(Text::AverageTicket), make_tile(Text::SalesPerVisitor),
                            make_tile(Text::InsideNow)};
  const Language language = context.state.language;
  const KioskSnapshot& snapshot = context.snapshot;

  Tile& inside = tiles[6];
  inside.value = format_integer(snapshot.occupancy, language);
  if (snapshot.camera) {
    inside.detail = fill(context.text(Text::InOutFormat), format_integer(snapshot.camera->live_in, language),
                         format_integer(snapshot.camera->live_out, language));
  }
  if (!snapshot.today) return tiles;

  const data::Figures& today = snapshot.today->total;
  // Today's in and out, as stored: the camera's own tally starts at the kiosk's start and read as
  // "in 0 · out 0" beside a room of 20 after a restart.
  inside.detail = fill(context.text(Text::InOutFormat), format_integer(today.entries, language),
                       format_integer(today.exits, language));
  const data::Figures& last_week = snapshot.today->same_time_last_week;
  const bool sales_known = snapshot.today->last_import_ms.has_value();

  tiles[0].value = format_integer(today.visitors, language);
  set_change(tiles[0], context, static_cast<double>(today.visitors), static_cast<double>(last_week.visitors));
  if (today.after_hours_visitors > 0) {
    tiles[0].detail =
        fill(context.text(Text::AfterHours), format_integer(today.after_hours_visitors, language));
    tiles[0].detail_color = palette::muted;
  }
  tiles[2] = conversion_tile(context, today, last_week, sales_known);
  if (!sales_known) {
    for (const std::size_t index : {1U, 3U, 4U, 5U}) {
      tiles[index].detail = context.text(Text::NoSalesImported);
      tiles[index].detail_color = palette::warning;
    }
    return tiles;
  }
  tiles[1].value = format_integer(today.buyers, language);
  set_change(tiles[1], context, static_cast<double>(today.buyers), static_cast<double>(last_week.buyers));
  tiles[3].value = format_money(static_cast<double>(today.net_sales), snapshot.currency, language);
  set_change(tiles[3], context, static_cast<double>(today.net_sales),
             static_cast<double>(last_week.net_sales));
  set_optional_money_change(tiles[4], context, today.atv, last_week.atv);
  set_optional_money_change(tiles[5], context, today.spv, last_week.spv);
  return tiles;
}

namespace {

// Text scales with the tile, so a 600-px tablet keeps the figures big and the labels in proportion;
// `headline` tiles (conversion) get the full figure size, the others three quarters of it.
void draw_tile(ImDrawList& draw_list, const KioskFonts& fonts, const Tile& tile, const char* label,
               ImVec2 min, ImVec2 max, bool headline) {
  draw_list.AddRectFilled(min, max, palette::tile, 10.F);
  const float height = max.y - min.y;
  const float pad = std::clamp(height * 0.07F, 6.F, 14.F);
  const float width = max.x - min.x - 2 * pad;
  const float label_size = std::min(size_of(fonts.bold), std::max(12.F, height * 0.15F));
  const float small_size = std::min(size_of(fonts.regular), std::max(11.F, height * 0.12F));
  const float large_limit = (fonts.large != nullptr ? fonts.large->FontSize : ImGui::GetFontSize() * 3.F) *
                            (headline ? 1.F : 0.75F);
  // A long label ("Выручка на посетителя") takes two lines on a narrow tile rather than shrinking much.
  const bool label_fits = text_size(fonts.bold, label_size, label).x * 0.85F <= width;
  const auto label_lines =
      label_fits ? 1.F : static_cast<float>(wrap_in_two(fonts.bold, label_size, label, width).size());
  const auto change_lines =
      static_cast<float>(wrap_in_two(fonts.regular, small_size, tile.change, width).size());
  const float small_lines = change_lines + (tile.detail.empty() ? 0.F : 1.F);
  const float large_size =
      std::clamp(height - label_lines * label_size - std::max(2.F, small_lines) * small_size - 2.5F * pad,
                 12.F, large_limit);
  ImVec2 cursor{min.x + pad, min.y + pad * 0.7F};
  cursor.y +=
      label_fits
          ? draw_text_fitted(draw_list, fonts.bold, label_size, cursor, palette::muted, label, width).y
          : draw_text_wrapped_fitted(draw_list, fonts.bold, label_size, cursor, palette::muted, label, width)
                .y;
  cursor.y +=
      draw_text_fitted(draw_list, fonts.large, large_size, cursor, palette::text, tile.value, width).y;
  if (!tile.change.empty()) {
    cursor.y += draw_text_wrapped_fitted(draw_list, fonts.regular, small_size, cursor, tile.change_color,
                                         tile.change, width)
                    .y;
  }
  if (!tile.detail.empty()) {
    draw_text_fitted(draw_list, fonts.regular, small_size, cursor, tile.detail_color, tile.detail, width);
  }
}

struct TilePlace {
  std::size_t tile;  // index into today_tiles()
  float weight;      // share of the row's width
};

}  // namespace

void draw_today_panel(PanelContext& context) {
  const std::array<Tile, 7> tiles = today_tiles(context);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 region = ImGui::GetContentRegionAvail();
  if (region.x < 50.F || region.y < 50.F) return;
  ImDrawList& draw_list = *ImGui::GetWindowDrawList();
  const float gap = 12.F;
  const float row_height = (region.y - gap) / 2.F;
  // Conversion first and widest: it is what the screen is for. Then the two counts it divides, and
  // below them the money and the room.
  const std::array<std::vector<TilePlace>, 2> rows{
      std::vector<TilePlace>{{2, 2.F}, {0, 1.F}, {1, 1.F}},
      std::vector<TilePlace>{{3, 1.F}, {4, 1.F}, {5, 1.F}, {6, 1.F}}};
  for (std::size_t row = 0; row < rows.size(); ++row) {
    float weights = 0.F;
    for (const TilePlace& place : rows[row]) weights += place.weight;
    const float unit = (region.x - gap * static_cast<float>(rows[row].size() - 1)) / weights;
    float x = origin.x;
    for (const TilePlace& place : rows[row]) {
      const ImVec2 min{x, origin.y + static_cast<float>(row) * (row_height + gap)};
      const ImVec2 max{x + unit * place.weight, min.y + row_height};
      const Tile& tile = tiles[place.tile];
      draw_tile(draw_list, context.state.fonts, tile, context.text(tile.label), min, max, place.tile == 2);
      x = max.x + gap;
    }
  }
  ImGui::Dummy(region);
}

}  // namespace footfall::ui
