#include "scratch_path.hpp"
#include "footfall/data/store/backup.hpp"
#include "footfall/data/store/store.hpp"
#include "store/connection.hpp"  // data/src: raw SQL on the store under test

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace footfall::data;

namespace {
fs::path fresh_dir(const std::string& name) {
  const auto dir = footfall::testing::scratch_path("footfall-backup-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
std::int64_t count_events(const fs::path& db) {
  Store store(db.string());
  return footfall::data::testing::connection(store)
      .execAndGet("SELECT count(*) FROM count_events")
      .getInt64();
}
}  // namespace

TEST_CASE("backup: an online copy holds the data and is owner-only") {
  const auto dir = fresh_dir("copy");
  const auto db = dir / "footfall.db";
  {
    Store store(db.string());
    store.add_count_events({{1'000, "main", true, 1, 1.F}, {2'000, "main", false, 1, 1.F}});
  }
  backup_database(db, dir / "copy.db");
  CHECK(count_events(dir / "copy.db") == 2);
  CHECK(check_database(dir / "copy.db").empty());
  struct stat info {};
  REQUIRE(::stat((dir / "copy.db").c_str(), &info) == 0);
  CHECK((info.st_mode & 0077U) == 0);
}

TEST_CASE("backup: one a day, the newest fourteen kept") {
  const auto dir = fresh_dir("rotate");
  const auto db = dir / "footfall.db";
  { Store store(db.string()); }
  for (int day = 1; day <= 20; ++day) {
    const std::string date = "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    CHECK_FALSE(daily_backup(db, dir / "backups", date).empty());
  }
  CHECK(daily_backup(db, dir / "backups", "2026-11-20").empty());  // already done today
  const auto backups = list_backups(dir / "backups");
  REQUIRE(backups.size() == 14);
  CHECK(backups.front().filename() == "footfall-2026-11-20.db");
  CHECK(backups.back().filename() == "footfall-2026-11-07.db");
}

TEST_CASE("backup: one taken by hand sorts among the daily ones by its time") {
  const auto dir = fresh_dir("manual");
  const auto db = dir / "footfall.db";
  { Store store(db.string()); }
  CHECK_FALSE(daily_backup(db, dir / "backups", "2026-11-20").empty());
  const auto manual = manual_backup_path(dir / "backups", 1'795'424'400'000);  // 2026-11-23 09:00 UTC
  CHECK(manual.filename() == "footfall-2026-11-23T090000Z.db");
  backup_database(db, manual);
  const auto backups = list_backups(dir / "backups");
  REQUIRE(backups.size() == 2);
  CHECK(backups.front() == manual);
}

TEST_CASE("backup: a damaged file is reported, and restore brings the last good copy back") {
  const auto dir = fresh_dir("restore");
  const auto db = dir / "footfall.db";
  {
    Store store(db.string());
    store.add_count_events({{1'000, "main", true, 1, 1.F}});
  }
  backup_database(db, dir / "good.db");
  {
    std::ofstream clobber(db, std::ios::binary | std::ios::in | std::ios::out);
    clobber.seekp(0);
    clobber << "this is not an SQLite file at all, the header is gone";
  }
  CHECK_FALSE(check_database(db).empty());
  restore_database(dir / "good.db", db);
  CHECK(check_database(db).empty());
  CHECK(count_events(db) == 1);
  CHECK_THROWS_WITH_AS(restore_database(dir / "missing.db", db), doctest::Contains("no such backup"),
                       std::runtime_error);
}
