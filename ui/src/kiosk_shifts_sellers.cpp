#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include "draw_helpers.hpp"
#include "footfall/ui/locale_format.hpp"

namespace footfall::ui {
namespace {

struct Cell {
  std::string text;
  ImU32 color = palette::text;
};

struct FiguresRow {
  std::string name;
  const data::Figures* figures = nullptr;
  std::optional<double> floor_hours;
  bool roster_inferred = false;
  std::vector<Cell> cells;  // formatted once: measured for the column widths, then drawn
};

enum Column : ImGuiID { Name, Visitors, Buyers, Conversion, AverageTicket, NetSales, Hours, NoColumn };

double sort_key(const FiguresRow& row, ImGuiID column) {
  const data::Figures& figures = *row.figures;
  switch (column) {
    case Visitors:
      return static_cast<double>(figures.visitors);
    case Buyers:
      return static_cast<double>(figures.buyers);
    case Conversion:
      return figures.conversion.rate.value_or(-1.0);
    case AverageTicket:
      return figures.atv.value_or(-1.0);
    case NetSales:
      return static_cast<double>(figures.net_sales);
    case Hours:
      return row.floor_hours.value_or(-1.0);
    default:
      return 0.0;
  }
}

// Sorted every frame: tables hold a few dozen rows at most, and snapshots replace the rows anyway.
void sort_rows(std::vector<FiguresRow>& rows, const ImGuiTableSortSpecs* specs) {
  if (specs == nullptr || specs->SpecsCount == 0) return;
  const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
  const bool ascending = spec.SortDirection == ImGuiSortDirection_Ascending;
  std::stable_sort(rows.begin(), rows.end(), [&](const FiguresRow& left, const FiguresRow& right) {
    if (spec.ColumnUserID == Name) return ascending ? left.name < right.name : right.name < left.name;
    const double a = sort_key(left, spec.ColumnUserID);
    const double b = sort_key(right, spec.ColumnUserID);
    return ascending ? a < b : b < a;
  });
}

void format_cells(const PanelContext& context, FiguresRow& row, bool with_hours) {
  const Language language = context.state.language;
  const std::string& currency = context.snapshot.currency;
  const data::Figures& figures = *row.figures;
  row.cells.push_back({row.name});
  row.cells.push_back({format_integer(figures.visitors, language)});
  row.cells.push_back({format_integer(figures.buyers, language)});
  const data::Conversion& conversion = figures.conversion;
  if (figures.buyers_above_visitors) {
    row.cells.push_back({"— !", palette::bad});
  } else if (!conversion.rate) {
    row.cells.push_back({"—", palette::muted});
  } else if (conversion.low_data) {
    row.cells.push_back({format_percent(*conversion.rate, 1, language) + " *", palette::warning});
  } else {
    row.cells.push_back({format_percent(*conversion.rate, 1, language)});
  }
  row.cells.push_back({figures.atv ? format_money(*figures.atv, currency, language) : "—"});
  row.cells.push_back({format_money(static_cast<double>(figures.net_sales), currency, language)});
  if (with_hours) {
    row.cells.push_back(
        {row.floor_hours ? (row.roster_inferred ? "~" : "") + format_decimal(*row.floor_hours, 1, language)
                         : "—",
         row.roster_inferred ? palette::warning : palette::text});
  }
}

float widest_word(const char* text) {
  float widest = 0.F;
  const char* word = text;
  for (const char* cursor = text;; ++cursor) {
    if (*cursor == ' ' || *cursor == '\0') {
      widest = std::max(widest, ImGui::CalcTextSize(word, cursor).x);
      if (*cursor == '\0') break;
      word = cursor + 1;
    }
  }
  return widest;
}

// Number columns as wide as their widest value or header; when the headers do not all fit on one
// line (French, Russian), they wrap at spaces instead of being cut.
struct ColumnLayout {
  std::vector<float> widths;  // index 0 (the name) stretches
  std::vector<float> wrap;    // header text width
  float header_height = 0.F;
};

ColumnLayout layout_columns(const std::vector<const char*>& headers, const std::vector<FiguresRow>& rows) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float arrow = ImGui::GetFontSize() * 0.65F + style.ItemInnerSpacing.x;  // the sort arrow
  const std::size_t count = headers.size();
  std::vector<float> content(count, 0.F);
  for (const FiguresRow& row : rows) {
    for (std::size_t column = 0; column < count && column < row.cells.size(); ++column) {
      content[column] = std::max(content[column], ImGui::CalcTextSize(row.cells[column].text.c_str()).x);
    }
  }
  ColumnLayout layout;
  layout.widths.assign(count, 0.F);
  layout.wrap.assign(count, 0.F);
  // Headers wrap before the names are squeezed: the name column counts at its widest name.
  float one_line_total = std::max(ImGui::CalcTextSize(headers[0]).x, content[0]) + arrow;
  for (std::size_t column = 1; column < count; ++column) {
    layout.widths[column] = std::max(content[column], ImGui::CalcTextSize(headers[column]).x + arrow);
    one_line_total += layout.widths[column];
  }
  const float available =
      ImGui::GetContentRegionAvail().x - static_cast<float>(count) * style.CellPadding.x * 2.F;
  if (one_line_total > available) {
    for (std::size_t column = 1; column < count; ++column) {
      layout.widths[column] = std::max(content[column], widest_word(headers[column]) + arrow);
    }
  }
  float lines = 1.F;
  for (std::size_t column = 0; column < count; ++column) {
    layout.wrap[column] = column == 0 ? 0.F : layout.widths[column] - arrow;
    const float height = ImGui::CalcTextSize(headers[column], nullptr, false, layout.wrap[column]).y;
    lines = std::max(lines, std::round(height / ImGui::GetTextLineHeight()));
  }
  layout.header_height = lines * ImGui::GetTextLineHeight();
  return layout;
}

// TableHeadersRow draws one line and cuts; this one draws the header text wrapped at its column.
void headers_row(const ColumnLayout& layout) {
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers,
                      layout.header_height + 2.F * ImGui::GetStyle().CellPadding.y);
  const int columns = ImGui::TableGetColumnCount();
  for (int column = 0; column < columns; ++column) {
    if (!ImGui::TableSetColumnIndex(column)) continue;
    const char* name = ImGui::TableGetColumnName(column);
    const ImVec2 position = ImGui::GetCursorScreenPos();
    ImGui::PushID(column);
    ImGui::TableHeader("##header");
    ImGui::PopID();
    const float wrap = layout.wrap[static_cast<std::size_t>(column)];
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), position,
                                        ImGui::GetColorU32(ImGuiCol_Text), name, nullptr, wrap);
    const ImVec2 measured = ImGui::CalcTextSize(name, nullptr, false, wrap);
    note_text(name, position, ImVec2{position.x + measured.x, position.y + measured.y}, ImGui::GetFontSize());
  }
}

