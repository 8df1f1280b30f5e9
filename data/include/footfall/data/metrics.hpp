#pragma once
#include "footfall/data/store.hpp"
#include "footfall/data/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace footfall::data {

struct Conversion {
  std::optional<double> rate;  // empty when there are no visitors ("—")
  double low = 0.0;            // 95% Wilson interval
  double high = 0.0;
  bool low_data = false;
};

// The one set of definitions used by the kiosk, the reports and every export.
struct Figures {
  std::int64_t visitors = 0;
  std::int64_t entries = 0;
  std::int64_t exits = 0;
  std::int64_t buyers = 0;
  Money net_sales = 0;
  double units = 0.0;
  Conversion conversion;
  std::optional<double> atv;   // average ticket, minor units
  std::optional<double> spv;   // sales per visitor, minor units
  std::optional<double> upt;   // units per transaction
  std::optional<double> visitors_per_staff_hour;
  int camera_gap_minutes = 0;
};

Conversion wilson_conversion(std::int64_t buyers, std::int64_t visitors, int low_data_visitors);

struct HourRow {
  int hour = 0;               // local hour of the business day
  TimeMs start_ms = 0;
  Figures figures;
  bool camera_down = false;   // part of the hour had no camera
};

struct ShiftRow {
  std::string name;
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  Figures figures;
};

struct SellerRow {
  std::string seller;
  Figures figures;            // buyers = the seller's sales; visitors = entries while on the floor
  double floor_hours = 0.0;
  bool roster_inferred = false;
};

struct DaySummary {
  std::string date;           // business date, YYYY-MM-DD in the store's zone
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  TimeMs as_of_ms = 0;        // figures are up to this instant (end of day, or now)
  Figures total;
  std::vector<HourRow> hours;
  std::vector<ShiftRow> shifts;
  std::vector<SellerRow> sellers;
  std::optional<int> peak_hour;
  Figures same_time_last_week;              // the same weekday last week up to the same local time
  std::optional<Figures> average_last_four; // the last four same weekdays
  std::optional<Figures> same_day_last_year;
  std::vector<std::string> quality_notes;   // camera gaps, hours with sales but no visitors, ...
  std::optional<TimeMs> last_import_ms;
};

// `as_of_ms` cuts a day in progress (the kiosk); empty means the whole day.
DaySummary day_summary(Store& store, const std::string& business_date,
                       std::optional<TimeMs> as_of_ms = std::nullopt);

// Business date (YYYY-MM-DD) that contains `time_ms`, in the store's zone and cutoff.
std::string business_date_of(const StoreSettings& settings, TimeMs time_ms);

}  // namespace footfall::data
