#include "commands.hpp"
#include "config.hpp"
#include "counting_loop.hpp"
#include "dates.hpp"

#include "footfall/vision/audit_clip.hpp"

#include <chrono>
#include <iostream>

namespace footfall::app {
namespace {

constexpr std::chrono::hours kAuditClipLifetime{7 * 24};

std::string file_stamp(std::int64_t ms) {
  std::string stamp = format_instant_utc(ms);  // 2026-11-23T09:00:00Z
  std::erase(stamp, ':');
  return stamp;
}

}  // namespace

int run_audit_command(const AuditCommand& command) {
  const AppConfig config = resolve_config(command.common.config, command.common.db);
  CountingSetup setup;
  setup.camera = config.camera;
  if (!command.source.empty()) setup.camera.source = command.source;
  setup.max_seconds = command.minutes * 60.0;
  const std::int64_t started_ms = wall_clock_ms();
  // An audit compares the counter with what a person sees now: a recording or the synthetic door is
  // stamped from now too (a camera keeps its own clock), and runs at full speed.
  setup.source_options.start_time_ms = started_ms;

  const std::filesystem::path folder =
      command.to.empty() ? config.database.parent_path() / "audits" : std::filesystem::path(command.to);
  std::filesystem::create_directories(folder);
  for (const auto& old : vision::remove_expired_audit_clips(folder, kAuditClipLifetime)) {
    std::cerr << "deleted the audit clip " << old.string() << " (older than 7 days)\n";
  }
  auto source = vision::open_source(setup.camera.source, setup.source_options);
  vision::AuditClipWriter clip(vision::audit_clip_path(folder, file_stamp(started_ms)), source->fps());
  std::cerr << "Recording camera frames to disk for this audit only: " << clip.path().string() << "\n"
            << "It is deleted after 7 days unless " << clip.path().string() << ".keep exists.\n";

  CountingLoop loop(setup);
  loop.on_frame = [&](const vision::Frame& frame, const vision::PeopleCounter& counter, const CountingProgress& progress) {
    clip.add(frame, counter, progress.entries, progress.exits);
  };
  const CountingProgress result = loop.run(std::move(source));
  std::cout << "audit clip " << clip.path().string() << ": " << clip.frames() << " frames, counted " << result.entries
            << " in and " << result.exits << " out. Watch it, count the people crossing the yellow line yourself, and "
            << "compare; these counts are not stored.\n";
  return 0;
}

}  // namespace footfall::app
