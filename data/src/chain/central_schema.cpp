// The central PostgreSQL schema, in ordered steps recorded in schema_migrations, and the stores'
// login roles. Row-level security on store_id: a store's role sees and writes its own rows only;
// the owner (the head office's login, which ran the migrations) sees every store.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "chain/pg.hpp"
#include "footfall/data/chain/chain.hpp"
#include "store/buyer_rule.hpp"

namespace footfall::data::chain {
namespace {

// The tables every store writes, each with a store_id that row-level security checks.
const char* const store_tables[] = {"traffic", "transactions", "sellers", "shifts", "rosters"};

std::string row_security_sql() {
  std::string sql;
  for (const char* table : store_tables) {
    const std::string name = table;
    sql.append("ALTER TABLE ").append(name).append(" ENABLE ROW LEVEL SECURITY;\n");
    sql.append("CREATE POLICY ").append(name).append("_own_store ON ").append(name);
    sql.append(" USING (store_id = footfall_store_id()) WITH CHECK (store_id = footfall_store_id());\n");
    sql.append("GRANT SELECT, INSERT, UPDATE, DELETE ON ").append(name).append(" TO footfall_store;\n");
  }
  return sql;
}

// The policies' store id as a sub-select: PostgreSQL then looks it up once per statement, where a
// bare call ran the function for every row a sync wrote. And no foreign key from the two big tables
// to stores: the policies' WITH CHECK already ties each row a store writes to its own stores row, and
// the key's per-row lookup took a third of a sync's inserts.
// Each store's sums per business day, kept by statement triggers on traffic and transactions: a
// month's report of 500 stores reads 15,000 of these rows, not a million sales. A day is summed
// again from its rows whenever any of them changes, so it cannot drift from them.
std::string store_days_sql() {
  std::string sql = R"sql(
CREATE TABLE store_days (
  store_id integer NOT NULL,
  business_day date NOT NULL,
  entries bigint NOT NULL,
  exits bigint NOT NULL,
  buyers bigint NOT NULL,
  net bigint NOT NULL,
  gross bigint NOT NULL,
  PRIMARY KEY (business_day, store_id)
);
ALTER TABLE store_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY store_days_own_store ON store_days USING (store_id = (SELECT footfall_store_id()));
GRANT SELECT ON store_days TO footfall_store;

CREATE FUNCTION footfall_refresh_days(stores integer[], days date[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
  DELETE FROM store_days d USING unnest(stores, days) AS c(store_id, business_day)
    WHERE d.store_id = c.store_id AND d.business_day = c.business_day;
  INSERT INTO store_days (store_id, business_day, entries, exits, buyers, net, gross)
  SELECT c.store_id, c.business_day, coalesce(t.entries, 0), coalesce(t.exits, 0), x.buyers,
         coalesce(x.net, 0), coalesce(x.gross, 0)
  FROM unnest(stores, days) AS c(store_id, business_day)
  CROSS JOIN LATERAL (SELECT count(*) AS n, sum(entries) AS entries, sum(exits) AS exits FROM traffic
                      WHERE store_id = c.store_id AND business_day = c.business_day) t
  CROSS JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE kind IN (BUYER_KINDS)) AS buyers,
                             sum(net) AS net, sum(gross) AS gross FROM transactions
                      WHERE store_id = c.store_id AND business_day = c.business_day) x
  WHERE t.n > 0 OR x.n > 0;
$f$;

CREATE FUNCTION footfall_days_of_new() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
  PERFORM footfall_refresh_days(array_agg(store_id), array_agg(business_day))
    FROM (SELECT DISTINCT store_id, business_day FROM changed_new) c;
  RETURN NULL;
END $f$;
CREATE FUNCTION footfall_days_of_old() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
  PERFORM footfall_refresh_days(array_agg(store_id), array_agg(business_day))
    FROM (SELECT DISTINCT store_id, business_day FROM changed_old) c;
  RETURN NULL;
END $f$;
CREATE FUNCTION footfall_days_of_both() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
  PERFORM footfall_refresh_days(array_agg(store_id), array_agg(business_day))
    FROM (SELECT store_id, business_day FROM changed_old UNION SELECT store_id, business_day FROM changed_new) c;
  RETURN NULL;
END $f$;
)sql";
  const std::string kinds(buyer_kinds_sql);
  sql.replace(sql.find("BUYER_KINDS"), std::string("BUYER_KINDS").size(), kinds);
  const auto trigger = [&sql](const char* table, const char* event, const char* transitions, const char* function) {
    sql.append("CREATE TRIGGER ").append(table).append("_days_").append(event).append(" AFTER ").append(event);
    sql.append(" ON ").append(table).append(" REFERENCING ").append(transitions);
    sql.append(" FOR EACH STATEMENT EXECUTE FUNCTION ").append(function).append("();\n");
  };
  for (const char* table : {"traffic", "transactions"}) {
    trigger(table, "insert", "NEW TABLE AS changed_new", "footfall_days_of_new");
    trigger(table, "update", "OLD TABLE AS changed_old NEW TABLE AS changed_new", "footfall_days_of_both");
    trigger(table, "delete", "OLD TABLE AS changed_old", "footfall_days_of_old");
  }
  sql += "SELECT footfall_refresh_days(array_agg(store_id), array_agg(business_day)) FROM (SELECT store_id, "
         "business_day FROM traffic UNION SELECT store_id, business_day FROM transactions) c;\n";
  return sql;
}

std::string once_per_statement_policies_sql() {
  std::string sql =
      "ALTER TABLE traffic DROP CONSTRAINT traffic_store_id_fkey;\n"
      "ALTER TABLE transactions DROP CONSTRAINT transactions_store_id_fkey;\n";
  const std::string own = "(store_id = (SELECT footfall_store_id()))";
  for (const char* table : store_tables) {
    const std::string name = table;
    sql.append("ALTER POLICY ").append(name).append("_own_store ON ").append(name);
    sql.append(" USING ").append(own).append(" WITH CHECK ").append(own).append(";\n");
  }
  return sql;
}

const std::vector<std::string>& central_migrations() {
  static const std::vector<std::string> steps = {
      // 1: the whole first schema. Times are UTC milliseconds as in the kiosk's SQLite, so a row
      // compares to the cent and to the millisecond; footfall_business_day applies a store's zone
      // and day start. Traffic is kept in quarter hours (the kiosk's own rollup): a business day in
      // a zone such as Asia/Kolkata starts on a half hour, where an hour bucket would straddle it.
      std::string(R"sql(
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'footfall_store') THEN
    CREATE ROLE footfall_store NOLOGIN;
  END IF;
END $$;

CREATE TABLE stores (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  role_name text NOT NULL UNIQUE,
  name text NOT NULL DEFAULT '',
  region text NOT NULL DEFAULT '',
  time_zone text NOT NULL DEFAULT 'UTC',
  currency text NOT NULL DEFAULT '',
  day_start_minutes integer NOT NULL DEFAULT 0 CHECK (day_start_minutes BETWEEN 0 AND 720),
  visitor_rule text NOT NULL DEFAULT 'entries' CHECK (visitor_rule IN ('entries', 'half_in_out')),
  low_data_visitors integer NOT NULL DEFAULT 30,
  last_sync_at timestamptz
);

-- The store the logged-in role belongs to. SECURITY DEFINER reads stores past its own policy; inside
-- it current_user is the owner, so the login is session_user.
CREATE FUNCTION footfall_store_id() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $f$ SELECT id FROM public.stores WHERE role_name = session_user $f$;

CREATE FUNCTION footfall_business_day(ms bigint, zone text, day_start integer) RETURNS date
  LANGUAGE sql STABLE
  AS $f$ SELECT ((to_timestamp(ms / 1000) AT TIME ZONE zone) - make_interval(mins => day_start))::date $f$;

-- One row per store, door and quarter hour: crossings, and the minutes a counter covered or a gap took.
-- footfall_business_day is the kiosk's business-day rule in SQL, for rows whose store changed zone.
CREATE TABLE traffic (
  store_id integer NOT NULL REFERENCES stores(id),
  bucket_ms bigint NOT NULL,
  business_day date NOT NULL,
  door text NOT NULL,
  entries integer NOT NULL DEFAULT 0,
  exits integer NOT NULL DEFAULT 0,
  covered_minutes integer NOT NULL DEFAULT 0,
  gap_minutes integer NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, bucket_ms, door)
);

-- The natural key is the kiosk's: store, POS source and POS id.
CREATE TABLE transactions (
  store_id integer NOT NULL REFERENCES stores(id),
  source text NOT NULL,
  pos_id text NOT NULL,
  time_ms bigint NOT NULL,
  business_day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('sale', 'refund', 'void', 'cancelled')),
  total bigint NOT NULL,
  net bigint NOT NULL,
  gross bigint NOT NULL,
  units double precision NOT NULL DEFAULT 0,
  seller text NOT NULL DEFAULT '',
  register text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  PRIMARY KEY (store_id, source, pos_id)
);
-- A report reads business days: the kiosk writes each row's day in its store's zone and day start
-- (the sync recomputes them when those change), so a month of 500 stores is an index range, with
-- the sums in the index, and no zone arithmetic per row.
CREATE INDEX transactions_day ON transactions (business_day, store_id) INCLUDE (kind, net, gross);
CREATE INDEX traffic_day ON traffic (business_day, store_id) INCLUDE (entries, exits);

CREATE TABLE sellers (
  store_id integer NOT NULL REFERENCES stores(id),
  name text NOT NULL,
  PRIMARY KEY (store_id, name)
);

CREATE TABLE shifts (
  store_id integer NOT NULL REFERENCES stores(id),
  position integer NOT NULL,
  name text NOT NULL,
  weekday_mask integer NOT NULL,
  start_minutes integer NOT NULL,
  end_minutes integer NOT NULL,
  PRIMARY KEY (store_id, position)
);

CREATE TABLE rosters (
  store_id integer NOT NULL REFERENCES stores(id),
  seller text NOT NULL,
  start_ms bigint NOT NULL,
  end_ms bigint NOT NULL CHECK (end_ms >= start_ms),
  PRIMARY KEY (store_id, seller, start_ms)
);

ALTER TABLE stores ENABLE ROW LEVEL SECURITY;
CREATE POLICY stores_own_row ON stores USING (role_name = session_user);
GRANT SELECT ON stores TO footfall_store;
GRANT UPDATE (name, time_zone, currency, day_start_minutes, visitor_rule, low_data_visitors, last_sync_at)
  ON stores TO footfall_store;
GRANT SELECT ON schema_migrations TO footfall_store;
GRANT EXECUTE ON FUNCTION footfall_store_id(), footfall_business_day(bigint, text, integer) TO footfall_store;
)sql") + row_security_sql(),
      // 2: crossings outside opening hours are kept apart, as on the kiosk, so entries stay visitors;
      // stores.opening_hours is the week they were split by (data/week_hours.hpp's text).
      R"sql(
