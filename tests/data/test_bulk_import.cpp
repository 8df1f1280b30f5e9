#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/fixtures/bench_sales.hpp"
#include "footfall/data/pos/import.hpp"
#include "footfall/data/store/store.hpp"
#include "store/connection.hpp"  // data/src: raw SQL on the store under test
#include "test_store_support.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

using namespace footfall::data;
namespace fs = std::filesystem;

namespace {

using footfall::data::testing::TempDir;

// Rows where a rollup differs from the same sums taken over pos_transactions (all-zero rollup rows are fine).
std::int64_t rollup_mismatches(Store& store, const std::string& table, long long bucket_ms) {
  const std::string bucket = "time_ms / " + std::to_string(bucket_ms) + " * " + std::to_string(bucket_ms);
  const std::string sums =
      "SELECT " + bucket + " AS bucket_ms, seller, sum(kind = 'sale') AS buyers, "
      "sum(CASE kind WHEN 'sale' THEN total ELSE 0 END) AS gross, "
      "sum(CASE WHEN kind IN ('sale', 'refund') THEN total ELSE 0 END) AS net, "
      "sum(CASE kind WHEN 'sale' THEN units ELSE 0 END) AS units FROM pos_transactions GROUP BY 1, 2";
  const std::string differs = "(r.buyers IS NOT s.buyers OR r.gross IS NOT s.gross OR r.net IS NOT s.net OR "
                              "abs(r.units - s.units) > 1e-9)";
  const auto missing_or_wrong =
      footfall::data::testing::connection(store)
          .execAndGet("SELECT count(*) FROM (" + sums + ") s LEFT JOIN " + table +
                      " r USING (bucket_ms, seller) WHERE r.bucket_ms IS NULL OR " + differs)
          .getInt64();
  const auto extra = footfall::data::testing::connection(store)
                         .execAndGet("SELECT count(*) FROM " + table +
                                     " r WHERE (r.buyers, r.gross, r.net, r.units) "
                                     "!= (0, 0, 0, 0.0) AND NOT EXISTS (SELECT 1 FROM (" +
                                     sums + ") s WHERE s.bucket_ms = r.bucket_ms AND s.seller = r.seller)")
                         .getInt64();
  return missing_or_wrong + extra;
}

void check_rollups_exact(Store& store) {
  CHECK(rollup_mismatches(store, "sales_rollup", 900'000) == 0);
  CHECK(rollup_mismatches(store, "sales_rollup_hour", 3'600'000) == 0);
}

void check_same_figures(const Figures& a, const Figures& b) {
  CHECK(a.buyers == b.buyers);
  CHECK(a.gross_sales == b.gross_sales);
  CHECK(a.net_sales == b.net_sales);
  CHECK(a.units == doctest::Approx(b.units));
  CHECK(a.visitors == b.visitors);
}

void check_same_summary(const DaySummary& a, const DaySummary& b) {
  check_same_figures(a.total, b.total);
  REQUIRE(a.hours.size() == b.hours.size());
  for (std::size_t i = 0; i < a.hours.size(); ++i) check_same_figures(a.hours[i].figures, b.hours[i].figures);
  REQUIRE(a.sellers.size() == b.sellers.size());
  for (std::size_t i = 0; i < a.sellers.size(); ++i) {
    CHECK(a.sellers[i].seller == b.sellers[i].seller);
    check_same_figures(a.sellers[i].figures, b.sellers[i].figures);
  }
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("bulk import: rollup figures stay exact through an import, a re-import and a changed transaction") {
  TempDir dir;
  const auto csv = dir.path / "sales.csv";
  const auto profile = dir.path / "profile.toml";
  write_bench_sales_csv(csv, 3000);  // more than one write batch of the importer's checks-off path
  std::ofstream(profile) << bench_sales_profile_toml();
  ImportOptions options;
  options.profile = "generic";
  options.profile_file = profile;

  Store store((dir.path / "bulk.db").string());
  const auto first = import_pos_file(store, csv, options);
  REQUIRE(first.committed);
  CHECK(first.added == first.transactions);
  check_rollups_exact(store);
  const auto first_time = footfall::data::testing::connection(store)
                              .execAndGet("SELECT min(time_ms) FROM pos_transactions")
                              .getInt64();
  const std::string day = business_date_of(store.settings(), first_time);
  const auto imported = day_summary(store, day);
  CHECK(imported.total.buyers > 0);

  const auto again = import_pos_file(store, csv, options);
  CHECK(again.added == 0);
  CHECK(again.updated == 0);
  CHECK(again.unchanged == first.transactions);
  check_rollups_exact(store);
  check_same_summary(day_summary(store, day), imported);

  // T1 changes its amount: its bucket's gross and net change, not its buyers.
  std::string text = read_text(csv);
  const auto row = text.find("\nT1,");
  REQUIRE(row != std::string::npos);
  const auto row_end = text.find('\n', row + 1);
  std::string fields = text.substr(row + 1, row_end - row - 1);
  const auto total_start = fields.find(',', fields.find(',', fields.find(',') + 1) + 1) + 1;
  const auto total_end = fields.find(',', total_start);
  fields.replace(total_start, total_end - total_start, "12.34");
  text.replace(row + 1, row_end - row - 1, fields);
  const auto changed_csv = dir.path / "changed.csv";
  std::ofstream(changed_csv, std::ios::binary) << text;

  const auto update = import_pos_file(store, changed_csv, options);
  CHECK(update.added == 0);
  CHECK(update.updated == 1);
  check_rollups_exact(store);
  const auto updated = day_summary(store, day);
  CHECK(updated.total.buyers == imported.total.buyers);
  CHECK(updated.total.net_sales != imported.total.net_sales);

  // The same figures as a store that only ever saw the changed file.
  Store fresh((dir.path / "fresh.db").string());
  REQUIRE(import_pos_file(fresh, changed_csv, options).committed);
  check_rollups_exact(fresh);
  check_same_summary(updated, day_summary(fresh, day));
}

TEST_CASE("bulk import: one batch holding the same transaction twice keeps the rollups exact") {
  Store store(":memory:");
  std::vector<Transaction> batch;
  for (int i = 0; i < 300; ++i) {
    batch.push_back(footfall::data::testing::make_transaction("t" + std::to_string(i % 200), i * 600'000LL,
                                                              100 + i, 0.5 * (i % 3), TransactionKind::Sale,
                                                              i % 2 == 0 ? "Anna" : "Bob"));
  }
  CHECK(store.upsert_transactions(batch) == 300);  // the last 100 replace t0..t99
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT count(*) FROM pos_transactions")
            .getInt64() == 200);
  check_rollups_exact(store);
  CHECK(store.upsert_transactions(batch) == 200);  // t0..t99 flip to the first values, then back
  check_rollups_exact(store);
  CHECK_FALSE(store.upsert_transaction(batch.back()));
}

TEST_CASE("bulk import: a batch of new, changed, unchanged and repeated rows, many rows per INSERT") {
  Store store(":memory:");
  auto make = [](int number, Money total) {
    return footfall::data::testing::make_transaction("t" + std::to_string(number), number * 600'000LL, total, 1,
                                                     TransactionKind::Sale, number % 3 == 0 ? "Anna" : "Bob");
  };
  std::vector<Transaction> first;
  for (int i = 0; i < 100; ++i) first.push_back(make(i, 1'000 + i));
  CHECK(store.upsert_transactions(first) == 100);

  // t50..t69 change, t70..t99 are unchanged, t100..t177 are new: the INSERTs of 64 rows meet
  // rows they must leave alone, rows they must update and rows they add.
  std::vector<Transaction> second;
  for (int i = 50; i < 178; ++i) second.push_back(make(i, i < 70 ? 5'000 + i : 1'000 + i));
  CHECK(store.upsert_transactions(second) == 20 + 78);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT count(*) FROM pos_transactions")
            .getInt64() == 178);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT total FROM pos_transactions WHERE pos_id = 't60'")
            .getInt64() == 5'060);
  check_rollups_exact(store);

  // One chunk naming t200 twice: the later one wins, as it would row by row.
  std::vector<Transaction> repeated;
  for (int i = 200; i < 264; ++i) repeated.push_back(make(i, 100));
  repeated[10] = make(200, 777);
  CHECK(store.upsert_transactions(repeated) == 64);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT total FROM pos_transactions WHERE pos_id = 't200'")
            .getInt64() == 777);
  check_rollups_exact(store);
  const auto net = footfall::data::testing::connection(store)
                       .execAndGet("SELECT sum(total) FROM pos_transactions")
                       .getInt64();
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT sum(net) FROM rollup_hour_totals")
            .getInt64() == net);
}
