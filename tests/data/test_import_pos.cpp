#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "footfall/data/pos/import.hpp"
#include "footfall/data/pos/profiles.hpp"
#include "footfall/data/store/store.hpp"
#include "store/connection.hpp"  // data/src: raw SQL on the store under test

using namespace footfall::data;
namespace fs = std::filesystem;

namespace {

const fs::path shared_pos = fs::path(FOOTFALL_SHARED_DIR) / "testdata" / "pos";
// FOOTFALL_TESTS_DIR, not __FILE__: a compiler cache with a base dir makes __FILE__ relative to the build.
const fs::path fixtures = fs::path(FOOTFALL_TESTS_DIR) / "data" / "fixtures";

// A fresh folder per test, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> counter{0};
    path = fs::temp_directory_path() /
           ("footfall-import-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

std::int64_t transaction_count(Store& store) {
  return footfall::data::testing::connection(store)
      .execAndGet("SELECT count(*) FROM pos_transactions")
      .getInt64();
}

Money stored_net_sales(Store& store) {
  return footfall::data::testing::connection(store)
      .execAndGet("SELECT coalesce(sum(total), 0) FROM pos_transactions WHERE kind IN ('sale', 'refund')")
      .getInt64();
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

ImportOptions with_profile(const fs::path& toml) {
  ImportOptions options;
  options.profile_file = toml;
  return options;
}

// Generic rows "id,date,time,total"; `bad_line` (physical line, header = 1) gets an impossible date.
std::string generic_rows(int first_id, int count, int bad_line = -1) {
  std::string text = "id,date,time,total\n";
  for (int i = 0; i < count; ++i) {
    const int line = i + 2;
    const int id = first_id + i;
    text += "S" + std::to_string(id) + "," + (line == bad_line ? "2025-13-45" : "2025-06-01") +
            ",10:" + std::to_string(10 + id % 50) + "," + std::to_string(1 + id % 90) + ".25\n";
  }
  return text;
}

const char* generic_profile = R"(name = "generic"
date_format = "ymd"
time_zone = "UTC"
currency = "EUR"
[columns]
id = "id"
date = "date"
time = "time"
total = "total"
)";

struct SharedExport {
  const char* file;
  const char* profile;
  const char* currency;
  std::int64_t rows;
  std::int64_t transactions;
  Money net_sales;
};

// Worked out independently with Python's csv module (see the report for the rules):
// Square items: 199 payments + 1 refund, sum of Net Sales; Square transactions: 4 payments, sum of
// Net Sales; Shopify: 50 orders, sum of Subtotal except the 2 voided ones. The Square exports write
// their amounts in "$", the Shopify one has a Currency column.
constexpr SharedExport shared_exports[] = {
    {"square_items_2026-07.csv", "square-items", "USD", 322, 200, 240200},
    {"square_transactions_2018.csv", "square-transactions", "USD", 4, 4, 243400},
    {"shopify_orders_2021.csv", "shopify", "ZAR", 101, 50, 13326900},
};

// The 2018 Square export has days and no times: it is imported at noon, as it was before a missing
// time became an error.
ImportOptions shared_options(const std::string& file) {
  ImportOptions options;
  if (file == "square_transactions_2018.csv") options.default_time = "12:00";
  return options;
}

void set_store_currency(Store& store, const std::string& currency) {
  StoreSettings settings = store.settings();
  settings.currency = currency;
  store.save_settings(settings);
}

}  // namespace

TEST_CASE(
    "import: every shared POS export gives the right transactions and net sales in a store of its currency") {
  if (!fs::exists(shared_pos)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  for (const auto& e : shared_exports) {
    CAPTURE(e.file);
    Store store(":memory:");
    set_store_currency(store, e.currency);
    const auto result = import_pos_file(store, shared_pos / e.file, shared_options(e.file));
    CHECK(result.default_time_rows == (std::string(e.file) == "square_transactions_2018.csv" ? 4 : 0));
    CHECK(result.profile == e.profile);
    CHECK(result.rows == e.rows);
    CHECK(result.transactions == e.transactions);
    CHECK(result.added == e.transactions);
    CHECK(result.net_sales == e.net_sales);
    CHECK(result.committed);
    CHECK(result.currency == e.currency);
    CHECK_FALSE(result.set_store_currency);
    CHECK(transaction_count(store) == e.transactions);
    CHECK(stored_net_sales(store) == e.net_sales);
    CHECK(footfall::data::testing::connection(store)
              .execAndGet("SELECT group_concat(DISTINCT currency) FROM pos_transactions")
              .getString() == e.currency);

    const auto again = import_pos_file(store, shared_pos / e.file, shared_options(e.file));
    CHECK(again.added == 0);
    CHECK(again.updated == 0);
    CHECK(again.unchanged == e.transactions);
    CHECK(transaction_count(store) == e.transactions);
    CHECK(stored_net_sales(store) == e.net_sales);

    const std::string file = e.file;
    if (file == "square_items_2026-07.csv") {
      CHECK(footfall::data::testing::connection(store)
                .execAndGet("SELECT count(*) FROM pos_transactions WHERE kind = 'refund'")
                .getInt64() == 1);
      // 2026-07-14 12:52:38 Eastern = 16:52:38 UTC.
      CHECK(footfall::data::testing::connection(store)
                .execAndGet(
                    "SELECT time_ms FROM pos_transactions WHERE pos_id = 'ujWdkgHI6jU2zIdDesrsPHsruPfZY'")
                .getInt64() == 1784047958000);
    } else if (file == "shopify_orders_2021.csv") {
      CHECK(footfall::data::testing::connection(store)
                .execAndGet("SELECT count(*) FROM pos_transactions WHERE kind = 'void'")
                .getInt64() == 2);
      // Shopify's order time is `Created at` with its own offset.
      CHECK(footfall::data::testing::connection(store)
                .execAndGet("SELECT time_ms FROM pos_transactions WHERE pos_id = '#13519'")
                .getInt64() == 1620896472000);
    }
  }
}

TEST_CASE(
    "import: the shared POS exports are refused by a EUR store, naming both currencies, and write nothing") {
  if (!fs::exists(shared_pos)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  Store store(":memory:");
  set_store_currency(store, "EUR");
  for (const auto& e : shared_exports) {
    CAPTURE(e.file);
    ImportOptions options = shared_options(e.file);
    for (const bool skip_bad_rows : {false, true}) {
      options.skip_bad_rows = skip_bad_rows;
      try {
        (void)import_pos_file(store, shared_pos / e.file, options);
        FAIL("an export in another currency was imported");
      } catch (const ImportError& error) {
        const std::string message = error.what();
        CHECK(message ==
              (shared_pos / e.file).string() + ": the export is in " + e.currency +
                  " but the store's currency is EUR; nothing imported (amounts in different currencies "
                  "are never added)");
      }
    }
  }
  CHECK(transaction_count(store) == 0);
  CHECK(store.settings().currency == "EUR");
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT count(*) FROM imports WHERE result = 'failed'")
            .getInt64() == 6);
}

TEST_CASE("import: a store with no currency takes its first export's and then refuses another") {
  if (!fs::exists(shared_pos)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  Store store(":memory:");
  CHECK(store.settings().currency.empty());
  ImportOptions dry = shared_options("shopify_orders_2021.csv");
  dry.dry_run = true;
  const auto trial = import_pos_file(store, shared_pos / "shopify_orders_2021.csv", dry);
  CHECK(trial.set_store_currency);
  CHECK(store.settings().currency.empty());

  const auto first = import_pos_file(store, shared_pos / "shopify_orders_2021.csv", {});
  CHECK(first.currency == "ZAR");
  CHECK(first.set_store_currency);
  CHECK(store.settings().currency == "ZAR");

  CHECK_THROWS_WITH_AS(import_pos_file(store, shared_pos / "square_items_2026-07.csv", {}),
                       doctest::Contains("the export is in USD but the store's currency is ZAR"),
                       ImportError);
  CHECK(transaction_count(store) == 50);
  CHECK(stored_net_sales(store) == 13326900);
}

TEST_CASE("import: an export's currency comes from its column, else --currency, else its amounts") {
  TempDir dir;
  std::string toml = std::string(generic_profile) + "currency = \"currency\"\n";
  toml.erase(toml.find("currency = \"EUR\"\n"), std::string_view("currency = \"EUR\"\n").size());
  const auto profile = dir.write("generic.toml", toml);
  const auto plain = dir.write("plain.csv", "id,date,time,total\nP1,2025-06-01,10:00,5.00\n");
  {
    Store store(":memory:");
    try {
      import_pos_file(store, plain, with_profile(profile));
      FAIL("an export with no currency into a store with none must be refused");
    } catch (const ImportError& error) {
      CHECK(std::string(error.what())
                .find("plain.csv: the export names no currency and the store has none yet") !=
            std::string::npos);
      CHECK(error.failure() == footfall::data::ImportFailure::NoCurrency);
    }
    ImportOptions options = with_profile(profile);
    options.currency = "chf";
    const auto result = import_pos_file(store, plain, options);
    CHECK(result.currency == "CHF");
    CHECK(store.settings().currency == "CHF");
    options.currency = "Swiss francs";
    CHECK_THROWS_WITH_AS(import_pos_file(store, plain, options),
                         doctest::Contains("is not a 3-letter ISO 4217 code"), ImportError);
  }
  {
    Store store(":memory:");
    set_store_currency(store, "RUB");
    const auto result = import_pos_file(store, plain, with_profile(profile));
    CHECK(result.currency == "RUB");  // the store's, as the file names none
    const auto euros = dir.write("euros.csv", "id,date,time,total\nE1,2025-06-01,10:00,5.00 €\n");
    CHECK_THROWS_WITH_AS(import_pos_file(store, euros, with_profile(profile)),
                         doctest::Contains("the export is in EUR but the store's currency is RUB"),
                         ImportError);
    const auto mixed = dir.write("mixed.csv",
                                 "id,date,time,total,currency\nM1,2025-06-01,10:00,5.00,rub\n"
                                 "M2,2025-06-01,10:05,7.00,USD\n");
    CHECK_THROWS_WITH_AS(import_pos_file(store, mixed, with_profile(profile)),
                         doctest::Contains("the export is in USD but the store's currency is RUB"),
                         ImportError);
    CHECK(transaction_count(store) == 1);
  }
}

TEST_CASE("import: Loyverse receipts, receipts by item and payment rows") {
  Store store(":memory:");
  set_store_currency(store, "EUR");
  const auto receipts = import_pos_file(store, fixtures / "loyverse_receipts.csv", {});
  CHECK(receipts.profile == "loyverse");
  CHECK(receipts.transactions == 6);
  CHECK(receipts.net_sales ==
        127490);  // 12.50 + 25.00 + 1204.00 - 12.50 + 45.90; the cancelled 8.00 is not a sale
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT kind FROM pos_transactions WHERE pos_id = '1-1004'")
            .getString() == "cancelled");
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT total FROM pos_transactions WHERE pos_id = '1-1005/refund'")
            .getInt64() == -1250);
  // "Élodie" and "élodie " are one seller, spelt as first seen.
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT count(DISTINCT seller) FROM pos_transactions WHERE seller LIKE '%lodie'")
            .getInt64() == 1);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT seller FROM pos_transactions WHERE pos_id = '1-1002'")
            .getString() == "Élodie");
  // 31/12/2025 14:05 in the store's zone (UTC by default).
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT time_ms FROM pos_transactions WHERE pos_id = '1-1003'")
            .getInt64() == 1767189900000);

  const auto items = import_pos_file(store, fixtures / "loyverse_receipts_by_item.csv", {});
  CHECK(items.profile == "loyverse");
  CHECK(items.rows == 5);
  CHECK(items.transactions == 3);
  CHECK(items.net_sales == 1950);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT units FROM pos_transactions WHERE pos_id = '3-2001'")
            .getDouble() == doctest::Approx(5.0));
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT count(*) FROM pos_line_items")
            .getInt64() == 5);

  const auto payments = import_pos_file(store, fixtures / "payments_toast.csv", {});
  CHECK(payments.profile == "payments");
  CHECK(payments.rows == 6);
  CHECK(payments.transactions == 4);  // a split tender and a declined retry are one buyer each
  CHECK(payments.net_sales == 7450);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT total FROM pos_transactions WHERE pos_id = '5001'")
            .getInt64() == 3550);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT count(*) FROM pos_transactions WHERE source = 'payments' AND kind = 'sale'")
            .getInt64() == 3);
}

