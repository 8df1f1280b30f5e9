#include "footfall/data/store/store.hpp"
#include "store/connection.hpp"  // data/src: raw SQL on the store under test
#include "test_store_support.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <vector>

namespace fs = std::filesystem;
using namespace footfall::data;

namespace {

using footfall::data::testing::TempDir;

Transaction sale(const std::string& pos_id, TimeMs time_ms, Money total) {
  auto t = footfall::data::testing::make_transaction(pos_id, time_ms, total, 2);
  t.items = {{"Shirt", 1, total / 2}, {"Socks", 1, total - total / 2}};
  return t;
}

std::int64_t count(Store& store, const std::string& sql) {
  return footfall::data::testing::connection(store).execAndGet(sql).getInt64();
}

constexpr int latest_schema_version = 13;

// Every 15-minute and hourly rollup row that disagrees with the events it sums.
std::int64_t count_rollup_mismatches(Store& store) {
  return count(store,
               "SELECT count(*) FROM (SELECT bucket_ms, door, entries, exits FROM count_rollup EXCEPT "
               "SELECT time_ms / 900000 * 900000, door, sum(direction = 'in'), sum(direction = 'out') "
               "FROM count_events GROUP BY 1, 2)") +
         count(store,
               "SELECT count(*) FROM (SELECT bucket_ms, door, entries, exits FROM count_rollup_hour EXCEPT "
               "SELECT time_ms / 3600000 * 3600000, door, sum(direction = 'in'), sum(direction = 'out') "
               "FROM count_events GROUP BY 1, 2)");
}

}  // namespace

