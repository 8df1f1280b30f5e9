// Range reports read hourly totals and sellers per business day; these must give exactly the
// figures of the per-seller hourly rows, before and after an upgrade and a change of zone.
#include "footfall/data/fixtures/history.hpp"
#include "footfall/data/metrics/metrics.hpp"
#include "store/connection.hpp"  // data/src: raw SQL on the store under test
#include "test_store_support.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace footfall::data;

namespace {

using footfall::data::testing::TempDir;

std::int64_t scalar(Store& store, const std::string& sql) {
  return footfall::data::testing::connection(store).execAndGet(sql).getInt64();
}

void describe(std::ostringstream& out, const Figures& f) {
  out << f.entries << ' ' << f.exits << ' ' << f.visitors << ' ' << f.buyers << ' ' << f.buyers_in_camera_gaps << ' '
      << f.net_sales << ' ' << f.gross_sales << ' ' << f.units << ' ' << f.staff_hours << ' '
      << f.camera_gap_minutes << '\n';
}

void describe(std::ostringstream& out, const std::vector<RangeRow>& rows) {
  for (const auto& row : rows) {
    out << row.label << ' ' << row.start_ms << ' ' << row.end_ms << ' ' << row.roster_inferred << ' ';
    describe(out, row.figures);
  }
}

// Every figure of a range report by day and by seller, as text, so two reports compare at once.
std::string fingerprint(Store& store, const std::string& from, const std::string& to) {
  std::ostringstream out;
  for (const auto group_by : {GroupBy::Day, GroupBy::Seller, GroupBy::Shift}) {
    const auto summary = range_summary(store, from, to, group_by);
    describe(out, summary.total);
    describe(out, summary.rows);
    describe(out, summary.hours);
    describe(out, summary.shifts);
    describe(out, summary.sellers);
    for (const auto& weekday : summary.weekday_hour) {
      for (const auto& hour : weekday) describe(out, hour);
    }
    for (const auto& note : summary.quality_notes) out << note << '\n';
  }
  return out.str();
}

// The same report from the per-seller hourly rows: without a basis the day rows are not used.
std::string fingerprint_without_days(Store& store, const std::string& from, const std::string& to) {
  footfall::data::testing::connection(store).exec("SAVEPOINT slow_path; DELETE FROM sales_rollup_day_basis");
  auto result = fingerprint(store, from, to);
  footfall::data::testing::connection(store).exec("ROLLBACK TO slow_path; RELEASE slow_path");
  return result;
}

void seed(Store& store, const std::string& zone, int cutoff_minutes) {
  StoreSettings settings;
  settings.time_zone = zone;
  settings.cutoff_minutes = cutoff_minutes;
  store.save_settings(settings);
  store.set_shifts({{"Morning", 0x7F, 9 * 60, 14 * 60}, {"Afternoon", 0x7F, 14 * 60, 20 * 60}});
  HistoryOptions options;
  options.days = 12;
  options.end_date = "2026-03-31";  // Paris changes to summer time on the 29th
  options.entries_per_day = 300;
  options.transactions_per_day = 40;
  generate_history(store, options);
  // A seller without a roster, and a camera gap, so the fallbacks of the day rows are exercised.
  auto sale = footfall::data::testing::make_transaction("walk-in", 1'774'800'000'000, 2'500, 1,
                                                        TransactionKind::Sale, "Nadia");
  store.upsert_transaction(sale);
  store.add_camera_gap({"main", 1'774'600'000'000, 1'774'603'600'000, "test"});
}

}  // namespace

TEST_CASE("rollup days: range reports match the per-seller hourly rows, across DST") {
  Store store(":memory:");
  seed(store, "Europe/Paris", 0);
  REQUIRE(scalar(store, "SELECT count(*) FROM sales_rollup_day_basis") == 1);
  CHECK(scalar(store, "SELECT sum(buyers) FROM sales_rollup_day") ==
        scalar(store, "SELECT count(*) FROM pos_transactions WHERE kind = 'sale'"));
  CHECK(scalar(store, "SELECT sum(entries) FROM rollup_hour_totals") ==
        scalar(store, "SELECT count(*) FROM count_events WHERE direction = 'in'"));
  CHECK(scalar(store, "SELECT sum(net) FROM rollup_hour_totals") ==
        scalar(store, "SELECT sum(total) FROM pos_transactions WHERE kind IN ('sale', 'refund')"));
  const auto fast = fingerprint(store, "2026-03-20", "2026-03-31");
  CHECK(fast == fingerprint_without_days(store, "2026-03-20", "2026-03-31"));
  CHECK(fast.find("Nadia") != std::string::npos);
  // The day rows are really what the report read.
  footfall::data::testing::connection(store).exec(
      "SAVEPOINT tamper; UPDATE sales_rollup_day SET buyers = buyers + 1");
  CHECK(fingerprint(store, "2026-03-20", "2026-03-31") != fast);
  footfall::data::testing::connection(store).exec("ROLLBACK TO tamper; RELEASE tamper");
  // An update that moves a sale to another day and seller moves it in the day rows too.
  auto moved = footfall::data::testing::make_transaction("walk-in", 1'774'900'000'000, 900, 2,
                                                         TransactionKind::Sale, "Bruno");
  CHECK(store.upsert_transaction(moved));
  CHECK(fingerprint(store, "2026-03-20", "2026-03-31") == fingerprint_without_days(store, "2026-03-20", "2026-03-31"));
}