TEST_CASE("import: French generic export with ';', decimal comma and dd.mm.yyyy") {
  Store store(":memory:");
  const auto result =
      import_pos_file(store, fixtures / "french_sales.csv", with_profile(fixtures / "french_sales.toml"));
  CHECK(result.profile == "caisse-fr");
  CHECK(result.transactions == 6);
  CHECK(result.net_sales == 244620);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT total FROM pos_transactions WHERE pos_id = 'T-0002'")
            .getInt64() == 120400);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT total FROM pos_transactions WHERE pos_id = 'T-0003'")
            .getInt64() == 123450);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT kind FROM pos_transactions WHERE pos_id = 'T-0005'")
            .getString() == "cancelled");
  // 14.07.2026 09:12 Paris (CEST) = 07:12 UTC.
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT time_ms FROM pos_transactions WHERE pos_id = 'T-0001'")
            .getInt64() == 1784013120000);
}

TEST_CASE("import: Windows-1251 file with Cyrillic sellers becomes UTF-8") {
  Store store(":memory:");
  const auto result =
      import_pos_file(store, fixtures / "cyrillic_1251.csv", with_profile(fixtures / "cyrillic_1251.toml"));
  CHECK(result.transactions == 4);
  CHECK(result.net_sales == 382500);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT seller FROM pos_transactions WHERE pos_id = '101'")
            .getString() == "Анна");
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT seller FROM pos_transactions WHERE pos_id = '103'")
            .getString() == "Анна");
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT register FROM pos_transactions WHERE pos_id = '102'")
            .getString() == "Касса 2");
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT count(DISTINCT seller) FROM pos_transactions")
            .getInt64() == 3);
}

