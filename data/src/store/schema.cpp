#include "store/schema.hpp"

#include "store/buyer_rule.hpp"

namespace footfall::data {
namespace {

// What a deleted transaction takes back from one sales rollup: the buyer rule's sums (from
// buyer_rule.hpp, the one place that states it) of the OLD row, in the bucket `where` picks.
std::string undo_sale_sql(const char* table, const char* where) {
  const auto sums = sales_sql("OLD.");
  return std::string("  UPDATE ") + table + " SET buyers = buyers - (" + sums.buyers + "),\n" +
         "    gross = gross - " + sums.gross + ",\n" + "    net = net - " + sums.net + ",\n" +
         "    units = units - " + sums.units + "\n" + "  WHERE " + where + ";\n";
}

// Step 7. Its delete trigger is the one that still runs (step 1's triggers were dropped by
// steps 4 and 7), so its sums are built from the buyer rule rather than spelled out here. The
// text reads "kind IN ('sale')" where the released step read "kind = 'sale'": the same test on
// a NOT NULL column, so databases migrated before and after behave alike.
std::string drop_hourly_sales_triggers_sql() {
  return "\nDROP TRIGGER IF EXISTS sales_rollup_hour_insert;\n"
         "DROP TRIGGER IF EXISTS sales_rollup_hour_update;\n"
         "DROP TRIGGER IF EXISTS rollup_hour_totals_sales_insert;\n"
         "DROP TRIGGER IF EXISTS rollup_hour_totals_sales_update;\n"
         "DROP TRIGGER IF EXISTS pos_transactions_rollup_delete;\n"
         "CREATE TRIGGER pos_transactions_rollup_delete AFTER DELETE ON pos_transactions BEGIN\n" +
         undo_sale_sql("sales_rollup",
                       "bucket_ms = (OLD.time_ms / 900000) * 900000 AND seller = OLD.seller") +
         undo_sale_sql("sales_rollup_hour",
                       "bucket_ms = (OLD.time_ms / 3600000) * 3600000 AND seller = OLD.seller") +
         undo_sale_sql("rollup_hour_totals", "bucket_ms = (OLD.time_ms / 3600000) * 3600000") + "END;\n";
}

}  // namespace

const std::vector<std::string>& schema_migrations() {
  static const std::vector<std::string> steps = {
      // 1: the whole first schema.
      R"sql(
CREATE TABLE stores (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  cutoff_minutes INTEGER NOT NULL DEFAULT 0,
  open_minutes INTEGER NOT NULL,   -- moved to opening_hours by step 11
  close_minutes INTEGER NOT NULL,
  visitor_rule TEXT NOT NULL CHECK (visitor_rule IN ('entries', 'half_in_out')),
  low_data_visitors INTEGER NOT NULL,
  currency TEXT NOT NULL,
  language TEXT NOT NULL
);

CREATE TABLE doors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  camera TEXT NOT NULL DEFAULT ''
);

CREATE TABLE count_events (
  id INTEGER PRIMARY KEY,
  time_ms INTEGER NOT NULL,
  door TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  track INTEGER NOT NULL DEFAULT 0,
  confidence REAL NOT NULL DEFAULT 1
);
CREATE INDEX count_events_time ON count_events(time_ms, direction);

-- Maintained by triggers so a month or a year is summed from buckets, not from events.
CREATE TABLE count_rollup (
  bucket_ms INTEGER NOT NULL,
  door TEXT NOT NULL,
  entries INTEGER NOT NULL DEFAULT 0,
  exits INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (bucket_ms, door)
) WITHOUT ROWID;

CREATE TRIGGER count_events_rollup_insert AFTER INSERT ON count_events BEGIN
  INSERT INTO count_rollup(bucket_ms, door, entries, exits)
  VALUES ((NEW.time_ms / 900000) * 900000, NEW.door, NEW.direction = 'in', NEW.direction = 'out')
  ON CONFLICT(bucket_ms, door) DO UPDATE SET entries = entries + excluded.entries, exits = exits + excluded.exits;
END;
CREATE TRIGGER count_events_rollup_delete AFTER DELETE ON count_events BEGIN
  UPDATE count_rollup SET entries = entries - (OLD.direction = 'in'), exits = exits - (OLD.direction = 'out')
  WHERE bucket_ms = (OLD.time_ms / 900000) * 900000 AND door = OLD.door;
END;

CREATE TABLE camera_gaps (
  id INTEGER PRIMARY KEY,
  door TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX camera_gaps_time ON camera_gaps(start_ms, end_ms);

CREATE TABLE camera_uptime (
  id INTEGER PRIMARY KEY,
  door TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL
);
CREATE INDEX camera_uptime_door ON camera_uptime(door, end_ms);

CREATE TABLE sellers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE seller_aliases (
  alias TEXT PRIMARY KEY,
  seller_id INTEGER NOT NULL REFERENCES sellers(id) ON DELETE CASCADE
);

CREATE TABLE shifts (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  weekday_mask INTEGER NOT NULL DEFAULT 127,
  start_minutes INTEGER NOT NULL,
  end_minutes INTEGER NOT NULL
);

CREATE TABLE roster (
  id INTEGER PRIMARY KEY,
  seller TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms)
);
CREATE INDEX roster_time ON roster(start_ms, end_ms);

CREATE TABLE pos_transactions (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  pos_id TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'void', 'cancelled')),
  total INTEGER NOT NULL,
  units REAL NOT NULL DEFAULT 0,
  currency TEXT NOT NULL DEFAULT '',
  seller TEXT NOT NULL DEFAULT '',
  register TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  UNIQUE (source, pos_id)
);
CREATE INDEX pos_transactions_time ON pos_transactions(time_ms);

