#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace footfall::app {

// Options every data-touching subcommand takes.
struct CommonOptions {
  std::string db;
  std::string config;
};

struct KioskCommand {
  CommonOptions common;
  std::string source;  // overrides the config's camera
  bool fullscreen = false;
  bool windowed = false;
  std::string language;
  std::string screenshot;
  double after_s = 3.0;
  bool demo = false;
  bool set_pin = false;
  std::string screen;  // "settings": open it at start (for screenshots)
  std::string import_file;  // imported at start as if dropped on the window
  bool restore_if_damaged = false;  // a damaged database is replaced by the newest backup without asking
};

struct CountCommand {
  CommonOptions common;
  std::string source;
  std::string detector;
  std::string model;
  std::string start;  // ISO time of the first frame, for files
  std::optional<double> fps;
  std::optional<double> seconds;
  bool json = false;
  bool quiet = false;
};

struct AuditCommand {
  CommonOptions common;
  std::string source;
  double minutes = 10.0;
  std::string to;  // folder; default: audits/ beside the database
};

struct ImportCommand {
  CommonOptions common;
  std::vector<std::string> files;
  std::string profile = "auto";
  std::string profile_file;
  std::string date;
  std::string default_time;  // HH:MM for rows with a day and no time
  std::string currency;      // ISO code for exports that name none
  bool dry_run = false;
  bool skip_bad_rows = false;
  std::string reject_file;
  bool guess = false;
};

struct ReportCommand {
  CommonOptions common;
  std::string kind;             // day, range or contest
  std::string period = "week";  // contest: week or month
  std::string date;
  std::string from;
  std::string to;
  std::string by = "day";
  std::string format = "text";
  std::string output;
  std::string language;
};

struct StoreCommand {
  CommonOptions common;
  bool set = false;  // false: show
  std::string key;
  std::string value;
};

struct EvalCommand {
  std::vector<std::string> truth_files;
  std::string detector;
  std::string model;
  bool json = false;
  std::string debug_dir;
};

struct BenchCommand {
  CommonOptions common;
  std::vector<std::string> only;
  bool quick = false;
};

struct BackupCommand {
  CommonOptions common;
  std::string to;       // backup: the target file; default backups/footfall-DATE.db beside the database
  std::string from;     // restore: the backup; default the newest
  bool restore = false;
};

// footfall sync: push this kiosk's data to the chain's central PostgreSQL. Empty options come
// from the config's [chain] section.
struct SyncCommand {
  CommonOptions common;
  std::string server;
  std::string store_code;
  std::string credentials;
  std::int64_t batch_rows = 0;  // 0: data::chain::SyncOptions's default
  bool status = false;  // only say what waits, from the local database
};

// footfall chain migrate | add-store | report: the head office's side.
struct ChainCommand {
  CommonOptions common;
  std::string kind;  // migrate, add-store, report
  std::string server;
  std::string credentials;
  std::string code;
  std::string region;
  std::string from;
  std::string to;
  std::string by = "store";
  std::string format = "text";
  std::string output;
};

int run_sync_command(const SyncCommand& command);
int run_chain_command(const ChainCommand& command);
int run_backup_command(const BackupCommand& command);
int run_kiosk_command(const KioskCommand& command);
int run_count_command(const CountCommand& command);
int run_audit_command(const AuditCommand& command);
int run_import_command(const ImportCommand& command);
int run_report_command(const ReportCommand& command);
int run_eval_command(const EvalCommand& command);
int run_store_command(const StoreCommand& command);
int run_bench_command(const BenchCommand& command);

}  // namespace footfall::app
