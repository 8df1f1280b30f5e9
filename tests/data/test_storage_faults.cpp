// Storage faults injected under SQLite itself: a VFS that forwards to the real one but, while the
// "disk" is full, fails every write and sync with SQLITE_FULL, as a full partition does.
#include "footfall/data/store/count_writer.hpp"
#include "footfall/data/store/store.hpp"
#include "store/connection.hpp"  // data/src: raw SQL on the store under test
#include "test_store_support.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <atomic>
#include <cstring>

using namespace footfall::data;

namespace {

std::atomic<bool> disk_full{false};
sqlite3_vfs* real_vfs = nullptr;

struct FaultyFile {
  sqlite3_file base;
  sqlite3_file* real;
};

sqlite3_file* real_of(sqlite3_file* file) { return reinterpret_cast<FaultyFile*>(file)->real; }

int faulty_close(sqlite3_file* file) {
  auto* real = real_of(file);
  const int rc = real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
  return rc;
}
int faulty_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  return real_of(file)->pMethods->xRead(real_of(file), buffer, amount, offset);
}
int faulty_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
  if (disk_full) return SQLITE_FULL;
  return real_of(file)->pMethods->xWrite(real_of(file), buffer, amount, offset);
}
int faulty_truncate(sqlite3_file* file, sqlite3_int64 size) {
  return real_of(file)->pMethods->xTruncate(real_of(file), size);
}
int faulty_sync(sqlite3_file* file, int flags) {
  if (disk_full) return SQLITE_FULL;
  return real_of(file)->pMethods->xSync(real_of(file), flags);
}
int faulty_file_size(sqlite3_file* file, sqlite3_int64* size) {
  return real_of(file)->pMethods->xFileSize(real_of(file), size);
}
int faulty_lock(sqlite3_file* file, int level) { return real_of(file)->pMethods->xLock(real_of(file), level); }
int faulty_unlock(sqlite3_file* file, int level) { return real_of(file)->pMethods->xUnlock(real_of(file), level); }
int faulty_check_lock(sqlite3_file* file, int* out) {
  return real_of(file)->pMethods->xCheckReservedLock(real_of(file), out);
}
int faulty_control(sqlite3_file* file, int op, void* arg) {
  return real_of(file)->pMethods->xFileControl(real_of(file), op, arg);
}
int faulty_sector_size(sqlite3_file* file) { return real_of(file)->pMethods->xSectorSize(real_of(file)); }
int faulty_characteristics(sqlite3_file* file) {
  return real_of(file)->pMethods->xDeviceCharacteristics(real_of(file));
}
int faulty_shm_map(sqlite3_file* file, int page, int size, int extend, void volatile** out) {
  return real_of(file)->pMethods->xShmMap(real_of(file), page, size, extend, out);
}
int faulty_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
  return real_of(file)->pMethods->xShmLock(real_of(file), offset, n, flags);
}
void faulty_shm_barrier(sqlite3_file* file) { real_of(file)->pMethods->xShmBarrier(real_of(file)); }
int faulty_shm_unmap(sqlite3_file* file, int remove) {
  return real_of(file)->pMethods->xShmUnmap(real_of(file), remove);
}
int faulty_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
  return real_of(file)->pMethods->xFetch(real_of(file), offset, amount, out);
}
int faulty_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* pointer) {
  return real_of(file)->pMethods->xUnfetch(real_of(file), offset, pointer);
}

const sqlite3_io_methods faulty_methods = {
    3,           faulty_close,        faulty_read,          faulty_write,          faulty_truncate,
    faulty_sync, faulty_file_size,    faulty_lock,          faulty_unlock,         faulty_check_lock,
    faulty_control, faulty_sector_size, faulty_characteristics, faulty_shm_map,   faulty_shm_lock,
    faulty_shm_barrier, faulty_shm_unmap, faulty_fetch,  faulty_unfetch};

