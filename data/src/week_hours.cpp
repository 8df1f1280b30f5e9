#include "footfall/data/week_hours.hpp"

#include <array>
#include <optional>

#include "footfall/data/time_text.hpp"

namespace footfall::data {
namespace {

constexpr std::array<std::string_view, 7> day_names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

bool same_hours(const DayHours& a, const DayHours& b) {
  return a.closed == b.closed &&
         (a.closed || (a.open_minutes == b.open_minutes && a.close_minutes == b.close_minutes));
}

std::string day_hours_text(const DayHours& day) {
  return day.closed ? std::string("closed")
                    : clock_text(day.open_minutes) + "-" + clock_text(day.close_minutes);
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::optional<std::size_t> day_index(std::string_view name) {
  for (std::size_t index = 0; index < day_names.size(); ++index) {
    if (day_names[index] == name) return index;
  }
  return std::nullopt;
}

// "mon", "mon-fri", "every day" or "" → the first and last day, both included.
std::optional<std::pair<std::size_t, std::size_t>> day_range(std::string_view days) {
  if (days.empty() || days == "every day" || days == "daily")
    return std::pair<std::size_t, std::size_t>{0, 6};
  const auto dash = days.find('-');
  const auto first = day_index(trimmed(days.substr(0, dash)));
  const auto last = dash == std::string_view::npos ? first : day_index(trimmed(days.substr(dash + 1)));
  if (!first || !last || *last < *first) return std::nullopt;
  return std::pair{*first, *last};
}

}  // namespace

std::string week_hours_text(const WeekHours& hours) {
  std::string out;
  for (std::size_t first = 0; first < hours.size();) {
    std::size_t last = first;
    while (last + 1 < hours.size() && same_hours(hours[last + 1], hours[first])) ++last;
    if (!out.empty()) out += ", ";
    if (first == 0 && last == hours.size() - 1) {
      out += "every day";
    } else {
      out += day_names[first];
      if (last != first) out += std::string("-") + std::string(day_names[last]);
    }
    out += " " + day_hours_text(hours[first]);
    first = last + 1;
  }
  return out;
}

std::variant<WeekHours, std::string> parse_week_hours(std::string_view text, const WeekHours& base) {
  WeekHours week = base;
  const std::string format = " (write e.g. \"mon-fri 09:00-20:00, sat 10:00-18:00, sun closed\")";
  if (trimmed(text).empty()) return std::string("no opening hours given") + format;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view item = trimmed(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    const auto space = item.find_last_of(" \t");
    const std::string_view days =
        space == std::string_view::npos ? std::string_view{} : trimmed(item.substr(0, space));
    const std::string_view times = space == std::string_view::npos ? item : item.substr(space + 1);
    const auto range = day_range(days);
    if (!range)
      return "\"" + std::string(days) + "\" is not a day mon ... sun or a range such as mon-fri" + format;
    DayHours hours;
    if (times == "closed") {
      hours.closed = true;
    } else {
      const auto dash = times.find('-');
      const auto opens = parse_clock_minutes(times.substr(0, dash));
      const auto closes =
          dash == std::string_view::npos ? std::nullopt : parse_clock_minutes(times.substr(dash + 1));
      if (!opens || !closes) {
        return "\"" + std::string(times) + "\" is not opening hours HH:MM-HH:MM or \"closed\"" + format;
      }
      hours = {*opens, *closes, false};
    }
    for (std::size_t day = range->first; day <= range->second; ++day) {
      // A closed day keeps the times it had, for when it opens again.
      week[day] = hours.closed ? DayHours{week[day].open_minutes, week[day].close_minutes, true} : hours;
    }
  }
  return week;
}

std::string week_hours_problem(const WeekHours& hours) {
  for (std::size_t day = 0; day < hours.size(); ++day) {
    const DayHours& open = hours[day];
    if (!open.closed && open.close_minutes <= open.open_minutes) {
      return std::string(day_names[day]) + ": the store would close (" + clock_text(open.close_minutes) +
             ") before it opens (" + clock_text(open.open_minutes) + ")";
    }
  }
  return {};
}

}  // namespace footfall::data
