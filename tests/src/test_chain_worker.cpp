// The kiosk's chain thread: what the status bar says, and a live sync against a real server.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "chain/pg.hpp"  // data/src: raw SQL on the central database
#include "data/chain_cluster.hpp"
#include "footfall/data/chain/chain.hpp"
#include "footfall/data/store/store.hpp"
#include "kiosk/chain_worker.hpp"
#include "scratch_path.hpp"

using footfall::app::ChainWorker;
using footfall::testing::PgCluster;
namespace data = footfall::data;

namespace {
constexpr std::int64_t kNoon = 1'795'003'200'000;  // 2026-11-18T12:00:00Z (13:00 in Paris)
constexpr std::int64_t kDay = 86'400'000;
}  // namespace

TEST_CASE("chain_worker: the status bar says when the kiosk last synced, or how many days wait and why") {
  data::chain::SyncStatus synced;
  synced.last_success_ms = kNoon;
  CHECK(ChainWorker::status_text(synced, "", kNoon, "Europe/Paris") == "synced 13:00");
  data::chain::SyncStatus behind;
  behind.last_success_ms = kNoon - 3 * kDay;
  behind.oldest_pending_ms = kNoon - 3 * kDay;
  CHECK(ChainWorker::status_text(behind, "chain server: Connection refused", kNoon, "Europe/Paris") ==
        "3 days waiting (last synced 13:00): chain server: Connection refused");
  behind.oldest_pending_ms = kNoon - 3'600'000;
  CHECK(ChainWorker::status_text(behind, "x", kNoon, "UTC") == "waiting (last synced 12:00): x");
}

TEST_CASE("chain_worker: a kiosk with [chain] syncs in the background and shows chain: synced") {
  if (!PgCluster::available()) {
    MESSAGE("skipped: PostgreSQL 15 binaries absent (/usr/lib/postgresql/15/bin)");
    return;
  }
  PgCluster cluster;
  const data::chain::Server admin{cluster.admin_url(), {}};
  data::chain::migrate_central(admin);
  const auto role = data::chain::register_store(admin, {"paris", "", "paris-password"});
  const auto db = footfall::testing::scratch_path("chain-worker.db");
  std::filesystem::remove(db);
  {
    data::Store store(db.string());
    data::Transaction sale;
    sale.source = "t";
    sale.pos_id = "1";
    sale.time_ms = kNoon;
    sale.total = 1234;
    sale.currency = "EUR";
    store.upsert_transaction(sale);
  }
  footfall::ui::SnapshotHub hub;
  footfall::app::KioskContext context(hub, db, 0);
  footfall::app::ChainConfig config;
  config.server = cluster.url_for(role);
  config.store_code = "paris";
  config.credentials = cluster.credentials(role, "paris-password");
  ChainWorker worker(context, config);
  worker.start();
  std::string said;
  for (int i = 0; i < 200 && said.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    for (const auto& warning : hub.latest().warnings) {
      if (warning.source == footfall::ui::WarningSource::Chain) said = footfall::ui::warning_text(warning);
    }
  }
  context.stop_requested = true;
  worker.wake_all();
  worker.join();
  CHECK(said.rfind("chain: synced ", 0) == 0);
  data::chain::Connection central(admin);
  CHECK(central.exec("SELECT sum(net) FROM transactions").integer(0, 0) == 1234);
}
