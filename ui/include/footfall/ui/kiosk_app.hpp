#pragma once
#include <string>

#include "footfall/ui/snapshot.hpp"

namespace footfall::ui {

// The kiosk's window: draws the hub's snapshots and sends the screen's intents, until closed.
struct KioskOptions {
  bool fullscreen = false;
  int width = 1920;
  int height = 1080;
  std::string language = "en";
  std::string screenshot_path;  // render, save a PNG and exit
  double screenshot_after_s = 3.0;
  std::string admin_pin_hash;  // salted hash; empty = no PIN set
  std::string font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::string bold_font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
  std::string
      open_screen;  // "settings", "tally", "contest" or "setup": open it at start (screenshots of them)
};

// Runs the window until closed (or until the screenshot is saved). Returns the process exit code.
int run_kiosk(const KioskOptions& options, SnapshotHub& hub, const KioskIntents& intents);

// Renders `frames` frames in a window under the current display and returns the mean frame time (ms),
// for `footfall bench`; the camera texture is re-uploaded every frame, as with a live camera.
// Throws std::runtime_error when no window can be created.
double measure_frame_ms(const KioskOptions& options, SnapshotHub& hub, int frames);

}  // namespace footfall::ui
