#include "draw_helpers.hpp"
#include "footfall/ui/locale_format.hpp"

#include <algorithm>
#include <optional>

namespace footfall::ui {
namespace {

struct FiguresRow {
  std::string name;
  const data::Figures* figures = nullptr;
  std::optional<double> floor_hours;
  bool roster_inferred = false;
};

enum Column : ImGuiID { Name, Visitors, Transactions, Conversion, AverageTicket, NetSales, Hours };

double sort_key(const FiguresRow& row, ImGuiID column) {
  const data::Figures& figures = *row.figures;
  switch (column) {
    case Visitors:
      return static_cast<double>(figures.visitors);
    case Transactions:
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

void text_cell(const std::string& text, ImU32 color = palette::text) {
  ImGui::TableNextColumn();
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
  ImGui::PopStyleColor();
}

void draw_figures_table(const PanelContext& context, const char* id, Text name_header,
                        std::vector<FiguresRow> rows, bool with_hours, float height) {
  const Language language = context.state.language;
  const std::string& currency = context.snapshot.currency;
  const int columns = with_hours ? 7 : 6;
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings;
  if (!ImGui::BeginTable(id, columns, flags, ImVec2{0.F, height})) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(context.text(name_header), ImGuiTableColumnFlags_WidthStretch, 1.4F, Name);
  ImGui::TableSetupColumn(context.text(Text::Visitors), ImGuiTableColumnFlags_None, 1.1F, Visitors);
  ImGui::TableSetupColumn(context.text(Text::Transactions), ImGuiTableColumnFlags_None, 0.9F, Transactions);
  ImGui::TableSetupColumn(context.text(Text::Conversion),
                          ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending,
                          1.3F, Conversion);
  ImGui::TableSetupColumn(context.text(Text::AverageTicket), ImGuiTableColumnFlags_None, 1.4F, AverageTicket);
  ImGui::TableSetupColumn(context.text(Text::NetSales), ImGuiTableColumnFlags_None, 1.6F, NetSales);
  if (with_hours)
    ImGui::TableSetupColumn(context.text(Text::FloorHours), ImGuiTableColumnFlags_None, 0.8F, Hours);
  ImGui::TableHeadersRow();
  sort_rows(rows, ImGui::TableGetSortSpecs());

  for (const FiguresRow& row : rows) {
    const data::Figures& figures = *row.figures;
    ImGui::TableNextRow();
    text_cell(row.name);
    text_cell(format_integer(figures.visitors, language));
    text_cell(format_integer(figures.buyers, language));
    const data::Conversion& conversion = figures.conversion;
    if (!conversion.rate) {
      text_cell("—", palette::muted);
    } else if (conversion.low_data) {
      text_cell(format_percent(*conversion.rate, 1, language) + " *", palette::warning);
    } else {
      text_cell(format_percent(*conversion.rate, 1, language));
    }
    text_cell(figures.atv ? format_money(*figures.atv, currency, language) : "—");
    text_cell(format_money(static_cast<double>(figures.net_sales), currency, language));
    if (with_hours) {
      text_cell(row.floor_hours
                    ? (row.roster_inferred ? "~" : "") + format_decimal(*row.floor_hours, 1, language)
                    : "—",
                row.roster_inferred ? palette::warning : palette::text);
    }
  }
  ImGui::EndTable();
}

// The table cells stay short; the markers are explained once, under the tables.
void draw_footnote(const PanelContext& context, const data::DaySummary& today) {
  const auto low_data = [](const auto& rows) {
    return std::any_of(rows.begin(), rows.end(), [](const auto& row) {
      return row.figures.conversion.rate.has_value() && row.figures.conversion.low_data;
    });
  };
  const bool inferred = std::any_of(today.sellers.begin(), today.sellers.end(),
                                    [](const data::SellerRow& row) { return row.roster_inferred; });
  std::string note;
  if (low_data(today.shifts) || low_data(today.sellers))
    note += std::string("* ") + context.text(Text::LowData);
  if (inferred) note += (note.empty() ? "~ " : "    ~ ") + std::string(context.text(Text::RosterInferred));
  if (!note.empty()) ImGui::TextColored(ImColor(palette::warning).Value, "%s", note.c_str());
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
  const float footnote = ImGui::GetFrameHeightWithSpacing();
  const float tables = ImGui::GetContentRegionAvail().y - 2.F * heading - footnote - spacing;
  // Shifts are few: give them what their rows need (up to half) and the sellers the rest.
  const std::size_t shift_rows = today != nullptr ? today->shifts.size() : 0;
  const float row_height = ImGui::GetTextLineHeight() + 2.F * ImGui::GetStyle().CellPadding.y;
  const float shifts_height = std::max(
      std::min(static_cast<float>(shift_rows + 1) * row_height + 6.F, tables / 2.F), 2.F * row_height);
  const float sellers_height = std::max(tables - shifts_height, 60.F);

  draw_heading(context, Text::Shifts);
  if (today == nullptr || today->shifts.empty()) {
    ImGui::TextDisabled("%s", context.text(today == nullptr ? Text::NoFiguresYet : Text::NoShifts));
    ImGui::Dummy(ImVec2{0.F, shifts_height - ImGui::GetFrameHeightWithSpacing()});
  } else {
    std::vector<FiguresRow> rows;
    for (const auto& shift : today->shifts)
      rows.push_back(FiguresRow{shift.name, &shift.figures, std::nullopt, false});
    draw_figures_table(context, "##shifts", Text::Shift, std::move(rows), false, shifts_height);
  }

  draw_heading(context, Text::Sellers);
  if (today == nullptr || today->sellers.empty()) {
    ImGui::TextDisabled("%s", context.text(today == nullptr ? Text::NoFiguresYet : Text::NoSellers));
  } else {
    std::vector<FiguresRow> rows;
    for (const auto& seller : today->sellers) {
      rows.push_back(FiguresRow{seller.seller, &seller.figures, seller.floor_hours, seller.roster_inferred});
    }
    draw_figures_table(context, "##sellers", Text::Seller, std::move(rows), true, sellers_height);
  }
  if (today != nullptr) draw_footnote(context, *today);
}

}  // namespace footfall::ui