TEST_CASE("import: seller aliases from the store are applied") {
  Store store(":memory:");
  store.add_seller_alias("Пётр Иванов", "Pyotr");
  (void)import_pos_file(store, fixtures / "cyrillic_1251.csv", with_profile(fixtures / "cyrillic_1251.toml"));
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT seller FROM pos_transactions WHERE pos_id = '102'")
            .getString() == "Pyotr");
}

TEST_CASE("import: overlapping files do not double anything") {
  TempDir dir;
  Store store(":memory:");
  const auto profile = dir.write("generic.toml", generic_profile);
  const auto first = import_pos_file(store, dir.write("a.csv", generic_rows(1, 60)), with_profile(profile));
  const auto second = import_pos_file(store, dir.write("b.csv", generic_rows(41, 60)), with_profile(profile));
  CHECK(first.added == 60);
  CHECK(second.added == 40);
  CHECK(second.unchanged == 20);
  CHECK(transaction_count(store) == 100);
}

TEST_CASE("import: a truncated file is a clear error and writes nothing") {
  if (!fs::exists(shared_pos)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  TempDir dir;
  const std::string whole = read_text(shared_pos / "shopify_orders_2021.csv");
  // Cut inside the multi-line quoted note of order #13521.
  const auto cut = whole.find("X00a4f6d6") + 4;
  const auto truncated = dir.write("shopify_truncated.csv", whole.substr(0, cut));
  Store store(":memory:");
  try {
    (void)import_pos_file(store, truncated, {});
    FAIL("a truncated file was imported");
  } catch (const ImportError& e) {
    const std::string message = e.what();
    CHECK(message.find("truncated") != std::string::npos);
    CHECK(message.find("shopify_truncated.csv:4") != std::string::npos);
  }
  CHECK(transaction_count(store) == 0);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT result FROM imports ORDER BY id DESC LIMIT 1")
            .getString() == "failed");

  // Cut in the middle of an unquoted row: the short row names the first column it lacks.
  const auto cut_row = dir.write("shopify_cut.csv", whole.substr(0, 3000));
  try {
    (void)import_pos_file(store, cut_row, {});
    FAIL("a truncated file was imported");
  } catch (const ImportError& e) {
    REQUIRE(e.errors().size() == 1);
    CHECK(e.errors()[0].line == 17);
    CHECK(e.errors()[0].column == "Cancelled at");
    CHECK(e.errors()[0].reason.find("truncated") != std::string::npos);
  }
  CHECK(transaction_count(store) == 0);
}

