#include "config.hpp"

#include "footfall/data/store.hpp"

#include <toml++/toml.h>

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

}  // namespace

AppConfig load_config(const std::filesystem::path& path) {
  toml::table table;
  try {
    table = toml::parse_file(path.string());
  } catch (const toml::parse_error& error) {
    std::ostringstream message;
    message << path.string() << ":" << error.source().begin.line << ": " << error.description();
    throw std::runtime_error(message.str());
  }
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
  return config;
}

std::filesystem::path assets_dir() {
  if (const char* env = std::getenv("FOOTFALL_ASSETS"); env != nullptr && *env != '\0') return env;
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const auto installed = self.parent_path().parent_path() / "share" / "footfall" / "assets";
    if (std::filesystem::exists(installed / "config.toml")) return installed;
  }
  return FOOTFALL_SOURCE_ASSETS;
}

AppConfig resolve_config(const std::string& config_path, const std::string& db_override) {
  AppConfig config =
      load_config(config_path.empty() ? assets_dir() / "config.toml" : std::filesystem::path(config_path));
  if (!db_override.empty()) config.database = db_override;
  if (config.database.empty()) config.database = data::default_database_path();
  return config;
}

}  // namespace footfall::app
