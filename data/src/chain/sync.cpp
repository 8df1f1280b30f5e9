// footfall sync: pushes what changed in the kiosk's SQLite since the last successful sync into the
// central PostgreSQL. Each batch is one server transaction of upserts on natural keys, so a batch
// sent twice (a crash between the server's COMMIT and the local cursor's) is stored once; the local
// cursor moves only after the server committed the batch it covers. Oldest first: transactions
// and crossings by rowid (the order they were recorded), covered time by time.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "chain/pg.hpp"
#include "chain/sync_cursor.hpp"
#include "chain/sync_traffic.hpp"
#include "footfall/data/business_time.hpp"
#include "footfall/data/chain/chain.hpp"
#include "footfall/data/store/store.hpp"
#include "footfall/data/wall_clock.hpp"
#include "footfall/data/week_hours.hpp"
#include "store/buyer_rule.hpp"
#include "store/connection.hpp"

namespace footfall::data::chain {
namespace {

constexpr TimeMs coverage_window_ms = TimeMs{7} * 86'400'000;  // covered time is swept a week at a time

// True when the server's traffic was split into visitors and after hours by other opening hours, zone
// or day start than the kiosk's now (or by none, before central step 2): then all of it must go again.
bool traffic_split_moved(Connection& server, const StoreSettings& settings, const std::string& store_id) {
  const auto basis =
      server.exec("SELECT time_zone, day_start_minutes, opening_hours FROM stores WHERE id = $1", {store_id});
  return basis.rows() == 1 &&
         (basis.text(0, 0) != settings.time_zone || basis.integer(0, 1) != settings.cutoff_minutes ||
          basis.text(0, 2) != week_hours_text(settings.opening_hours));
}

// The kiosk's profile, shifts and sellers: a few rows, replaced whole on every sync.
void send_profile(Connection& server, SQLite::Database& db, const StoreSettings& settings, Store& local,
                  const std::string& store_id) {
  // Rows carry their business day: a store that changed its zone or day start has them recomputed.
  const auto basis = server.exec("SELECT time_zone, day_start_minutes FROM stores WHERE id = $1", {store_id});
  const bool days_moved = basis.rows() == 1 && (basis.text(0, 0) != settings.time_zone ||
                                                basis.integer(0, 1) != settings.cutoff_minutes);
  server.exec_prepared("opening_hours", "UPDATE stores SET opening_hours = $2 WHERE id = $1",
                       {store_id, week_hours_text(settings.opening_hours)});
  server.exec_prepared(
      "profile",
      "UPDATE stores SET name = $2, time_zone = $3, currency = $4, day_start_minutes = $5, "
      "visitor_rule = $6, low_data_visitors = $7 WHERE id = $1",
      {store_id, settings.name, settings.time_zone, settings.currency, number(settings.cutoff_minutes),
       std::string(visitor_rule_name(settings.visitor_rule)), number(settings.low_data_visitors)});
  if (days_moved) {
    for (const auto& [table, time] :
         {std::pair{"traffic", "bucket_ms"}, std::pair{"transactions", "time_ms"}}) {
      server.exec(std::string("UPDATE ") + table + " SET business_day = footfall_business_day(" + time +
                      ", $2, $3) WHERE store_id = $1",
                  {store_id, settings.time_zone, number(settings.cutoff_minutes)});
    }
  }
  server.exec_prepared("clear_shifts", "DELETE FROM shifts WHERE store_id = $1", {store_id});
  std::vector<Param> shifts;
  int position = 0;
  for (const auto& shift : local.shifts()) {
    for (const auto& value : {store_id, number(position++), shift.name, number(shift.weekday_mask),
                              number(shift.start_minutes), number(shift.end_minutes)}) {
      shifts.emplace_back(value);
    }
  }
  upsert_rows(server, "shifts", "store_id, position, name, weekday_mask, start_minutes, end_minutes", 6,
              shifts, "");
  std::vector<Param> sellers;
  SQLite::Statement names(db, "SELECT name FROM sellers ORDER BY name");
  while (names.executeStep()) {
    sellers.emplace_back(store_id);
    sellers.emplace_back(names.getColumn(0).getString());
  }
  upsert_rows(server, "sellers", "store_id, name", 2, sellers, "ON CONFLICT DO NOTHING");
}

const std::string transaction_columns =
    "source, pos_id, time_ms, kind, total, units, currency, seller, register";

// The values of one local pos_transactions row (columns as transaction_columns, from `first`).
void add_transaction(std::vector<Param>& values, const std::string& store_id, const BusinessClock& clock,
                     SQLite::Statement& row, int first) {
  const std::string kind = row.getColumn(first + 3).getString();
  const Money total = row.getColumn(first + 4).getInt64();
  const double units = row.getColumn(first + 5).getDouble();
  const auto sums = sales_contribution(kind, total, units);
  values.emplace_back(store_id);
  values.emplace_back(row.getColumn(first).getString());
  values.emplace_back(row.getColumn(first + 1).getString());
  const TimeMs time_ms = row.getColumn(first + 2).getInt64();
  values.emplace_back(number(time_ms));
  values.emplace_back(day_of(clock, time_ms));
  values.emplace_back(kind);
  values.emplace_back(number(total));
  values.emplace_back(number(sums.net));
  values.emplace_back(number(sums.gross));
  values.emplace_back(row.getColumn(first + 5).getString());
  values.emplace_back(row.getColumn(first + 8).getString());
  values.emplace_back(row.getColumn(first + 7).getString());
  values.emplace_back(row.getColumn(first + 6).getString());
}

void upsert_transactions(Connection& server, const std::vector<Param>& values) {
  upsert_rows(
      server, "transactions",
      "store_id, source, pos_id, time_ms, business_day, kind, total, net, gross, units, register, seller, "
      "currency",
      13, values,
      "ON CONFLICT (store_id, source, pos_id) DO UPDATE SET time_ms = excluded.time_ms, business_day = "
      "excluded.business_day, kind = "
      "excluded.kind, "
      "total = excluded.total, net = excluded.net, gross = excluded.gross, units = excluded.units, "
      "register = excluded.register, seller = excluded.seller, currency = excluded.currency");
}

// Spans and gaps in one list: the covered-time rows that say which quarter hours to sweep.
const char* const coverage_union =
    "(SELECT door, start_ms, end_ms FROM camera_uptime UNION ALL SELECT door, start_ms, end_ms FROM "
    "recording_spans "
    "UNION ALL SELECT door, start_ms, end_ms FROM camera_gaps)";

std::string describe_target(Connection& server, const std::string& store_code) {
  PGconn* conn = server.raw();
  return std::string(PQuser(conn)) + "@" + PQhost(conn) + ":" + PQport(conn) + "/" + PQdb(conn) + " " +
         store_code;
}

class Sync {
 public:
  Sync(Store& local, const Server& server, const std::string& store_code, const SyncOptions& options)
      : local_(local),
        db_(connection(local)),
        server_(server),
        options_(options),
        settings_(local.settings()),
        clock_(settings_) {
    require_current_schema(server_);
    const auto id = server_.exec("SELECT id FROM stores WHERE code = $1", {store_code});
    if (id.rows() == 0) {
      throw ChainError("chain server: store code \"" + store_code + "\" is not registered, or " +
                       PQuser(server_.raw()) + " is not its login (footfall chain add-store)");
    }
    store_id_ = id.text(0, 0);
    cursor_ = read_cursor(db_);
    const std::string target = describe_target(server_, store_code);
    if (cursor_.target != target) {
      cursor_ = Cursor{};  // another server or store: everything is new there
      cursor_.target = target;
      fresh_target_ = true;
    }
  }

