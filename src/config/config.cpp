#include "config/config.hpp"

#include "footfall/data/atomic_file.hpp"
#include "footfall/data/chain/chain.hpp"

#include "footfall/data/store/store.hpp"

#include <toml++/toml.h>

#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace footfall::app {
namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const toml::source_region& where, const std::string& key,
                       const std::string& reason) {
  std::ostringstream message;
  message << file.string() << ":" << where.begin.line << ": " << key << ": " << reason;
  throw std::runtime_error(message.str());
}

std::string read_string(const toml::table& table, const std::filesystem::path& file, const std::string& section,
                        const std::string& key, const std::string& fallback) {
  const auto* node = table.at_path(section + "." + key).node();
  if (node == nullptr) return fallback;
  if (const auto* value = node->as_string()) return value->get();
  fail(file, node->source(), section + "." + key, "expected a string");
}

bool read_bool(const toml::table& table, const std::filesystem::path& file, const std::string& section,
               const std::string& key, bool fallback) {
  const auto* node = table.at_path(section + "." + key).node();
  if (node == nullptr) return fallback;
  if (const auto* value = node->as_boolean()) return value->get();
  fail(file, node->source(), section + "." + key, "expected true or false");
}

std::vector<float> read_fractions(const toml::table& table, const std::filesystem::path& file,
                                  const std::string& key, std::size_t count) {
  const auto* node = table.at_path("camera." + key).node();
  if (node == nullptr) return {};
  const auto* array = node->as_array();
  if (array == nullptr || array->size() != count) {
    fail(file, node->source(), "camera." + key, "expected " + std::to_string(count) + " numbers between 0 and 1");
  }
  std::vector<float> values;
  for (const auto& element : *array) {
    const auto number = element.value<double>();
    if (!number || *number < 0.0 || *number > 1.0) {
      fail(file, element.source(), "camera." + key, "expected numbers between 0 and 1");
    }
    values.push_back(static_cast<float>(*number));
  }
  return values;
}

std::filesystem::path relative_to(const std::filesystem::path& file, const std::string& value) {
  if (value.empty()) return {};
  std::filesystem::path path(value);
  return path.is_absolute() ? path : file.parent_path() / path;
}

std::string machine_name() {
  std::array<char, 256> name{};
  if (gethostname(name.data(), name.size() - 1) != 0 || name[0] == '\0') return "localhost";
  return name.data();
}

ReportMail read_report_mail(const toml::table& table, const std::filesystem::path& file) {
  ReportMail mail;
  const auto where = [&](const char* key) { return table.at_path(std::string("reports.") + key).node()->source(); };
  try {
    mail.to = parse_mail_addresses(read_string(table, file, "reports", "email_to", ""));
  } catch (const std::invalid_argument& error) {
    fail(file, where("email_to"), "reports.email_to", error.what());
  }
  mail.from = read_string(table, file, "reports", "email_from", "");
  if (mail.from.empty()) {
    mail.from = "footfall@" + machine_name();
  } else {
    bool one_address = false;
    try {
      one_address = parse_mail_addresses(mail.from).size() == 1;
    } catch (const std::invalid_argument&) {
    }
    if (!one_address) fail(file, where("email_from"), "reports.email_from", "expected one e-mail address");
  }
  mail.smtp.url = read_string(table, file, "reports", "smtp_url", "");
  mail.smtp.credentials_file = relative_to(file, read_string(table, file, "reports", "smtp_credentials", ""));
  if (!mail.smtp.url.empty() && !mail.smtp.url.starts_with("smtp://") && !mail.smtp.url.starts_with("smtps://")) {
    fail(file, where("smtp_url"), "reports.smtp_url", "expected smtp://host:port or smtps://host:port");
  }
  if (!mail.to.empty() && mail.smtp.url.empty()) {
    fail(file, where("email_to"), "reports.email_to", "needs reports.smtp_url, the mail server to send through");
  }
  return mail;
}

ChainConfig read_chain(const toml::table& table, const std::filesystem::path& file) {
  ChainConfig chain;
  chain.server = read_string(table, file, "chain", "server", "");
  chain.store_code = read_string(table, file, "chain", "store_code", "");
  chain.credentials = relative_to(file, read_string(table, file, "chain", "credentials", ""));
  if (data::chain::url_names_password(chain.server)) {
    fail(file, table.at_path("chain.server").node()->source(), "chain.server",
         "holds a password; put it in the credentials file (chmod 600) instead");
  }
  if (!chain.server.empty() && chain.store_code.empty()) {
    fail(file, table.at_path("chain.server").node()->source(), "chain.store_code",
         "needed with chain.server: this store's code on the server");
  }
  if (const auto* minutes = table.at_path("chain.interval_minutes").node()) {
    const auto value = minutes->value<std::int64_t>();
    if (!value || *value < 1 || *value > 1440) {
      fail(file, minutes->source(), "chain.interval_minutes", "expected a whole number of minutes, 1 to 1440");
    }
    chain.interval_minutes = static_cast<int>(*value);
  }
  return chain;
}

}  // namespace

namespace {

// A TOML file, or an error naming the file and line where it stops parsing.
toml::table parse_toml_file(const std::filesystem::path& path) {
  try {
    return toml::parse_file(path.string());
  } catch (const toml::parse_error& error) {
    std::ostringstream message;
    message << path.string() << ":" << error.source().begin.line << ": " << error.description();
    throw std::runtime_error(message.str());
  }
}

}  // namespace

