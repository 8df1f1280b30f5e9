#pragma once
#include "footfall/data/types.hpp"
#include "footfall/data/words.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>

// Locale number, money, clock, date and duration formats, and plural forms. Plain strings, no UI;
// the words are in words.hpp.
// Languages: "en", "fr", "ru"; anything else falls back to English.
namespace footfall::data {

// 1234.5 → "1,234.5" (en), "1 234,5" (fr, narrow no-break space), "1 234,5" (ru, no-break space).
std::string format_number(double value, int decimals, const std::string& language);
std::string format_integer(std::int64_t value, const std::string& language);
// "HH:MM" at `time_ms` in an IANA zone (UTC when the zone is unknown).
std::string format_clock(TimeMs time_ms, const std::string& time_zone);
// A fraction: 0.125 → "12.5%" (en), "12,5 %" (fr, ru; with a no-break space).
std::string format_percent(double fraction, int decimals, const std::string& language);
// Minor units: 123450 EUR → "€1,234.50" (en), "1 234,50 €" (fr, ru).
std::string format_money(Money minor_units, const std::string& currency, const std::string& language);
// Same, for a non-integral amount of minor units (ATV, SPV).
std::string format_money(double minor_units, const std::string& currency, const std::string& language);
// Digits after the decimal point for a currency's minor unit (2 for EUR, 0 for JPY).
int currency_decimals(const std::string& currency);

// Each "%s" of a translated pattern replaced by the next value, without printf's format-string risk.
std::string fill(const std::string& pattern, std::initializer_list<std::string> values);
// 125 → "2 h 05 min" (en, fr), "2 ч 05 мин" (ru).
std::string format_duration(int minutes, const std::string& language);
// "camera covered 2 h 05 min of 11 h 00 min open", and "; partial" when `partial`.
std::string format_coverage(int covered_open_minutes, int open_minutes, bool partial,
                            const std::string& language);

// A business date "YYYY-MM-DD" as people write it: "01/12/2026" (fr), "01.12.2026" (ru), ISO in
// English. Long: "mardi 1 décembre 2026", "вторник, 1 декабря 2026", "Tuesday 1 December 2026".
// Text that is not a date comes back unchanged.
std::string format_short_date(const std::string& iso_date, const std::string& language);
std::string format_long_date(const std::string& iso_date, const std::string& language);
// "YYYY-MM" as a month heading: "décembre 2026", "декабрь 2026", "December 2026".
std::string format_month(const std::string& iso_month, const std::string& language);
// An instant as a local date and time in an IANA zone (UTC when unknown): "01/12/2026 14:00" (fr),
// "01.12.2026 14:00" (ru), "2026-12-01 14:00" (en).
std::string format_date_time(TimeMs time_ms, const std::string& time_zone, const std::string& language);

// A count and its noun in the form the count takes: "1 ticket", "0 ticket", "2 чека", "5 чеков".
// `forms` is a dictionary key "buyer|buyers" whose translations list the language's forms:
// one|other in English and French (French "one" for 0 and 1), one|few|many in Russian.
std::string format_count(std::int64_t count, const std::string& forms, const std::string& language);

// "13:00: buyers 14, visitors 10 — a data problem, not a real conversion. Likely causes: …"
std::string format_buyers_above_visitors(const std::string& when, std::int64_t buyers, std::int64_t visitors,
                                         const std::string& language);

}  // namespace footfall::data
