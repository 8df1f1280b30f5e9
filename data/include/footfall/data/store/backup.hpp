#pragma once
#include "footfall/data/types.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace footfall::data {

// PRAGMA quick_check; empty when the file is sound, else SQLite's findings.
std::string check_database(const std::filesystem::path& database);

// An online copy with SQLite's backup API (safe while the kiosk writes), created owner-only.
// Throws std::runtime_error naming the file.
void backup_database(const std::filesystem::path& database, const std::filesystem::path& target);

// footfall-YYYY-MM-DD.db in `folder`, at most once a day, keeping the newest `keep`.
// Returns the file written, or empty when today's backup exists already.
std::filesystem::path daily_backup(const std::filesystem::path& database, const std::filesystem::path& folder,
                                   const std::string& business_date, int keep = 14);

// footfall-YYYY-MM-DDTHHMMSSZ.db in `folder` for a backup taken by hand at `now_ms` (UTC): the same
// prefix as the daily ones, so that list_backups and restore find it in date order.
std::filesystem::path manual_backup_path(const std::filesystem::path& folder, std::int64_t now_ms);

std::vector<std::filesystem::path> list_backups(const std::filesystem::path& folder);  // newest first

// Checks the backup first, then replaces the database (and drops its WAL files).
void restore_database(const std::filesystem::path& backup, const std::filesystem::path& database);

}  // namespace footfall::data
