#pragma once
#include "delivery/mail.hpp"
#include "footfall/vision/types.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace footfall::app {

struct CameraConfig {
  std::string source = "synthetic";
  std::string door = "main";
  std::string detector = "auto";
  std::string model;
  vision::View view = vision::View::Overhead;
  vision::CountingLine line;
};

// [reports] email_to and friends: the end-of-day report goes to these owners by e-mail.
struct ReportMail {
  std::vector<std::string> to;  // empty = no e-mail
  std::string from;             // default footfall@<this machine's name>
  SmtpSettings smtp;
};

// [chain]: the central PostgreSQL this kiosk syncs to (footfall sync, the kiosk's sync worker).
struct ChainConfig {
  std::string server;                 // libpq URL, no password in it; empty = not in a chain
  std::string store_code;             // this store's code on the server
  std::filesystem::path credentials;  // libpq password file, chmod 600; empty = PGPASSFILE or ~/.pgpass
  int interval_minutes = 15;          // the kiosk's sync period
};

struct AppConfig {
  std::filesystem::path database;
  CameraConfig camera;
  std::filesystem::path watch_folder;
  bool fullscreen = false;
  std::string language = "en";
  std::string admin_pin_hash;
  std::filesystem::path reports_folder;
  std::string reports_command;
  ReportMail report_mail;
  ChainConfig chain;
};

// Reads a TOML config; throws std::runtime_error naming the file, line and key at fault.
AppConfig load_config(const std::filesystem::path& path);

// The config the user named, else the default one shipped in assets/.
AppConfig resolve_config(const std::string& config_path, const std::string& db_override);

// Writes the kiosk-editable settings (camera, import folder, language) of `config` to `target`,
// keeping the other keys of `base` (the file the kiosk started with; may be `target` or absent):
// the database, PIN hash and reports stay as the manager wrote them.
// Comments are not kept. Atomic and owner-only (the file holds the admin PIN hash).
void save_config(const std::filesystem::path& target, const std::filesystem::path& base, const AppConfig& config);

// The user's own config: $XDG_CONFIG_HOME/footfall/config.toml (or ~/.config/...). Read when no
// --config is given and it exists; the kiosk saves its settings there in that case.
std::filesystem::path user_config_path();

// Where the bundled assets are: $FOOTFALL_ASSETS, beside the binary, or the source tree.
std::filesystem::path assets_dir();

// The person detector shipped in assets/models, used for angled views when no model is configured.
std::filesystem::path shipped_model_path();

// Where the daily backups go: backups/ beside the database.
std::filesystem::path backups_folder(const std::filesystem::path& database);
// Where audit clips go unless the owner names another folder: audits/ beside the database.
std::filesystem::path default_audit_folder(const std::filesystem::path& database);

// `configured` when set, else the shipped model: what the counter loads for "model = \"\"".
std::string model_or_shipped(const std::string& configured);

}  // namespace footfall::app
