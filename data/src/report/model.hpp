#pragma once
// The report model every human-readable format shows (text, Markdown, HTML), the formatting
// context they share, and one renderer per format: render_text.cpp, render_html.cpp,
// render_csv.cpp and render_json.cpp. CSV and JSON are for machines and read the summaries directly.
#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "footfall/data/business_time.hpp"
#include "footfall/data/locale_format.hpp"
#include "footfall/data/metrics/contest.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/time_text.hpp"

namespace footfall::data::report_detail {

struct Context {
  const StoreSettings& settings;
  std::string language;
  BusinessClock clock;

  Context(const StoreSettings& store_settings, const std::string& requested)
      : settings(store_settings),
        language(requested.empty() ? store_settings.language : requested),
        clock(store_settings) {}

  [[nodiscard]] std::string tr(const std::string& key) const { return translate(key, language); }
  // "Label: value", with the space French puts before a colon.
  [[nodiscard]] std::string labelled(const std::string& label, const std::string& value) const {
    return fill(tr("%s: %s"), {label, value});
  }
  [[nodiscard]] std::string money(Money value) const {
    return format_money(value, settings.currency, language);
  }
  [[nodiscard]] std::string money(const std::optional<double>& value) const {
    return value ? format_money(*value, settings.currency, language) : "—";
  }
  [[nodiscard]] std::string integer(std::int64_t value) const { return format_integer(value, language); }
  // A time no camera counted has no visitors to show: a gap, not a zero.
  [[nodiscard]] std::string visitors(const Figures& f) const {
    return f.covered_minutes == 0 && f.visitors == 0 ? "—" : integer(f.visitors);
  }
  [[nodiscard]] std::string coverage(const Figures& f) const {
    return format_coverage(f.covered_open_minutes, f.open_minutes, f.partial, language);
  }
  [[nodiscard]] std::string number(const std::optional<double>& value, int decimals) const {
    return value ? format_number(*value, decimals, language) : "—";
  }
  [[nodiscard]] std::string percent(const Conversion& conversion) const {
    return conversion.rate ? format_percent(*conversion.rate, 1, language) : "—";
  }
  [[nodiscard]] std::string interval(const Conversion& conversion) const {
    if (!conversion.rate) return "—";
    return format_percent(conversion.low, 1, language) + "–" + format_percent(conversion.high, 1, language);
  }
  [[nodiscard]] std::string clock_time(TimeMs time_ms) const {
    return clock_text(clock.local_minutes(time_ms));
  }
  [[nodiscard]] std::string date_time(TimeMs time_ms) const {
    return format_date_time(time_ms, settings.time_zone, language);
  }
  [[nodiscard]] std::string short_date(const std::string& iso_date) const {
    return format_short_date(iso_date, language);
  }
  [[nodiscard]] std::string long_date(const std::string& iso_date) const {
    return format_long_date(iso_date, language);
  }
};

// Dictionary keys of the weekdays, Monday first, as the heat map and day rows label them.
inline constexpr std::array<const char*, 7> weekday_short_names = {"Mon", "Tue", "Wed", "Thu",
                                                                   "Fri", "Sat", "Sun"};

inline std::string hour_text(int hour) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:00", hour);
  return text;
}

// One row of any table: a label and its figures, with flags shown as notes.
struct Row {
  std::string label;
  const Figures* figures = nullptr;
  std::string note;
  bool flagged = false;              // camera down or an inferred roster: highlighted in HTML
  std::optional<TimeMs> start_ms{};  // the spreadsheet's local start time; none for shifts, sellers, ...
  std::string chart_label{};         // under the row's bar when the label is too long for it
};

// A row whose buyers outnumber its visitors says so in its note, highlighted like a camera gap.
inline Row make_row(const Context& c, std::string label, const Figures& figures, std::string note = "",
                    bool flagged = false) {
  if (figures.buyers_above_visitors) note += (note.empty() ? "" : ", ") + c.tr("buyers above visitors");
  return {std::move(label), &figures, std::move(note), flagged || figures.buyers_above_visitors};
}