  SyncResult run() {
    if (traffic_split_moved(server_, settings_, store_id_)) {
      // Before the profile names the new hours, so a sync cut short here starts over next time.
      cursor_.event_id = 0;
      cursor_.coverage_ms = 0;
      write_cursor(db_, cursor_);
    }
    commit_batch([&] { send_profile(server_, db_, settings_, local_, store_id_); },
                 [&] {
                   if (fresh_target_) db_.exec("DELETE FROM chain_outbox; DELETE FROM chain_roster_outbox");
                 });
    for (const auto step : {&Sync::send_transactions, &Sync::send_changed_transactions, &Sync::send_events,
                            &Sync::send_coverage, &Sync::send_roster, &Sync::send_changed_roster}) {
      while ((this->*step)()) {
        if (options_.keep_going && !options_.keep_going()) return result_;
      }
    }
    cursor_.last_success_ms = wall_clock_ms();
    commit_batch([&] { server_.exec("UPDATE stores SET last_sync_at = now() WHERE id = $1", {store_id_}); },
                 [] {});
    return result_;
  }

 private:
  // The server's transaction first; the local cursor (and `after`) only once it committed.
  template <typename Send, typename After>
  void commit_batch(Send send, After after) {
    {
      ServerTransaction transaction(server_);
      send();
      transaction.commit();
    }
    SQLite::Transaction local(db_);
    after();
    write_cursor(db_, cursor_);
    local.commit();
    ++result_.batches;
  }