TEST_CASE("rollup days: a new zone or cutoff rebuilds the days; a deleted sale retires them until reopened") {
  TempDir dir;
  const auto file = (dir.path / "days.db").string();
  {
    Store store(file);
    seed(store, "Europe/Paris", 0);
    StoreSettings night;
    night.time_zone = "America/New_York";
    night.cutoff_minutes = 120;
    store.save_settings(night);
    CHECK(scalar(store, "SELECT count(*) FROM sales_rollup_day_basis WHERE time_zone = 'America/New_York' "
                        "AND cutoff_minutes = 120") == 1);
    CHECK(fingerprint(store, "2026-03-21", "2026-03-30") ==
          fingerprint_without_days(store, "2026-03-21", "2026-03-30"));
    footfall::data::testing::connection(store).exec("DELETE FROM pos_transactions WHERE pos_id = 'walk-in'");
    CHECK(scalar(store, "SELECT count(*) FROM sales_rollup_day_basis") == 0);
    // Every level of the sales rollup lost the deleted sale.
    const auto net = scalar(store, "SELECT sum(total) FROM pos_transactions WHERE kind IN ('sale', 'refund')");
    CHECK(scalar(store, "SELECT sum(net) FROM sales_rollup") == net);
    CHECK(scalar(store, "SELECT sum(net) FROM sales_rollup_hour") == net);
    CHECK(scalar(store, "SELECT sum(net) FROM rollup_hour_totals") == net);
    CHECK(scalar(store, "SELECT sum(buyers) FROM sales_rollup_hour WHERE seller = 'Nadia'") == 0);
    CHECK(fingerprint(store, "2026-03-21", "2026-03-30").find("Nadia") == std::string::npos);
  }
  Store reopened(file);
  CHECK(scalar(reopened, "SELECT count(*) FROM sales_rollup_day_basis") == 1);
  CHECK(fingerprint(reopened, "2026-03-21", "2026-03-30") ==
        fingerprint_without_days(reopened, "2026-03-21", "2026-03-30"));
}

TEST_CASE("rollup days: a schema 5 file is upgraded, backfilled and reports the same figures") {
  TempDir dir;
  const auto file = (dir.path / "v5.db").string();
  std::string before;
  {
    Store store(file);
    seed(store, "Europe/Paris", 0);
    before = fingerprint_without_days(store, "2026-03-20", "2026-03-31");
    footfall::data::testing::connection(store).exec(std::string(footfall::data::testing::drop_schema_6) +
                                                    "PRAGMA user_version = 5");
  }
  Store upgraded(file);
  CHECK(upgraded.schema_version() == 13);
  CHECK(scalar(upgraded, "SELECT count(*) FROM sales_rollup_day_basis") == 1);
  CHECK(scalar(upgraded, "SELECT count(*) FROM (SELECT bucket_ms, sum(entries), sum(exits) FROM count_rollup_hour "
                         "GROUP BY 1 EXCEPT SELECT bucket_ms, entries, exits FROM rollup_hour_totals)") == 0);
  CHECK(fingerprint(upgraded, "2026-03-20", "2026-03-31") == before);
  // And the triggers keep the totals in step afterwards.
  upgraded.add_count_events({{1'774'700'000'000, "side", true, 1, 1.F}});
  CHECK(scalar(upgraded, "SELECT sum(entries) FROM rollup_hour_totals") ==
        scalar(upgraded, "SELECT count(*) FROM count_events WHERE direction = 'in'"));
  CHECK(fingerprint(upgraded, "2026-03-20", "2026-03-31") ==
        fingerprint_without_days(upgraded, "2026-03-20", "2026-03-31"));
}
