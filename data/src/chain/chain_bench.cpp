#include <chrono>

#include "chain/pg.hpp"
#include "footfall/data/chain/bench.hpp"

namespace footfall::data::chain {
namespace {

double seconds_of(const auto& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// `table`'s rows of one store as COPY text, and how many there are.
std::pair<std::string, std::int64_t> rows_of(Connection& admin, const std::string& table,
                                             const std::string& store_id) {
  const auto result = admin.exec("SELECT * FROM " + table + " WHERE store_id = $1", {store_id});
  std::vector<Param> values;
  values.reserve(static_cast<std::size_t>(result.rows()) * static_cast<std::size_t>(result.columns()));
  for (int row = 0; row < result.rows(); ++row) {
    for (int column = 0; column < result.columns(); ++column) {
      values.push_back(result.null(row, column) ? Param{} : Param{result.text(row, column)});
    }
  }
  return {copy_text(values, static_cast<std::size_t>(result.columns())), result.rows()};
}

}  // namespace

SyncAgainstCopy sync_against_copy(Store& local, const ScratchServer& cluster, const std::string& code) {
  const Server admin{cluster.admin_url(), {}};
  const std::string password = "bench-" + code;
  const std::string role = register_store(admin, {code, "", password});
  const Server store{cluster.url_for(role), cluster.credentials(role, password)};
  SyncAgainstCopy result;
  result.sync_seconds = seconds_of([&] { (void)sync_store(local, store, code); });

  Connection server(admin);
  const std::string store_id = server.exec("SELECT id FROM stores WHERE code = $1", {code}).text(0, 0);
  const auto transactions = rows_of(server, "transactions", store_id);
  const auto traffic = rows_of(server, "traffic", store_id);
  result.transactions = transactions.second;
  result.traffic_rows = traffic.second;
  for (const char* table : {"transactions", "traffic"}) {
    server.exec(std::string("DROP TABLE IF EXISTS bench_copy_") + table);
    server.exec(std::string("CREATE TABLE bench_copy_") + table + " (LIKE " + table +
                " INCLUDING DEFAULTS INCLUDING INDEXES)");
  }
  result.copy_seconds = seconds_of([&] {
    ServerTransaction transaction(server);
    server.copy_in("COPY bench_copy_transactions FROM STDIN", transactions.first);
    server.copy_in("COPY bench_copy_traffic FROM STDIN", traffic.first);
    transaction.commit();
  });
  for (const char* table : {"transactions", "traffic"})
    server.exec(std::string("DROP TABLE bench_copy_") + table);
  return result;
}

GeneratedChain generate_chain(const Server& admin, int stores, int days, const std::string& last_day,
                              int sales_per_day) {
  Connection server(admin);
  const std::string n_stores = std::to_string(stores);
  const std::string range =
      "generate_series($1::date - " + std::to_string(days - 1) + ", $1::date, interval '1 day')";
  {
    ServerTransaction transaction(server);
    server.exec(
        "INSERT INTO stores (code, role_name, name, region, time_zone, currency) "
        "SELECT 'gen_' || n, 'gen_role_' || n, 'Store ' || n, 'Region ' || (n % 10), 'UTC', "
        "CASE WHEN n % 5 = 0 THEN 'GBP' ELSE 'EUR' END FROM generate_series(1, " +
        n_stores + ") n");
    server.exec(
        "INSERT INTO traffic (store_id, bucket_ms, business_day, door, entries, exits, covered_minutes) "
        "SELECT s.id, (extract(epoch FROM d) * 1000)::bigint + h * 3600000, d::date, 'main', "
        "(5 + random() * 40)::int, (5 + random() * 40)::int, 60 FROM stores s CROSS JOIN " +
            range + " d CROSS JOIN generate_series(9, 20) h WHERE s.code LIKE 'gen\\_%'",
        {last_day});
    server.exec(
        "INSERT INTO transactions (store_id, source, pos_id, time_ms, business_day, kind, total, net, gross, "
        "units, seller, currency) "
        "SELECT s.id, 'gen', d::date || '-' || n, (extract(epoch FROM d) * 1000)::bigint + 32400000 + n * " +
            std::to_string(43'200'000 / std::max(1, sales_per_day)) +
            ", d::date, 'sale', t.minor, t.minor, t.minor, 1, 'Seller ' || (n % 4), s.currency "
            "FROM stores s CROSS JOIN " +
            range + " d CROSS JOIN generate_series(1, " + std::to_string(sales_per_day) +
            ") n CROSS JOIN LATERAL (SELECT (1000 + random() * 9000 + n * 0)::bigint AS minor) t "
            "WHERE s.code LIKE 'gen\\_%'",
        {last_day});
    transaction.commit();
  }
  // Index-only scans need the visibility map a bulk load leaves unset.
  server.exec("VACUUM ANALYZE traffic");
  server.exec("VACUUM ANALYZE transactions");
  server.exec("VACUUM ANALYZE store_days");
  GeneratedChain result;
  result.stores = stores;
  result.traffic_rows = server
                            .exec(
                                "SELECT count(*) FROM traffic t JOIN stores s ON s.id = t.store_id "
                                "WHERE s.code LIKE 'gen\\_%'")
                            .integer(0, 0);
  result.transactions = server
                            .exec(
                                "SELECT count(*) FROM transactions t JOIN stores s ON s.id = t.store_id "
                                "WHERE s.code LIKE 'gen\\_%'")
                            .integer(0, 0);
  return result;
}

}  // namespace footfall::data::chain
