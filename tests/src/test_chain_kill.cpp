// `footfall sync` SIGKILLed at random points, as a power cut would: the server commits whole
// batches or nothing, the local cursor moves only after a commit, so a final sync leaves the
// central database equal to the kiosk's, row for row.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "chain/pg.hpp"  // data/src: raw SQL on the central database
#include "data/chain_cluster.hpp"
#include "footfall/data/chain/chain.hpp"
#include "footfall/data/store/store.hpp"
#include "scratch_path.hpp"
#include "store/connection.hpp"

using namespace footfall::data;
using footfall::testing::PgCluster;
namespace fs = std::filesystem;

namespace {

constexpr int kKills = 20;
constexpr std::uint32_t kSeed = 20261204;
constexpr TimeMs kBaseMs = 1'790'812'800'000;  // 2026-10-01T00:00:00Z

void add_history(Store& store, int first_day, int days, int round) {
  std::vector<Transaction> sales;
  std::vector<CountEvent> events;
  for (int day = first_day; day < first_day + days; ++day) {
    for (int i = 0; i < 120; ++i) {
      Transaction sale;
      sale.source = "kill";
      sale.pos_id = std::to_string(day) + "-" + std::to_string(i) + "-" + std::to_string(round);
      sale.time_ms = kBaseMs + day * 86'400'000LL + 9 * 3'600'000LL + i * 240'000LL;
      sale.kind = i % 11 == 10 ? TransactionKind::Refund : TransactionKind::Sale;
      sale.total = (sale.kind == TransactionKind::Refund ? -1 : 1) * (500 + 13 * i + day);
      sale.units = 1 + i % 3;
      sale.currency = "EUR";
      sale.seller = i % 2 == 0 ? "Ana" : "Ben";
      sales.push_back(sale);
    }
    for (int i = 0; i < 300; ++i) {
      const TimeMs time = kBaseMs + day * 86'400'000LL + 9 * 3'600'000LL + i * 130'000LL + round;
      events.push_back({time, i % 4 == 0 ? "side" : "main", i % 5 != 4, i + round * 1000, 1.F});
    }
  }
  store.upsert_transactions(sales);
  store.add_count_events(events);
  store.add_roster({{"Ana", kBaseMs + first_day * 86'400'000LL,
                     kBaseMs + first_day * 86'400'000LL + 3'600'000LL * (1 + round % 8)}});
}

// The same fingerprint from both databases: counts and integer sums over every row.
std::vector<std::int64_t> local_fingerprint(Store& store) {
  auto& db = footfall::data::testing::connection(store);
  const auto one = [&](const char* sql) { return db.execAndGet(sql).getInt64(); };
  return {one("SELECT count(*) FROM pos_transactions"),
          one("SELECT sum(total) FROM pos_transactions"),
          one("SELECT sum(length(pos_id) * total + time_ms % 1000003 + length(kind) + length(seller)) FROM "
              "pos_transactions"),
          one("SELECT sum(entries) FROM count_rollup"),
          one("SELECT sum(exits) FROM count_rollup"),
          one("SELECT sum(bucket_ms % 1000003 * (entries + 3 * exits)) FROM count_rollup"),
          one("SELECT count(*) FROM (SELECT DISTINCT seller, start_ms FROM roster)")};
}

std::vector<std::int64_t> central_fingerprint(const chain::Server& admin) {
  chain::Connection db(admin);
  const auto one = [&](const char* sql) { return db.exec(sql).integer(0, 0); };
  return {one("SELECT count(*) FROM transactions"), one("SELECT sum(total) FROM transactions"),
          one("SELECT sum(length(pos_id) * total + time_ms % 1000003 + length(kind) + length(seller)) FROM "
              "transactions"),
          // The kiosk's rollup holds every crossing; the server keeps those after hours apart.
          one("SELECT sum(entries + after_hours_entries) FROM traffic"),
          one("SELECT sum(exits + after_hours_exits) FROM traffic"),
          one("SELECT sum(bucket_ms % 1000003 * (entries + after_hours_entries + 3 * (exits + "
              "after_hours_exits))) "
              "FROM traffic"),
          one("SELECT count(*) FROM rosters")};
}

// `footfall ARGS...` (args[0] is the program name), its output appended to `log`, its standard
// input from `input` when given.
pid_t start_footfall(const std::vector<std::string>& args, const fs::path& log, const fs::path& input = {}) {
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (!input.empty()) {
      const int in = open(input.c_str(), O_RDONLY);
      if (in >= 0) dup2(in, STDIN_FILENO);
    }
    const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (out >= 0) {
      dup2(out, STDOUT_FILENO);
      dup2(out, STDERR_FILENO);
    }
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(FOOTFALL_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

// A fresh kiosk database with `days` days of history from October 1st.
fs::path kiosk_database(const std::string& file, const std::string& name, const std::string& zone, int days) {
  const auto db = footfall::testing::scratch_path(file);
  fs::remove(db);
  Store store(db.string());
  StoreSettings settings = store.settings();
  settings.name = name;
  settings.currency = "EUR";
  settings.time_zone = zone;
  store.save_settings(settings);
  add_history(store, 0, days, 0);
  return db;
}

}  // namespace

TEST_CASE(
    "chain_sync_kill: footfall sync SIGKILLed at 20 random points, then a final sync leaves central = "
    "local") {
  if (!PgCluster::available()) {
    MESSAGE("skipped: PostgreSQL 15 binaries absent (/usr/lib/postgresql/15/bin)");
    return;
  }
  PgCluster cluster;
  const chain::Server admin{cluster.admin_url(), {}};
  chain::migrate_central(admin);
  const auto role = chain::register_store(admin, {"paris", "north", "paris-password"});
  const auto credentials = cluster.credentials(role, "paris-password");
  const auto db = kiosk_database("chain-kill.db", "Paris", "Europe/Paris", 60);
  const auto log = footfall::testing::scratch_path("chain-kill.log");
  const std::vector<std::string> args = {
      "footfall",     "sync",  "--db",          db.string(),          "--server", cluster.url_for(role),
      "--store-code", "paris", "--credentials", credentials.string(), "--batch",  "250"};
  std::mt19937 random(kSeed);
  std::uniform_int_distribution<int> delay_ms(5, 400);
  int killed_mid_run = 0;
  for (int kill = 0; kill < kKills; ++kill) {
    CAPTURE(kill);
    const pid_t pid = start_footfall(args, log);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    killed_mid_run += WIFSIGNALED(status) ? 1 : 0;
    // The kiosk goes on between the runs: new sales and crossings, a changed and a deleted sale.
    Store store(db.string());
    add_history(store, 60 + 3 * kill, 3, kill + 1);
    footfall::data::testing::connection(store).exec(
        "UPDATE pos_transactions SET total = total + 1 WHERE id = (SELECT max(id) FROM pos_transactions "
        "WHERE id % 7 = 0)");
    footfall::data::testing::connection(store).exec(
        "DELETE FROM pos_transactions WHERE id = (SELECT min(id) FROM pos_transactions WHERE id % 13 = 0)");
  }
  CHECK(killed_mid_run >= kKills / 2);
  const pid_t last = start_footfall(args, log);
  int status = 0;
  REQUIRE(waitpid(last, &status, 0) == last);
  CAPTURE(footfall::testing::read_text(log));
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  Store store(db.string());
  CHECK(central_fingerprint(admin) == local_fingerprint(store));
  const auto pending = chain::sync_status(store);
  CHECK(pending.pending_transactions == 0);
  CHECK(pending.pending_events == 0);
}

TEST_CASE("chain_cli: footfall sync and chain report as a user runs them, and a wrong password is one line") {
  if (!PgCluster::available()) {
    MESSAGE("skipped: PostgreSQL 15 binaries absent (/usr/lib/postgresql/15/bin)");
    return;
  }
  PgCluster cluster;
  const auto db = kiosk_database("chain-cli.db", "Rue de Rivoli", "UTC", 2);
  const auto log = footfall::testing::scratch_path("chain-cli.log");
  const auto run = [&](std::vector<std::string> args, const std::string& input = "") {
    fs::remove(log);
    const auto in = footfall::testing::scratch_path("chain-cli.in");
    std::ofstream(in) << input;
    args.insert(args.begin(), "footfall");
    const pid_t pid = start_footfall(args, log, in);
    int status = 0;
    waitpid(pid, &status, 0);
    return std::pair{WIFEXITED(status) ? WEXITSTATUS(status) : -1, footfall::testing::read_text(log)};
  };
  const std::string hq = cluster.admin_url();
  CHECK(run({"chain", "migrate", "--server", hq}).first == 0);
  const auto added =
      run({"chain", "add-store", "--server", hq, "--code", "rivoli", "--region", "paris"}, "rivoli-pw-1\n");
  CHECK(added.first == 0);
  CHECK(added.second.find("store_rivoli") != std::string::npos);
  const auto credentials = cluster.credentials("store_rivoli", "rivoli-pw-1");
  const std::vector<std::string> sync = {
      "sync",         "--db",   db.string(),    "--server", cluster.url_for("store_rivoli"),
      "--store-code", "rivoli", "--credentials"};
  auto with = [](std::vector<std::string> args, const std::string& last) {
    args.push_back(last);
    return args;
  };
  const auto wrong = cluster.dir() / "wrong.pgpass";
  std::ofstream(wrong) << "*:*:*:store_rivoli:not-it\n";
  fs::permissions(wrong, fs::perms::owner_read | fs::perms::owner_write);
  const auto refused = run(with(sync, wrong.string()));
  CHECK(refused.first == 1);
  CHECK(refused.second.find("password authentication failed") != std::string::npos);
  CHECK(std::count(refused.second.begin(), refused.second.end(), '\n') == 1);
  const auto synced = run(with(sync, credentials.string()));
  CHECK(synced.first == 0);
  CHECK(synced.second.find("synced rivoli: 240 transactions") != std::string::npos);
  const auto report = run({"chain", "report", "--server", hq, "--from", "2026-09-30", "--to", "2026-10-03",
                           "--by", "store", "--format", "csv"});
  CHECK(report.first == 0);
  CHECK(report.second.find("rivoli,Rue de Rivoli,paris,EUR,") != std::string::npos);
  const auto sellers = run(
      {"chain", "report", "--server", hq, "--from", "2026-09-30", "--to", "2026-10-03", "--by", "seller"});
  CHECK(sellers.first == 0);
  CHECK(sellers.second.find("rivoli/") != std::string::npos);
  CHECK(sellers.second.find("roster") != std::string::npos);  // how a seller's visitors are counted
}
