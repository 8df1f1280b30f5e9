#include <nlohmann/json.hpp>

#include "report/model.hpp"

// The JSON rendering of a summary (schema 1, described in report.hpp).
namespace footfall::data::report_detail {

using Json = nlohmann::ordered_json;

Json optional_number(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

Json figure_json(const Figures& f) {
  Json j;
  j["visitors"] = f.visitors;
  j["entries"] = f.entries;
  j["exits"] = f.exits;
  j["buyers"] = f.buyers;
  j["buyers_in_camera_gaps"] = f.buyers_in_camera_gaps;
  j["conversion"] = optional_number(f.conversion.rate);
  j["conversion_low"] = f.conversion.rate ? Json(f.conversion.low) : Json(nullptr);
  j["conversion_high"] = f.conversion.rate ? Json(f.conversion.high) : Json(nullptr);
  j["low_data"] = f.conversion.low_data;
  j["net_sales"] = f.net_sales;
  j["gross_sales"] = f.gross_sales;
  j["units"] = f.units;
  j["atv"] = optional_number(f.atv);
  j["spv"] = optional_number(f.spv);
  j["upt"] = optional_number(f.upt);
  j["visitors_per_staff_hour"] = optional_number(f.visitors_per_staff_hour);
  j["staff_hours"] = f.staff_hours;
  j["camera_gap_minutes"] = f.camera_gap_minutes;
  j["covered_minutes"] = f.covered_minutes;
  j["open_minutes"] = f.open_minutes;
  j["covered_open_minutes"] = f.covered_open_minutes;
  j["partial"] = f.partial;
  j["buyers_above_visitors"] = f.buyers_above_visitors;
  j["after_hours_visitors"] = f.after_hours_visitors;
  return j;
}

void merge(Json& target, const Json& source) {
  for (const auto& [key, value] : source.items()) target[key] = value;
}

// ---------- JSON ----------

Json header_json(const char* kind, const StoreSettings& settings) {
  Json j;
  j["report"] = kind;
  j["schema"] = 1;
  j["store"] = settings.name;
  j["currency"] = settings.currency;
  j["time_zone"] = settings.time_zone;
  return j;
}

Json quality_json(const std::vector<std::string>& notes, const std::vector<CameraGap>& gaps,
                  const std::optional<TimeMs>& last_import_ms) {
  Json j;
  j["notes"] = notes;
  j["camera_gaps"] = Json::array();
  for (const auto& gap : gaps) {
    j["camera_gaps"].push_back(
        {{"door", gap.door}, {"start_ms", gap.start_ms}, {"end_ms", gap.end_ms}, {"reason", gap.reason}});
  }
  j["last_import_ms"] = last_import_ms ? Json(*last_import_ms) : Json(nullptr);
  return j;
}

std::string day_json(const DaySummary& s, const StoreSettings& settings) {
  Json j = header_json("day", settings);
  j["date"] = s.date;
  j["start_ms"] = s.start_ms;
  j["end_ms"] = s.end_ms;
  j["as_of_ms"] = s.as_of_ms;
  merge(j, figure_json(s.total));
  j["peak_hour"] = s.peak_hour ? Json(*s.peak_hour) : Json(nullptr);
  j["hours"] = Json::array();
  for (const auto& hour : s.hours) {
    Json row = {{"hour", hour.hour}, {"start_ms", hour.start_ms}, {"camera_down", hour.camera_down}};
    merge(row, figure_json(hour.figures));
    j["hours"].push_back(std::move(row));
  }
  j["shifts"] = Json::array();
  for (const auto& shift : s.shifts) {
    Json row = {{"name", shift.name}, {"start_ms", shift.start_ms}, {"end_ms", shift.end_ms}};
    merge(row, figure_json(shift.figures));
    j["shifts"].push_back(std::move(row));
  }
  j["sellers"] = Json::array();
  for (const auto& seller : s.sellers) {
    Json row = {{"seller", seller.seller},
                {"floor_hours", seller.floor_hours},
                {"roster_inferred", seller.roster_inferred}};
    merge(row, figure_json(seller.figures));
    j["sellers"].push_back(std::move(row));
  }
  j["comparisons"] = {
      {"same_time_last_week", figure_json(s.same_time_last_week)},
      {"average_last_four", s.average_last_four ? figure_json(*s.average_last_four) : Json(nullptr)},
      {"same_day_last_year", s.same_day_last_year ? figure_json(*s.same_day_last_year) : Json(nullptr)}};
  const auto changes_json = [](const FigureChanges& changes) {
    return Json{{"visitors", optional_number(changes.visitors)},
                {"buyers", optional_number(changes.buyers)},
                {"conversion_points", optional_number(changes.conversion_points)},
                {"net_sales", optional_number(changes.net_sales)},
                {"atv", optional_number(changes.atv)},
                {"spv", optional_number(changes.spv)}};
  };
  j["changes"] = {{"same_time_last_week", changes_json(changes_against(s.total, s.same_time_last_week))},
                  {"average_last_four", changes_json(changes_against(s.total, s.average_last_four))}};
  j["quality"] = quality_json(s.quality_notes, s.camera_gaps, s.last_import_ms);
  return j.dump(2) + "\n";
}

std::string range_json(const RangeSummary& s, const StoreSettings& settings) {
  Json j = header_json("range", settings);
  j["from"] = s.from_date;
  j["to"] = s.to_date;
  j["group_by"] = group_by_name(s.group_by);
  merge(j, figure_json(s.total));
  // The same keys per row in every array, so a reader handles them alike.
  for (const auto& [key, rows] : {std::pair<const char*, const std::vector<RangeRow>*>{"hours", &s.hours},
                                  {"shifts", &s.shifts},
                                  {"sellers", &s.sellers},
                                  {"rows", &s.rows}}) {
    j[key] = Json::array();
    for (const auto& row : *rows) {
      Json line = {{"label", row.label},
                   {"start_ms", row.start_ms},
                   {"end_ms", row.end_ms},
                   {"camera_down", row.camera_down},
                   {"roster_inferred", row.roster_inferred},
                   {"partial_period", row.partial_period},
                   {"days_in_period", row.days_in_period},
                   {"days_in_range", row.days_in_range},
                   {"days_without_camera", row.days_without_camera},
                   {"days_without_sales", row.days_without_sales}};
      merge(line, figure_json(row.figures));
      j[key].push_back(std::move(line));
    }
  }
  j["weekday_hour"] = Json::array();
  for (const auto& day : s.weekday_hour) {
    Json hours = Json::array();
    for (const auto& hour : day) hours.push_back(optional_number(hour.conversion.rate));
    j["weekday_hour"].push_back(std::move(hours));
  }
  j["quality"] = quality_json(s.quality_notes, {}, s.last_import_ms);
  return j.dump(2) + "\n";
}

std::string contest_json(const SellerContest& s, const StoreSettings& settings) {
  Json j = header_json("contest", settings);
  j["period"] = s.period;
  j["from"] = s.from_date;
  j["to"] = s.to_date;
  j["goal"] = optional_number(s.goal);
  merge(j, figure_json(s.total));
  for (const auto& [key, entries] : {std::pair{"ranked", &s.ranked}, std::pair{"too_few", &s.too_few}}) {
    j[key] = Json::array();
    for (const auto& entry : *entries) {
      Json line = {{"seller", entry.seller},
                   {"rank", entry.rank > 0 ? Json(entry.rank) : Json(nullptr)},
                   {"rank_yesterday", entry.rank_yesterday ? Json(*entry.rank_yesterday) : Json(nullptr)},
                   {"roster_inferred", entry.roster_inferred},
                   {"reaches_goal", entry.reaches_goal}};
      merge(line, figure_json(entry.figures));
      j[key].push_back(std::move(line));
    }
  }
  return j.dump(2) + "\n";
}

}  // namespace footfall::data::report_detail