  [[nodiscard]] std::int64_t batch() const { return std::max<std::int64_t>(1, options_.batch_rows); }

  bool send_transactions() {
    SQLite::Statement rows(
        db_, "SELECT id, " + transaction_columns + " FROM pos_transactions WHERE id > ? ORDER BY id LIMIT ?");
    rows.bind(1, cursor_.transaction_id);
    rows.bind(2, batch());
    std::vector<Param> values;
    std::int64_t last = cursor_.transaction_id;
    while (rows.executeStep()) {
      last = rows.getColumn(0).getInt64();
      add_transaction(values, store_id_, clock_, rows, 1);
    }
    if (last == cursor_.transaction_id) return false;
    const std::int64_t sent = static_cast<std::int64_t>(values.size() / 13);
    const std::int64_t previous = cursor_.transaction_id;
    cursor_.transaction_id = last;
    try {
      commit_batch([&] { upsert_transactions(server_, values); }, [] {});
    } catch (...) {
      cursor_.transaction_id = previous;
      throw;
    }
    result_.transactions += sent;
    return true;
  }

  // Rows changed or deleted after they were sent, queued by schema step 10's triggers.
  bool send_changed_transactions() {
    SQLite::Statement rows(
        db_, "SELECT o.seq, o.source, o.pos_id, t.id, t." +
                 std::string("source, t.pos_id, t.time_ms, t.kind, t.total, t.units, t.currency, "
                             "t.seller, t.register") +
                 " FROM chain_outbox o LEFT JOIN pos_transactions t USING (source, pos_id) "
                 "ORDER BY o.seq LIMIT ?");
    rows.bind(1, batch());
    std::map<std::pair<std::string, std::string>, std::vector<Param>> changed;  // empty: deleted
    std::int64_t last = 0;
    while (rows.executeStep()) {
      last = rows.getColumn(0).getInt64();
      std::vector<Param> values;
      if (!rows.getColumn(3).isNull()) add_transaction(values, store_id_, clock_, rows, 4);
      changed[{rows.getColumn(1).getString(), rows.getColumn(2).getString()}] = std::move(values);
    }
    if (last == 0) return false;
    std::vector<Param> upserts;
    std::vector<Param> deletes;
    for (auto& [key, values] : changed) {
      if (values.empty()) {
        deletes.emplace_back(key.first);
        deletes.emplace_back(key.second);
      } else {
        upserts.insert(upserts.end(), values.begin(), values.end());
      }
    }
    commit_batch(
        [&] {
          upsert_transactions(server_, upserts);
          for (std::size_t at = 0; at < deletes.size(); at += 2) {
            server_.exec_prepared(
                "delete_transaction",
                "DELETE FROM transactions WHERE store_id = $1 AND source = $2 AND pos_id = $3",
                {store_id_, deletes[at], deletes[at + 1]});
          }
        },
        [&] {
          SQLite::Statement done(db_, "DELETE FROM chain_outbox WHERE seq <= ?");
          done.bind(1, last);
          done.exec();
        });
    result_.transactions += static_cast<std::int64_t>(changed.size());
    return true;
  }

