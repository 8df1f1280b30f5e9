#include "footfall/data/metrics/quality_notes.hpp"

#include "footfall/data/locale_format.hpp"
#include "footfall/data/time_text.hpp"
#include "metrics/note_rules.hpp"

namespace footfall::data {
namespace metrics_detail {
namespace {

QualityNote& add_note(std::vector<QualityNote>& notes, QualityNoteKind kind) {
  QualityNote& note = notes.emplace_back();
  note.kind = kind;
  return note;
}

void add_buyers_above(std::vector<QualityNote>& notes, QualityNoteKind kind, const Figures& figures) {
  QualityNote& note = add_note(notes, kind);
  note.buyers = covered_buyers(figures);
  note.visitors = figures.visitors;
}

QualityNote& add_gap(std::vector<QualityNote>& notes, QualityNoteKind kind, const BusinessClock& clock,
                     const CameraGap& gap) {
  QualityNote& note = add_note(notes, kind);
  note.door = gap.door;
  note.reason = gap.reason;
  note.start_ms = gap.start_ms;
  note.end_ms = gap.end_ms;
  note.start_minute = clock.local_minutes(gap.start_ms);
  return note;
}

}  // namespace

std::vector<QualityNote> day_notes(const BusinessClock& clock, const DaySummary& summary) {
  std::vector<QualityNote> notes;
  for (const auto& gap : summary.camera_gaps) {
    add_gap(notes, QualityNoteKind::CameraGap, clock, gap).end_minute = clock.local_minutes(gap.end_ms);
  }
  if (summary.total.partial) {
    QualityNote& note = add_note(notes, QualityNoteKind::PartialCoverage);
    note.covered_minutes = summary.total.covered_open_minutes;
    note.open_minutes = summary.total.open_minutes;
  }
  if (summary.total.buyers_above_visitors) {
    add_buyers_above(notes, QualityNoteKind::DayBuyersAboveVisitors, summary.total);
  }
  for (const auto& hour : summary.hours) {
    const auto at_hour = [&hour, &clock](QualityNote& note) {
      note.hour = hour.hour;
      note.start_ms = hour.start_ms;
      note.start_minute = clock.local_minutes(hour.start_ms);
    };
    if (sales_but_no_visitors(hour.figures)) at_hour(add_note(notes, QualityNoteKind::SalesButNoVisitors));
    if (hour.figures.buyers_above_visitors) {
      add_buyers_above(notes, QualityNoteKind::HourBuyersAboveVisitors, hour.figures);
      at_hour(notes.back());
    }
  }
  for (const auto& seller : summary.sellers) {
    if (seller.roster_inferred) add_note(notes, QualityNoteKind::NoRoster).seller = seller.seller;
  }
  return notes;
}

std::vector<QualityNote> range_notes(const BusinessClock& clock, const RangeSummary& summary,
                                     const std::map<std::string, int>& inferred_days,
                                     const std::vector<CameraGap>& gaps) {
  std::vector<QualityNote> notes;
  for (const auto& [seller, days] : inferred_days) {
    QualityNote& note = add_note(notes, QualityNoteKind::NoRosterDays);
    note.seller = seller;
    note.days = days;
  }
  const auto above = [&notes](const std::string& label, const Figures& figures) {
    add_buyers_above(notes, QualityNoteKind::BuyersAboveVisitors, figures);
    notes.back().label = label;
  };
  if (summary.total.buyers_above_visitors) above(summary.from_date + " – " + summary.to_date, summary.total);
  for (const auto& row : summary.rows) {
    if (row.figures.buyers_above_visitors) above(row.label, row.figures);
  }
  for (const auto& gap : gaps) {
    QualityNote& note = add_gap(notes, QualityNoteKind::CameraGapInRange, clock, gap);
    note.date = format_date(clock.business_day_of(gap.start_ms));
    note.minutes = static_cast<int>((gap.end_ms - gap.start_ms + 30'000) / 60'000);
  }
  return notes;
}

}  // namespace metrics_detail

std::string quality_note_text(const QualityNote& note, const std::string& language) {
  const auto tr = [&language](const char* key) { return translate(key, language); };
  const std::string reason = note.reason.empty() ? "" : " (" + note.reason + ")";
  const auto buyers_above = [&](const std::string& when) {
    return format_buyers_above_visitors(when, note.buyers, note.visitors, language);
  };
  switch (note.kind) {
    case QualityNoteKind::CameraGap:
      return fill(tr("Camera down on door %s %s–%s%s: excluded from conversion"),
                  {note.door, clock_text(note.start_minute), clock_text(note.end_minute), reason});
    case QualityNoteKind::CameraGapInRange:
      return fill(tr("Camera down on door %s from %s %s for %s min%s"),
                  {note.door, format_short_date(note.date, language), clock_text(note.start_minute),
                   std::to_string(note.minutes), reason});
    case QualityNoteKind::PartialCoverage:
      return fill(tr("%s: conversion and sales per visitor use covered time only"),
                  {format_coverage(note.covered_minutes, note.open_minutes, true, language)});
    case QualityNoteKind::DayBuyersAboveVisitors:
      return buyers_above(tr("The day"));
    case QualityNoteKind::HourBuyersAboveVisitors:
      return buyers_above(clock_text(note.start_minute));
    case QualityNoteKind::BuyersAboveVisitors:
      return buyers_above(translate(note.label, language));
    case QualityNoteKind::SalesButNoVisitors:
      return fill(tr("Sales at %s but no visitors counted"), {clock_text(note.start_minute)});
    case QualityNoteKind::NoRoster:
      return fill(tr("No roster for %s: floor time inferred from first and last sale"), {note.seller});
    case QualityNoteKind::NoRosterDays:
      return fill(tr("No roster for %s on %s: floor time inferred from first and last sale"),
                  {note.seller, format_count(note.days, "day|days", language)});
  }
  return {};
}

std::vector<std::string> quality_note_texts(const std::vector<QualityNote>& notes,
                                            const std::string& language) {
  std::vector<std::string> texts;
  texts.reserve(notes.size());
  for (const auto& note : notes) texts.push_back(quality_note_text(note, language));
  return texts;
}

}  // namespace footfall::data
