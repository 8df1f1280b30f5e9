#include "kiosk/audit_recorder.hpp"
#include "commands/commands.hpp"
#include "config/config.hpp"
#include "counting/counting_loop.hpp"
#include "time/dates.hpp"

#include "footfall/vision/audit_clip.hpp"

#include <iostream>
#include <stdexcept>

namespace footfall::app {

int run_audit_command(const AuditCommand& command) {
  const AppConfig config = resolve_config(command.common.config, command.common.db);
  CountingSetup setup;
  setup.camera = config.camera;
  if (!command.source.empty()) setup.camera.source = command.source;
  setup.max_seconds = command.minutes * 60.0;
  // An audit compares the counter with what a person sees now: a recording or the synthetic door is
  // stamped from now too (a camera keeps its own clock), and runs at full speed.
  setup.source_options.start_time_ms = wall_clock_ms();

  const std::filesystem::path folder = command.to.empty() ? default_audit_folder(config.database) : std::filesystem::path(command.to);
  std::filesystem::create_directories(folder);
  for (const auto& old : vision::remove_expired_audit_clips(folder, vision::kAuditClipLifetime)) {
    std::cerr << "deleted the audit clip " << old.string() << " (older than 7 days)\n";
  }
  auto source = vision::open_source(setup.camera.source, setup.source_options);
  AuditRecorder recorder([](const AuditRecorder::Status& status) {
    if (status.recording) {
      std::cerr << "Recording camera frames to disk for this audit only: " << status.clip.string() << "\n"
                << "It is deleted after 7 days unless " << status.clip.string() << ".keep exists.\n";
    }
  });
  recorder.request(*setup.max_seconds, folder);

  CountingLoop loop(setup);
  loop.on_frame = [&](const vision::Frame& frame, const vision::PeopleCounter& counter, const CountingProgress& progress) {
    recorder.add(frame, counter, progress);
  };
  const CountingProgress result = loop.run(std::move(source));
  recorder.finish();
  const AuditRecorder::Status status = recorder.status();
  if (!status.error.empty()) throw std::runtime_error(status.error);
  std::cout << "audit clip " << status.clip.string() << ": " << status.frames << " frames, counted " << result.entries
            << " in and " << result.exits << " out. Watch it, count the people crossing the yellow line yourself, and "
            << "compare; these counts are not stored.\n";
  return 0;
}

}  // namespace footfall::app
