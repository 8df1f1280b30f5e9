#include "commands.hpp"
#include "config.hpp"
#include "counting_loop.hpp"
#include "dates.hpp"

#include "footfall/data/count_writer.hpp"
#include "footfall/data/store.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace footfall::app {
namespace {

std::int64_t parse_start_time(const std::string& text) {
  if (const auto time = parse_instant_ms(text)) return *time;
  throw std::runtime_error("--start: cannot read \"" + text + "\" as a time; use e.g. 2026-11-23T09:00:00Z");
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
  if (!command.start.empty()) setup.source_options.start_time_ms = parse_start_time(command.start);
  setup.max_seconds = command.seconds;

  data::Store store(config.database.string());
  data::CountEventWriter writer(config.database.string());
  const bool show_progress = !command.quiet && isatty(STDERR_FILENO) != 0;

  CountingLoop loop(setup);
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
  const CountingProgress result = loop.run();
  writer.flush();
  if (show_progress) std::fputc('\n', stderr);
  if (!command.json) {
    std::cout << "counted " << result.entries << " in, " << result.exits << " out over " << result.frames
              << " frames (" << static_cast<int>(result.fps) << " fps) from " << loop.source_description() << "\n";
  }
  return 0;
}

}  // namespace footfall::app