  bool send_events() {
    SQLite::Statement newest(db_, "SELECT max(id) FROM count_events");
    if (!newest.executeStep() || newest.getColumn(0).isNull()) return false;
    const std::int64_t newest_id = newest.getColumn(0).getInt64();
    if (newest_id <= cursor_.event_id) return false;
    // Ids only grow, so a window of ids needs no sorted scan to find its end. Crossings are small
    // and fold into far fewer quarter hours than a batch of rows.
    const std::int64_t upto = std::min(newest_id, cursor_.event_id + batch() * 50);
    std::set<Bucket> buckets;
    const auto touched = [&](SQLite::Statement& query) {
      while (query.executeStep()) buckets.emplace(query.getColumn(0).getInt64(), query.getColumn(1).getString());
    };
    if (cursor_.event_id == 0) {
      // From the start every quarter hour with a crossing is touched: the rollup lists them, and
      // the crossings themselves need not be read.
      SQLite::Statement all(db_, "SELECT bucket_ms, door FROM count_rollup");
      touched(all);
      send_traffic(buckets, [&] { cursor_.event_id = newest_id; });
      return true;
    }
    SQLite::Statement since(
        db_, "SELECT DISTINCT time_ms / 900000 * 900000, door FROM count_events WHERE id > ? AND id <= ?");
    since.bind(1, cursor_.event_id);
    since.bind(2, upto);
    touched(since);
    send_traffic(buckets, [&] { cursor_.event_id = upto; });
    return true;
  }

  // Covered time and gaps change without crossings (a quiet hour, a camera down): quarter hours
  // from the coverage cursor to the latest recorded end, a week at a time.
  bool send_coverage() {
    SQLite::Statement next(db_, std::string("SELECT min(max(start_ms, ?1)), max(end_ms) FROM ") +
                                    coverage_union + " WHERE end_ms > ?1");
    next.bind(1, cursor_.coverage_ms);
    if (!next.executeStep() || next.getColumn(0).isNull()) return false;
    const TimeMs start = next.getColumn(0).getInt64() / bucket_ms * bucket_ms;
    const TimeMs last_bucket = next.getColumn(1).getInt64() / bucket_ms * bucket_ms;  // still being recorded
    const TimeMs end = std::min(start + coverage_window_ms, last_bucket + bucket_ms);
    std::set<Bucket> buckets;
    SQLite::Statement spans(db_, std::string("SELECT door, start_ms, end_ms FROM ") + coverage_union +
                                     " WHERE end_ms > ?1 AND start_ms < ?2");
    spans.bind(1, start);
    spans.bind(2, end);
    while (spans.executeStep()) {
      const std::string door = spans.getColumn(0).getString();
      const TimeMs first = std::max(start, spans.getColumn(1).getInt64() / bucket_ms * bucket_ms);
      const TimeMs stop = std::min(end, spans.getColumn(2).getInt64());
      for (TimeMs at = first; at < stop || at == first; at += bucket_ms) buckets.emplace(at, door);
    }
    // What the crossings' pass sent in this sync is as fresh as anything this pass would send.
    for (auto it = buckets.begin(); it != buckets.end();) it = sent_.contains(*it) ? buckets.erase(it) : std::next(it);
    // The quarter hour still being recorded is swept again by the next sync.
    send_traffic(buckets, [&] { cursor_.coverage_ms = std::min(end, last_bucket); });
    return end <= last_bucket;
  }

  template <typename Advance>
  void send_traffic(const std::set<Bucket>& buckets, Advance advance) {
    const auto values = traffic_rows(local_, db_, clock_, buckets, store_id_);
    const Cursor previous = cursor_;
    advance();
    try {
      commit_batch([&] { upsert_traffic(server_, values); }, [] {});
    } catch (...) {
      cursor_ = previous;
      throw;
    }
    result_.traffic_rows += static_cast<std::int64_t>(buckets.size());
    sent_.insert(buckets.begin(), buckets.end());
  }