// Only the columns in `shown`, in order, of rows formatted with every column of `all`.
std::vector<FiguresRow> with_columns(const std::vector<FiguresRow>& rows, const std::vector<ImGuiID>& all,
                                     const std::vector<ImGuiID>& shown) {
  std::vector<std::size_t> positions;
  for (const ImGuiID column : shown) {
    positions.push_back(static_cast<std::size_t>(std::find(all.begin(), all.end(), column) - all.begin()));
  }
  std::vector<FiguresRow> kept;
  for (const FiguresRow& row : rows) {
    FiguresRow copy = row;
    copy.cells.clear();
    for (const std::size_t position : positions) {
      if (position < row.cells.size()) copy.cells.push_back(row.cells[position]);
    }
    kept.push_back(std::move(copy));
  }
  return kept;
}

void draw_figures_table(const PanelContext& context, const char* id, Text name_header,
                        std::vector<FiguresRow> rows, bool with_hours, float height) {
  for (FiguresRow& row : rows) format_cells(context, row, with_hours);
  std::vector<ImGuiID> all{Name, Visitors, Buyers, Conversion, AverageTicket, NetSales};
  if (with_hours) all.push_back(Hours);
  const auto header_of = [&](ImGuiID column) {
    constexpr std::array<Text, 7> texts{Text::Shift,      Text::Visitors,      Text::Buyers,
                                        Text::Conversion, Text::AverageTicket, Text::NetSales,
                                        Text::FloorHours};
    return context.text(column == Name ? name_header : texts[column]);
  };
  // A narrow screen drops columns (hours, average ticket, net sales, buyers) before it cuts a name;
  // visitors and conversion always stay.
  std::vector<ImGuiID> shown = all;
  std::vector<FiguresRow> shown_rows = rows;
  std::vector<const char*> headers;
  ColumnLayout layout;
  for (const ImGuiID droppable :
       {Hours, AverageTicket, NetSales, Buyers, NoColumn}) {  // NoColumn: lay out only
    headers.clear();
    for (const ImGuiID column : shown) headers.push_back(header_of(column));
    layout = layout_columns(headers, shown_rows);
    float widest_name = ImGui::CalcTextSize(headers[0]).x;
    for (const FiguresRow& row : shown_rows)
      widest_name = std::max(widest_name, ImGui::CalcTextSize(row.name.c_str()).x);
    const ImGuiStyle& style = ImGui::GetStyle();
    float fixed = static_cast<float>(shown.size()) * style.CellPadding.x * 2.F + style.ScrollbarSize;
    for (std::size_t column = 1; column < layout.widths.size(); ++column) fixed += layout.widths[column];
    const float room = ImGui::GetContentRegionAvail().x - fixed;
    const float sort_arrow = ImGui::GetFontSize();
    if (room >= std::min(widest_name + sort_arrow, ImGui::GetContentRegionAvail().x * 0.4F)) break;
    const auto found = std::find(shown.begin(), shown.end(), droppable);
    if (found == shown.end()) continue;
    shown.erase(found);
    shown_rows = with_columns(rows, all, shown);
  }
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoSavedSettings;
  if (!ImGui::BeginTable(id, static_cast<int>(shown.size()), flags, ImVec2{0.F, height})) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (std::size_t column = 0; column < shown.size(); ++column) {
    ImGuiTableColumnFlags column_flags =
        column == 0 ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed;
    if (shown[column] == Conversion) {
      column_flags |= ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending;
    }
    ImGui::TableSetupColumn(headers[column], column_flags, column == 0 ? 1.F : layout.widths[column],
                            shown[column]);
  }
  headers_row(layout);
  sort_rows(shown_rows, ImGui::TableGetSortSpecs());

  for (const FiguresRow& row : shown_rows) {
    ImGui::TableNextRow();
    for (const Cell& cell : row.cells) {
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, cell.color);
      ImGui::TextUnformatted(cell.text.c_str(), cell.text.c_str() + cell.text.size());
      note_item_text(cell.text);
      ImGui::PopStyleColor();
    }
  }
  ImGui::EndTable();
}