TEST_CASE("import: a last row cut short in columns the profile does not read still rejects the file") {
  TempDir dir;
  Store store(":memory:");
  const auto profile = dir.write("generic.toml", generic_profile);
  // A fifth column the profile does not read; the last row lost it, as a copy cut off at a row
  // boundary leaves it.
  const std::string rows =
      "id,date,time,total,note\nS1,2025-06-01,10:11,2.25,first\nS2,2025-06-01,10:12,3.25,second\nS3,2025-06-"
      "01,10:13,4.25\n";
  const auto file = dir.write("cut.csv", rows);
  try {
    (void)import_pos_file(store, file, with_profile(profile));
    FAIL("a file cut short was imported");
  } catch (const ImportError& e) {
    REQUIRE(e.errors().size() == 1);
    CHECK(e.errors()[0].line == 4);
    CHECK(e.errors()[0].column == "note");
    CHECK(e.errors()[0].reason.find("truncated") != std::string::npos);
  }
  CHECK(transaction_count(store) == 0);
}

TEST_CASE("import: a bad date on line 7,341 rejects the whole file, naming line and column") {
  TempDir dir;
  Store store(":memory:");
  const auto profile = dir.write("generic.toml", generic_profile);
  const auto file = dir.write("big.csv", generic_rows(1, 8000, 7341));
  try {
    (void)import_pos_file(store, file, with_profile(profile));
    FAIL("a file with a bad date was imported");
  } catch (const ImportError& e) {
    REQUIRE(e.errors().size() == 1);
    CHECK(e.errors()[0].line == 7341);
    CHECK(e.errors()[0].column == "date");
    CHECK(e.errors()[0].to_string().find("big.csv:7341: column \"date\": ") != std::string::npos);
    CHECK(std::string(e.what()).find("2025-13-45") != std::string::npos);
  }
  CHECK(transaction_count(store) == 0);

  SUBCASE("--skip-bad-rows imports the rest and writes the reject file") {
    ImportOptions options = with_profile(profile);
    options.skip_bad_rows = true;
    const auto result = import_pos_file(store, file, options);
    CHECK(result.transactions == 7999);
    CHECK(result.rejected.size() == 1);
    CHECK(transaction_count(store) == 7999);
    const std::string rejects = read_text(file.string() + ".rejected.csv");
    CHECK(rejects.rfind("id,date,time,total,Reject reason\n", 0) == 0);
    CHECK(rejects.find("S7340,2025-13-45,") != std::string::npos);
    CHECK(rejects.find("big.csv:7341: column \"\"date\"\"") != std::string::npos);
  }
}

