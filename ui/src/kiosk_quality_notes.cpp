// The day's quality notes (data::QualityNote) worded in the screen's language from the kiosk's table;
// in English the same sentences as the summaries' own.
#include "draw_helpers.hpp"
#include "footfall/data/locale_format.hpp"
#include "footfall/data/time_text.hpp"
#include "footfall/ui/locale_format.hpp"

namespace footfall::ui {
namespace {

std::string note_line(const PanelContext& context, const data::QualityNote& note) {
  const Language language = context.state.language;
  const std::string reason = note.reason.empty() ? "" : " (" + note.reason + ")";
  const auto buyers_above = [&](const std::string& when) {
    return fill(context.text(Text::NoteBuyersAboveVisitors),
                {when, format_integer(note.buyers, language), format_integer(note.visitors, language)}) +
           " " + context.text(Text::NoteBuyersAboveVisitorsCauses);
  };
  switch (note.kind) {
    case data::QualityNoteKind::CameraGap:
      return fill(context.text(Text::NoteCameraGap), {note.door, data::clock_text(note.start_minute),
                                                      data::clock_text(note.end_minute), reason});
    case data::QualityNoteKind::CameraGapInRange:
      return fill(
          context.text(Text::NoteCameraGapInRange),
          {note.door, note.date, data::clock_text(note.start_minute), std::to_string(note.minutes), reason});
    case data::QualityNoteKind::PartialCoverage:
      return fill(
          context.text(Text::NotePartialCoverage),
          {data::format_coverage(note.covered_minutes, note.open_minutes, true, language_code(language))});
    case data::QualityNoteKind::DayBuyersAboveVisitors:
      return buyers_above(context.text(Text::NoteTheDay));
    case data::QualityNoteKind::HourBuyersAboveVisitors:
      return buyers_above(data::clock_text(note.start_minute));
    case data::QualityNoteKind::BuyersAboveVisitors:
      return buyers_above(note.label);
    case data::QualityNoteKind::SalesButNoVisitors:
      return fill(context.text(Text::NoteSalesButNoVisitors), {data::clock_text(note.start_minute)});
    case data::QualityNoteKind::NoRoster:
      return fill(context.text(Text::NoteNoRoster), {note.seller});
    case data::QualityNoteKind::NoRosterDays:
      return fill(context.text(note.days == 1 ? Text::NoteNoRosterDay : Text::NoteNoRosterDays),
                  {note.seller, std::to_string(note.days)});
  }
  return {};
}

}  // namespace

std::vector<std::string> quality_note_lines(const PanelContext& context) {
  std::vector<std::string> lines;
  if (!context.snapshot.today) return lines;
  for (const data::QualityNote& note : context.snapshot.today->notes)
    lines.push_back(note_line(context, note));
  return lines;
}

}  // namespace footfall::ui