AppConfig load_config(const std::filesystem::path& path) {
  toml::table table = parse_toml_file(path);
  AppConfig config;
  config.database = relative_to(path, read_string(table, path, "store", "database", ""));
  auto& camera = config.camera;
  camera.source = read_string(table, path, "camera", "source", camera.source);
  if (camera.source != "synthetic" && camera.source.find("://") == std::string::npos &&
      camera.source.find_first_not_of("0123456789") != std::string::npos && !camera.source.starts_with("synthetic:") &&
      !camera.source.starts_with("/dev/")) {
    camera.source = relative_to(path, camera.source).string();
  }
  camera.door = read_string(table, path, "camera", "door", camera.door);
  camera.detector = read_string(table, path, "camera", "detector", camera.detector);
  camera.model = relative_to(path, read_string(table, path, "camera", "model", "")).string();
  const auto view = read_string(table, path, "camera", "view", "overhead");
  if (view != "overhead" && view != "angled") {
    const auto* node = table.at_path("camera.view").node();
    fail(path, node->source(), "camera.view", "expected \"overhead\" or \"angled\", got \"" + view + "\"");
  }
  camera.view = view == "angled" ? vision::View::Angled : vision::View::Overhead;
  if (const auto line = read_fractions(table, path, "line", 4); !line.empty()) {
    camera.line.a = {line[0], line[1]};
    camera.line.b = {line[2], line[3]};
  }
  if (const auto inside = read_fractions(table, path, "inside", 2); !inside.empty()) {
    camera.line.inside = {inside[0], inside[1]};
  }
  config.watch_folder = relative_to(path, read_string(table, path, "import", "watch_folder", ""));
  config.fullscreen = read_bool(table, path, "kiosk", "fullscreen", false);
  config.language = read_string(table, path, "kiosk", "language", "en");
  if (config.language != "en" && config.language != "fr" && config.language != "ru") {
    const auto* node = table.at_path("kiosk.language").node();
    fail(path, node->source(), "kiosk.language", "expected en, fr or ru");
  }
  config.admin_pin_hash = read_string(table, path, "kiosk", "admin_pin_hash", "");
  config.reports_folder = relative_to(path, read_string(table, path, "reports", "folder", ""));
  config.reports_command = read_string(table, path, "reports", "command", "");
  config.report_mail = read_report_mail(table, path);
  config.chain = read_chain(table, path);
  return config;
}

std::filesystem::path assets_dir() {
  if (const char* env = std::getenv("FOOTFALL_ASSETS"); env != nullptr && *env != '\0') return env;
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    auto installed = self.parent_path().parent_path() / "share" / "footfall" / "assets";
    if (std::filesystem::exists(installed / "config.toml")) return installed;
  }
  return FOOTFALL_SOURCE_ASSETS;
}

std::filesystem::path shipped_model_path() {
  return assets_dir() / "models" / "yolo-fastest-body" / "yolo-fastest-1.1_body.weights";
}

std::filesystem::path backups_folder(const std::filesystem::path& database) {
  return database.parent_path() / "backups";
}

std::filesystem::path default_audit_folder(const std::filesystem::path& database) {
  return database.parent_path() / "audits";
}

std::string model_or_shipped(const std::string& configured) {
  return configured.empty() ? shipped_model_path().string() : configured;
}

AppConfig resolve_config(const std::string& config_path, const std::string& db_override) {
  std::filesystem::path path = config_path;
  if (path.empty()) path = std::filesystem::exists(user_config_path()) ? user_config_path() : assets_dir() / "config.toml";
  AppConfig config = load_config(path);
  if (!db_override.empty()) config.database = db_override;
  if (config.database.empty()) config.database = data::default_database_path();
  return config;
}

namespace {

toml::array fractions(std::initializer_list<float> values) {
  toml::array array;
  for (const float value : values) array.push_back(std::round(static_cast<double>(value) * 10000.0) / 10000.0);
  return array;
}

toml::table& section(toml::table& root, const char* name) {
  if (auto* existing = root[name].as_table()) return *existing;
  return *root.insert_or_assign(name, toml::table{}).first->second.as_table();
}

}  // namespace

void save_config(const std::filesystem::path& target, const std::filesystem::path& base, const AppConfig& config) {
  toml::table root;
  if (!base.empty() && std::filesystem::exists(base)) {
    root = parse_toml_file(base);
  }
  auto& camera = section(root, "camera");
  camera.insert_or_assign("source", config.camera.source);
  camera.insert_or_assign("door", config.camera.door);
  camera.insert_or_assign("detector", config.camera.detector);
  camera.insert_or_assign("model", config.camera.model);
  camera.insert_or_assign("view", config.camera.view == vision::View::Angled ? "angled" : "overhead");
  const auto& line = config.camera.line;
  camera.insert_or_assign("line", fractions({line.a.x, line.a.y, line.b.x, line.b.y}));
  camera.insert_or_assign("inside", fractions({line.inside.x, line.inside.y}));
  section(root, "import").insert_or_assign("watch_folder", config.watch_folder.string());
  auto& kiosk = section(root, "kiosk");
  kiosk.insert_or_assign("language", config.language);
  if (!config.admin_pin_hash.empty()) kiosk.insert_or_assign("admin_pin_hash", config.admin_pin_hash);

  std::ostringstream text;
  text << "# Footfall configuration, last written by the kiosk's settings screen.\n" << root << "\n";
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path());
  data::write_file_atomically(target, text.str(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

std::filesystem::path user_config_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "footfall" / "config.toml";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".config" / "footfall" / "config.toml";
  }
  return {};
}

}  // namespace footfall::app
