// The chain of shops against a real PostgreSQL 15 (tests/data/chain_cluster.hpp), no mocks.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "chain/pg.hpp"  // data/src: raw SQL on the central database
#include "chain_cluster.hpp"
#include "footfall/data/business_time.hpp"
#include "footfall/data/chain/chain.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/pos/import.hpp"
#include "footfall/data/store/settings_queries.hpp"
#include "footfall/data/store/store.hpp"
#include "scratch_path.hpp"
#include "store/connection.hpp"

using namespace footfall::data;
using footfall::testing::PgCluster;
namespace fs = std::filesystem;

namespace {

const fs::path shared_pos = fs::path(FOOTFALL_SHARED_DIR) / "testdata" / "pos";

std::int64_t central(const chain::Server& server, const std::string& sql) {
  chain::Connection connection(server);
  return connection.exec(sql).integer(0, 0);
}

std::int64_t local(Store& store, const std::string& sql) {
  return footfall::data::testing::connection(store).execAndGet(sql).getInt64();
}

// A kiosk database: its profile, a few days of synthetic crossings and sales.
struct Kiosk {
  std::string path;
  Store store;
  explicit Kiosk(const std::string& name, const std::string& zone = "Europe/Paris",
                 const std::string& currency = "EUR")
      : path(footfall::testing::scratch_path(name).string()), store((fs::remove(path), path)) {
    StoreSettings settings = store.settings();
    settings.name = name;
    settings.time_zone = zone;
    settings.currency = currency;
    store.save_settings(settings);
  }
};

// Day `day` of November 2026, UTC ms at `hour`:`minute`.
TimeMs at(int day, int hour, int minute = 0) {
  return (1'793'491'200'000LL /* 2026-11-01T00:00Z */) + (day - 1) * 86'400'000LL + hour * 3'600'000LL +
         minute * 60'000LL;
}

void add_counts(Store& store, int day, int people, int first_track = 1) {
  std::vector<CountEvent> events;
  for (int i = 0; i < people; ++i) {
    const TimeMs time = at(day, 9, 0) + i * 97'000LL;
    events.push_back({time, "main", true, first_track + i, 1.F});
    events.push_back({time + 600'000, "main", false, first_track + i, 1.F});
  }
  store.add_count_events(events);
}

void add_sales(Store& store, int day, int count, const std::string& currency = "EUR") {
  std::vector<Transaction> sales;
  for (int i = 0; i < count; ++i) {
    Transaction sale;
    sale.source = "test";
    sale.pos_id = "d" + std::to_string(day) + "-" + std::to_string(i);
    sale.time_ms = at(day, 10, i);
    sale.kind = i % 7 == 6 ? TransactionKind::Refund : TransactionKind::Sale;
    sale.total = (sale.kind == TransactionKind::Refund ? -1 : 1) * (1'000 + 37 * i);
    sale.units = 1;
    sale.currency = currency;
    sale.seller = i % 2 == 0 ? "Ana" : "Ben";
    sales.push_back(sale);
  }
  store.upsert_transactions(sales);
}

struct Chain {
  PgCluster cluster;
  chain::Server admin{cluster.admin_url(), {}};
  Chain() { chain::migrate_central(admin); }
  chain::Server join(const std::string& code, const std::string& region = "north") {
    const std::string password = "pw-" + code + "-long";
    const auto role = chain::register_store(admin, {code, region, password});
    return {cluster.url_for(role), cluster.credentials(role, password)};
  }
};

std::string cursor(Store& store) {
  SQLite::Statement query(
      footfall::data::testing::connection(store),
      "SELECT coalesce((SELECT transaction_id || '/' || event_id || '/' || coverage_ms || '/' || "
      "coalesce(last_success_ms, '') FROM chain_sync), 'none')");
  query.executeStep();
  return query.getColumn(0).getString() + " outbox " +
         std::to_string(local(store, "SELECT count(*) FROM chain_outbox"));
}

}  // namespace

#define SKIP_WITHOUT_POSTGRES()                                                     \
  if (!PgCluster::available()) {                                                    \
    MESSAGE("skipped: PostgreSQL 15 binaries absent (/usr/lib/postgresql/15/bin)"); \
    return;                                                                         \
  }

TEST_CASE(
    "chain_schema: migrations are ordered, recorded once, and put row-level security on every store table") {
  SKIP_WITHOUT_POSTGRES();
  PgCluster cluster;
  const chain::Server admin{cluster.admin_url(), {}};
  CHECK(chain::migrate_central(admin) == chain::central_schema_version());
  CHECK(chain::migrate_central(admin) == 0);
  CHECK(central(admin, "SELECT count(*) FROM schema_migrations") == chain::central_schema_version());
  CHECK(central(admin,
                "SELECT count(*) FROM pg_class WHERE relname IN ('stores', 'traffic', 'transactions', "
                "'sellers', 'shifts', 'rosters') AND relrowsecurity") == 6);
}

TEST_CASE("chain_sync: syncing twice stores nothing twice, and a later sync sends only what is new") {
  SKIP_WITHOUT_POSTGRES();
  Chain chain;
  const auto paris = chain.join("paris");
  Kiosk kiosk("chain-twice.db");
  add_counts(kiosk.store, 2, 40);
  add_sales(kiosk.store, 2, 12);
  kiosk.store.add_roster({{"Ana", at(2, 8), at(2, 16)}});
  const auto first = chain::sync_store(kiosk.store, paris, "paris", {5, {}});
  CHECK(first.transactions == 12);
  CHECK(first.batches > 3);  // 12 transactions in batches of 5, then the rest
  const auto count_all = [&] {
    return std::vector<std::int64_t>{
        central(chain.admin, "SELECT count(*) FROM transactions"),
        central(chain.admin, "SELECT coalesce(sum(net), 0) FROM transactions"),
        central(chain.admin, "SELECT coalesce(sum(entries), 0) FROM traffic"),
        central(chain.admin, "SELECT coalesce(sum(exits), 0) FROM traffic"),
        central(chain.admin, "SELECT count(*) FROM rosters"),
        central(chain.admin, "SELECT count(*) FROM sellers"),
    };
  };
  const auto after_first = count_all();
  CHECK(after_first[0] == 12);
  CHECK(after_first[2] == 40);
  CHECK(after_first[3] == 40);
  CHECK(after_first[4] == 1);
  CHECK(after_first[5] == 2);
  const auto second = chain::sync_store(kiosk.store, paris, "paris");
  CHECK(second.transactions == 0);
  CHECK(count_all() == after_first);

  // Sent again from the start (a cursor lost with a crash): upserts, nothing doubles.
  footfall::data::testing::connection(kiosk.store).exec("DELETE FROM chain_sync");
  chain::sync_store(kiosk.store, paris, "paris");
  CHECK(count_all() == after_first);

  // A changed and a deleted transaction follow; new days are added.
  footfall::data::testing::connection(kiosk.store).exec("DELETE FROM pos_transactions WHERE pos_id = 'd2-0'");
  Transaction changed;
  changed.source = "test";
  changed.pos_id = "d2-1";
  changed.time_ms = at(2, 10, 1);
  changed.total = 99'999;
  changed.currency = "EUR";
  changed.seller = "Ben";
  kiosk.store.upsert_transaction(changed);
  add_counts(kiosk.store, 3, 10, 1000);
  add_sales(kiosk.store, 3, 3);
  const auto third = chain::sync_store(kiosk.store, paris, "paris");
  CHECK(third.transactions == 3 + 2);
  CHECK(central(chain.admin, "SELECT count(*) FROM transactions") ==
        local(kiosk.store, "SELECT count(*) FROM pos_transactions"));
  CHECK(central(chain.admin, "SELECT total FROM transactions WHERE pos_id = 'd2-1'") == 99'999);
  CHECK(central(chain.admin, "SELECT sum(net) FROM transactions") ==
        local(kiosk.store, "SELECT sum(total) FROM pos_transactions WHERE kind IN ('sale', 'refund')"));
  CHECK(central(chain.admin, "SELECT sum(entries) FROM traffic") == 50);

  // Roster entries changed or removed on the kiosk after they were sent: the server follows.
  kiosk.store.add_roster({{"Ben", at(3, 12), at(3, 18)}});
  chain::sync_store(kiosk.store, paris, "paris");
  CHECK(central(chain.admin, "SELECT count(*) FROM rosters") == 2);
  footfall::data::testing::connection(kiosk.store)
      .exec("UPDATE roster SET end_ms = end_ms + 3600000 WHERE seller = 'Ben'");
  CHECK(footfall::data::remove_roster_entry(kiosk.store, "Ana", at(2, 8), at(2, 16)) == 1);
  chain::sync_store(kiosk.store, paris, "paris");
  CHECK(central(chain.admin, "SELECT count(*) FROM rosters") == 1);
  CHECK(central(chain.admin, "SELECT end_ms FROM rosters WHERE seller = 'Ben'") == at(3, 19));
  CHECK(local(kiosk.store, "SELECT count(*) FROM chain_roster_outbox") == 0);
  const auto status = chain::sync_status(kiosk.store);
  CHECK(status.pending_transactions == 0);
  CHECK(status.pending_events == 0);
  CHECK(status.last_success_ms.has_value());
}

TEST_CASE(
    "chain_sync: after a sync the central figures of each store and day equal the kiosk's own day report") {
  SKIP_WITHOUT_POSTGRES();
  if (!fs::exists(shared_pos)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  Chain chain;
  struct Shop {
    std::string code, file, zone, currency;
  };
  const std::vector<Shop> shops = {{"nyc", "square_items_2026-07.csv", "America/New_York", "USD"},
                                   {"joburg", "shopify_orders_2021.csv", "Africa/Johannesburg", "ZAR"}};
  for (const auto& shop : shops) {
    CAPTURE(shop.code);
    const auto server = chain.join(shop.code);
    Kiosk kiosk("chain-exact-" + shop.code + ".db", shop.zone, shop.currency);
    if (shop.code == "joburg") {
      auto settings = kiosk.store.settings();
      settings.cutoff_minutes = 150;  // the business day starts at 02:30
      kiosk.store.save_settings(settings);
    }
    const auto result = import_pos_file(kiosk.store, shared_pos / shop.file, ImportOptions{});
    REQUIRE(result.committed);
    // Shifts (one past midnight, one on weekdays only) and a roster on every day with sales, on
    // quarter hours as kiosks set them, for the shift and seller rows.
    kiosk.store.set_shifts(
        {{shop.code + " day", 0x7F, 9 * 60, 17 * 60}, {shop.code + " late", 0x1F, 17 * 60, 2 * 60}});
    {
      const auto settings = kiosk.store.settings();
      const BusinessClock clock(settings);
      std::set<std::string> sale_days;
      SQLite::Statement sales(footfall::data::testing::connection(kiosk.store),
                              "SELECT time_ms FROM pos_transactions");
      while (sales.executeStep()) sale_days.insert(business_date_of(settings, sales.getColumn(0).getInt64()));
      std::vector<RosterEntry> roster;
      for (const auto& day : sale_days) {
        roster.push_back({"Ana", clock.at_local(parse_date(day), 10 * 60 + 15),
                          clock.at_local(parse_date(day), 15 * 60 + 45)});
      }
      kiosk.store.add_roster(roster);
    }
    // Synthetic crossings on every day with sales, some near midnight in the store's zone.
    SQLite::Statement times(footfall::data::testing::connection(kiosk.store),
                            "SELECT time_ms FROM pos_transactions");
    std::vector<CountEvent> events;
    int track = 0;
    while (times.executeStep()) {
      const TimeMs time = times.getColumn(0).getInt64();
      for (const TimeMs offset : {-3'600'000LL, -120'000LL, 5'000LL, 7'200'000LL}) {
        events.push_back({time + offset, track % 3 == 0 ? "side" : "main", true, ++track, 1.F});
        if (track % 2 == 0) events.push_back({time + offset + 1'000, "main", false, track, 1.F});
      }
    }
    kiosk.store.add_count_events(events);
    // Every business day with sales, in the store's zone and day start as they are now.
    const auto check_days = [&] {
      std::set<std::string> days;
      const auto settings = kiosk.store.settings();
      SQLite::Statement sales(footfall::data::testing::connection(kiosk.store),
                              "SELECT time_ms FROM pos_transactions");
      while (sales.executeStep()) days.insert(business_date_of(settings, sales.getColumn(0).getInt64()));
      for (const auto& day : days) {
        CAPTURE(day);
        const auto report = chain::chain_report(chain.admin, day, day, chain::ChainGroup::Store);
        const auto summary = day_summary(kiosk.store, day);
        const chain::ChainRow* row = nullptr;
        for (const auto& candidate : report.rows) row = candidate.key == shop.code ? &candidate : row;
        REQUIRE(row != nullptr);
        CHECK(row->visitors == summary.total.visitors);
        CHECK(row->buyers == summary.total.buyers);
        CHECK(row->net_sales == summary.total.net_sales);
        CHECK(row->currency == shop.currency);
        const auto central_row = [&](chain::ChainGroup group, const std::string& key) {
          const auto rows = chain::chain_report(chain.admin, day, day, group).rows;
          const auto found =
              std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.key == key; });
          return found != rows.end() ? *found : chain::ChainRow{};
        };
        // Sellers and shifts share or miss visitors: their totals are the stores' own.
        for (const auto group : {chain::ChainGroup::Shift, chain::ChainGroup::Seller}) {
          const auto parts = chain::chain_report(chain.admin, day, day, group);
          CHECK(parts.visitors == report.visitors);
          CHECK(parts.buyers == report.buyers);
        }
        for (const auto& shift : summary.shifts) {
          CAPTURE(shift.name);
          const auto central_shift = central_row(chain::ChainGroup::Shift, shift.name);
          CHECK(central_shift.visitors == shift.figures.visitors);
          CHECK(central_shift.buyers == shift.figures.buyers);
          CHECK(central_shift.net_sales == shift.figures.net_sales);
        }
        for (const auto& seller : summary.sellers) {
          CAPTURE(seller.seller);
          const auto central_seller = central_row(chain::ChainGroup::Seller, shop.code + "/" + seller.seller);
          CHECK(central_seller.buyers == seller.figures.buyers);
          CHECK(central_seller.net_sales == seller.figures.net_sales);
          // A seller the kiosk has no roster for has floor time only there (first to last sale).
          if (!seller.roster_inferred) CHECK(central_seller.visitors == seller.figures.visitors);
        }
      }
    };
    chain::sync_store(kiosk.store, server, shop.code);
    check_days();
    // The store moves its day start and zone: the central rows follow at the next sync, and so does
    // which crossings fall in the opening hours.
    auto moved = kiosk.store.settings();
    moved.time_zone = "Asia/Kolkata";
    moved.cutoff_minutes = 45;
    kiosk.store.save_settings(moved);
    chain::sync_store(kiosk.store, server, shop.code);
    check_days();
    // New opening hours move crossings between visitors and after hours: all the traffic goes again.
    moved.opening_hours.fill({11 * 60, 17 * 60, false});
    moved.opening_hours[2].closed = true;
    kiosk.store.save_settings(moved);
    chain::sync_store(kiosk.store, server, shop.code);
    check_days();
  }
  // Both stores in one report, money per currency.
  const auto all = chain::chain_report(chain.admin, "2000-01-01", "2030-12-31", chain::ChainGroup::Store);
  CHECK(all.rows.size() == 2);
  CHECK(all.totals.size() == 2);
  const auto text = chain::render_chain_report(all, "text");
  CHECK(text.find("nyc") != std::string::npos);
  CHECK(text.find("ZAR") != std::string::npos);
}

TEST_CASE("chain_rls: a store's login reads and writes only its own store's rows") {
  SKIP_WITHOUT_POSTGRES();
  Chain chain;
  const auto paris = chain.join("paris");
  const auto lyon = chain.join("lyon");
  Kiosk kiosk("chain-rls.db");
  add_sales(kiosk.store, 2, 3);
  chain::sync_store(kiosk.store, lyon, "lyon");
  const auto lyon_id = std::to_string(central(chain.admin, "SELECT id FROM stores WHERE code = 'lyon'"));
  chain::Connection as_paris(paris);
  CHECK(as_paris.exec("SELECT count(*) FROM transactions").integer(0, 0) ==
        0);  // Lyon's rows are not visible
  CHECK(as_paris.exec("SELECT count(*) FROM stores").integer(0, 0) == 1);
  CHECK_THROWS_WITH_AS(
      as_paris.exec("INSERT INTO transactions(store_id, source, pos_id, time_ms, kind, total, net, "
                    "gross) VALUES (" +
                    lyon_id + ", 'x', 'y', 0, 'sale', 1, 1, 1)"),
      doctest::Contains("row-level security"), chain::ChainError);
  CHECK(as_paris.exec("UPDATE transactions SET total = 0 WHERE store_id = " + lyon_id).affected() == 0);
  CHECK(as_paris.exec("DELETE FROM traffic WHERE store_id = " + lyon_id).affected() == 0);
  // Syncing under another store's code with Paris's login is refused before anything is sent.
  CHECK_THROWS_WITH_AS(chain::sync_store(kiosk.store, paris, "lyon"), doctest::Contains("not registered"),
                       chain::ChainError);
  CHECK(central(chain.admin, "SELECT count(*) FROM transactions") == 3);
}

TEST_CASE(
    "chain_sync: a bad URL, a wrong password or another schema version is one clear line, nothing local "
    "changes") {
  SKIP_WITHOUT_POSTGRES();
  Chain chain;
  const auto paris = chain.join("paris");
  Kiosk kiosk("chain-errors.db");
  add_counts(kiosk.store, 2, 5);
  add_sales(kiosk.store, 2, 4);
  const std::string before = cursor(kiosk.store);
  auto fails_with = [&](const chain::Server& server, const std::string& words) {
    CAPTURE(words);
    try {
      chain::sync_store(kiosk.store, server, "paris");
      FAIL("sync succeeded");
    } catch (const chain::ChainError& error) {
      const std::string message = error.what();
      CAPTURE(message);
      CHECK(message.find(words) != std::string::npos);
      CHECK(message.find('\n') == std::string::npos);
    }
    CHECK(cursor(kiosk.store) == before);
  };
  fails_with({"postgresql://nobody@[::1", {}}, "is not valid");
  fails_with({"postgresql://store_paris@127.0.0.1:1/postgres", paris.credentials}, "Connection refused");
  const auto wrong = chain.cluster.dir() / "wrong.pgpass";
  fs::copy_file(chain.cluster.credentials("store_paris", "not-the-password"), wrong);
  (void)chain.cluster.credentials("store_paris", "pw-paris-long");
  fails_with({paris.url, wrong}, "password authentication failed");
  fs::permissions(wrong, fs::perms::group_read, fs::perm_options::add);
  fails_with({paris.url, wrong}, "chmod 600");
  {
    chain::Connection admin(chain.admin);
    admin.exec("INSERT INTO schema_migrations(version) VALUES (" +
               std::to_string(chain::central_schema_version() + 1) + ")");
  }
  fails_with(paris, "newer than this footfall");
  {
    chain::Connection admin(chain.admin);
    admin.exec("DELETE FROM schema_migrations");
    admin.exec("INSERT INTO schema_migrations(version) VALUES (0)");
  }
  fails_with(paris, "older than this footfall");
}

TEST_CASE(
    "chain_sync: with the server stopped the sync fails and keeps its cursor, after a restart the backlog "
    "drains") {
  SKIP_WITHOUT_POSTGRES();
  Chain chain;
  const auto paris = chain.join("paris");
  Kiosk kiosk("chain-offline.db");
  add_counts(kiosk.store, 2, 20);
  add_sales(kiosk.store, 2, 5);
  chain::sync_store(kiosk.store, paris, "paris");
  chain.cluster.stop();
  // The kiosk keeps counting and selling while the server is down.
  for (int day = 3; day <= 6; ++day) {
    add_counts(kiosk.store, day, 10 + day, day * 1000);
    add_sales(kiosk.store, day, day);
  }
  const std::string before = cursor(kiosk.store);
  CHECK_THROWS_AS(chain::sync_store(kiosk.store, paris, "paris"), chain::ChainError);
  CHECK(cursor(kiosk.store) == before);
  const auto waiting = chain::sync_status(kiosk.store);
  CHECK(waiting.pending_transactions == 3 + 4 + 5 + 6);
  REQUIRE(waiting.oldest_pending_ms.has_value());
  CHECK(*waiting.oldest_pending_ms == at(3, 9));
  chain.cluster.start();
  chain::sync_store(kiosk.store, paris, "paris", {2, {}});
  CHECK(central(chain.admin, "SELECT count(*) FROM transactions") == 5 + 3 + 4 + 5 + 6);
  CHECK(central(chain.admin, "SELECT sum(entries) FROM traffic") ==
        local(kiosk.store, "SELECT count(*) FROM count_events WHERE direction = 'in'"));
  CHECK(chain::sync_status(kiosk.store).pending_transactions == 0);
}

TEST_CASE(
    "chain_sync: two stores syncing at once each store their own rows, and reports group by region and day") {
  SKIP_WITHOUT_POSTGRES();
  Chain chain;
  const auto paris = chain.join("paris", "north");
  const auto nice = chain.join("nice", "south");
  Kiosk paris_kiosk("chain-two-paris.db");
  Kiosk nice_kiosk("chain-two-nice.db", "Europe/Paris", "CHF");
  for (int day = 2; day <= 8; ++day) {
    add_counts(paris_kiosk.store, day, 30, day * 1000);
    add_sales(paris_kiosk.store, day, 9);
    add_counts(nice_kiosk.store, day, 20, day * 1000);
    add_sales(nice_kiosk.store, day, 4, "CHF");
  }
  std::string paris_error;
  std::string nice_error;
  std::thread paris_sync([&] {
    try {
      chain::sync_store(paris_kiosk.store, paris, "paris", {3, {}});
    } catch (const std::exception& error) {
      paris_error = error.what();
    }
  });
  std::thread nice_sync([&] {
    try {
      chain::sync_store(nice_kiosk.store, nice, "nice", {3, {}});
    } catch (const std::exception& error) {
      nice_error = error.what();
    }
  });
  paris_sync.join();
  nice_sync.join();
  CHECK(paris_error.empty());
  CHECK(nice_error.empty());
  const auto by_region =
      chain::chain_report(chain.admin, "2026-11-02", "2026-11-08", chain::ChainGroup::Region);
  REQUIRE(by_region.rows.size() == 2);
  CHECK(by_region.rows[0].key == "north");
  CHECK(by_region.rows[0].visitors == 7 * 30);
  CHECK(by_region.rows[0].buyers ==
        local(paris_kiosk.store, "SELECT count(*) FROM pos_transactions WHERE kind = 'sale'"));
  CHECK(by_region.rows[1].key == "south");
  CHECK(by_region.rows[1].currency == "CHF");
  CHECK(by_region.visitors == 7 * 50);
  const auto by_day = chain::chain_report(chain.admin, "2026-11-02", "2026-11-08", chain::ChainGroup::Day);
  CHECK(by_day.rows.size() == 14);  // seven days, each in two currencies
  CHECK(by_day.totals.size() == 2);
  const auto by_month =
      chain::chain_report(chain.admin, "2026-11-02", "2026-11-08", chain::ChainGroup::Month);
  REQUIRE(by_month.rows.size() == 2);  // one month, two currencies
  CHECK(by_month.rows[0].key == "2026-11");
  CHECK(by_month.rows[0].stores == 1);
  const auto by_week = chain::chain_report(chain.admin, "2026-11-02", "2026-11-08", chain::ChainGroup::Week);
  REQUIRE(by_week.rows.size() == 2);
  CHECK(by_week.rows[0].key == "2026-11-02");  // a Monday
  CHECK(by_week.visitors == by_region.visitors);
  const auto csv = chain::render_chain_report(by_day, "csv");
  CHECK(
      csv.rfind("day,name,region,currency,visitors,buyers,conversion,conversion_low,conversion_high,low_data,"
                "conversion_vs_last_week_pts,conversion_vs_4_weeks_pts,net_sales,atv,spv\n",
                0) == 0);
  const auto json = chain::render_chain_report(by_day, "json");
  CHECK(json.find("\"totals_per_currency\"") != std::string::npos);
}

TEST_CASE(
    "chain_report: stores ranked by the low end of their conversion, a store with too few visitors last, "
    "each row against last week and the 4-week average, and weekdays across stores") {
  SKIP_WITHOUT_POSTGRES();
  Chain chain;
  Kiosk paris_kiosk("chain-rank-paris.db");
  Kiosk lyon_kiosk("chain-rank-lyon.db");
  Kiosk tiny_kiosk("chain-rank-tiny.db");
  // The report's week is 23-29 November; paris has the five weeks before it, converting half as
  // well before 23 November.
  for (int day = -5; day <= 29; ++day) {
    add_counts(paris_kiosk.store, day, 40, (day + 10) * 1000);
    add_sales(paris_kiosk.store, day, day >= 23 ? 14 : 7);
  }
  for (int day = 23; day <= 29; ++day) {
    add_counts(lyon_kiosk.store, day, 40, day * 1000);
    add_sales(lyon_kiosk.store, day, 7);
    add_counts(tiny_kiosk.store, day, 2, day * 1000);
    add_sales(tiny_kiosk.store, day, 2);  // 100 % of 14 visitors: too few to rank
  }
  chain::sync_store(paris_kiosk.store, chain.join("paris"), "paris", {500, {}});
  chain::sync_store(lyon_kiosk.store, chain.join("lyon"), "lyon", {500, {}});
  chain::sync_store(tiny_kiosk.store, chain.join("tiny", "south"), "tiny", {500, {}});

  const auto by_store =
      chain::chain_report(chain.admin, "2026-11-23", "2026-11-29", chain::ChainGroup::Store);
  REQUIRE(by_store.rows.size() == 3);
  CHECK(by_store.rows[0].key == "paris");
  CHECK(by_store.rows[1].key == "lyon");
  CHECK(by_store.rows[2].key == "tiny");
  CHECK(by_store.rows[2].conversion.low_data);
  CHECK_FALSE(by_store.rows[0].conversion.low_data);
  REQUIRE(by_store.rows[0].conversion.rate);
  REQUIRE(by_store.rows[0].conversion_vs_last_week);
  REQUIRE(by_store.rows[0].conversion_vs_four_weeks);
  CHECK(*by_store.rows[0].conversion_vs_last_week == doctest::Approx(0.15));  // 84/280 against 42/280
  CHECK(*by_store.rows[0].conversion_vs_four_weeks == doctest::Approx(0.15));
  CHECK(*by_store.rows[0].visitors_last_week == 7 * 40);
  CHECK_FALSE(by_store.rows[1].conversion_vs_last_week);  // lyon has no week before: no comparison

  const auto by_weekday =
      chain::chain_report(chain.admin, "2026-11-23", "2026-11-29", chain::ChainGroup::Weekday);
  REQUIRE(by_weekday.rows.size() == 7);
  CHECK(by_weekday.rows[0].key == "1");  // Monday 23 November
  CHECK(by_weekday.rows[0].visitors == 40 + 40 + 2);
  CHECK(by_weekday.rows[0].stores == 3);
  CHECK(by_weekday.rows[6].key == "7");
  // Like for like: only paris counted the week before, so Monday compares paris with paris, not
  // three stores with one.
  REQUIRE(by_weekday.rows[0].conversion_vs_last_week);
  CHECK(*by_weekday.rows[0].conversion_vs_last_week == doctest::Approx(0.15));
  CHECK(*by_weekday.rows[0].visitors_last_week == 40);

  const auto markdown = chain::render_chain_report(by_store, "md");
  CHECK(markdown.find("| paris |") != std::string::npos);
  const auto html = chain::render_chain_report(by_store, "html");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("tiny") != std::string::npos);
  const auto json = nlohmann::json::parse(chain::render_chain_report(by_store, "json"));
  CHECK(json["schema"] == 2);
  CHECK(json["rows"][2]["low_data"] == true);
}

TEST_CASE(
    "chain_sync: a server stopped in the middle of a sync leaves a cursor that covers only what it "
    "committed") {
  SKIP_WITHOUT_POSTGRES();
  Chain chain;
  const auto paris = chain.join("paris");
  Kiosk kiosk("chain-midway.db");
  for (int day = 1; day <= 28; ++day) add_sales(kiosk.store, day, 50);
  std::string error;
  std::thread sync([&] {
    try {
      chain::sync_store(kiosk.store, paris, "paris", {1, {}});  // one row per server transaction: a long sync
    } catch (const std::exception& failure) {
      error = failure.what();
    }
  });
  for (int i = 0; i < 400 && central(chain.admin, "SELECT count(*) FROM transactions") < 20; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  chain.cluster.stop();
  sync.join();
  CHECK(error.find("chain server") != std::string::npos);
  const auto sent = local(kiosk.store, "SELECT transaction_id FROM chain_sync");
  CHECK(sent < 28 * 50);
  chain.cluster.start();
  // Every row the cursor passed is on the server.
  CHECK(central(chain.admin, "SELECT count(*) FROM transactions") >= sent);
  chain::sync_store(kiosk.store, paris, "paris");
  CHECK(central(chain.admin, "SELECT count(*) FROM transactions") == 28 * 50);
  CHECK(central(chain.admin, "SELECT sum(net) FROM transactions") ==
        local(kiosk.store, "SELECT sum(total) FROM pos_transactions WHERE kind IN ('sale', 'refund')"));
}

TEST_CASE("chain_sync: a sync told to stop between batches keeps what it committed, the next one finishes") {
  SKIP_WITHOUT_POSTGRES();
  Chain chain;
  const auto paris = chain.join("paris");
  Kiosk kiosk("chain-stop.db");
  add_sales(kiosk.store, 2, 20);
  int asked = 0;
  const auto stopped = chain::sync_store(kiosk.store, paris, "paris", {2, [&] { return ++asked < 3; }});
  CHECK(stopped.transactions == 6);
  CHECK(central(chain.admin, "SELECT count(*) FROM transactions") == 6);
  CHECK_FALSE(chain::sync_status(kiosk.store).last_success_ms.has_value());
  CHECK(chain::sync_status(kiosk.store).pending_transactions == 14);
  chain::sync_store(kiosk.store, paris, "paris");
  CHECK(central(chain.admin, "SELECT count(*) FROM transactions") == 20);
  CHECK(chain::sync_status(kiosk.store).last_success_ms.has_value());
}
