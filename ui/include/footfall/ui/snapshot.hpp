#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "footfall/data/metrics/contest.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/pos/import_failure.hpp"

namespace footfall::ui {

struct Point {
  float x = 0.F;  // fractions of the camera image
  float y = 0.F;
};

// The counting line as the screen shows and edits it: vision::CountingLine's shape without OpenCV
// (src/kiosk/line_view.hpp converts, the one place that does).
struct LineView {
  Point a;
  Point b;
  Point inside;  // a point on the shop's side
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
  std::uint64_t sequence = 0;  // changes with every new frame, so the texture is re-uploaded only then
  LineView line;
  std::vector<TrackBox> tracks;
  std::int64_t last_crossing_ms = 0;  // for a short flash on each counted crossing
  bool last_crossing_in = true;
  double fps = 0.0;
  std::int64_t frame_age_ms = 0;
  CameraState state = CameraState::Starting;
  std::string message;
  std::int64_t live_in = 0;  // counted since start, before the store refresh catches up
  std::int64_t live_out = 0;
};

// One of the first transactions of a file being imported, shown before anything is written.
struct ImportPreviewRow {
  std::int64_t time_ms = 0;
  std::string kind;        // "sale", "refund", "void", "cancelled"
  std::int64_t total = 0;  // minor units, signed
  std::string currency;
  std::string seller;
  std::string pos_id;
};

// The outcome of one file, as numbers: the panel words it in the screen's language.
struct ImportOutcome {
  std::string file;
  bool imported = false;  // false: rejected, nothing written
  bool from_watch_folder = false;
  std::int64_t time_ms = 0;  // when it finished
  std::int64_t rows = 0;
  std::int64_t transactions = 0;
  std::int64_t added = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t rejected_rows = 0;
  std::string first_rejection;     // "file:line: column "X": reason", or the error
  std::string store_currency_set;  // the first import gave the store its currency: which one
  data::ImportFailure failure = data::ImportFailure::Other;  // why a refused file was refused
};

struct ImportView {
  bool running = false;
  double progress = 0.0;
  std::string file;
  std::string path;  // the file's full path, to import it again with another profile
  std::string profile;
  std::vector<std::string> profiles;  // the POS exports it can read by name ("square-items", …)
  std::vector<std::string> lines;     // result or rejected lines with reasons
  bool failed = false;
  std::vector<ImportPreviewRow> preview;  // the first transactions, as soon as they are read
  bool has_outcome = false;               // `outcome` describes the file above
  ImportOutcome outcome;
  std::vector<ImportOutcome> watch_folder;  // recent watch-folder files, newest first
};

struct ShiftView {
  std::string name;
  int weekday_mask = 0x7F;  // bit 0 = Monday
  int start_minutes = 0;    // local time
  int end_minutes = 0;
};

struct RosterView {
  std::string seller;
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  int start_minutes = 0;  // local time of day, for display
  int end_minutes = 0;
};

// The audit clip asked for on the settings screen: the one time camera frames reach the disk.
struct AuditView {
  bool recording = false;
  bool waiting = false;      // asked for; starts with the camera's next frame
  std::string clip;          // the file being written, or the last one written
  std::int64_t ends_ms = 0;  // camera time at which the clip ends, while recording
  std::int64_t frames = 0;   // of the last clip written
  std::string error;         // why the last one could not be written, naming the file
};

// What the first-run set-up collects; the runtime stores it and from then on the settings need the PIN.
struct StoreSetup {
  std::string language;
  std::string store_name;
  std::string time_zone;
  std::string currency;
  data::WeekHours opening_hours{};
  std::string admin_pin_hash;
};

enum class SettingsStatus { None, Saved, SavedInMemory, Failed };

// Current values the settings screen starts from, published by the runtime.
struct SettingsView {
  bool loaded = false;
  std::string camera_source;
  std::string detector = "auto";  // auto, background, dnn, hog
  std::string model;
  std::string door = "main";
  std::string watch_folder;
  std::string audit_folder;  // where audit clips go unless the form says otherwise
  std::string language = "en";
  std::string store_name;
  std::string currency;  // empty: not set yet, the first import sets it
  data::WeekHours opening_hours{};
  std::string time_zone = "UTC";
  int cutoff_minutes = 0;
  std::vector<ShiftView> shifts;
  std::vector<std::string> sellers;
  std::vector<RosterView> roster_today;
  std::string config_path;           // where config-file settings are written; empty = kept in memory
  bool setup_needed = false;         // no admin PIN yet on a kiosk that keeps its settings: the set-up runs
  std::string system_time_zone;      // the machine's zone, to pre-fill the set-up
  std::uint64_t status_version = 0;  // changes with every save the runtime finished
  SettingsStatus status = SettingsStatus::None;
  std::string status_detail;  // the error, for Failed
};

// What the settings screen saves in one go; roster changes go separately.
struct SettingsEdit {
  std::string camera_source;
  std::string detector;
  std::string model;
  std::string door;
  std::string watch_folder;
  std::string store_name;
  std::string currency;
  data::WeekHours opening_hours{};
  std::string time_zone;
  int cutoff_minutes = 0;
  std::vector<ShiftView> shifts;
};

// Which worker a warning on the status bar comes from; each source has at most one at a time.
enum class WarningSource { Storage, Backup, Reports, Chain };

struct WorkerWarning {
  WarningSource source = WarningSource::Storage;
  std::string detail;  // the worker's words, e.g. "disk I/O error (12 counts waiting in memory)"
};

// Replaces `source`'s warning by `detail`, as the newest; an empty detail clears it.
void set_warning(std::vector<WorkerWarning>& warnings, WarningSource source, std::string detail);
// How the status bar says it: "storage: ...", "backup: ...", "reports: ...", "chain: ...".
std::string warning_text(const WorkerWarning& warning);

// Everything one frame of the kiosk draws. Workers build a new one; the UI only reads.
struct KioskSnapshot {
  std::string store_name;
  std::string time_zone = "UTC";  // the store's IANA zone: clocks on screen are the shop's, not the machine's
  std::int64_t clock_offset_ms = 0;  // added to the wall clock; only the demo sets it
  std::string currency = "EUR";
  std::int64_t now_ms = 0;
  std::shared_ptr<const data::DaySummary> today;
  std::shared_ptr<const data::DaySummary> last_week;  // same weekday last week, whole day (chart outline)
  std::shared_ptr<const data::SellerContest> contest;  // this week's seller contest, up to today
  std::int64_t occupancy = 0;
  std::shared_ptr<const CameraView> camera;
  ImportView import;
  std::vector<WorkerWarning> warnings;  // storage, backup and report faults, oldest first
  std::string worker_error;
  SettingsView settings;
  AuditView audit;
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
  // `profile`: "auto" (recognised by its columns) or a name from ImportView::profiles.
  std::function<void(const std::string& path, const std::string& profile)> import_file;
  std::function<void(const std::string& language)> set_language;
  std::function<void(const LineView& line)> set_line;
  // Settings (behind the PIN). The runtime checks again and reports through SettingsView::status.
  std::function<void(const SettingsEdit& edit)> save_settings;
  std::function<bool(const std::string& zone)> is_time_zone;  // against the tz database
  std::function<void(const std::string& seller, int start_minutes, int end_minutes)> add_roster_today;
  std::function<void(const RosterView& entry)> remove_roster;
  // An audit clip of `seconds` into `folder`, from the next camera frame; stop ends it early.
  std::function<void(double seconds, const std::string& folder)> start_audit;
  std::function<void()> stop_audit;
  std::function<void(const StoreSetup& setup)> complete_setup;
};

}  // namespace footfall::ui
