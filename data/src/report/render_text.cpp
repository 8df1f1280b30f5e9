#include <algorithm>
#include <sstream>

#include "report/model.hpp"

// The plain-text and Markdown renderings of a report model.
namespace footfall::data::report_detail {

// ---------- text ----------

std::string render_table_text(const Context& c, const Section& section) {
  const auto& columns = table_columns();
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header = {section.first_column};
  for (const auto& column : columns) header.push_back(c.tr(column.title));
  header.emplace_back();
  cells.push_back(header);
  for (const auto& row : section.rows) {
    std::vector<std::string> line = {row.label};
    for (const auto& column : columns) line.push_back(column.value(c, *row.figures));
    line.push_back(row.note);
    cells.push_back(std::move(line));
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& line : cells) {
    for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], display_width(line[i]));
  }
  std::string out;
  for (const auto& line : cells) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const bool numeric = i > 0 && i + 1 < line.size();
      text += pad(line[i], widths[i], numeric) + (i + 1 < line.size() ? "  " : "");
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  return out;
}

std::string render_text(const Context& c, const Model& m) {
  std::string out = m.title + (m.subtitle.empty() ? "" : " (" + m.subtitle + ")") + "\n";
  out += std::string(display_width(m.title), '=') + "\n\n";
  const auto& figures = m.figures;
  std::size_t width = 0;
  std::size_t value_width = 0;
  for (const auto& figure : figures) {
    width = std::max(width, display_width(figure.label));
    if (!figure.changes.empty()) value_width = std::max(value_width, display_width(figure.value));
  }
  for (const auto& figure : figures) {
    std::string line = pad(figure.label, width, false) + "  " + figure.value;
    if (!figure.changes.empty())
      line = pad(line, width + 2 + value_width, false) + "  " + figure.changes_text();
    out += line + "\n";
  }
  for (const auto& section : m.sections) {
    out += "\n" + section.title + "\n" + render_table_text(c, section);
    if (!section.footnote.empty()) out += section.footnote + "\n";
  }
  out += "\n" + c.tr("Data quality") + "\n";
  for (const auto& line : m.quality) out += "- " + line + "\n";
  out += "\n" + c.tr("Definitions") + "\n";
  for (const auto& line : m.definitions) out += "- " + line + "\n";
  return out;
}

// ---------- markdown ----------

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    if (ch == '|') out += '\\';
    out += ch;
  }
  return out;
}

std::string render_table_markdown(const Context& c, const Section& section) {
  std::string out = "| " + markdown_cell(section.first_column);
  std::string rule = "|---";
  for (const auto& column : table_columns()) {
    out += " | " + c.tr(column.title);
    rule += "|---:";
  }
  out += " | |\n" + rule + "|---|\n";
  for (const auto& row : section.rows) {
    out += "| " + markdown_cell(row.label);
    for (const auto& column : table_columns()) out += " | " + column.value(c, *row.figures);
    out += " | " + markdown_cell(row.note) + " |\n";
  }
  return out;
}

std::string render_markdown(const Context& c, const Model& m) {
  std::string out = "# " + markdown_cell(m.title) + "\n\n";
  if (!m.subtitle.empty()) out += "_" + m.subtitle + "_\n\n";
  const auto& figures = m.figures;
  for (const auto& figure : figures) {
    out += "- **" + figure.label + "**: " + figure.value +
           (figure.changes.empty() ? "" : " (" + markdown_cell(figure.changes_text()) + ")") + "\n";
  }
  for (const auto& section : m.sections) {
    out += "\n## " + section.title + "\n\n" + render_table_markdown(c, section);
    if (!section.footnote.empty()) out += "\n_" + section.footnote + "_\n";
  }
  out += "\n## " + c.tr("Data quality") + "\n\n";
  for (const auto& line : m.quality) out += "- " + markdown_cell(line) + "\n";
  out += "\n## " + c.tr("Definitions") + "\n\n";
  for (const auto& line : m.definitions) out += "- " + line + "\n";
  return out;
}

}  // namespace footfall::data::report_detail