// The table cells stay short; the markers are explained once, under the tables.
void draw_footnote(const PanelContext& context, const data::DaySummary& today, bool with_seller_note) {
  const auto low_data = [](const auto& rows) {
    return std::any_of(rows.begin(), rows.end(), [](const auto& row) {
      return row.figures.conversion.rate.has_value() && row.figures.conversion.low_data;
    });
  };
  const bool inferred = std::any_of(today.sellers.begin(), today.sellers.end(),
                                    [](const data::SellerRow& row) { return row.roster_inferred; });
  const auto impossible = [](const auto& rows) {
    return std::any_of(rows.begin(), rows.end(),
                       [](const auto& row) { return row.figures.buyers_above_visitors; });
  };
  std::string note;
  const auto add = [&note](const char* mark, const char* text) {
    note += (note.empty() ? "" : "    ") + std::string(mark) + text;
  };
  if (low_data(today.shifts) || low_data(today.sellers)) add("* ", context.text(Text::LowData));
  if (inferred) add("~ ", context.text(Text::RosterInferred));
  if (impossible(today.shifts) || impossible(today.sellers))
    add("! ", context.text(Text::BuyersAboveVisitors));
  if (!note.empty()) ImGui::TextColored(ImColor(palette::warning).Value, "%s", note.c_str());
  if (with_seller_note && !today.sellers.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::muted);
    ImGui::TextWrapped("%s", context.text(Text::SellerVisitorsNote));
    ImGui::PopStyleColor();
  }
}

void draw_heading(const PanelContext& context, Text heading) {
  ImGui::PushFont(context.state.fonts.bold != nullptr ? context.state.fonts.bold : ImGui::GetFont());
  ImGui::TextUnformatted(context.text(heading));
  ImGui::PopFont();
}

}  // namespace

void draw_shifts_sellers(PanelContext& context) {
  const data::DaySummary* today = context.snapshot.today.get();
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float heading = size_of(context.state.fonts.bold) + spacing;
  const float row_height = ImGui::GetTextLineHeight() + 2.F * ImGui::GetStyle().CellPadding.y;
  // The markers' line and the seller note, which wraps to two lines in French and Russian; on a
  // short screen the note gives way to the rows it explains (the report carries it too).
  const float markers = ImGui::GetFrameHeightWithSpacing();
  const float seller_note = 2.F * ImGui::GetTextLineHeightWithSpacing();
  const float available = ImGui::GetContentRegionAvail().y - 2.F * heading - spacing;
  const bool with_seller_note = available - markers - seller_note >= 8.F * row_height;
  const float tables = available - markers - (with_seller_note ? seller_note : 0.F);
  // Shifts are few: give them what their rows and a two-line header need (up to half), the sellers the rest.
  const std::size_t shift_rows = today != nullptr ? today->shifts.size() : 0;
  const float shifts_height = std::max(
      std::min(static_cast<float>(shift_rows + 2) * row_height + 6.F, tables / 2.F), 2.F * row_height);
  const float sellers_height = std::max(tables - shifts_height, 60.F);

  draw_heading(context, Text::Shifts);
  if (today == nullptr || today->shifts.empty()) {
    ImGui::TextDisabled("%s", context.text(today == nullptr ? Text::NoFiguresYet : Text::NoShifts));
    ImGui::Dummy(ImVec2{0.F, shifts_height - ImGui::GetFrameHeightWithSpacing()});
  } else {
    std::vector<FiguresRow> rows;
    for (const auto& shift : today->shifts)
      rows.push_back(FiguresRow{shift.name, &shift.figures, std::nullopt, false, {}});
    draw_figures_table(context, "##shifts", Text::Shift, std::move(rows), false, shifts_height);
  }

  draw_heading(context, Text::Sellers);
  if (today == nullptr || today->sellers.empty()) {
    ImGui::TextDisabled("%s", context.text(today == nullptr ? Text::NoFiguresYet : Text::NoSellers));
  } else {
    std::vector<FiguresRow> rows;
    for (const auto& seller : today->sellers) {
      rows.push_back(
          FiguresRow{seller.seller, &seller.figures, seller.floor_hours, seller.roster_inferred, {}});
    }
    draw_figures_table(context, "##sellers", Text::Seller, std::move(rows), true, sellers_height);
  }
  if (today != nullptr) draw_footnote(context, *today, with_seller_note);
}

}  // namespace footfall::ui