CREATE TABLE pos_line_items (
  id INTEGER PRIMARY KEY,
  transaction_id INTEGER NOT NULL REFERENCES pos_transactions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  quantity REAL NOT NULL,
  amount INTEGER NOT NULL
);
CREATE INDEX pos_line_items_transaction ON pos_line_items(transaction_id);

-- Per seller and bucket: completed sales (buyers), their gross, net of refunds, and units sold.
CREATE TABLE sales_rollup (
  bucket_ms INTEGER NOT NULL,
  seller TEXT NOT NULL,
  buyers INTEGER NOT NULL DEFAULT 0,
  gross INTEGER NOT NULL DEFAULT 0,
  net INTEGER NOT NULL DEFAULT 0,
  units REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (bucket_ms, seller)
) WITHOUT ROWID;

-- Released history: steps 4 and 7 drop these three triggers; the rule they spell is store/buyer_rule.hpp.
CREATE TRIGGER pos_transactions_rollup_insert AFTER INSERT ON pos_transactions BEGIN
  INSERT INTO sales_rollup(bucket_ms, seller, buyers, gross, net, units)
  VALUES ((NEW.time_ms / 900000) * 900000, NEW.seller, NEW.kind = 'sale',
          CASE NEW.kind WHEN 'sale' THEN NEW.total ELSE 0 END,
          CASE WHEN NEW.kind IN ('sale', 'refund') THEN NEW.total ELSE 0 END,
          CASE NEW.kind WHEN 'sale' THEN NEW.units ELSE 0 END)
  ON CONFLICT(bucket_ms, seller) DO UPDATE SET buyers = buyers + excluded.buyers, gross = gross + excluded.gross,
    net = net + excluded.net, units = units + excluded.units;
END;
CREATE TRIGGER pos_transactions_rollup_delete AFTER DELETE ON pos_transactions BEGIN
  UPDATE sales_rollup SET buyers = buyers - (OLD.kind = 'sale'),
    gross = gross - CASE OLD.kind WHEN 'sale' THEN OLD.total ELSE 0 END,
    net = net - CASE WHEN OLD.kind IN ('sale', 'refund') THEN OLD.total ELSE 0 END,
    units = units - CASE OLD.kind WHEN 'sale' THEN OLD.units ELSE 0 END
  WHERE bucket_ms = (OLD.time_ms / 900000) * 900000 AND seller = OLD.seller;
END;
CREATE TRIGGER pos_transactions_rollup_update AFTER UPDATE OF time_ms, kind, total, units, seller ON pos_transactions
BEGIN
  UPDATE sales_rollup SET buyers = buyers - (OLD.kind = 'sale'),
    gross = gross - CASE OLD.kind WHEN 'sale' THEN OLD.total ELSE 0 END,
    net = net - CASE WHEN OLD.kind IN ('sale', 'refund') THEN OLD.total ELSE 0 END,
    units = units - CASE OLD.kind WHEN 'sale' THEN OLD.units ELSE 0 END
  WHERE bucket_ms = (OLD.time_ms / 900000) * 900000 AND seller = OLD.seller;
  INSERT INTO sales_rollup(bucket_ms, seller, buyers, gross, net, units)
  VALUES ((NEW.time_ms / 900000) * 900000, NEW.seller, NEW.kind = 'sale',
          CASE NEW.kind WHEN 'sale' THEN NEW.total ELSE 0 END,
          CASE WHEN NEW.kind IN ('sale', 'refund') THEN NEW.total ELSE 0 END,
          CASE NEW.kind WHEN 'sale' THEN NEW.units ELSE 0 END)
  ON CONFLICT(bucket_ms, seller) DO UPDATE SET buyers = buyers + excluded.buyers, gross = gross + excluded.gross,
    net = net + excluded.net, units = units + excluded.units;
