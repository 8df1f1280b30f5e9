#include "footfall/data/store/store_profile.hpp"

#include <algorithm>
#include <charconv>

#include "footfall/data/locale_format.hpp"
#include "footfall/data/store/settings_queries.hpp"
#include "footfall/data/week_hours.hpp"

namespace footfall::data {

namespace {

constexpr int latest_day_start_minutes = 12 * 60;

std::optional<int> parse_whole_number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

bool is_currency_code(std::string_view text) {
  return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

const std::vector<std::string>& store_profile_keys() {
  static const std::vector<std::string> keys = {
      "name",     "language",     "time_zone",         "day_start",   "hours",
      "currency", "visitor_rule", "low_data_visitors", "contest_goal"};
  return keys;
}

std::string describe_store_profile(const StoreSettings& settings) {
  std::string out;
  out += "name: " + settings.name + "\n";
  out += "language: " + settings.language + "\n";
  out += "time_zone: " + settings.time_zone + "\n";
  out += "day_start: " + clock_text(settings.cutoff_minutes) + "\n";
  out += "hours: " + week_hours_text(settings.opening_hours) + "\n";
  out += "currency: " + (settings.currency.empty() ? std::string("(not set: the first import sets it)") : settings.currency) +
         "\n";
  out += std::string("visitor_rule: ") + visitor_rule_name(settings.visitor_rule) + "\n";
  out += "low_data_visitors: " + std::to_string(settings.low_data_visitors) + "\n";
  out += "contest_goal: " +
         (settings.contest_goal ? format_percent(*settings.contest_goal, 1, "en") : std::string("(none)")) +
         "\n";
  return out;
}

std::string set_store_profile_field(StoreSettings& settings, const std::string& key, const std::string& value) {
  const auto quoted = "\"" + value + "\"";
  const auto clock = [&](int& field, int latest) -> std::string {
    const auto minutes = parse_clock_minutes(value);
    if (!minutes || *minutes > latest) {
      return key + ": " + quoted + " is not a time from 00:00 to " + clock_text(latest) + " written HH:MM, e.g. 09:30";
    }
    field = *minutes;
    return {};
  };
  StoreSettings edited = settings;
  std::string error;
  if (key == "name") {
    if (value.find_first_not_of(" \t") == std::string::npos) return "name: the store's name cannot be empty";
    edited.name = value;
  } else if (key == "language") {
    if (value != "en" && value != "fr" && value != "ru") return "language: " + quoted + " is not one of en, fr, ru";
    edited.language = value;
  } else if (key == "time_zone") {
    if (!is_time_zone(value)) return "time_zone: " + quoted + " is not a tz database zone name such as Europe/Paris";
    edited.time_zone = value;
  } else if (key == "day_start") {
    error = clock(edited.cutoff_minutes, latest_day_start_minutes);
  } else if (key == "hours") {
    auto week = parse_week_hours(value, edited.opening_hours);
    if (auto* problem = std::get_if<std::string>(&week)) return "hours: " + *problem;
    edited.opening_hours = std::get<WeekHours>(week);
    if (const auto problem = week_hours_problem(edited.opening_hours); !problem.empty())
      return "hours: " + problem;
  } else if (key == "currency") {
    if (!is_currency_code(value)) return "currency: " + quoted + " is not a 3-letter ISO 4217 code such as EUR";
    edited.currency = value;
  } else if (key == "visitor_rule") {
    if (value != "entries" && value != "half_in_out") return "visitor_rule: " + quoted + " is not entries or half_in_out";
    edited.visitor_rule = value == "entries" ? VisitorRule::Entries : VisitorRule::HalfOfInPlusOut;
  } else if (key == "low_data_visitors") {
    const auto number = parse_whole_number(value);
    if (!number || *number < 0) return "low_data_visitors: " + quoted + " is not a whole number of visitors";
    edited.low_data_visitors = *number;
  } else if (key == "contest_goal") {
    // "25%", "25" or "25.5": a conversion in percent; "none" takes the goal away.
    std::string number = value;
    if (!number.empty() && number.back() == '%') number.pop_back();
    double percent = 0.0;
    const auto [end, failed] = std::from_chars(number.data(), number.data() + number.size(), percent);
    if (value == "none") {
      edited.contest_goal.reset();
    } else if (number.empty() || failed != std::errc{} || end != number.data() + number.size() ||
               percent <= 0.0 || percent > 100.0) {
      return "contest_goal: " + quoted + " is not a conversion in percent from 0 to 100, e.g. 25%, or none";
    } else {
      edited.contest_goal = percent / 100.0;
    }
  } else {
    std::string keys;
    for (const auto& known : store_profile_keys()) keys += (keys.empty() ? "" : ", ") + known;
    return "unknown store key \"" + key + "\"; the keys are " + keys;
  }
  if (!error.empty()) return error;
  settings = edited;
  return {};
}

}  // namespace footfall::data
