#pragma once
#include "footfall/data/metrics.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace footfall::ui {

struct Point {
  float x = 0.F;  // fractions of the camera image
  float y = 0.F;
};

struct TrackBox {
  int id = 0;
  Point top_left;
  Point bottom_right;
};

enum class CameraState { Starting, Ok, Frozen, Down };

// A downscaled camera frame with what the counter saw; owned by the snapshot, never written to disk.
struct CameraView {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
  std::uint64_t sequence = 0;        // changes with every new frame, so the texture is re-uploaded only then
  Point line_a;
  Point line_b;
  Point inside;
  std::vector<TrackBox> tracks;
  std::int64_t last_crossing_ms = 0;  // for a short flash on each counted crossing
  bool last_crossing_in = true;
  double fps = 0.0;
  std::int64_t frame_age_ms = 0;
  CameraState state = CameraState::Starting;
  std::string message;
  std::int64_t live_in = 0;          // counted since start, before the store refresh catches up
  std::int64_t live_out = 0;
};

struct ImportView {
  bool running = false;
  double progress = 0.0;
  std::string file;
  std::string profile;
  std::vector<std::string> lines;    // result or rejected lines with reasons
  bool failed = false;
};

// Everything one frame of the kiosk draws. Workers build a new one; the UI only reads.
struct KioskSnapshot {
  std::string store_name;
  std::string time_zone = "UTC";     // the store's IANA zone: clocks on screen are the shop's, not the machine's
  std::int64_t clock_offset_ms = 0;  // added to the wall clock; only the demo sets it
  std::string currency = "EUR";
  std::int64_t now_ms = 0;
  std::shared_ptr<const data::DaySummary> today;
  std::shared_ptr<const data::DaySummary> last_week;  // same weekday last week, whole day (chart outline)
  std::int64_t occupancy = 0;
  std::shared_ptr<const CameraView> camera;
  ImportView import;
  std::vector<std::string> warnings;  // storage faults, stale sales, ...
  std::string worker_error;
};

// Latest-value mailbox between worker threads and the UI thread.
class SnapshotHub {
 public:
  void publish_figures(std::shared_ptr<const data::DaySummary> today,
                       std::shared_ptr<const data::DaySummary> last_week);
  void publish_camera(std::shared_ptr<const CameraView> camera);
  void update(const std::function<void(KioskSnapshot&)>& change);
  [[nodiscard]] KioskSnapshot latest() const;
  [[nodiscard]] std::uint64_t version() const { return version_.load(); }
  void set_wake(std::function<void()> wake);  // e.g. glfwPostEmptyEvent

 private:
  void changed();
  mutable std::mutex mutex_;
  KioskSnapshot snapshot_;
  std::atomic<std::uint64_t> version_{0};
  std::function<void()> wake_;
};

// What the screen asks the workers to do.
struct KioskIntents {
  std::function<void(const std::string& path)> import_file;
  std::function<void(const std::string& language)> set_language;
  std::function<void(Point a, Point b, Point inside)> set_line;
};

struct KioskOptions {
  bool fullscreen = false;
  int width = 1920;
  int height = 1080;
  std::string language = "en";
  std::string screenshot_path;     // render, save a PNG and exit
  double screenshot_after_s = 3.0;
  std::string admin_pin_hash;      // salted hash; empty = no PIN set
  std::string font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::string bold_font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
};

// Runs the window until closed (or until the screenshot is saved). Returns the process exit code.
int run_kiosk(const KioskOptions& options, SnapshotHub& hub, const KioskIntents& intents);

// Renders `frames` frames in a window under the current display and returns the mean frame time (ms),
// for `footfall bench`; the camera texture is re-uploaded every frame, as with a live camera.
// Throws std::runtime_error when no window can be created.
double measure_frame_ms(const KioskOptions& options, SnapshotHub& hub, int frames);

// Admin PIN as stored in KioskOptions::admin_pin_hash: "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>".
std::string hash_admin_pin(const std::string& pin);
bool verify_admin_pin(const std::string& pin, const std::string& stored_hash);

}  // namespace footfall::ui
