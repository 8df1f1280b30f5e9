// The kiosk's sync cursor in SQLite, and what it says is still waiting for the server.
#include "chain/sync_cursor.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "footfall/data/chain/chain.hpp"
#include "footfall/data/store/store.hpp"
#include "store/connection.hpp"

namespace footfall::data::chain {

Cursor read_cursor(SQLite::Database& db) {
  SQLite::Statement query(db,
                          "SELECT target, transaction_id, event_id, roster_id, coverage_ms, last_success_ms "
                          "FROM chain_sync WHERE id = 1");
  Cursor cursor;
  if (query.executeStep()) {
    cursor.target = query.getColumn(0).getString();
    cursor.transaction_id = query.getColumn(1).getInt64();
    cursor.event_id = query.getColumn(2).getInt64();
    cursor.roster_id = query.getColumn(3).getInt64();
    cursor.coverage_ms = query.getColumn(4).getInt64();
    if (!query.getColumn(5).isNull()) cursor.last_success_ms = query.getColumn(5).getInt64();
  }
  return cursor;
}

void write_cursor(SQLite::Database& db, const Cursor& cursor) {
  SQLite::Statement upsert(
      db,
      "INSERT INTO chain_sync(id, target, transaction_id, event_id, roster_id, coverage_ms, "
      "last_success_ms) VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
      "target = excluded.target, transaction_id = excluded.transaction_id, "
      "event_id = excluded.event_id, roster_id = excluded.roster_id, "
      "coverage_ms = excluded.coverage_ms, last_success_ms = excluded.last_success_ms");
  upsert.bind(1, cursor.target);
  upsert.bind(2, cursor.transaction_id);
  upsert.bind(3, cursor.event_id);
  upsert.bind(4, cursor.roster_id);
  upsert.bind(5, cursor.coverage_ms);
  if (cursor.last_success_ms) {
    upsert.bind(6, *cursor.last_success_ms);
  } else {
    upsert.bind(6);
  }
  upsert.exec();
}

SyncStatus sync_status(Store& local) {
  auto& db = connection(local);
  const Cursor cursor = read_cursor(db);
  SyncStatus status;
  status.last_success_ms = cursor.last_success_ms;
  SQLite::Statement transactions(db,
                                 "SELECT (SELECT count(*) FROM pos_transactions WHERE id > ?1) + "
                                 "(SELECT count(*) FROM chain_outbox), "
                                 "(SELECT min(time_ms) FROM pos_transactions WHERE id > ?1)");
  transactions.bind(1, cursor.transaction_id);
  transactions.executeStep();
  status.pending_transactions = transactions.getColumn(0).getInt64();
  std::optional<TimeMs> oldest;
  if (!transactions.getColumn(1).isNull()) oldest = transactions.getColumn(1).getInt64();
  SQLite::Statement events(db, "SELECT count(*), min(time_ms) FROM count_events WHERE id > ?");
  events.bind(1, cursor.event_id);
  events.executeStep();
  status.pending_events = events.getColumn(0).getInt64();
  if (!events.getColumn(1).isNull()) {
    const TimeMs first = events.getColumn(1).getInt64();
    oldest = oldest ? std::min(*oldest, first) : first;
  }
  status.oldest_pending_ms = oldest;
  return status;
}

}  // namespace footfall::data::chain
