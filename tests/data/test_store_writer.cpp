#include "footfall/data/store/count_writer.hpp"
#include "footfall/data/store/store.hpp"
#include "store/connection.hpp"  // data/src: raw SQL on the store under test
#include "test_store_support.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <thread>

namespace fs = std::filesystem;
using namespace footfall::data;

namespace {

struct WriterDir : footfall::data::testing::TempDir {
  [[nodiscard]] std::string file() const { return (path / "counts.db").string(); }
};

std::int64_t events_in(const std::string& file) {
  Store store(file);
  return footfall::data::testing::connection(store)
      .execAndGet("SELECT count(*) FROM count_events")
      .getInt64();
}

}  // namespace

TEST_CASE("store writer: flush commits pushed events and status reports them") {
  WriterDir dir;
  CountEventWriter writer(dir.file());
  for (int i = 0; i < 100; ++i) writer.push({1000 + i, "main", i % 3 != 0, i, 0.9F});
  CHECK(writer.flush());
  CHECK(events_in(dir.file()) == 100);
  const auto status = writer.status();
  CHECK(status.written == 100);
  CHECK(status.pending == 0);
  CHECK(status.dropped == 0);
  CHECK(status.last_error.empty());
  CHECK(status.last_commit_ms.has_value());
}

TEST_CASE("store writer: commits on its own within the interval, without flush") {
  WriterDir dir;
  CountEventWriter writer(dir.file(), {std::chrono::milliseconds{50}, 1000});
  writer.push({5000, "main", true, 1, 1.F});
  // Poll the writer's own status rather than asserting on a duration.
  for (int i = 0; i < 400 && writer.status().written == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds{10});
  }
  CHECK(writer.status().written == 1);
  CHECK(events_in(dir.file()) == 1);
}

TEST_CASE("store writer: destruction flushes what is left") {
  WriterDir dir;
  {
    CountEventWriter writer(dir.file(), {std::chrono::hours{1}, 1000});
    writer.push({1, "main", true, 1, 1.F});
    writer.push({2, "main", false, 2, 1.F});
  }
  CHECK(events_in(dir.file()) == 2);
}

TEST_CASE("store writer: a full buffer drops events but records the loss as a camera gap") {
  WriterDir dir;
  {
    CountEventWriter writer(dir.file(), {std::chrono::hours{1}, 3});
    for (int i = 0; i < 5; ++i) writer.push({10'000 + i * 1000, "main", true, i, 1.F});
    CHECK(writer.status().dropped == 2);
    CHECK(writer.status().pending == 3);
    CHECK(writer.flush());
  }
  Store store(dir.file());
  CHECK(
      footfall::data::testing::connection(store).execAndGet("SELECT count(*) FROM count_events").getInt64() ==
      3);
  const auto gaps = store.camera_gaps(0, 100'000);
  REQUIRE(gaps.size() == 1);
  CHECK(gaps[0].start_ms == 13'000);
  CHECK(gaps[0].end_ms == 14'001);
  CHECK(gaps[0].reason.find("buffer overflow") != std::string::npos);
}

TEST_CASE("store writer: a write error is reported and the events are kept for a retry") {
  WriterDir dir;
  const auto blocked = dir.path / "blocked";
  fs::create_directories(blocked / "counts.db");  // a folder where the database file should be
  CountEventWriter writer((blocked / "counts.db").string(), {std::chrono::milliseconds{20}, 100});
  writer.push({1, "main", true, 1, 1.F});
  CHECK_FALSE(writer.flush());
  const auto status = writer.status();
  CHECK_FALSE(status.last_error.empty());
  CHECK(status.pending == 1);
  CHECK(status.written == 0);

  fs::remove_all(blocked / "counts.db");  // the disk recovers: the kept event is written
  CHECK(writer.flush());
  CHECK(writer.status().last_error.empty());
  CHECK(writer.status().pending == 0);
  CHECK(events_in((blocked / "counts.db").string()) == 1);
}
