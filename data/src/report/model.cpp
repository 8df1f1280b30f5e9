#include "report/model.hpp"

#include <algorithm>
#include <cmath>
#include <map>

// What the human-readable formats show of a day or a range, in the report's language.
namespace footfall::data::report_detail {

// A day report's notes, shorter than the summaries' own sentences: the table beside them shows the rest.
namespace {

Change worded_change(const Context& c, const std::optional<double>& change, bool points,
                     const std::string& words) {
  if (!change) return {fill(c.tr("%s: no data"), {words}), 0};
  const std::string magnitude = points ? format_number(*change, 1, c.language) + " " + c.tr("pts")
                                       : format_percent(*change, 1, c.language);
  const bool flat = magnitude.find_first_of("123456789") == std::string::npos;
  const int direction = flat ? 0 : (*change > 0 ? 1 : -1);
  return {(direction > 0 ? "+" : "") + magnitude + " " + words, direction};
}

}  // namespace

std::vector<KeyFigure> key_figures(const Context& c, const Figures& f,
                                   const std::vector<Reference>& references) {
  std::vector<KeyFigure> result = {
      {c.tr("Visitors"), c.visitors(f)},
      {c.tr("Buyers"), c.integer(f.buyers)},
      {c.tr("Conversion"), f.buyers_above_visitors
                               ? "— (" + c.tr("buyers above visitors") + ")"
                               : c.percent(f.conversion) +
                                     (f.conversion.rate ? " (" + c.interval(f.conversion) + ")" : "") +
                                     (f.conversion.low_data ? " — " + c.tr("low data") : "")},
      {c.tr("Net sales"), c.money(f.net_sales)},
      {c.tr("Average ticket"), c.money(f.atv)},
      {c.tr("Sales per visitor"), c.money(f.spv)},
      {c.tr("Items per ticket"), c.number(f.upt, 2)},
      {c.tr("Visitors per staff hour"), c.number(f.visitors_per_staff_hour, 1)},
  };
  // The first six cards, in order: visitors, buyers, conversion, net sales, average ticket, sales per
  // visitor.
  for (const auto& reference : references) {
    const auto& changes = reference.changes;
    const std::array<std::pair<const std::optional<double>*, bool>, 6> compared = {
        {{&changes.visitors, false},
         {&changes.buyers, false},
         {&changes.conversion_points, true},
         {&changes.net_sales, false},
         {&changes.atv, false},
         {&changes.spv, false}}};
    for (std::size_t i = 0; i < compared.size(); ++i) {
      result[i].changes.push_back(worded_change(c, *compared[i].first, compared[i].second, reference.words));
    }
  }
  if (f.open_minutes > 0) result.push_back({c.tr("Camera coverage"), c.coverage(f)});
  if (f.after_hours_visitors > 0) {
    result.push_back({c.tr("After hours (not visitors)"), c.integer(f.after_hours_visitors)});
  }
  if (f.camera_gap_minutes > 0) {
    result.push_back({c.tr("Camera down (min)"), c.integer(f.camera_gap_minutes)});
  }
  return result;
}

std::string day_note_line(const Context& c, const QualityNote& note) {
  switch (note.kind) {
    case QualityNoteKind::CameraGap:
      return c.labelled(c.tr("Camera down"), note.door + " " + clock_text(note.start_minute) + "–" +
                                                 clock_text(note.end_minute) +
                                                 (note.reason.empty() ? "" : " (" + note.reason + ")"));
    case QualityNoteKind::PartialCoverage:
      return c.labelled(c.tr("Camera coverage"),
                        format_coverage(note.covered_minutes, note.open_minutes, true, c.language) + ". " +
                            c.tr("Conversion and sales per visitor use covered time only."));
    case QualityNoteKind::DayBuyersAboveVisitors:
      return format_buyers_above_visitors(c.tr("The day"), note.buyers, note.visitors, c.language);
    case QualityNoteKind::HourBuyersAboveVisitors:
      return format_buyers_above_visitors(hour_text(note.hour), note.buyers, note.visitors, c.language);
    case QualityNoteKind::SalesButNoVisitors:
      return c.labelled(c.tr("Sales but no visitors counted"), hour_text(note.hour));
    case QualityNoteKind::NoRoster:
      return c.labelled(note.seller, c.tr("No roster: floor time inferred from first and last sale"));
    case QualityNoteKind::CameraGapInRange:
    case QualityNoteKind::BuyersAboveVisitors:
    case QualityNoteKind::NoRosterDays:
      break;  // a range's notes: worded as the range report words them
  }
  return quality_note_text(note, c.language);
}

std::vector<std::string> day_quality(const Context& c, const DaySummary& s) {
  std::vector<std::string> lines;
  for (const auto& note : s.notes) lines.push_back(day_note_line(c, note));
  return lines;
}

constexpr const char* sales_per_visitor_definition =
    "Sales per visitor: net sales in covered time ÷ visitors, so sales per visitor × visitors = net sales in "
    "covered time.";

// What each figure means, in the words of the tables, so a reader can check that they add up.
std::vector<std::string> definitions(const Context& c) {
  std::vector<std::string> lines;
  for (const char* definition : {
           "Visitors: people counted coming in during opening hours while a camera counted. Crossings after "
           "hours "
           "are shown apart; staff who cross the door while the shop is open are counted as visitors.",
           "Buyers: completed sales, one per receipt; voids, cancellations and refunds are not buyers.",
           "Conversion: buyers in covered time ÷ visitors.",
           "Net sales: sales minus refunds, each on the day it happened.",
           "Average ticket: net sales ÷ buyers, so average ticket × buyers = net sales.",
           sales_per_visitor_definition,
           "Items per ticket: items sold ÷ buyers.",
           "Covered time: the time a camera counted; any other time is a gap, not zero visitors.",
       }) {
    lines.push_back(c.tr(definition));
  }
  return lines;
}

constexpr const char* seller_visitors_note =
    "A seller's visitors are everyone counted while the seller was on the floor (the roster, or first to "
    "last sale without one). Sellers on the floor together are each credited with all of those "
    "visitors, so the sellers' visitors add up to more than the store's; buyers are each seller's own "
    "sales.";

std::string last_import_line(const Context& c, const std::optional<TimeMs>& last_import_ms) {
  return c.labelled(c.tr("Last import"), last_import_ms ? c.date_time(*last_import_ms) : c.tr("never"));
}

std::string hour_note(const Context& c, const HourRow& hour) {
  if (!hour.camera_down) return "";
  if (!hour.figures.partial) return c.tr("camera down");
  return hour.figures.covered_open_minutes == 0 && hour.figures.visitors == 0 ? c.tr("no camera")
                                                                              : c.coverage(hour.figures);
}

Model day_model(const Context& c, const DaySummary& s) {
  Model model;
  model.title = c.settings.name + " — " + c.tr("Day report") + " — " + c.long_date(s.date);
  if (s.as_of_ms < s.end_ms) model.subtitle = c.tr("as of") + " " + c.clock_time(s.as_of_ms);
  model.figures =
      key_figures(c, s.total,
                  {{c.tr("vs last week"), changes_against(s.total, s.same_time_last_week)},
                   {c.tr("vs the 4-week average"), changes_against(s.total, s.average_last_four)}});
  if (s.peak_hour) model.figures.push_back({c.tr("Peak hour"), hour_text(*s.peak_hour)});
  model.total = &s.total;
  model.total_label = c.short_date(s.date);
  model.total_start_ms = s.start_ms;

  // People read the open hours; empty night hours stay in JSON and CSV only.
  auto busy = [](const HourRow& hour) {
    return hour.figures.entries > 0 || hour.figures.exits > 0 || hour.figures.buyers > 0 || hour.camera_down;
  };
  const auto first = std::find_if(s.hours.begin(), s.hours.end(), busy);
  const auto last = std::find_if(s.hours.rbegin(), s.hours.rend(), busy).base();
  Section hours{c.tr("Hours"), c.tr("Hour"), {}};
  for (auto hour = first; hour < last; ++hour) {
    hours.rows.push_back(
        make_row(c, hour_text(hour->hour), hour->figures, hour_note(c, *hour), hour->camera_down));
    hours.rows.back().start_ms = hour->start_ms;
  }
  model.sections.push_back(std::move(hours));
  if (!s.shifts.empty()) {
    Section shifts{c.tr("Shifts"), c.tr("Shift"), {}};
    for (const auto& shift : s.shifts) {
      shifts.rows.push_back(
          make_row(c, shift.name + " " + c.clock_time(shift.start_ms) + "–" + c.clock_time(shift.end_ms),
                   shift.figures));
      shifts.rows.back().start_ms = shift.start_ms;
    }
    model.sections.push_back(std::move(shifts));
  }
  if (!s.sellers.empty()) {
    Section sellers{c.tr("Sellers"), c.tr("Seller"), {}};
    for (const auto& seller : s.sellers) {
      sellers.rows.push_back(make_row(c, seller.seller, seller.figures,
                                      c.tr("Floor hours") + " " +
                                          format_number(seller.floor_hours, 1, c.language) +
                                          (seller.roster_inferred ? ", " + c.tr("roster inferred") : ""),
                                      seller.roster_inferred));
    }
    sellers.footnote = c.tr(seller_visitors_note);
    model.sections.push_back(std::move(sellers));
  }
  Section comparisons{
      c.tr("Comparisons"), "", {make_row(c, c.tr("Same time last week"), s.same_time_last_week)}};
  if (s.average_last_four)
    comparisons.rows.push_back(make_row(c, c.tr("Average of last four"), *s.average_last_four));
  if (s.same_day_last_year)
    comparisons.rows.push_back(make_row(c, c.tr("Same day last year"), *s.same_day_last_year));
  model.sections.push_back(std::move(comparisons));
  model.quality = day_quality(c, s);
  model.quality.push_back(last_import_line(c, s.last_import_ms));
  model.definitions = definitions(c);
  model.chart = true;
  model.chart_title = c.tr("Hourly visitors, buyers and conversion");
  return model;
}

// A range row's label as people read it: local dates, a month by its name, a week by its number and
// Monday; the summaries keep the ISO labels for machines.
std::string range_label(const Context& c, GroupBy group_by, const RangeRow& row) {
  switch (group_by) {
    case GroupBy::Hour: {
      const auto space = row.label.find(' ');
      return c.short_date(row.label.substr(0, space)) + row.label.substr(std::min(space, row.label.size()));
    }
    case GroupBy::Day:
      if (const auto day = try_parse_date(row.label))
        return c.tr(weekday_short_names[static_cast<std::size_t>(weekday_index(*day))]) + " " +
               c.short_date(row.label);
      return row.label;
    case GroupBy::Week: {
      const auto day = c.clock.business_day_of(row.start_ms);
      const auto monday = day - date::days{weekday_index(day)};
      return c.tr("Week") + " " + row.label.substr(row.label.find('W') + 1) + " (" +
             c.short_date(format_date(monday)) + ")";
    }
    case GroupBy::Month:
      return format_month(row.label, c.language);
    case GroupBy::Shift:
    case GroupBy::Seller:
    case GroupBy::Weekday:
      break;
  }
  return c.tr(row.label);
}

// Under a chart's bar: the day's date, the week's number, the month's name.
std::string range_chart_label(const Context& c, GroupBy group_by, const RangeRow& row) {
  switch (group_by) {
    case GroupBy::Hour:
    case GroupBy::Day:
      return c.short_date(row.label.substr(0, row.label.find(' ')));
    case GroupBy::Week:
      return c.tr("Week") + " " + row.label.substr(row.label.find('W') + 1);
    case GroupBy::Month:
      return format_month(row.label, c.language);
    case GroupBy::Shift:
    case GroupBy::Seller:
    case GroupBy::Weekday:
      break;
  }
  return c.tr(row.label);
}

constexpr const char* partial_mark = "†";
constexpr const char* partial_period_footnote =
    "† Partial period: the range cuts the week or month, or some of its days had no camera or no sales, so "
    "its figures are not a whole period's.";

// What makes a week or month partial, in the row's note: "partial period: 3 days of 7 in the range, ...".
std::string partial_period_note(const Context& c, const RangeRow& row) {
  std::string reasons;
  const auto add = [&reasons](const std::string& reason) {
    reasons += (reasons.empty() ? "" : ", ") + reason;
  };
  if (row.days_in_range < row.days_in_period) {
    add(fill(c.tr("%s of %s in the range"),
             {format_count(row.days_in_range, "day|days", c.language), c.integer(row.days_in_period)}));
  }
  if (row.days_without_camera > 0) {
    add(fill(c.tr("%s without camera"), {format_count(row.days_without_camera, "day|days", c.language)}));
  }
  if (row.days_without_sales > 0) {
    add(fill(c.tr("%s without sales"), {format_count(row.days_without_sales, "day|days", c.language)}));
  }
  return fill(c.tr("partial period: %s"), {reasons});
}

Model range_model(const Context& c, const RangeSummary& s) {
  Model model;
  model.title = c.settings.name + " — " + c.tr("Range report") + " " + c.short_date(s.from_date) + " – " +
                c.short_date(s.to_date);
  model.figures = key_figures(c, s.total);
  model.total = &s.total;
  model.total_label = c.short_date(s.from_date) + " – " + c.short_date(s.to_date);
  static const std::map<GroupBy, const char*> titles = {
      {GroupBy::Hour, "Hour"},      {GroupBy::Day, "Day"},     {GroupBy::Week, "Week"},
      {GroupBy::Month, "Month"},    {GroupBy::Shift, "Shift"}, {GroupBy::Seller, "Seller"},
      {GroupBy::Weekday, "Weekday"}};
  const std::string title = c.tr(titles.at(s.group_by));
  Section rows{title, title, {}};
  bool any_partial = false;
  for (const auto& row : s.rows) {
    std::string note = row.camera_down ? c.tr("camera down") : "";
    if (row.roster_inferred) note += (note.empty() ? "" : ", ") + c.tr("roster inferred");
    if (row.partial_period) note += (note.empty() ? "" : "; ") + partial_period_note(c, row);
    any_partial = any_partial || row.partial_period;
    rows.rows.push_back(make_row(c,
                                 range_label(c, s.group_by, row) + (row.partial_period ? partial_mark : ""),
                                 row.figures, note, !note.empty()));
    if (row.start_ms != 0) rows.rows.back().start_ms = row.start_ms;
    rows.rows.back().chart_label = range_chart_label(c, s.group_by, row);
  }
  if (s.group_by == GroupBy::Seller) rows.footnote = c.tr(seller_visitors_note);
  if (any_partial) rows.footnote = c.tr(partial_period_footnote);
  rows.long_labels = s.group_by == GroupBy::Week;
  model.sections.push_back(std::move(rows));
  model.quality = quality_note_texts(s.notes, c.language);
  model.quality.push_back(last_import_line(c, s.last_import_ms));
  model.definitions = definitions(c);
  model.chart = s.rows.size() > 1;
  model.chart_title = c.tr("Visitors, buyers and conversion");
  model.heat_map = &s.weekday_hour;
  return model;
}

// The contest's movement since yesterday and its goal, as a row's note.
std::string contest_note(const Context& c, const SellerContest& s, const ContestEntry& entry) {
  std::string note;
  const auto add = [&note](const std::string& part) { note += (note.empty() ? "" : ", ") + part; };
  if (entry.rank > 0 && entry.rank_yesterday && *entry.rank_yesterday != entry.rank) {
    const int moved = *entry.rank_yesterday - entry.rank;
    add(fill(c.tr(moved > 0 ? "up %s since yesterday" : "down %s since yesterday"),
             {std::to_string(std::abs(moved))}));
  } else if (entry.rank > 0 && !entry.rank_yesterday && s.to_date != s.from_date) {
    add(c.tr("new in the ranking"));
  }
  if (entry.reaches_goal) add(c.tr("goal reached"));
  if (entry.roster_inferred) add(c.tr("roster inferred"));
  return note;
}

Model contest_model(const Context& c, const SellerContest& s) {
  Model model;
  model.title = c.settings.name + " — " + c.tr("Seller contest") + " — " +
                c.tr(s.period == "week" ? "This week" : "This month");
  model.subtitle = c.short_date(s.from_date) + " – " + c.short_date(s.to_date);
  model.figures = key_figures(c, s.total);
  model.total = &s.total;
  model.total_label = model.subtitle;
  Section ranked{c.tr("Ranking"), c.tr("Seller"), {}};
  for (const auto& entry : s.ranked) {
    ranked.rows.push_back(make_row(c, std::to_string(entry.rank) + ". " + entry.seller, entry.figures,
                                   contest_note(c, s, entry), entry.roster_inferred));
    ranked.rows.back().chart_label = entry.seller;
  }
  ranked.footnote =
      c.tr(
          "Ranked by the low end of the conversion's 95% interval, so a seller with few visitors does "
          "not lead by chance.") +
      " " + c.tr(seller_visitors_note);
  model.sections.push_back(std::move(ranked));
  if (!s.too_few.empty()) {
    Section apart{c.tr("Too few visitors to rank"), c.tr("Seller"), {}};
    for (const auto& entry : s.too_few) {
      apart.rows.push_back(
          make_row(c, entry.seller, entry.figures, contest_note(c, s, entry), entry.roster_inferred));
    }
    model.sections.push_back(std::move(apart));
  }
  if (s.goal) model.quality.push_back(c.labelled(c.tr("Goal"), format_percent(*s.goal, 1, c.language)));
  model.quality.push_back(last_import_line(c, s.last_import_ms));
  model.definitions = definitions(c);
  model.chart = s.ranked.size() > 1;
  model.chart_title = c.tr("Visitors, buyers and conversion");
  return model;
}

}  // namespace footfall::data::report_detail