struct Column {
  std::string title;
  std::string (*value)(const Context&, const Figures&);
  bool numeric = true;
};

inline const std::vector<Column>& table_columns() {
  static const std::vector<Column> columns = {
      {"Visitors", [](const Context& c, const Figures& f) { return c.visitors(f); }},
      {"Buyers", [](const Context& c, const Figures& f) { return c.integer(f.buyers); }},
      {"Conversion",
       [](const Context& c, const Figures& f) {
         return c.percent(f.conversion) + (f.conversion.rate && f.conversion.low_data ? "*" : "");
       }},
      {"Net sales", [](const Context& c, const Figures& f) { return c.money(f.net_sales); }},
      {"Average ticket", [](const Context& c, const Figures& f) { return c.money(f.atv); }},
      {"Sales per visitor", [](const Context& c, const Figures& f) { return c.money(f.spv); }},
      {"Items per ticket", [](const Context& c, const Figures& f) { return c.number(f.upt, 2); }},
  };
  return columns;
}

inline std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++width;  // count code points, not bytes
  }
  return width;
}

// The first `width` code points of `text`: never half a Cyrillic or accented letter.
inline std::string first_code_points(const std::string& text, std::size_t width) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U && seen++ == width) return text.substr(0, i);
  }
  return text;
}

inline std::string pad(const std::string& text, std::size_t width, bool right) {
  const auto current = display_width(text);
  if (current >= width) return text;
  const std::string fill(width - current, ' ');
  return right ? fill + text : text + fill;
}

// A headline figure's change against one reference, worded: "+12.0% vs last week", or "no data".
struct Change {
  std::string text;
  int direction = 0;  // +1 up, -1 down, 0 flat or nothing to compare
};

struct KeyFigure {
  std::string label;
  std::string value;
  std::vector<Change> changes{};

  [[nodiscard]] std::string changes_text() const {
    std::string text;
    for (const auto& change : changes) text += (text.empty() ? "" : "; ") + change.text;
    return text;
  }
};

// A reference the day's headline figures are compared with, and its words ("vs last week").
struct Reference {
  std::string words;
  FigureChanges changes;
};

std::vector<KeyFigure> key_figures(const Context& c, const Figures& f,
                                   const std::vector<Reference>& references = {});

struct Section {
  std::string title;
  std::string first_column;
  std::vector<Row> rows;
  std::string footnote{};    // under the table: how its figures are credited
  bool long_labels = false;  // week labels with their Monday: HTML may wrap them rather than the notes
};

struct Model {
  std::string title;
  std::string subtitle;
  std::vector<KeyFigure> figures;  // the headline cards, with their changes in a day report
  const Figures* total = nullptr;  // the figures behind them, and the period they cover
  std::string total_label;
  std::optional<TimeMs> total_start_ms;
  std::vector<Section> sections;
  std::vector<std::string> quality;
  std::vector<std::string> definitions;
  // Chart: one bar pair per row of the first section.
  bool chart = false;
  std::string chart_title;
  const std::array<std::array<Figures, 24>, 7>* heat_map = nullptr;
};

Model day_model(const Context& c, const DaySummary& s);
Model range_model(const Context& c, const RangeSummary& s);
Model contest_model(const Context& c, const SellerContest& s);

std::string render_text(const Context& c, const Model& m);
std::string render_markdown(const Context& c, const Model& m);
std::string render_html(const Context& c, const Model& m);
std::string render_spreadsheet(const Context& c, const Model& m);

std::string day_csv(const DaySummary& s, const StoreSettings& settings);
std::string range_csv(const RangeSummary& s, const StoreSettings& settings);
std::string day_json(const DaySummary& s, const StoreSettings& settings);
std::string range_json(const RangeSummary& s, const StoreSettings& settings);
std::string contest_csv(const SellerContest& s, const StoreSettings& settings);
std::string contest_json(const SellerContest& s, const StoreSettings& settings);

}  // namespace footfall::data::report_detail