END;

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL DEFAULT '',
  rows INTEGER NOT NULL DEFAULT 0,
  transactions INTEGER NOT NULL DEFAULT 0,
  result TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  time_ms INTEGER NOT NULL
);
CREATE INDEX imports_sha256 ON imports(sha256);
)sql",
      // 2: hourly rollups, fed from the 15-minute ones, so a year reads a quarter of the rows.
      R"sql(
CREATE TABLE count_rollup_hour (
  bucket_ms INTEGER NOT NULL,
  door TEXT NOT NULL,
  entries INTEGER NOT NULL DEFAULT 0,
  exits INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (bucket_ms, door)
) WITHOUT ROWID;
INSERT INTO count_rollup_hour(bucket_ms, door, entries, exits)
  SELECT bucket_ms / 3600000 * 3600000, door, sum(entries), sum(exits) FROM count_rollup GROUP BY 1, 2;

CREATE TRIGGER count_rollup_hour_insert AFTER INSERT ON count_rollup BEGIN
  INSERT INTO count_rollup_hour(bucket_ms, door, entries, exits)
  VALUES (NEW.bucket_ms / 3600000 * 3600000, NEW.door, NEW.entries, NEW.exits)
  ON CONFLICT(bucket_ms, door) DO UPDATE SET entries = entries + excluded.entries, exits = exits + excluded.exits;
END;
CREATE TRIGGER count_rollup_hour_update AFTER UPDATE ON count_rollup BEGIN
  UPDATE count_rollup_hour SET entries = entries + NEW.entries - OLD.entries, exits = exits + NEW.exits - OLD.exits
  WHERE bucket_ms = NEW.bucket_ms / 3600000 * 3600000 AND door = NEW.door;
END;

CREATE TABLE sales_rollup_hour (
  bucket_ms INTEGER NOT NULL,
  seller TEXT NOT NULL,
  buyers INTEGER NOT NULL DEFAULT 0,
  gross INTEGER NOT NULL DEFAULT 0,
  net INTEGER NOT NULL DEFAULT 0,
  units REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (bucket_ms, seller)
) WITHOUT ROWID;
INSERT INTO sales_rollup_hour(bucket_ms, seller, buyers, gross, net, units)
  SELECT bucket_ms / 3600000 * 3600000, seller, sum(buyers), sum(gross), sum(net), sum(units)
  FROM sales_rollup GROUP BY 1, 2;

CREATE TRIGGER sales_rollup_hour_insert AFTER INSERT ON sales_rollup BEGIN
  INSERT INTO sales_rollup_hour(bucket_ms, seller, buyers, gross, net, units)
  VALUES (NEW.bucket_ms / 3600000 * 3600000, NEW.seller, NEW.buyers, NEW.gross, NEW.net, NEW.units)
  ON CONFLICT(bucket_ms, seller) DO UPDATE SET buyers = buyers + excluded.buyers, gross = gross + excluded.gross,
    net = net + excluded.net, units = units + excluded.units;
END;
CREATE TRIGGER sales_rollup_hour_update AFTER UPDATE ON sales_rollup BEGIN
  UPDATE sales_rollup_hour SET buyers = buyers + NEW.buyers - OLD.buyers, gross = gross + NEW.gross - OLD.gross,
    net = net + NEW.net - OLD.net, units = units + NEW.units - OLD.units
  WHERE bucket_ms = NEW.bucket_ms / 3600000 * 3600000 AND seller = NEW.seller;
END;
)sql",
      // 3: Store::add_count_events folds each batch into count_rollup itself; a trigger per event
      // made a year of history take most of a minute.
      R"sql(
DROP TRIGGER IF EXISTS count_events_rollup_insert;
)sql",
      // 4: Store::upsert_transactions folds each batch into sales_rollup itself; a trigger per
      // transaction made importing a large file several times slower than parsing it.
      R"sql(
