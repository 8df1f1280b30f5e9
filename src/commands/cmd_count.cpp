#include "commands/commands.hpp"
#include "config/config.hpp"
#include "counting/counting_loop.hpp"
#include "time/dates.hpp"

#include "footfall/data/store/count_writer.hpp"
#include "footfall/data/store/store.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace footfall::app {
namespace {

// A live source's heartbeat goes to the database this often; an outage longer than two beats found
// at the next start is recorded as a gap.
constexpr auto kHeartbeatInterval = std::chrono::milliseconds(500);
constexpr std::int64_t kMinDowntimeMs = 1000;

std::int64_t parse_start_time(const std::string& text) {
  if (const auto time = parse_instant_ms(text)) return *time;
  throw std::runtime_error("--start: cannot read \"" + text + "\" as a time; use e.g. 2026-11-23T09:00:00Z");
}

// A recording's first frame: --start when given, else the container's creation_time; never 1970.
struct RecordingStart {
  std::int64_t ms = 0;
  std::string origin;
};

RecordingStart recording_start(const std::string& spec, const std::string& given) {
  if (!given.empty()) return {parse_start_time(given), "--start"};
  if (const auto created = vision::recording_creation_time(spec)) {
    if (const auto ms = parse_instant_ms(*created)) return {*ms, "the file's creation_time; --start overrides it"};
  }
  throw std::runtime_error(spec + ": the recording does not say when it was made; give the time of its first frame, "
                                  "e.g. --start 2026-11-23T09:00:00+01:00");
}

}  // namespace

int run_count_command(const CountCommand& command) {
  const AppConfig config = resolve_config(command.common.config, command.common.db);
  CountingSetup setup;
  setup.camera = config.camera;
  if (!command.source.empty()) setup.camera.source = command.source;
  if (!command.detector.empty()) setup.camera.detector = command.detector;
  if (!command.model.empty()) setup.camera.model = command.model;
  setup.source_options.fps_override = command.fps;
  if (vision::source_kind(setup.camera.source) == vision::SourceKind::Recording) {
    const RecordingStart start = recording_start(setup.camera.source, command.start);
    setup.source_options.start_time_ms = start.ms;
    std::cerr << "first frame at " << format_instant_utc(start.ms) << " (" << start.origin << ")\n";
  } else if (!command.start.empty()) {
    setup.source_options.start_time_ms = parse_start_time(command.start);
  }
  setup.max_seconds = command.seconds;
  // A synthetic door stamped with today's clock stands in for a camera: paced like one, and its
  // downtime recorded like one.
  const bool synthetic_camera =
      vision::source_kind(setup.camera.source) == vision::SourceKind::Synthetic && command.start.empty();
  if (synthetic_camera) setup.source_options.realtime = true;

  auto source = vision::open_source(setup.camera.source, setup.source_options);
  const bool live = synthetic_camera || source->is_live();
  data::Store store(config.database.string());
  if (live) {
    try {
      record_downtime(store, setup.camera.door, wall_clock_ms(), kMinDowntimeMs, "count not running");
    } catch (const std::exception& error) {
      std::fprintf(stderr, "downtime not recorded: %s\n", error.what());
    }
  }
  data::CountEventWriter writer(config.database.string());
  const bool show_progress = !command.quiet && isatty(STDERR_FILENO) != 0;

  std::string heartbeat_error;
  const auto heartbeat = [&] {
    try {
      store.set_camera_up(setup.camera.door, wall_clock_ms());
      heartbeat_error.clear();
    } catch (const std::exception& error) {
      // A full or read-only disk: the events wait in the writer's buffer; the next beat retries.
      if (heartbeat_error != error.what()) std::fprintf(stderr, "heartbeat not stored: %s\n", error.what());
      heartbeat_error = error.what();
    }
  };
  // A recording covers its own frames' times, not the wall clock's: that span is what it counted.
  std::optional<std::int64_t> first_frame_ms;
  std::int64_t last_frame_ms = 0;
  const auto record_span = [&] {
    if (!first_frame_ms) return;
    try {
      store.add_recording_span(setup.camera.door, *first_frame_ms, last_frame_ms);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "counted span not stored: %s\n", error.what());
    }
  };
  auto next_heartbeat = std::chrono::steady_clock::now();
  CountingLoop loop(setup);
  loop.on_frame = [&](const vision::Frame& frame, const vision::PeopleCounter&, const CountingProgress&) {
    if (!first_frame_ms) first_frame_ms = frame.timestamp_ms;
    last_frame_ms = frame.timestamp_ms;
    const auto now = std::chrono::steady_clock::now();
    if (now < next_heartbeat) return;
    next_heartbeat = now + kHeartbeatInterval;
    if (live) {
      heartbeat();
    } else {
      record_span();
    }
  };
  loop.on_crossing = [&](const vision::Crossing& crossing) {
    writer.push(to_count_event(crossing, setup.camera.door));
    if (command.json) {
      const nlohmann::json line = {{"time_ms", crossing.timestamp_ms},
                                   {"frame", crossing.frame_index},
                                   {"door", setup.camera.door},
                                   {"direction", vision::to_string(crossing.direction)},
                                   {"track", crossing.track_id},
                                   {"confidence", crossing.confidence}};
      std::cout << line.dump() << "\n" << std::flush;
    }
  };
  loop.on_gap = [&](std::int64_t start_ms, std::int64_t end_ms, const std::string& reason) {
    writer.flush();
    store.add_camera_gap({setup.camera.door, start_ms, end_ms, reason});
  };
  loop.on_progress = [&](const CountingProgress& progress) {
    if (!show_progress) return;
    std::fprintf(stderr, "\rframes %lld  %.0f fps  in %lld  out %lld   ", static_cast<long long>(progress.frames),
                 progress.fps, static_cast<long long>(progress.entries), static_cast<long long>(progress.exits));
  };
  const CountingProgress result = loop.run(std::move(source));
  writer.flush();
  if (live) {
    heartbeat();
  } else {
    record_span();
  }
  if (show_progress) std::fputc('\n', stderr);
  if (!command.json) {
    std::cout << "counted " << result.entries << " in, " << result.exits << " out over " << result.frames
              << " frames (" << static_cast<int>(result.fps) << " fps) from " << loop.source_description() << "\n";
  }
  return 0;
}

}  // namespace footfall::app
