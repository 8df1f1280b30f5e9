#pragma once
#include "footfall/data/types.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <optional>
#include <string>

namespace footfall::data {

struct OpenWindow {
  TimeMs opens_ms = 0;
  TimeMs closes_ms = 0;
};

// The store's zone, cutoff and opening hours, turning business dates into UTC instants and back.
// The one business-day clock: the figures, the reports and the kiosk's roster all use this one.
class BusinessClock {
 public:
  explicit BusinessClock(const StoreSettings& settings);

  [[nodiscard]] TimeMs day_start(date::local_days day) const;  // business day starts at local midnight + cutoff
  [[nodiscard]] TimeMs day_end(date::local_days day) const { return day_start(day + date::days{1}); }
  [[nodiscard]] TimeMs at_local(date::local_days day, int minutes) const;
  [[nodiscard]] date::local_days business_day_of(TimeMs time_ms) const;
  [[nodiscard]] int local_hour(TimeMs time_ms) const;
  [[nodiscard]] int local_minutes(TimeMs time_ms) const;  // minutes since local midnight
  // The same local time of day, `days` days earlier or later.
  [[nodiscard]] TimeMs shift_days(TimeMs time_ms, int days) const;
  [[nodiscard]] int cutoff_minutes() const { return cutoff_minutes_; }
  // When the shop is open on business day `day`, as [opens, closes); nothing on a closed day.
  // A close at or before the opening time is past midnight, on the next calendar day.
  [[nodiscard]] std::optional<OpenWindow> opening(date::local_days day) const;
  // True when every local hour in [from, to) starts on a whole UTC hour, so hourly sums line up.
  [[nodiscard]] bool whole_hour_offsets(TimeMs from_ms, TimeMs to_ms) const;

 private:
  const date::time_zone* zone_;
  int cutoff_minutes_;
  WeekHours opening_hours_;
};

// "YYYY-MM-DD" → local day, or nullopt when it is not a real date: the one date parser.
std::optional<date::local_days> try_parse_date(const std::string& text);
// The same; throws std::invalid_argument naming the bad text.
date::local_days parse_date(const std::string& text);
std::string format_date(date::local_days day);
// Monday = 0 ... Sunday = 6.
int weekday_index(date::local_days day);

}  // namespace footfall::data