ALTER TABLE traffic ADD COLUMN after_hours_entries integer NOT NULL DEFAULT 0,
                    ADD COLUMN after_hours_exits integer NOT NULL DEFAULT 0;
ALTER TABLE stores ADD COLUMN opening_hours text NOT NULL DEFAULT '';
GRANT UPDATE (opening_hours) ON stores TO footfall_store;
)sql",
      // 3: faster writes, see once_per_statement_policies_sql.
      once_per_statement_policies_sql(),
      // 4: see store_days_sql.
      store_days_sql(),
  };
  return steps;
}

}  // namespace

int central_schema_version() { return static_cast<int>(central_migrations().size()); }

std::string store_role_name(const std::string& code) {
  const bool valid = !code.empty() && code.size() <= 40 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!valid) {
    throw std::invalid_argument("store code \"" + code + "\" is not valid: use 1 to 40 of a-z, 0-9 and _");
  }
  return "store_" + code;
}

int migrate_central(const Server& server) {
  Connection connection(server);
  ServerTransaction transaction(connection);
  // One migrator at a time: a second head-office login waits here, then finds nothing to do.
  connection.exec("SELECT pg_advisory_xact_lock(1717)");
  connection.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT "
      "NULL "
      "DEFAULT now())");
  const int current = server_schema_version(connection).value_or(0);
  const int wanted = central_schema_version();
  if (current > wanted) {
    throw ChainError("chain server schema is version " + std::to_string(current) +
                     ", newer than this footfall's " + std::to_string(wanted) +
                     "; upgrade footfall before migrating");
  }
  const auto& steps = central_migrations();
  for (int version = current + 1; version <= wanted; ++version) {
    connection.exec(steps[static_cast<std::size_t>(version - 1)]);
    connection.exec("INSERT INTO schema_migrations(version) VALUES ($1)", {std::to_string(version)});
  }
  transaction.commit();
  return wanted - current;
}

std::string register_store(const Server& admin, const StoreRegistration& store) {
  std::string role = store_role_name(store.code);
  if (store.password.size() < 8) throw std::invalid_argument("store password: use 8 characters or more");
  Connection connection(admin);
  require_current_schema(connection);
  ServerTransaction transaction(connection);
  const bool exists = connection.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {role}).rows() > 0;
  // CREATE ROLE takes no parameters; the name is checked above and the password quoted by libpq.
  connection.exec(std::string(exists ? "ALTER" : "CREATE") + " ROLE " + connection.quote_identifier(role) +
                  " LOGIN PASSWORD " + connection.quote_literal(store.password));
  connection.exec("GRANT footfall_store TO " + connection.quote_identifier(role));
  connection.exec(
      "INSERT INTO stores(code, role_name, region) VALUES ($1, $2, $3) "
      "ON CONFLICT (code) DO UPDATE SET region = excluded.region",
      {store.code, role, store.region});
  transaction.commit();
  return role;
}

}  // namespace footfall::data::chain
