#pragma once
// What the figures of a day or a range cannot vouch for, as codes with their values: each front end
// (the reports, the kiosk, the JSON export) words them in its own language and style.
#include <cstdint>
#include <string>
#include <vector>

#include "footfall/data/types.hpp"

namespace footfall::data {

enum class QualityNoteKind {
  CameraGap,                // a day's camera gap: door, reason, start_ms–end_ms, start_minute–end_minute
  CameraGapInRange,         // a range's camera gap: door, reason, date, start_minute, minutes
  PartialCoverage,          // the camera covered covered_minutes of open_minutes opening hours
  DayBuyersAboveVisitors,   // the day's buyers in covered time above its visitors: buyers, visitors
  HourBuyersAboveVisitors,  // the same for one hour: hour, start_minute, buyers, visitors
  BuyersAboveVisitors,      // the same for a range or one of its rows, named by label
  SalesButNoVisitors,       // sales in an hour the camera counted nobody: hour, start_minute
  NoRoster,                 // a seller's floor time inferred from first and last sale: seller
  NoRosterDays,             // the same over a range: seller, days
};

struct QualityNote {
  QualityNoteKind kind = QualityNoteKind::CameraGap;
  std::string door;
  std::string reason;  // of a camera gap, as recorded; may be empty
  std::string seller;
  std::string date;   // business date (YYYY-MM-DD) a range's camera gap starts on
  std::string label;  // the range ("2026-03-01 – 2026-03-07") or row label of BuyersAboveVisitors
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  int start_minute = 0;  // local minute of the day in the store's zone (09:30 → 570)
  int end_minute = 0;
  int hour = 0;     // local hour of the business day's hour row
  int minutes = 0;  // a range's camera gap, rounded
  int covered_minutes = 0;
  int open_minutes = 0;
  int days = 0;
  std::int64_t buyers = 0;
  std::int64_t visitors = 0;

  bool operator==(const QualityNote&) const = default;
};

// The note in `language` ("en", "fr", "ru") through data's translation table; in English the sentence
// the summaries carry in quality_notes, e.g. "Sales at 14:00 but no visitors counted".
std::string quality_note_text(const QualityNote& note, const std::string& language);
std::vector<std::string> quality_note_texts(const std::vector<QualityNote>& notes,
                                            const std::string& language);

}  // namespace footfall::data
