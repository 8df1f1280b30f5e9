#pragma once
// A business day added up from the rollups: the day, its hours, its shifts and its sellers, as raw
// tallies that day_summary.cpp and range_summary.cpp turn into figures.
#include <span>
#include <string>
#include <vector>

#include "footfall/data/business_time.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "store/rollup_reader.hpp"

namespace footfall::data::metrics_detail {

constexpr TimeMs hour_ms = 3'600'000;
constexpr int minutes_per_day = 24 * 60;

struct HourTally {
  int hour = 0;
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  Tally tally;
};

struct ShiftTally {
  std::string name;
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  Tally tally;
};

struct SellerTally {
  std::string seller;
  std::vector<Interval> floor;
  bool inferred = false;
  Tally tally;
};

struct DayTallies {
  date::local_days day;
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  TimeMs cut_ms = 0;
  Tally total;
  std::vector<HourTally> hours;
  std::vector<ShiftTally> shifts;
  std::vector<SellerTally> sellers;
};

// A business day's edges in UTC; `one_offset` when the whole day has one UTC offset (24 hours long),
// so local times in it are plain offsets from its start and need no zone lookup.
struct DayEdges {
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  bool one_offset = false;
};

DayEdges day_edges(TimeMs start_ms, TimeMs end_ms);

DayTallies compute_day(RollupReader& reader, const BusinessClock& clock,
                       const std::vector<ShiftDefinition>& shifts, std::span<const RosterEntry> roster,
                       date::local_days day, const DayEdges& edges, TimeMs as_of_ms,
                       bool totals_only = false);

// The rollup bucket a reader of [from_ms, to_ms) can use: whole hours when the zone allows.
TimeMs reader_bucket(const BusinessClock& clock, TimeMs from_ms, TimeMs to_ms);

bool has_data(const Tally& tally);

}  // namespace footfall::data::metrics_detail
