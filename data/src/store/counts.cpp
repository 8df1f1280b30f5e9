#include "store/store_impl.hpp"
#include "store/schema.hpp"

#include <map>
#include <stdexcept>
#include <utility>

// The counter's side of the Store: crossings and their 15-minute rollup, camera gaps, and the
// times a door's counter ran (live heartbeats and counted recordings).
namespace footfall::data {

void Store::add_count_events(const std::vector<CountEvent>& events) {
  if (events.empty()) return;
  Savepoint savepoint(*impl_, "add_count_events");
  auto& insert = impl_->insert_event;
  // The 15-minute rollup is updated once per bucket and door, not once per event.
  std::map<std::pair<TimeMs, std::string>, std::pair<std::int64_t, std::int64_t>> rollup;
  for (const auto& event : events) {
    insert.reset();
    insert.bind(1, event.time_ms);
    insert.bind(2, event.door);
    insert.bind(3, event.entering ? "in" : "out");
    insert.bind(4, event.track_id);
    insert.bind(5, static_cast<double>(event.confidence));
    // A crossing already stored (the same clip counted again) adds nothing to the rollup either.
    if (insert.exec() == 0) continue;
    auto& sums = rollup[{event.time_ms / rollup_bucket_ms * rollup_bucket_ms, event.door}];
    (event.entering ? sums.first : sums.second) += 1;
  }
  auto& add = impl_->add_to_rollup;
  for (const auto& [key, sums] : rollup) {
    add.reset();
    add.bind(1, key.first);
    add.bind(2, key.second);
    add.bind(3, sums.first);
    add.bind(4, sums.second);
    add.exec();
  }
  savepoint.release();
}

void Store::add_camera_gap(const CameraGap& gap) {
  if (gap.end_ms < gap.start_ms) {
    throw std::invalid_argument("camera gap on door \"" + gap.door + "\" ends before it starts");
  }
  SQLite::Statement insert(impl_->db,
                           "INSERT INTO camera_gaps(door, start_ms, end_ms, reason) VALUES (?,?,?,?)");
  insert.bind(1, gap.door);
  insert.bind(2, gap.start_ms);
  insert.bind(3, gap.end_ms);
  insert.bind(4, gap.reason);
  insert.exec();
}

void Store::set_camera_up(const std::string& door, TimeMs time_ms) {
  // Heartbeats closer than this extend the current uptime interval instead of opening a new one.
  constexpr TimeMs max_heartbeat_gap_ms = 2 * 60 * 1000;
  Savepoint savepoint(*impl_, "camera_up");
  SQLite::Statement extend(
      impl_->db,
      "UPDATE camera_uptime SET end_ms = max(end_ms, ?1) WHERE id = (SELECT id FROM camera_uptime "
      "WHERE door = ?2 AND end_ms >= ?1 - ?3 AND start_ms <= ?1 ORDER BY end_ms DESC LIMIT 1)");
  extend.bind(1, time_ms);
  extend.bind(2, door);
  extend.bind(3, max_heartbeat_gap_ms);
  if (extend.exec() == 0) {
    SQLite::Statement insert(impl_->db,
                             "INSERT INTO camera_uptime(door, start_ms, end_ms) VALUES (?1, ?2, ?2)");
    insert.bind(1, door);
    insert.bind(2, time_ms);
    insert.exec();
  }
  savepoint.release();
}

void Store::add_recording_span(const std::string& door, TimeMs start_ms, TimeMs end_ms) {
  if (end_ms < start_ms)
    throw std::invalid_argument("recording on door \"" + door + "\" ends before it starts");
  SQLite::Statement upsert(impl_->db,
                           "INSERT INTO recording_spans(door, start_ms, end_ms) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT(door, start_ms) DO UPDATE SET end_ms = max(end_ms, excluded.end_ms)");
  upsert.bind(1, door);
  upsert.bind(2, start_ms);
  upsert.bind(3, end_ms);
  upsert.exec();
}

std::vector<CameraSpan> Store::camera_uptime(TimeMs from_ms, TimeMs to_ms) {
  std::vector<CameraSpan> result;
  SQLite::Statement query(
      impl_->db,
      "SELECT door, start_ms, end_ms FROM camera_uptime WHERE end_ms > ?1 AND start_ms < ?2 "
      "UNION ALL SELECT door, start_ms, end_ms FROM recording_spans "
      "WHERE end_ms > ?1 AND start_ms < ?2 ORDER BY 2");
  query.bind(1, from_ms);
  query.bind(2, to_ms);
  while (query.executeStep()) {
    result.push_back(
        {query.getColumn(0).getString(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64()});
  }
  return result;
}

bool Store::camera_uptime_recorded() {
  SQLite::Statement query(
      impl_->db, "SELECT EXISTS (SELECT 1 FROM camera_uptime) OR EXISTS (SELECT 1 FROM recording_spans)");
  return query.executeStep() && query.getColumn(0).getInt() != 0;
}

std::optional<TimeMs> Store::last_camera_up(const std::string& door) {
  SQLite::Statement query(impl_->db, "SELECT max(end_ms) FROM camera_uptime WHERE door = ?");
  query.bind(1, door);
  if (query.executeStep() && !query.getColumn(0).isNull()) return query.getColumn(0).getInt64();
  return std::nullopt;
}

std::optional<TimeMs> Store::last_count_event(const std::string& door, TimeMs time_ms) {
  SQLite::Statement query(impl_->db,
                          "SELECT time_ms FROM count_events WHERE door = ?1 AND time_ms <= ?2 "
                          "ORDER BY time_ms DESC LIMIT 1");
  query.bind(1, door);
  query.bind(2, time_ms);
  if (query.executeStep()) return query.getColumn(0).getInt64();
  return std::nullopt;
}

std::vector<CameraGap> Store::camera_gaps(TimeMs from_ms, TimeMs to_ms) {
  std::vector<CameraGap> result;
  SQLite::Statement query(
      impl_->db,
      "SELECT door, start_ms, end_ms, reason FROM camera_gaps WHERE end_ms > ? AND start_ms < ? "
      "ORDER BY start_ms");
  query.bind(1, from_ms);
  query.bind(2, to_ms);
  while (query.executeStep()) {
    result.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt64(),
                      query.getColumn(2).getInt64(), query.getColumn(3).getString()});
  }
  return result;
}

std::int64_t Store::full_scan_count_events() {
  // NOT INDEXED and a predicate on a column no index covers: every row is read.
  return impl_->db
      .execAndGet("SELECT count(*) FROM count_events NOT INDEXED WHERE time_ms + 0 >= 0 AND confidence >= 0")
      .getInt64();
}

}  // namespace footfall::data