TEST_CASE(
    "import: a row with a day and no time is an error naming its line, unless a default time is given") {
  TempDir dir;
  Store store(":memory:");
  const auto file = dir.write("square_no_time.csv",
                              "Date,Time,Time Zone,Net Sales,Transaction ID,Event Type\n"
                              "12/27/2018,14:05:00,Eastern Time (US & Canada),$10.00,T1,Payment\n"
                              "12/28/2018,,Eastern Time (US & Canada),$20.00,T2,Payment\n");
  try {
    (void)import_pos_file(store, file, {});
    FAIL("a row without a time was imported");
  } catch (const ImportError& e) {
    REQUIRE(e.errors().size() == 1);
    CHECK(e.errors()[0].line == 3);
    CHECK(e.errors()[0].column == "Time");
    CHECK(e.errors()[0].problem == RowProblem::NoTime);
    CHECK(e.errors()[0].to_string().find("square_no_time.csv:3: column \"Time\": no time of day") !=
          std::string::npos);
  }
  CHECK(transaction_count(store) == 0);

  ImportOptions options;
  options.default_time = "09:30";
  const auto result = import_pos_file(store, file, options);
  CHECK(result.transactions == 2);
  CHECK(result.default_time_rows == 1);
  // 2018-12-28 09:30 in New York is 14:30 UTC.
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT time_ms FROM pos_transactions WHERE pos_id = 'T2'")
            .getInt64() == 1546007400000);

  options.default_time = "9h30";
  CHECK_THROWS_WITH_AS(import_pos_file(store, file, options), doctest::Contains("\"9h30\" is not HH:MM"),
                       ImportError);
}

TEST_CASE("import: a dry run reports changes and writes nothing") {
  if (!fs::exists(shared_pos)) {
    MESSAGE("skipped: ../shared/testdata absent");
    return;
  }
  Store store(":memory:");
  ImportOptions options;
  options.dry_run = true;
  const auto result = import_pos_file(store, shared_pos / "square_items_2026-07.csv", options);
  CHECK(result.added == 200);
  CHECK_FALSE(result.committed);
  CHECK(transaction_count(store) == 0);
  CHECK(footfall::data::testing::connection(store).execAndGet("SELECT count(*) FROM imports").getInt64() ==
        0);
}