TEST_CASE("store: migrations are recorded and re-opening keeps version and data") {
  TempDir dir;
  const auto file = (dir.path / "nested" / "footfall.db").string();
  int version = 0;
  {
    Store store(file);
    version = store.schema_version();
    CHECK(version >= 1);
    store.add_count_events({{1000, "main", true, 1, 0.9F}});
    CHECK(footfall::data::testing::connection(store).execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(footfall::data::testing::connection(store).execAndGet("PRAGMA foreign_keys").getInt() == 1);
  }
  const auto permissions = fs::status(file).permissions();
  CHECK((permissions & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
  Store reopened(file);
  CHECK(reopened.schema_version() == version);
  CHECK(count(reopened, "SELECT count(*) FROM count_events") == 1);
}

TEST_CASE("store: settings and shifts round-trip") {
  Store store(":memory:");
  CHECK(store.settings().time_zone == "UTC");  // defaults before anything is saved
  StoreSettings settings;
  settings.name = "Night shop";
  settings.time_zone = "Europe/Paris";
  settings.cutoff_minutes = 120;
  settings.visitor_rule = VisitorRule::HalfOfInPlusOut;
  settings.language = "fr";
  store.save_settings(settings);
  settings.low_data_visitors = 50;
  store.save_settings(settings);
  const auto loaded = store.settings();
  CHECK(loaded.name == "Night shop");
  CHECK(loaded.cutoff_minutes == 120);
  CHECK(loaded.visitor_rule == VisitorRule::HalfOfInPlusOut);
  CHECK(loaded.low_data_visitors == 50);
  CHECK(loaded.language == "fr");

  store.set_shifts({{"Morning", 0x1F, 9 * 60, 14 * 60}, {"Late", 0x7F, 22 * 60, 2 * 60}});
  const auto shifts = store.shifts();
  REQUIRE(shifts.size() == 2);
  CHECK(shifts[0].name == "Morning");
  CHECK(shifts[0].weekday_mask == 0x1F);
  CHECK(shifts[1].end_minutes == 120);
}

TEST_CASE("store: a currency is never assumed; schema 8 clears the old default where no sale was shown in it") {
  CHECK(Store(":memory:").settings().currency.empty());
  TempDir dir;
  for (const bool has_sales : {false, true}) {
    CAPTURE(has_sales);
    const auto file = (dir.path / (has_sales ? "sales.db" : "empty.db")).string();
    {
      Store store(file);
      StoreSettings settings;
      settings.currency = "EUR";  // what every store row held before schema 8
      store.save_settings(settings);
      if (has_sales) store.upsert_transaction(sale("A1", 1'000, 700));
      footfall::data::testing::connection(store).exec("PRAGMA user_version = 7");
    }
    Store upgraded(file);
    CHECK(upgraded.schema_version() == latest_schema_version);
    CHECK(upgraded.settings().currency == (has_sales ? "EUR" : ""));
  }
}

TEST_CASE("store: upsert_transaction is idempotent and replaces line items on change") {
  Store store(":memory:");
  auto t = sale("A1", 3'600'000, 2000);
  CHECK(store.upsert_transaction(t));
  CHECK_FALSE(store.upsert_transaction(t));
  CHECK(count(store, "SELECT count(*) FROM pos_transactions") == 1);
  CHECK(count(store, "SELECT count(*) FROM pos_line_items") == 2);

  t.total = 3000;
  t.items = {{"Coat", 1, 3000}};
  CHECK(store.upsert_transaction(t));
  CHECK(count(store, "SELECT total FROM pos_transactions") == 3000);
  CHECK(count(store, "SELECT count(*) FROM pos_line_items") == 1);
  CHECK(count(store, "SELECT sum(gross) FROM sales_rollup") == 3000);
  CHECK(count(store, "SELECT sum(buyers) FROM sales_rollup") == 1);

  t.kind = TransactionKind::Void;  // a void is no longer a buyer and no longer money
  CHECK(store.upsert_transaction(t));
  CHECK(count(store, "SELECT sum(buyers) FROM sales_rollup") == 0);
  CHECK(count(store, "SELECT sum(net) FROM sales_rollup") == 0);

  auto other_source = sale("A1", 3'600'000, 500);
  other_source.source = "other";
  CHECK(store.upsert_transaction(other_source));
  CHECK(count(store, "SELECT count(*) FROM pos_transactions") == 2);
}

TEST_CASE("store: count rollup follows inserted events by 15-minute bucket") {
  Store store(":memory:");
  store.add_count_events({{0, "main", true, 1, 1.F},
                          {899'999, "main", false, 2, 1.F},
                          {900'000, "main", true, 3, 1.F},
                          {900'001, "side", true, 4, 1.F}});
  CHECK(count(store, "SELECT entries FROM count_rollup WHERE bucket_ms = 0 AND door = 'main'") == 1);
  CHECK(count(store, "SELECT exits FROM count_rollup WHERE bucket_ms = 0 AND door = 'main'") == 1);
  CHECK(count(store, "SELECT entries FROM count_rollup WHERE bucket_ms = 900000 AND door = 'main'") == 1);
  CHECK(count(store, "SELECT sum(entries) FROM count_rollup") == 3);
  CHECK(store.full_scan_count_events() == 4);
}

TEST_CASE("store: imports, seller aliases, roster and gaps") {
  Store store(":memory:");
  CHECK_FALSE(store.last_import_ms().has_value());
  store.record_import({"a.csv", "abc", 10, 4, "committed", "", 5000});
  store.record_import({"b.csv", "def", 3, 0, "failed", "b.csv:2: column \"total\": not a number", 9000});
  REQUIRE(store.last_import_ms().has_value());
  CHECK(*store.last_import_ms() == 5000);
  REQUIRE(store.find_import("def").has_value());
  CHECK(store.find_import("def")->result == "failed");
  CHECK_FALSE(store.find_import("zzz").has_value());

  store.add_seller_alias("Jean D.", "Jean Dupont");
  CHECK(store.resolve_seller("  jean d. ") == "Jean Dupont");
  CHECK(store.resolve_seller(" Marie ") == "Marie");

  store.add_roster({{"Anna", 1000, 5000}, {"Jean Dupont", 6000, 9000}});
  CHECK(store.roster(4000, 6500).size() == 2);
  CHECK(store.roster(5000, 6000).empty());
  CHECK_THROWS(store.add_roster({{"Bad", 9000, 1000}}));

  store.add_camera_gap({"main", 100, 200, "test"});
  REQUIRE(store.camera_gaps(0, 1000).size() == 1);
  CHECK(store.camera_gaps(0, 1000)[0].reason == "test");
}

TEST_CASE("store: heartbeats extend one uptime interval until they stop") {
  Store store(":memory:");
  store.set_camera_up("main", 0);
  store.set_camera_up("main", 60'000);
  store.set_camera_up("main", 120'000);
  store.set_camera_up("main", 600'000);  // 8 minutes of silence: a new interval
  CHECK(count(store, "SELECT count(*) FROM camera_uptime") == 2);
  CHECK(count(store, "SELECT end_ms FROM camera_uptime ORDER BY start_ms LIMIT 1") == 120'000);
}

TEST_CASE("store: an older file is upgraded and the hourly rollup backfilled") {
  TempDir dir;
  const auto file = (dir.path / "old.db").string();
  {
    Store store(file);
    store.add_count_events({{0, "main", true, 1, 1.F}, {1'800'000, "main", true, 2, 1.F}});
    store.upsert_transaction(sale("A1", 1'000, 700));
    store.save_settings(footfall::data::StoreSettings{});
    // Roll the file back to schema 1, as an older release left it.
    footfall::data::testing::connection(store).exec(
        std::string(footfall::data::testing::drop_schema_6) +
        "DROP TRIGGER IF EXISTS count_rollup_hour_insert; DROP TRIGGER IF EXISTS count_rollup_hour_update; "
        "DROP TRIGGER IF EXISTS sales_rollup_hour_insert; DROP TRIGGER IF EXISTS sales_rollup_hour_update; "
        "DROP TABLE count_rollup_hour; DROP TABLE sales_rollup_hour; DROP INDEX count_events_crossing; "
        "UPDATE stores SET open_minutes = 600, close_minutes = 1140; PRAGMA user_version = 1");
  }
  Store upgraded(file);
  CHECK(upgraded.schema_version() == latest_schema_version);
  // The one pair of opening hours an older release kept becomes every weekday's.
  for (const auto& day : upgraded.settings().opening_hours) {
    CHECK(day.open_minutes == 600);
    CHECK(day.close_minutes == 1140);
    CHECK_FALSE(day.closed);
  }
  CHECK(count(upgraded, "SELECT entries FROM count_rollup_hour WHERE bucket_ms = 0") == 2);
  CHECK(count(upgraded, "SELECT gross FROM sales_rollup_hour WHERE bucket_ms = 0") == 700);
  upgraded.add_count_events({{2'000'000, "main", false, 3, 1.F}});
  footfall::data::testing::connection(upgraded).exec("DELETE FROM count_events WHERE track = 1");
  CHECK(count(upgraded, "SELECT entries FROM count_rollup_hour WHERE bucket_ms = 0") == 1);
  CHECK(count(upgraded, "SELECT exits FROM count_rollup_hour WHERE bucket_ms = 0") == 1);
}

TEST_CASE("store: counting the same clip twice stores its crossings once") {
  Store store(":memory:");
  const std::vector<CountEvent> clip = {{1'000, "main", true, 1, 0.9F},
                                        {1'000, "main", true, 2, 0.8F},  // a pair side by side
                                        {5'000, "main", false, 1, 0.9F},
                                        {5'000, "side", false, 1, 0.9F}};
  store.add_count_events(clip);
  store.add_count_events(clip);
  auto longer = clip;
  longer.push_back({950'000, "main", true, 3, 0.9F});
  store.add_count_events(longer);
  CHECK(count(store, "SELECT count(*) FROM count_events") == 5);
  CHECK(count(store, "SELECT sum(entries) FROM count_rollup") == 3);
  CHECK(count(store, "SELECT sum(exits) FROM count_rollup") == 2);
  CHECK(count(store, "SELECT sum(entries) + sum(exits) FROM count_rollup_hour") == 5);
  CHECK(count_rollup_mismatches(store) == 0);
}

TEST_CASE("store: upgrading removes crossings an older release stored twice") {
  TempDir dir;
  const auto file = (dir.path / "doubled.db").string();
  {
    Store store(file);
    // Schema 4 had no unique crossing, so a clip counted twice was stored twice.
    footfall::data::testing::connection(store).exec(
        std::string(footfall::data::testing::drop_schema_6) +
        "DROP INDEX count_events_crossing; PRAGMA user_version = 4");
    const std::vector<CountEvent> clip = {{1'000, "main", true, 1, 0.9F}, {4'000'000, "main", false, 1, 0.9F}};
    store.add_count_events(clip);
    store.add_count_events(clip);
    store.add_count_events({{1'000, "main", true, 2, 0.9F}});
    REQUIRE(count(store, "SELECT count(*) FROM count_events") == 5);
    REQUIRE(count(store, "SELECT sum(entries) FROM count_rollup_hour") == 3);
  }
  Store upgraded(file);
  CHECK(upgraded.schema_version() == latest_schema_version);
  CHECK(count(upgraded, "SELECT count(*) FROM count_events") == 3);
  CHECK(count(upgraded, "SELECT sum(entries) FROM count_rollup") == 2);
  CHECK(count(upgraded, "SELECT sum(exits) FROM count_rollup_hour") == 1);
  CHECK(count_rollup_mismatches(upgraded) == 0);
  upgraded.add_count_events({{1'000, "main", true, 1, 0.9F}});
  CHECK(count(upgraded, "SELECT count(*) FROM count_events") == 3);
}