DROP TRIGGER IF EXISTS pos_transactions_rollup_insert;
DROP TRIGGER IF EXISTS pos_transactions_rollup_update;
)sql",
      // 5: counting the same video twice must not double its events: a crossing is one row per
      // door, instant, track and direction. Earlier duplicates go first (the delete trigger keeps
      // the rollups in step), then Store::add_count_events inserts with OR IGNORE.
      R"sql(
DELETE FROM count_events WHERE id NOT IN
  (SELECT min(id) FROM count_events GROUP BY time_ms, door, track, direction);
CREATE UNIQUE INDEX count_events_crossing ON count_events(time_ms, door, track, direction);
)sql",
      // 6: what a range report reads. Its hours need neither doors nor sellers, so one row per hour
      // carries both counts and sales; its sellers need only whole business days. Business days
      // depend on the store's zone and cutoff, so sales_rollup_day is filled by the Store, which
      // records the basis it used; a basis that no longer matches the settings means "not usable".
      R"sql(
CREATE TABLE rollup_hour_totals (
  bucket_ms INTEGER PRIMARY KEY,
  entries INTEGER NOT NULL DEFAULT 0,
  exits INTEGER NOT NULL DEFAULT 0,
  buyers INTEGER NOT NULL DEFAULT 0,
  gross INTEGER NOT NULL DEFAULT 0,
  net INTEGER NOT NULL DEFAULT 0,
  units REAL NOT NULL DEFAULT 0
);
INSERT INTO rollup_hour_totals(bucket_ms, entries, exits)
  SELECT bucket_ms, sum(entries), sum(exits) FROM count_rollup_hour GROUP BY bucket_ms;
INSERT INTO rollup_hour_totals(bucket_ms, buyers, gross, net, units)
  SELECT bucket_ms, sum(buyers), sum(gross), sum(net), sum(units) FROM sales_rollup_hour WHERE true GROUP BY bucket_ms
  ON CONFLICT(bucket_ms) DO UPDATE SET buyers = excluded.buyers, gross = excluded.gross, net = excluded.net,
    units = excluded.units;

CREATE TRIGGER rollup_hour_totals_counts_insert AFTER INSERT ON count_rollup_hour BEGIN
  INSERT INTO rollup_hour_totals(bucket_ms, entries, exits) VALUES (NEW.bucket_ms, NEW.entries, NEW.exits)
  ON CONFLICT(bucket_ms) DO UPDATE SET entries = entries + excluded.entries, exits = exits + excluded.exits;
END;
CREATE TRIGGER rollup_hour_totals_counts_update AFTER UPDATE ON count_rollup_hour BEGIN
  UPDATE rollup_hour_totals SET entries = entries + NEW.entries - OLD.entries, exits = exits + NEW.exits - OLD.exits
  WHERE bucket_ms = NEW.bucket_ms;
END;
CREATE TRIGGER rollup_hour_totals_sales_insert AFTER INSERT ON sales_rollup_hour BEGIN
  INSERT INTO rollup_hour_totals(bucket_ms, buyers, gross, net, units)
  VALUES (NEW.bucket_ms, NEW.buyers, NEW.gross, NEW.net, NEW.units)
  ON CONFLICT(bucket_ms) DO UPDATE SET buyers = buyers + excluded.buyers, gross = gross + excluded.gross,
    net = net + excluded.net, units = units + excluded.units;
END;
CREATE TRIGGER rollup_hour_totals_sales_update AFTER UPDATE ON sales_rollup_hour BEGIN
  UPDATE rollup_hour_totals SET buyers = buyers + NEW.buyers - OLD.buyers, gross = gross + NEW.gross - OLD.gross,
    net = net + NEW.net - OLD.net, units = units + NEW.units - OLD.units
  WHERE bucket_ms = NEW.bucket_ms;
END;

-- day: the business date as days since 1970-01-01, in the zone and cutoff of sales_rollup_day_basis.
CREATE TABLE sales_rollup_day (
  day INTEGER NOT NULL,
  seller TEXT NOT NULL,
  buyers INTEGER NOT NULL DEFAULT 0,
  gross INTEGER NOT NULL DEFAULT 0,
  net INTEGER NOT NULL DEFAULT 0,
  units REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (day, seller)
) WITHOUT ROWID;
CREATE TABLE sales_rollup_day_basis (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  time_zone TEXT NOT NULL,
  cutoff_minutes INTEGER NOT NULL
);
-- A range report reads a year of roster in start order; with the seller in the index it never
-- visits the table.
DROP INDEX roster_time;
CREATE INDEX roster_time_seller ON roster(start_ms, end_ms, seller);