int faulty_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  auto* faulty = reinterpret_cast<FaultyFile*>(file);
  faulty->real = reinterpret_cast<sqlite3_file*>(faulty + 1);
  std::memset(faulty->real, 0, static_cast<std::size_t>(real_vfs->szOsFile));
  faulty->base.pMethods = nullptr;
  const int rc = real_vfs->xOpen(real_vfs, name, faulty->real, flags, out_flags);
  if (faulty->real->pMethods != nullptr) faulty->base.pMethods = &faulty_methods;
  (void)vfs;
  return rc;
}

// The default VFS for every connection opened while it lives, so the code under test is unchanged.
struct FaultyDiskVfs {
  sqlite3_vfs vfs{};
  FaultyDiskVfs() {
    real_vfs = sqlite3_vfs_find(nullptr);
    vfs = *real_vfs;
    vfs.zName = "footfall-faulty-disk";
    vfs.szOsFile = static_cast<int>(sizeof(FaultyFile)) + real_vfs->szOsFile;
    vfs.xOpen = faulty_open;
    sqlite3_vfs_register(&vfs, 1);
  }
  ~FaultyDiskVfs() {
    disk_full = false;
    sqlite3_vfs_unregister(&vfs);
    sqlite3_vfs_register(real_vfs, 1);
  }
  FaultyDiskVfs(const FaultyDiskVfs&) = delete;
  FaultyDiskVfs& operator=(const FaultyDiskVfs&) = delete;
};

std::int64_t events_in(const std::string& file) {
  Store store(file);
  return footfall::data::testing::connection(store)
      .execAndGet("SELECT count(*) FROM count_events")
      .getInt64();
}

}  // namespace

TEST_CASE("storage faults: a store survives a full disk and writes again once there is room") {
  const FaultyDiskVfs faulty_disk;
  const testing::TempDir dir;
  const auto file = (dir.path / "counts.db").string();
  Store store(file);
  std::vector<CountEvent> events;
  for (int i = 0; i < 2'000; ++i) events.push_back({1'000 + i, "main", true, i, 1.F});
  disk_full = true;
  CHECK_THROWS_WITH(store.add_count_events(events), doctest::Contains("full"));
  CHECK_THROWS_WITH(store.add_count_events(events), doctest::Contains("full"));  // the disk, not a stuck statement
  disk_full = false;
  store.add_count_events(events);
  CHECK(
      footfall::data::testing::connection(store).execAndGet("SELECT count(*) FROM count_events").getInt64() ==
      2'000);
}

TEST_CASE("storage faults: the count writer holds events through a full disk and loses none") {
  const FaultyDiskVfs faulty_disk;
  const testing::TempDir dir;
  const auto file = (dir.path / "counts.db").string();
  { Store create(file); }
  CountEventWriter writer(file, {std::chrono::milliseconds{20}, 100'000});
  writer.push({1, "main", true, 1, 1.F});
  REQUIRE(writer.flush());

  disk_full = true;
  for (int i = 0; i < 3'000; ++i) writer.push({1'000 + i, "main", i % 3 != 0, i, 1.F});
  CHECK_FALSE(writer.flush());
  CHECK_FALSE(writer.flush());
  const auto failing = writer.status();
  CHECK(failing.last_error.find("full") != std::string::npos);
  CHECK(failing.pending == 3'000);
  writer.push({9'000'000, "main", true, 7, 1.F});  // counting goes on meanwhile

  disk_full = false;
  CHECK(writer.flush());
  CHECK(writer.status().last_error.empty());
  CHECK(writer.status().pending == 0);
  CHECK(events_in(file) == 3'002);
  Store check(file);
  CHECK(footfall::data::testing::connection(check).execAndGet("PRAGMA quick_check").getString() == "ok");
  // The rollup agrees with the events: nothing was half-written by the failed attempts.
  CHECK(footfall::data::testing::connection(check)
            .execAndGet("SELECT sum(entries) + sum(exits) FROM count_rollup")
            .getInt64() == 3'002);
}