  bool send_roster() {
    SQLite::Statement rows(
        db_, "SELECT id, seller, start_ms, end_ms FROM roster WHERE id > ? ORDER BY id LIMIT ?");
    rows.bind(1, cursor_.roster_id);
    rows.bind(2, batch());
    std::map<std::pair<std::string, TimeMs>, TimeMs> entries;  // a repeated entry is sent once, its last end
    std::int64_t last = cursor_.roster_id;
    while (rows.executeStep()) {
      last = rows.getColumn(0).getInt64();
      entries[{rows.getColumn(1).getString(), rows.getColumn(2).getInt64()}] = rows.getColumn(3).getInt64();
    }
    if (last == cursor_.roster_id) return false;
    std::vector<Param> values;
    for (const auto& [key, end] : entries) {
      for (const auto& value : {store_id_, key.first, number(key.second), number(end)})
        values.emplace_back(value);
    }
    const std::int64_t previous = cursor_.roster_id;
    cursor_.roster_id = last;
    try {
      commit_batch(
          [&] {
            upsert_rows(server_, "rosters", "store_id, seller, start_ms, end_ms", 4, values,
                        "ON CONFLICT (store_id, seller, start_ms) DO UPDATE SET end_ms = excluded.end_ms");
          },
          [] {});
    } catch (...) {
      cursor_.roster_id = previous;
      throw;
    }
    result_.roster_rows += static_cast<std::int64_t>(entries.size());
    return true;
  }
  // Entries removed or changed after they were sent (chain_roster_outbox): the server's row for that
  // seller and start becomes the kiosk's latest one again, or goes when the kiosk has none left.
  bool send_changed_roster() {
    SQLite::Statement changed(db_,
                              "SELECT seq, seller, start_ms FROM chain_roster_outbox ORDER BY seq LIMIT ?");
    changed.bind(1, batch());
    std::set<std::pair<std::string, TimeMs>> keys;
    std::int64_t last = 0;
    while (changed.executeStep()) {
      last = changed.getColumn(0).getInt64();
      keys.emplace(changed.getColumn(1).getString(), changed.getColumn(2).getInt64());
    }
    if (last == 0) return false;
    SQLite::Statement current(
        db_, "SELECT end_ms FROM roster WHERE seller = ? AND start_ms = ? ORDER BY id DESC LIMIT 1");
    std::vector<Param> upserts;
    std::vector<std::pair<std::string, TimeMs>> removed;
    for (const auto& [seller, start] : keys) {
      current.reset();
      current.bind(1, seller);
      current.bind(2, start);
      if (current.executeStep()) {
        for (const auto& value : {store_id_, seller, number(start), number(current.getColumn(0).getInt64())})
          upserts.emplace_back(value);
      } else {
        removed.emplace_back(seller, start);
      }
    }
    commit_batch(
        [&] {
          upsert_rows(server_, "rosters", "store_id, seller, start_ms, end_ms", 4, upserts,
                      "ON CONFLICT (store_id, seller, start_ms) DO UPDATE SET end_ms = excluded.end_ms");
          for (const auto& [seller, start] : removed) {
            server_.exec_prepared("delete_roster",
                                  "DELETE FROM rosters WHERE store_id = $1 AND seller = $2 AND start_ms = $3",
                                  {store_id_, seller, number(start)});
          }
        },
        [&] {
          SQLite::Statement done(db_, "DELETE FROM chain_roster_outbox WHERE seq <= ?");
          done.bind(1, last);
          done.exec();
        });
    result_.roster_rows += static_cast<std::int64_t>(keys.size());
    return true;
  }

  Store& local_;
  SQLite::Database& db_;
  Connection server_;
  SyncOptions options_;
  StoreSettings settings_;  // read once: the business days of this sync's rows
  BusinessClock clock_;
  std::string store_id_;
  Cursor cursor_;
  bool fresh_target_ = false;
  std::set<Bucket> sent_;  // quarter hours this sync has sent
  SyncResult result_;
};

}  // namespace

SyncResult sync_store(Store& local, const Server& server, const std::string& store_code,
                      const SyncOptions& options) {
  (void)store_role_name(store_code);  // a bad code is named before anything connects
  return Sync(local, server, store_code, options).run();
}

}  // namespace footfall::data::chain
