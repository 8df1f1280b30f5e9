#include "store/store_impl.hpp"

#include "store/connection.hpp"
#include "store/sales_rollups.hpp"
#include "store/schema.hpp"

#include <SQLiteCpp/Transaction.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <system_error>

// Opening a Store: the connection, its migrations and its prepared statements.
namespace footfall::data {
namespace {

constexpr int busy_timeout_ms = 5000;

SQLite::Database open_database(const std::string& path) {
  const bool in_memory = path == ":memory:" || path.empty();
  if (!in_memory) {
    const std::filesystem::path file(path);
    if (file.has_parent_path()) {
      std::error_code error;
      std::filesystem::create_directories(file.parent_path(), error);
      if (error) throw std::runtime_error(path + ": cannot create folder: " + error.message());
    }
  }
  // SQLite's memory statistics, which nothing here reads, take a global mutex on every allocation.
  // Only possible before SQLite starts; if something started it first this is a harmless no-op.
  static const bool memory_statistics_off = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
  (void)memory_statistics_off;
  try {
    // NOMUTEX: a Store belongs to one thread (each thread opens its own), so SQLite's locks are pure cost.
    SQLite::Database db(in_memory ? ":memory:" : path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
    if (!in_memory) {
      std::error_code ignored;  // counts are not secret, but sales are the owner's business
      std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                   std::filesystem::perm_options::replace, ignored);
    }
    db.setBusyTimeout(busy_timeout_ms);
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("PRAGMA synchronous=NORMAL");
    return db;
  } catch (const SQLite::Exception& e) {
    throw std::runtime_error(path + ": cannot open database: " + e.what());
  }
}

SQLite::Database& migrated(SQLite::Database& db, const std::string& path) {
  const auto& steps = schema_migrations();
  int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version > static_cast<int>(steps.size())) {
    throw std::runtime_error(path + ": database schema version " + std::to_string(version) +
                             " is newer than this program (" + std::to_string(steps.size()) + ")");
  }
  for (; version < static_cast<int>(steps.size()); ++version) {
    try {
      SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
      // Another connection may have migrated while we waited for the write lock.
      if (db.execAndGet("PRAGMA user_version").getInt() > version) continue;
      db.exec(steps[static_cast<std::size_t>(version)]);
      db.exec("PRAGMA user_version=" + std::to_string(version + 1));
      transaction.commit();
    } catch (const SQLite::Exception& e) {
      throw std::runtime_error(path + ": migration " + std::to_string(version + 1) + " failed: " + e.what());
    }
  }
  return db;
}

}  // namespace

