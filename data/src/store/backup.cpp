#include "footfall/data/store/backup.hpp"

#include "footfall/data/atomic_file.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <stdexcept>

namespace footfall::data {
namespace {

constexpr const char* kPrefix = "footfall-";

std::string quick_check(SQLite::Database& db) {
  SQLite::Statement check(db, "PRAGMA quick_check");
  std::string findings;
  while (check.executeStep()) {
    const std::string line = check.getColumn(0).getString();
    if (line != "ok") findings += (findings.empty() ? "" : "; ") + line;
  }
  return findings;
}

}  // namespace

std::string check_database(const std::filesystem::path& database) {
  try {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    return quick_check(db);
  } catch (const SQLite::Exception& error) {
    return error.what();
  }
}

void backup_database(const std::filesystem::path& database, const std::filesystem::path& target) {
  if (!std::filesystem::exists(database)) throw std::runtime_error(database.string() + ": no such database");
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path());
  data::replace_file_atomically(target, [&](const std::filesystem::path& partial) {
    std::filesystem::remove(partial);
    try {
      SQLite::Database source(database.string(), SQLite::OPEN_READONLY);
      SQLite::Database copy(partial.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      ::chmod(partial.c_str(), S_IRUSR | S_IWUSR);
      SQLite::Backup backup(copy, source);
      backup.executeStep();  // all pages at once
    } catch (const SQLite::Exception& error) {
      throw std::runtime_error(target.string() + ": backup failed: " + error.what());
    }
  });
}

std::filesystem::path manual_backup_path(const std::filesystem::path& folder, std::int64_t now_ms) {
  const std::time_t seconds = static_cast<std::time_t>(now_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H%M%SZ", &utc);
  return folder / (std::string(kPrefix) + stamp + ".db");
}

std::vector<std::filesystem::path> list_backups(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> backups;
  if (!std::filesystem::is_directory(folder)) return backups;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const auto name = entry.path().filename().string();
    if (name.starts_with(kPrefix) && entry.path().extension() == ".db") backups.push_back(entry.path());
  }
  // Names carry ISO dates, so the reverse name order is newest first.
  std::sort(backups.rbegin(), backups.rend());
  return backups;
}

std::filesystem::path daily_backup(const std::filesystem::path& database, const std::filesystem::path& folder,
                                   const std::string& business_date, int keep) {
  const auto target = folder / (kPrefix + business_date + ".db");
  if (std::filesystem::exists(target)) return {};
  std::filesystem::create_directories(folder);
  ::chmod(folder.c_str(), S_IRWXU);
  backup_database(database, target);
  const auto backups = list_backups(folder);
  for (std::size_t i = static_cast<std::size_t>(std::max(keep, 1)); i < backups.size(); ++i) {
    std::filesystem::remove(backups[i]);
  }
  return target;
}

void restore_database(const std::filesystem::path& backup, const std::filesystem::path& database) {
  if (!std::filesystem::exists(backup)) throw std::runtime_error(backup.string() + ": no such backup");
  if (const auto findings = check_database(backup); !findings.empty()) {
    throw std::runtime_error(backup.string() + ": the backup is damaged too: " + findings);
  }
  const std::filesystem::path partial = database.string() + ".restoring";
  std::filesystem::copy_file(backup, partial, std::filesystem::copy_options::overwrite_existing);
  ::chmod(partial.c_str(), S_IRUSR | S_IWUSR);
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(database.string() + suffix);
  std::filesystem::rename(partial, database);
}

}  // namespace footfall::data