TEST_CASE("import: a Shopify refund arriving in a later export updates the order") {
  TempDir dir;
  const std::string header =
      "Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem "
      "name,"
      "Lineitem price,Cancelled at,Refunded Amount,Employee,Location\n";
  const auto before =
      dir.write("orders_may.csv", header +
                                      "#2001,x,paid,2021-05-13 11:01:13 +0200,EUR,100.00,100.00,2021-05-13 "
                                      "11:01:12 +0200,1,Lamp,60.00,,0.00,Jean,Paris\n"
                                      "#2001,x,,,,,,,2,Bulb,20.00,,,,\n"
                                      "#2002,y,paid,2021-05-13 12:00:00 +0200,EUR,50.00,50.00,2021-05-13 "
                                      "12:00:00 +0200,1,Vase,50.00,,0.00,Jean,Paris\n");
  const auto after =
      dir.write("orders_june.csv",
                header +
                    "#2001,x,partially_refunded,2021-05-13 11:01:13 +0200,EUR,100.00,100.00,2021-05-13 "
                    "11:01:12 +0200,1,Lamp,60.00,,40.00,Jean,Paris\n"
                    "#2001,x,,,,,,,2,Bulb,20.00,,,,\n"
                    "#2002,y,voided,,EUR,50.00,50.00,2021-05-13 12:00:00 +0200,1,Vase,50.00,2021-05-14 "
                    "09:00:00 +0200,0.00,Jean,Paris\n");
  Store store(":memory:");
  const auto first = import_pos_file(store, before, {});
  CHECK(first.transactions == 2);
  CHECK(first.net_sales == 15000);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT units FROM pos_transactions WHERE pos_id = '#2001'")
            .getDouble() == doctest::Approx(3.0));
  const auto second = import_pos_file(store, after, {});
  CHECK(second.added == 1);    // the refund
  CHECK(second.updated == 1);  // #2002 became void
  CHECK(second.unchanged == 1);
  CHECK(stored_net_sales(store) == 6000);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT total FROM pos_transactions WHERE pos_id = '#2001/refund'")
            .getInt64() == -4000);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT kind FROM pos_transactions WHERE pos_id = '#2002'")
            .getString() == "void");
}

TEST_CASE("import: rows of one transaction spread over the file are still one transaction") {
  TempDir dir;
  const auto file = dir.write("scattered.csv",
                              "Receipt number,Date,Receipt type,Item,Quantity,Net sales\n"
                              "A1,02/01/2026 10:00,Sale,Tea,1,3.00\n"
                              "A2,02/01/2026 10:05,Sale,Cake,1,4.00\n"
                              "A1,02/01/2026 10:00,Sale,Scone,2,5.00\n");
  Store store(":memory:");
  set_store_currency(store, "EUR");
  const auto result = import_pos_file(store, file, {});
  CHECK(result.transactions == 2);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT total FROM pos_transactions WHERE pos_id = 'A1'")
            .getInt64() == 800);
}

TEST_CASE("import: unknown columns and unknown profiles are clear errors") {
  TempDir dir;
  Store store(":memory:");
  const auto file = dir.write("mystery.csv", "foo,bar\n1,2\n");
  CHECK_THROWS_WITH_AS((void)import_pos_file(store, file, {}), doctest::Contains("no POS profile matches"),
                       ImportError);
  ImportOptions shopify;
  shopify.profile = "shopify";
  CHECK_THROWS_WITH_AS((void)import_pos_file(store, file, shopify), doctest::Contains("column"), ImportError);
  CHECK(transaction_count(store) == 0);
}

TEST_CASE("import: guessed profile for an unknown export imports it") {
  TempDir dir;
  const std::string toml = guess_profile_toml(fixtures / "french_sales.csv");
  CHECK(toml.find("decimal = \",\"") != std::string::npos);
  CHECK(toml.find("total = \"Montant TTC\"") != std::string::npos);
  CHECK(toml.find("seller = \"Vendeur\"") != std::string::npos);
  CHECK(toml.find("date_format = \"dmy\"") != std::string::npos);
  CHECK(toml.find("built-in profile") == std::string::npos);
  const std::string russian = guess_profile_toml(fixtures / "cyrillic_1251.csv");
  CHECK(russian.find("decimal = \",\"") != std::string::npos);
  CHECK(russian.find("seller = \"Продавец\"") != std::string::npos);
  CHECK(guess_profile_toml(fixtures / "loyverse_receipts.csv").find("built-in profile \"loyverse\"") !=
        std::string::npos);
  const auto profile = dir.write("guessed.toml", toml);
  Store store(":memory:");
  const auto result = import_pos_file(store, fixtures / "french_sales.csv", with_profile(profile));
  CHECK(result.transactions == 6);
  CHECK(result.net_sales == 244620);
}

