#pragma once
// When a day or a range gets a quality note, and with which values; the wording is each front end's
// (quality_note_text for the summaries' English, the reports and the kiosk their own).
#include <map>
#include <string>
#include <vector>

#include "footfall/data/business_time.hpp"
#include "footfall/data/metrics/metrics.hpp"

namespace footfall::data::metrics_detail {

// From the finished summary: its clipped camera gaps, total, hours and sellers.
std::vector<QualityNote> day_notes(const BusinessClock& clock, const DaySummary& summary);

// `inferred_days`: seller → days without a roster; `gaps`: the camera gaps of the range, unclipped.
std::vector<QualityNote> range_notes(const BusinessClock& clock, const RangeSummary& summary,
                                     const std::map<std::string, int>& inferred_days,
                                     const std::vector<CameraGap>& gaps);

}  // namespace footfall::data::metrics_detail