RawStatement prepare_raw(SQLite::Database& db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  if (const int rc =
          sqlite3_prepare_v3(db.getHandle(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
      rc != SQLITE_OK) {
    throw SQLite::Exception(db.getHandle(), rc);
  }
  return {raw, sqlite3_finalize};
}

Store::Impl::Impl(const std::string& file)
    : path(file.empty() ? ":memory:" : file),
      db(open_database(path)),
      insert_event(migrated(db, path),
                   "INSERT OR IGNORE INTO count_events(time_ms, door, direction, track, confidence) "
                   "VALUES (?,?,?,?,?)"),
      add_to_rollup(db,
                    "INSERT INTO count_rollup(bucket_ms, door, entries, exits) VALUES (?,?,?,?) "
                    "ON CONFLICT(bucket_ms, door) DO UPDATE SET entries = entries + excluded.entries, "
                    "exits = exits + excluded.exits"),
      find_transaction(db,
                       "SELECT id, content_hash, time_ms, kind, total, units, seller FROM pos_transactions "
                       "WHERE source=? AND pos_id=?"),
      insert_transaction(
          db,
          "INSERT INTO pos_transactions(source, pos_id, time_ms, kind, total, units, currency, "
          "seller, register, content_hash, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
          "ON CONFLICT(source, pos_id) DO NOTHING"),
      update_transaction(
          db,
          "UPDATE pos_transactions SET time_ms=?, kind=?, total=?, units=?, currency=?, seller=?, "
          "register=?, content_hash=?, imported_at=? WHERE id=?"),
      add_to_sales_rollup(db, add_sales_sql("sales_rollup", "bucket_ms", 1)),
      delete_items(db, "DELETE FROM pos_line_items WHERE transaction_id=?"),
      insert_item(db, "INSERT INTO pos_line_items(transaction_id, name, quantity, amount) VALUES (?,?,?,?)"),
      insert_seller(db, "INSERT OR IGNORE INTO sellers(name) VALUES (?)"),
      find_alias(db,
                 "SELECT s.name FROM seller_aliases a JOIN sellers s ON s.id = a.seller_id "
                 "WHERE a.alias = lower(?)"),
      begin_upsert(db, "SAVEPOINT upsert_transaction"),
      release_upsert(db, "RELEASE upsert_transaction"),
      rollback_upsert(db, "ROLLBACK TO upsert_transaction"),
      read_day_basis(db, "SELECT time_zone, cutoff_minutes FROM sales_rollup_day_basis"),
      add_to_sales_day(db, add_sales_sql("sales_rollup_day", "day", 1)),
      add_to_sales_hour(db, add_sales_sql("sales_rollup_hour", "bucket_ms", 1)),
      add_to_hour_totals(
          db,
          "INSERT INTO rollup_hour_totals(bucket_ms, buyers, gross, net, units) VALUES (?,?,?,?,?) "
          "ON CONFLICT(bucket_ms) DO UPDATE SET buyers = buyers + excluded.buyers, "
          "gross = gross + excluded.gross, net = net + excluded.net, "
          "units = units + excluded.units") {}

void Store::Impl::reset_cached_statements() noexcept {
  for (auto* statement : {&insert_event, &add_to_rollup, &find_transaction, &insert_transaction,
                          &update_transaction, &add_to_sales_rollup, &delete_items, &insert_item,
                          &insert_seller, &find_alias, &begin_upsert, &release_upsert, &rollback_upsert,
                          &read_day_basis, &add_to_sales_day, &add_to_sales_hour, &add_to_hour_totals}) {
    statement->tryReset();
  }
  for (const auto* raw : {&insert_chunk_statement, &add_many_to_sales_rollup, &add_many_to_sales_hour}) {
    if (*raw) sqlite3_reset(raw->get());
  }
}

void Store::Impl::insert_items(std::int64_t transaction_id, const std::vector<LineItem>& items) {
  for (const auto& item : items) {
    insert_item.reset();
    insert_item.bind(1, transaction_id);
    insert_item.bindNoCopy(2, item.name);
    insert_item.bind(3, item.quantity);
    insert_item.bind(4, item.amount);
    insert_item.exec();
  }
}

void Store::Impl::add_seller(const std::string& name) {
  insert_seller.reset();
  insert_seller.bind(1, name);
  insert_seller.exec();
}

Savepoint::Savepoint(Store::Impl& impl, std::string name) : impl_(impl), name_(std::move(name)) {
  impl_.db.exec("SAVEPOINT " + name_);
}

Savepoint::~Savepoint() {
  if (released_) return;
  impl_.reset_cached_statements();
  try {
    impl_.db.exec("ROLLBACK TO " + name_);
    impl_.db.exec("RELEASE " + name_);
  } catch (const SQLite::Exception&) {  // still failing: the caller's exception says why
  }
}

void Savepoint::release() {
  impl_.db.exec("RELEASE " + name_);
  released_ = true;
}

Store::Store(const std::string& path) : impl_(std::make_unique<Impl>(path)) {
  // A database from before sales_rollup_day, or one whose sales were changed behind the Store's
  // back, gets its days (re)built once. Failing here only costs the reports their fast path.
  try {
    const auto current = settings();
    if (impl_->sales_days_match(current)) return;
    SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    if (!impl_->sales_days_match(current)) impl_->rebuild_sales_days(current);
    transaction.commit();
  } catch (const SQLite::Exception&) {
    impl_->reset_cached_statements();
  }
}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Store::Impl& store_impl(Store& store) { return *store.impl_; }

SQLite::Database& connection(Store& store) { return store_impl(store).db; }

int Store::schema_version() { return impl_->db.execAndGet("PRAGMA user_version").getInt(); }

const std::string& Store::path() const { return impl_->path; }

std::filesystem::path default_database_path() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "footfall" / "footfall.db";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".local" / "share" / "footfall" / "footfall.db";
  }
  return std::filesystem::path("footfall.db");
}

}  // namespace footfall::data
