#pragma once
// Fixture snapshots shared by the ui tests: a busy afternoon and a store that just opened.
#include "footfall/ui/snapshot.hpp"

#include <chrono>
#include <cmath>
#include <ctime>
#include <memory>

namespace footfall::ui::fixtures {

inline std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

inline int local_hour(std::int64_t time_ms) {
  const auto seconds = static_cast<std::time_t>(time_ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  return local.tm_hour;
}

inline data::Figures figures(std::int64_t visitors, std::int64_t buyers, data::Money net_sales) {
  data::Figures result;
  result.visitors = visitors;
  result.entries = visitors;
  result.exits = visitors - 3;
  result.buyers = buyers;
  result.net_sales = net_sales;
  if (visitors > 0) {
    const double rate = static_cast<double>(buyers) / static_cast<double>(visitors);
    const double margin = 1.96 * std::sqrt(rate * (1.0 - rate) / static_cast<double>(visitors));
    result.conversion.rate = rate;
    result.conversion.low = std::max(0.0, rate - margin);
    result.conversion.high = std::min(1.0, rate + margin);
    result.conversion.low_data = visitors < 30;
    result.spv = static_cast<double>(net_sales) / static_cast<double>(visitors);
  }
  if (buyers > 0) result.atv = static_cast<double>(net_sales) / static_cast<double>(buyers);
  return result;
}

// Eleven hours ending two hours after now, so the current hour sits in the middle of the chart.
inline std::shared_ptr<data::DaySummary> day(std::int64_t now, double scale) {
  auto summary = std::make_shared<data::DaySummary>();
  summary->date = "2026-11-23";
  const std::int64_t hour_ms = 3600 * 1000;
  const std::int64_t this_hour = now - now % hour_ms;
  std::int64_t visitors = 0;
  std::int64_t buyers = 0;
  data::Money sales = 0;
  for (int index = 0; index < 11; ++index) {
    data::HourRow row;
    row.start_ms = this_hour + (index - 8) * hour_ms;
    row.hour = local_hour(row.start_ms);
    if (row.start_ms <= now) {
      const auto hour_visitors = static_cast<std::int64_t>(scale * (40 + 25 * std::sin(index * 0.7)));
      const std::int64_t hour_buyers = hour_visitors / (3 + index % 3);
      row.figures = figures(hour_visitors, hour_buyers, hour_buyers * 3450);
      row.camera_down = index == 3;
      visitors += hour_visitors;
      buyers += hour_buyers;
      sales += hour_buyers * 3450;
    }
    summary->hours.push_back(row);
  }
  summary->start_ms = summary->hours.front().start_ms;
  summary->end_ms = summary->hours.back().start_ms + hour_ms;
  summary->as_of_ms = now;
  summary->total = figures(visitors, buyers, sales);
  return summary;
}

inline KioskSnapshot busy_snapshot() {
  const std::int64_t now = now_ms();
  KioskSnapshot snapshot;
  snapshot.store_name = "Boutique Saint-Michel";
  snapshot.currency = "EUR";
  snapshot.now_ms = now;
  auto today = day(now, 1.0);
  today->same_time_last_week = figures(312, 70, 251230);
  today->last_import_ms = now - 20 * 60 * 1000;
  today->quality_notes = {"camera gap 11:02–11:40"};
  data::QualityNote gap;
  gap.kind = data::QualityNoteKind::CameraGap;
  gap.door = "main";
  gap.start_minute = 11 * 60 + 2;
  gap.end_minute = 11 * 60 + 40;
  today->notes = {gap};  // what the status bar words, in the screen's language
  data::ShiftRow morning;
  morning.name = "Morning";
  morning.figures = figures(180, 41, 141450);
  data::ShiftRow evening;
  evening.name = "Evening";
  evening.figures = figures(22, 5, 17250);
  today->shifts = {morning, evening};
  data::SellerRow anna;
  anna.seller = "Anna";
  anna.figures = figures(150, 30, 103500);
  anna.floor_hours = 6.5;
  data::SellerRow boris;
  boris.seller = "Борис";
  boris.figures = figures(20, 4, 13800);
  boris.floor_hours = 2.0;
  boris.roster_inferred = true;
  today->sellers = {anna, boris};
  snapshot.today = today;
  snapshot.last_week = day(now - 7LL * 24 * 3600 * 1000, 1.2);
  snapshot.occupancy = 14;

  auto camera = std::make_shared<CameraView>();
  camera->width = 320;
  camera->height = 180;
  camera->rgba.resize(320U * 180U * 4U);
  for (std::size_t y = 0; y < 180; ++y) {
    for (std::size_t x = 0; x < 320; ++x) {
      std::uint8_t* pixel = &camera->rgba[(y * 320 + x) * 4];
      pixel[0] = static_cast<std::uint8_t>(x * 255 / 320);
      pixel[1] = static_cast<std::uint8_t>(y * 255 / 180);
      pixel[2] = 90;
      pixel[3] = 255;
    }
  }
  camera->sequence = 7;
  camera->line = {{0.1F, 0.6F}, {0.9F, 0.6F}, {0.5F, 0.8F}};
  camera->tracks = {TrackBox{3, {0.2F, 0.2F}, {0.35F, 0.7F}}, TrackBox{4, {0.6F, 0.3F}, {0.75F, 0.9F}}};
  camera->last_crossing_ms = now;
  camera->fps = 14.8;
  camera->frame_age_ms = 45;
  camera->state = CameraState::Ok;
  camera->live_in = 231;
  camera->live_out = 217;
  snapshot.camera = camera;
  snapshot.import.file = "square-2026-11-23.csv";
  snapshot.import.profile = "square-items";
  snapshot.import.lines = {"412 transactions imported",
                           "2 rows rejected: line 17: field 'Net Sales': not a number"};
  snapshot.warnings = {{WarningSource::Storage, "91% full"}};
  auto& settings = snapshot.settings;
  settings.loaded = true;
  settings.camera_source = "synthetic";
  settings.detector = "background";
  settings.door = "main";
  settings.watch_folder = "/srv/pos-drop";
  settings.audit_folder = "/var/lib/footfall/audits";
  settings.store_name = "Boutique Rivoli";
  settings.currency = "EUR";
  settings.opening_hours.fill({9 * 60 + 30, 20 * 60, false});
  settings.time_zone = "Europe/Paris";
  settings.cutoff_minutes = 120;
  settings.shifts = {ShiftView{"Morning", 0x1F, 9 * 60, 14 * 60}, ShiftView{"Evening", 0x7F, 14 * 60, 20 * 60}};
  settings.sellers = {"Anna", "Борис", "Zoé"};
  settings.roster_today = {RosterView{"Anna", now - 3'600'000, now, 10 * 60, 11 * 60}};
  settings.config_path = "/home/shop/.config/footfall/config.toml";
  snapshot.import.preview = {ImportPreviewRow{now - 60'000, "sale", 3450, "EUR", "Anna", "T-1001"},
                             ImportPreviewRow{now - 50'000, "refund", -1200, "EUR", "Борис", "T-1002"}};
  snapshot.import.has_outcome = true;
  snapshot.import.outcome = ImportOutcome{"square-2026-11-23.csv", true, false, now, 1234, 412, 400, 10, 2, 2,
                                          "square.csv:17: column \"Net Sales\": not a number", ""};
  snapshot.import.watch_folder = {ImportOutcome{"shopify-orders.csv", true, true, now, 88, 31, 31, 0, 0, 0, "", ""},
                                  ImportOutcome{"broken.csv", false, true, now, 7341, 0, 0, 0, 0, 1,
                                                "broken.csv:7341: column \"Date\": not a date", ""}};
  return snapshot;
}

// Just opened: no sales imported, camera starting, nothing counted yet.
inline KioskSnapshot empty_snapshot() {
  KioskSnapshot snapshot;
  snapshot.store_name = "Demo store";
  snapshot.now_ms = now_ms();
  return snapshot;
}

}  // namespace footfall::ui::fixtures
