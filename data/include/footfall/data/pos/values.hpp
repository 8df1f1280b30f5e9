#pragma once
#include "footfall/data/types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace date {
class time_zone;
}

namespace footfall::data {

// Expected-style result for per-field parsing: a value or a reason, never an exception.
template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;
  [[nodiscard]] bool ok() const { return value.has_value(); }
  static Parsed success(T v) { return Parsed{std::move(v), {}}; }
  static Parsed failure(std::string reason) { return Parsed{std::nullopt, std::move(reason)}; }
};

// `decimal` is '.' or ',' when the file's convention is known, 0 to infer it from the text
// ("1.234,50", "1,234.50", "1,5"). Currency symbols/codes, spaces (also U+00A0, U+202F) and
// `-x`, `(x)`, `-$x` are understood. Money is returned in minor units.
[[nodiscard]] Parsed<Money> parse_money(std::string_view text, char decimal = 0);
[[nodiscard]] Parsed<double> parse_number(std::string_view text, char decimal = 0);
// The ISO code of the currency an amount is written in ("$1,149.00 " -> "USD", "59,00 €" -> "EUR"),
// empty when it shows none.
[[nodiscard]] std::string_view currency_of_amount(std::string_view text);

enum class DateOrder { Auto, YMD, DMY, MDY };

[[nodiscard]] DateOrder date_order_from_format(std::string_view format);  // "%d.%m.%Y", "dd/mm/yyyy", "mdy"...

// Wall-clock time as milliseconds since 1970-01-01T00:00 local, plus a UTC offset if the text had one.
struct LocalDateTime {
  std::int64_t local_ms = 0;
  std::optional<int> offset_minutes;
  bool has_date = false;
  bool has_time = false;
};

// Parses "2026-07-14", "12/27/2018", "31.12.2025 14:05", "2021-05-13 11:01:13 +0200",
// "2021-05-13T11:01:13Z", "12:52:38", "2:05 PM". A date-only text has has_time=false.
[[nodiscard]] Parsed<LocalDateTime> parse_local_datetime(std::string_view text, DateOrder order);

// For DateOrder::Auto: inspects a date text and returns DMY or MDY if it proves one (a part > 12).
[[nodiscard]] std::optional<DateOrder> date_order_evidence(std::string_view text);

// Maps Square/Rails/Windows zone names ("Eastern Time (US & Canada)", "Paris", "Romance Standard Time")
// and IANA names to a tz database zone; nullptr when unknown.
[[nodiscard]] const date::time_zone* find_time_zone(std::string_view name);

// Uses the text's own offset when present, otherwise the zone's rules (earliest instant when ambiguous).
[[nodiscard]] Parsed<TimeMs> to_utc_ms(const LocalDateTime& local, const date::time_zone* zone);

// Trims ASCII and Unicode spaces (U+00A0, U+202F, U+2009).
[[nodiscard]] std::string_view trim_spaces(std::string_view text);

// Lower-cases ASCII plus Latin-1, Latin Extended-A and Cyrillic letters in UTF-8.
[[nodiscard]] std::string fold_case(std::string_view text);

}  // namespace footfall::data