TEST_CASE("import: watch folder moves files to imported/ and rejected/") {
  TempDir dir;
  fs::copy_file(fixtures / "loyverse_receipts.csv", dir.path / "good.csv");
  (void)dir.write("bad.txt", "Receipt number,Date,Receipt type,Net sales\nR1,31/02/2026 10:00,Sale,1.00\n");
  (void)dir.write("notes.md", "not a sales file");
  Store store(":memory:");
  set_store_currency(store, "EUR");
  CHECK(import_watch_folder(store, dir.path, {}, 3600).empty());  // too fresh: may still be being written
  const auto results = import_watch_folder(store, dir.path, {}, 0);
  REQUIRE(results.size() == 2);
  CHECK(fs::exists(dir.path / "imported" / "good.csv"));
  CHECK(fs::exists(dir.path / "rejected" / "bad.txt"));
  CHECK(read_text(dir.path / "rejected" / "bad.txt.error.txt").find("bad.txt:2: column \"Date\"") !=
        std::string::npos);
  CHECK(fs::exists(dir.path / "notes.md"));
  CHECK(transaction_count(store) == 6);
  CHECK(import_watch_folder(store, dir.path, {}, 0).empty());
}

TEST_CASE("import: profile detection by header names") {
  const auto* square =
      detect_profile({"Date", "Time", "Time Zone", "Item", "Qty", "Net Sales", "Transaction ID"});
  REQUIRE(square != nullptr);
  CHECK(square->name == "square-items");
  const auto* loyverse = detect_profile({" receipt NUMBER ", "Date", "Receipt type", "Net sales"});
  REQUIRE(loyverse != nullptr);
  CHECK(loyverse->name == "loyverse");
  const auto* sumup = detect_profile({"Transaction ID", "Date", "Amount", "Status", "Payment method"});
  REQUIRE(sumup != nullptr);
  CHECK(sumup->name == "payments");
  CHECK(detect_profile({"a", "b"}) == nullptr);
  CHECK_THROWS_WITH(parse_profile_toml("[columns]\nwho = \"x\"\ntotal = \"t\"\n", "p.toml"),
                    doctest::Contains("who"));
}

TEST_CASE("import: the demo sales file imports for any date") {
  const fs::path demo = fs::path(FOOTFALL_ASSETS_DIR) / "demo";
  ImportOptions options = with_profile(demo / "sales-profile.toml");
  options.default_date = "2026-03-29";  // the night Paris moves to summer time: still fine
  Store store(":memory:");
  const auto result = import_pos_file(store, demo / "sales.csv", options);
  CHECK(result.transactions == 150);
  CHECK(result.net_sales == 1197140);  // summed independently: all rows except "Annulé"
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT count(*) FROM pos_transactions WHERE kind = 'refund'")
            .getInt64() == 5);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT count(*) FROM pos_transactions WHERE seller = 'Анна'")
            .getInt64() > 0);
  // T0001 at 09:10 Paris (CEST, UTC+2) on 2026-03-29 = 07:10 UTC.
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT time_ms FROM pos_transactions WHERE pos_id = 'T0001'")
            .getInt64() == 1774768200000);
  ImportOptions no_date = with_profile(demo / "sales-profile.toml");
  CHECK_THROWS_WITH_AS((void)import_pos_file(store, demo / "sales.csv", no_date),
                       doctest::Contains("no default date"), ImportError);
}

TEST_CASE("import: --skip-bad-rows sets aside every row of a transaction with a bad row") {
  TempDir dir;
  const auto file = dir.write("items.csv",
                              "Receipt number,Date,Receipt type,Item,Quantity,Net sales\n"
                              "A1,02/01/2026 10:00,Sale,Tea,1,3.00\n"
                              "A1,02/01/2026 10:00,Sale,Scone,two,5.00\n"
                              "B1,02/01/2026 10:05,Sale,Cake,1,4.00\n");
  Store store(":memory:");
  set_store_currency(store, "EUR");
  ImportOptions options;
  options.skip_bad_rows = true;
  options.reject_file = dir.path / "rejects.csv";
  const auto result = import_pos_file(store, file, options);
  CHECK(result.transactions == 1);
  CHECK(result.net_sales == 400);
  REQUIRE(result.rejected.size() == 1);
  CHECK(result.rejected[0].line == 3);
  CHECK(result.rejected[0].column == "Quantity");
  const std::string rejects = read_text(dir.path / "rejects.csv");
  CHECK(rejects.find("A1,02/01/2026 10:00,Sale,Tea,1,3.00,") != std::string::npos);
  CHECK(rejects.find("A1,02/01/2026 10:00,Sale,Scone,two,5.00,") != std::string::npos);
  CHECK(rejects.find("B1") == std::string::npos);
}