-- Only Store::upsert_transactions keeps days in step; any other change to sales makes them unusable.
CREATE TRIGGER sales_rollup_day_stale AFTER DELETE ON pos_transactions BEGIN
  DELETE FROM sales_rollup_day_basis;
END;
)sql",
      // 7: Store::upsert_transactions writes the hourly sales rollups itself, once per hour and
      // batch: a trigger chain per 15-minute row was a sixth of a large import. A deleted sale
      // still updates every level here.
      drop_hourly_sales_triggers_sql(),
      // 8: a store's currency is chosen, not assumed: empty means "not yet", and the first import
      // sets it. Nothing could set it before this step, so an 'EUR' here is the old default; a store
      // that already has sales keeps it, as its figures were shown in it.
      R"sql(
UPDATE stores SET currency = '' WHERE currency = 'EUR' AND NOT EXISTS (SELECT 1 FROM pos_transactions);
)sql",
      // 9: a counted recording's span is covered time too, but says nothing of when the live
      // camera was last up, so it is kept apart from the heartbeats. One row per run: a run is
      // its door and first frame.
      R"sql(
CREATE TABLE IF NOT EXISTS recording_spans (
  door TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
  PRIMARY KEY (door, start_ms)
) WITHOUT ROWID;
)sql",
      // 10: the chain sync (data/src/chain/sync.cpp). Its cursor moves only after the central server
      // committed what it covers: new transactions and crossings are found by rowid, which only grows;
      // a transaction changed or deleted after it was sent is queued in chain_outbox by the triggers
      // (re-imports rarely change a row, so imports keep their speed). `target` is the server and
      // store code the cursor belongs to: another target starts from the beginning.
      R"sql(
CREATE TABLE IF NOT EXISTS chain_sync (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  target TEXT NOT NULL DEFAULT '',
  transaction_id INTEGER NOT NULL DEFAULT 0,
  event_id INTEGER NOT NULL DEFAULT 0,
  roster_id INTEGER NOT NULL DEFAULT 0,
  coverage_ms INTEGER NOT NULL DEFAULT 0,
  last_success_ms INTEGER
);
CREATE TABLE IF NOT EXISTS chain_outbox (
  seq INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  pos_id TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS chain_outbox_update AFTER UPDATE ON pos_transactions BEGIN
  INSERT INTO chain_outbox(source, pos_id) VALUES (NEW.source, NEW.pos_id);
END;
CREATE TRIGGER IF NOT EXISTS chain_outbox_delete AFTER DELETE ON pos_transactions BEGIN
  INSERT INTO chain_outbox(source, pos_id) VALUES (OLD.source, OLD.pos_id);
END;
)sql",
      // 11: opening hours per weekday (Monday = 0); a closed day keeps its times for when it opens again.
      R"sql(
CREATE TABLE opening_hours (
  weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6),
  open_minutes INTEGER NOT NULL,
  close_minutes INTEGER NOT NULL,
  closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
);
WITH RECURSIVE weekday(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM weekday WHERE n < 6)
INSERT INTO opening_hours(weekday, open_minutes, close_minutes)
  SELECT n, open_minutes, close_minutes FROM weekday, stores;
ALTER TABLE stores DROP COLUMN open_minutes;
ALTER TABLE stores DROP COLUMN close_minutes;
)sql",
      // 12: roster entries removed or changed after the chain sync sent them, for it to follow
      // (the server keys them by seller and start).
      R"sql(
CREATE TABLE IF NOT EXISTS chain_roster_outbox (
  seq INTEGER PRIMARY KEY,
  seller TEXT NOT NULL,
  start_ms INTEGER NOT NULL
);
CREATE TRIGGER IF NOT EXISTS chain_roster_outbox_delete AFTER DELETE ON roster BEGIN
  INSERT INTO chain_roster_outbox(seller, start_ms) VALUES (OLD.seller, OLD.start_ms);
END;
CREATE TRIGGER IF NOT EXISTS chain_roster_outbox_update AFTER UPDATE ON roster BEGIN
  INSERT INTO chain_roster_outbox(seller, start_ms) VALUES (OLD.seller, OLD.start_ms);
END;
)sql",
      // 13: the seller contest's conversion goal (a fraction), NULL until the owner sets one.
      R"sql(
ALTER TABLE stores ADD COLUMN contest_goal REAL;
)sql",
  };
  return steps;
}

}  // namespace footfall::data