TEST_CASE("import: a Windows-1252 French export keeps its accents and euro sign") {
  TempDir dir;
  // "Rémi", "Élodie" and "12,50 €" as Windows-1252 bytes (é = E9, É = C9, € = 80).
  const auto file = dir.write("caisse_1252.csv",
                              "Nom;Date;Heure;Vendeur;Caisse;Type;Articles;Montant TTC\r\n"
                              "W-1;14.07.2026;09:12;R\xE9mi;Caisse 1;Vente;2;12,50 \x80\r\n"
                              "W-2;14.07.2026;09:40;\xC9lodie;Caisse 1;Vente;1;3,20 \x80\r\n");
  Store store(":memory:");
  const auto result = import_pos_file(store, file, with_profile(fixtures / "french_sales.toml"));
  CHECK(result.transactions == 2);
  CHECK(result.net_sales == 1570);
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT seller FROM pos_transactions WHERE pos_id = 'W-1'")
            .getString() == "Rémi");
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT seller FROM pos_transactions WHERE pos_id = 'W-2'")
            .getString() == "Élodie");
}

TEST_CASE("import: the first transactions are previewed before anything is written, also in a dry run") {
  Store store(":memory:");
  auto options = with_profile(fixtures / "french_sales.toml");
  options.dry_run = true;
  std::string previewed_profile;
  std::vector<Transaction> previewed;
  std::int64_t stored_when_previewed = -1;
  options.on_preview = [&](const std::string& profile, const std::vector<Transaction>& first) {
    previewed_profile = profile;
    previewed = first;
    stored_when_previewed = footfall::data::testing::connection(store)
                                .execAndGet("SELECT count(*) FROM pos_transactions")
                                .getInt64();
  };
  const auto result = import_pos_file(store, fixtures / "french_sales.csv", options);
  CHECK(previewed_profile == "caisse-fr");
  REQUIRE(previewed.size() == ImportResult::preview_size);
  CHECK(previewed.front().pos_id == "T-0001");
  CHECK(previewed[1].total == 120400);
  CHECK(stored_when_previewed == 0);
  CHECK(result.preview.size() == ImportResult::preview_size);
  CHECK(result.preview.front().pos_id == "T-0001");
  CHECK(footfall::data::testing::connection(store)
            .execAndGet("SELECT count(*) FROM pos_transactions")
            .getInt64() == 0);
}

TEST_CASE(
    "import: a refused file says why in a kind each front end words itself, and no message names a command") {
  TempDir dir;
  const auto profile = dir.write("generic.toml", generic_profile);
  const auto failure_of = [](Store& store, const fs::path& file, const ImportOptions& options) {
    try {
      import_pos_file(store, file, options);
    } catch (const ImportError& error) {
      const std::string message = error.what();
      INFO(message);
      CHECK(message.find("footfall ") == std::string::npos);
      CHECK(message.find(" --") == std::string::npos);
      CHECK(message.find("(--") == std::string::npos);
      return error.failure();
    }
    FAIL("the file should have been refused: " << file);
    return ImportFailure::Other;
  };
  Store store(":memory:");
  CHECK(failure_of(store, dir.path / "absent.csv", {}) == ImportFailure::Unreadable);
  CHECK(failure_of(store, dir.write("picture.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), {}) ==
        ImportFailure::NotText);
  CHECK(failure_of(store, dir.write("empty.csv", ""), {}) == ImportFailure::Empty);
  CHECK(failure_of(store, dir.write("unknown.csv", "colour,size\nred,4\n"), {}) ==
        ImportFailure::NoProfileMatch);
  CHECK(failure_of(store, dir.write("cut.csv", "id,date,time,total\nP1,2025-06-01,10:00,\"5.00\n"),
                   with_profile(profile)) == ImportFailure::Truncated);
  CHECK(failure_of(store, dir.write("bad.csv", "id,date,time,total\nP1,2025-06-01,10:00,five\n"),
                   with_profile(profile)) == ImportFailure::BadRows);
  CHECK(failure_of(store, dir.write("no-total.csv", "id,date,time\nP1,2025-06-01,10:00\n"),
                   with_profile(profile)) == ImportFailure::MissingColumns);
  CHECK(transaction_count(store) == 0);
}
