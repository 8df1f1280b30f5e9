#include "store/content_hash.hpp"
#include "store/sales_rollups.hpp"
#include "store/schema.hpp"
#include "store/store_impl.hpp"

#include "footfall/data/wall_clock.hpp"

#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>

// The till's side of the Store: transactions upserted by (source, pos_id) with their line items,
// the sales rollups kept in step, and the record of each import.
namespace footfall::data {
namespace {

// The CHECK on pos_transactions.kind builds a temporary table for its IN list on every insert,
// which costs more than the insert; transaction_kind_name() only ever yields allowed kinds. The
// pragma recompiles the statements, so it is only worth it for a large batch.
class CheckSkipper {
 public:
  static constexpr std::size_t worth_it_rows = 256;
  CheckSkipper(SQLite::Database& database, bool on) : db_(database), active_(on) {
    if (active_) db_.exec("PRAGMA ignore_check_constraints = ON");
  }
  ~CheckSkipper() {
    try {
      if (active_) db_.exec("PRAGMA ignore_check_constraints = OFF");
    } catch (const SQLite::Exception&) {  // a pragma on an open connection does not fail in practice
    }
  }
  CheckSkipper(const CheckSkipper&) = delete;
  CheckSkipper& operator=(const CheckSkipper&) = delete;

 private:
  SQLite::Database& db_;
  bool active_;
};

// One upsert_batch: writes the rows and gathers what each (bucket, seller) of sales_rollup gains
// or loses, which write_rollups() then adds to every level once.
class TransactionBatch {
 public:
  explicit TransactionBatch(Store::Impl& impl) : impl_(impl), now_ms_(wall_clock_ms()) {}

  std::int64_t upsert_all(std::span<const Transaction> transactions) {
    std::int64_t changed = 0;
    std::size_t next = 0;
    for (; next + Store::Impl::chunk_rows <= transactions.size(); next += Store::Impl::chunk_rows) {
      changed += upsert_chunk(transactions.subspan(next, Store::Impl::chunk_rows));
    }
    for (; next < transactions.size(); ++next) {
      if (upsert(transactions[next])) ++changed;
    }
    return changed;
  }

  void write_rollups();

 private:
  void add_to_rollup(TimeMs time_ms, const std::string& seller, const SalesContribution& change,
                     bool remove) {
    auto& sums = rollup_[{time_ms / rollup_bucket_ms * rollup_bucket_ms, seller}];
    const std::int64_t sign = remove ? -1 : 1;
    sums.buyers += sign * change.buyers;
    sums.gross += sign * change.gross;
    sums.net += sign * change.net;
    sums.units += remove ? -change.units : change.units;
  }

  void add_seller(const Transaction& transaction) {
    if (!transaction.seller.empty() && sellers_added_.insert(transaction.seller).second) {
      impl_.add_seller(transaction.seller);
    }
  }

  // A row just inserted under `id`: its share of the rollups and its line items.
  void added(const Transaction& transaction, std::int64_t id) {
    add_to_rollup(transaction.time_ms, transaction.seller,
                  sales_contribution(transaction.kind, transaction.total, transaction.units), false);
    impl_.insert_items(id, transaction.items);
  }

  bool replace(const Transaction& transaction, const std::string& hash);
  bool upsert(const Transaction& transaction);
  std::int64_t upsert_chunk(std::span<const Transaction> chunk);
  void bind_chunk(std::span<const Transaction> chunk);

  Store::Impl& impl_;
  TimeMs now_ms_;
  std::map<std::pair<TimeMs, std::string>, SalesContribution> rollup_;
  std::set<std::string> sellers_added_;
  std::vector<HashText> hashes_;
  std::set<std::pair<std::string_view, std::string_view>> keys_;
};

// A row whose (source, pos_id) is already stored: unchanged (false), or updated in place.
bool TransactionBatch::replace(const Transaction& transaction, const std::string& hash) {
  auto& find = impl_.find_transaction;
  find.reset();
  find.bind(1, transaction.source);
  find.bind(2, transaction.pos_id);
  if (!find.executeStep()) throw std::logic_error("pos_transactions: insert conflicted but no row was found");
  const std::int64_t id = find.getColumn(0).getInt64();
  if (find.getColumn(1).getString() == hash) {
    find.reset();
    return false;
  }
  const auto old_kind = find.getColumn(3).getString();
  add_to_rollup(find.getColumn(2).getInt64(), find.getColumn(6).getString(),
                sales_contribution(old_kind, find.getColumn(4).getInt64(), find.getColumn(5).getDouble()),
                true);
  find.reset();
  auto& update = impl_.update_transaction;
  update.reset();
  update.bind(1, transaction.time_ms);
  update.bind(2, transaction_kind_name(transaction.kind));
  update.bind(3, transaction.total);
  update.bind(4, transaction.units);
  update.bind(5, transaction.currency);
  update.bind(6, transaction.seller);
  update.bind(7, transaction.register_name);
  update.bind(8, hash);
  update.bind(9, now_ms_);
  update.bind(10, id);
  update.exec();
  impl_.delete_items.reset();
  impl_.delete_items.bind(1, id);
  impl_.delete_items.exec();
  added(transaction, id);
  return true;
}

bool TransactionBatch::upsert(const Transaction& transaction) {
  const auto hash_text = content_hash(transaction);
  const std::string hash(hash_text.begin(), hash_text.end());
  add_seller(transaction);
  // Most rows of an import are new: try the insert first, look the row up only on a conflict.
  auto& insert = impl_.insert_transaction;
  insert.reset();
  // No copies: every bound string outlives the exec below.
  insert.bindNoCopy(1, transaction.source);
  insert.bindNoCopy(2, transaction.pos_id);
  insert.bind(3, transaction.time_ms);
  insert.bindNoCopy(4, transaction_kind_name(transaction.kind));
  insert.bind(5, transaction.total);
  insert.bind(6, transaction.units);
  insert.bindNoCopy(7, transaction.currency);
  insert.bindNoCopy(8, transaction.seller);
  insert.bindNoCopy(9, transaction.register_name);
  insert.bindNoCopy(10, hash);
  insert.bind(11, now_ms_);
  if (insert.exec() == 0) return replace(transaction, hash);
  added(transaction, impl_.db.getLastInsertRowid());
  return true;
}

// Binds every row of `chunk` to the many-row INSERT, in its column order.
void TransactionBatch::bind_chunk(std::span<const Transaction> chunk) {
  sqlite3_stmt* insert = impl_.insert_chunk();
  int parameter = 0;
  const auto text = [&](const std::string& value) {
    sqlite3_bind_text(insert, ++parameter, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  };
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    const auto& t = chunk[i];
    text(t.source);
    text(t.pos_id);
    sqlite3_bind_int64(insert, ++parameter, t.time_ms);
    sqlite3_bind_text(insert, ++parameter, transaction_kind_name(t.kind), -1, SQLITE_STATIC);
    sqlite3_bind_int64(insert, ++parameter, t.total);
    sqlite3_bind_double(insert, ++parameter, t.units);
    text(t.currency);
    text(t.seller);
    text(t.register_name);
    sqlite3_bind_text(insert, ++parameter, hashes_[i].data(), static_cast<int>(hashes_[i].size()),
                      SQLITE_STATIC);
    sqlite3_bind_int64(insert, ++parameter, now_ms_);
  }
}

// Many rows per INSERT: a statement's fixed cost (cursors, halt, reset) is paid once per chunk.
// New rows of one statement get consecutive rowids, so the ones inserted are told apart from
// the ones that conflicted by their id; a chunk naming one row twice goes row by row instead.
std::int64_t TransactionBatch::upsert_chunk(std::span<const Transaction> chunk) {
  keys_.clear();
  for (const auto& transaction : chunk) {
    if (!keys_.emplace(transaction.source, transaction.pos_id).second) {
      std::int64_t changed = 0;
      for (const auto& each : chunk) changed += upsert(each) ? 1 : 0;
      return changed;
    }
  }
  hashes_.clear();
  for (const auto& transaction : chunk) {
    hashes_.push_back(content_hash(transaction));
    add_seller(transaction);
  }
  bind_chunk(chunk);
  sqlite3_stmt* insert = impl_.insert_chunk();
  const int rc = sqlite3_step(insert);
  sqlite3_reset(insert);
  if (rc != SQLITE_DONE) throw SQLite::Exception(impl_.db.getHandle(), rc);
  const std::int64_t inserted = sqlite3_changes(impl_.db.getHandle());
  const std::int64_t first_new = impl_.db.getLastInsertRowid() - inserted + 1;
  if (inserted == static_cast<std::int64_t>(chunk.size())) {
    for (std::size_t i = 0; i < chunk.size(); ++i) added(chunk[i], first_new + static_cast<std::int64_t>(i));
    return inserted;
  }
  std::int64_t changed = 0;
  auto& find_id = impl_.find_transaction;
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    find_id.reset();
    find_id.bind(1, chunk[i].source);
    find_id.bind(2, chunk[i].pos_id);
    if (!find_id.executeStep())
      throw std::logic_error("pos_transactions: a chunk's row is neither new nor stored");
    const std::int64_t id = find_id.getColumn(0).getInt64();
    find_id.reset();
    if (inserted > 0 && id >= first_new) {
      added(chunk[i], id);
      ++changed;
    } else if (replace(chunk[i], std::string(hashes_[i].begin(), hashes_[i].end()))) {
      ++changed;
    }
  }
  return changed;
}

// Adds the batch's sums to the day, 15-minute and hourly sales rollups.
void TransactionBatch::write_rollups() {
  auto& impl = impl_;
  const auto& rollup = rollup_;
  if (const auto* clock = impl.sales_day_clock(); clock != nullptr && !rollup.empty()) {
    SalesDays days(*clock);
    for (const auto& [key, sums] : rollup) days.add(key.first, key.second, sums);
    days.write(impl.add_to_sales_day);
  }
  write_sales_sums(impl.add_to_sales_rollup, impl.add_many(impl.add_many_to_sales_rollup, "sales_rollup"),
                   rollup);
  // The hourly levels, which a range report reads; hours are whole 15-minute buckets.
  std::map<std::pair<TimeMs, std::string>, SalesContribution> hours;
  std::map<TimeMs, SalesContribution> hour_totals;
  for (const auto& [key, sums] : rollup) {
    const TimeMs hour = key.first / hour_rollup_bucket_ms * hour_rollup_bucket_ms;
    hours[{hour, key.second}] += sums;
    hour_totals[hour] += sums;
  }
  write_sales_sums(impl.add_to_sales_hour, impl.add_many(impl.add_many_to_sales_hour, "sales_rollup_hour"),
                   hours);
  auto& add_total = impl.add_to_hour_totals;
  for (const auto& [hour, sums] : hour_totals) {
    add_total.reset();
    add_total.bind(1, hour);
    add_total.bind(2, sums.buyers);
    add_total.bind(3, sums.gross);
    add_total.bind(4, sums.net);
    add_total.bind(5, sums.units);
    add_total.exec();
  }
}

}  // namespace

sqlite3_stmt* Store::Impl::insert_chunk() {
  if (!insert_chunk_statement) {
    std::string sql =
        "INSERT INTO pos_transactions(source, pos_id, time_ms, kind, total, units, currency, seller, "
        "register, "
        "content_hash, imported_at) VALUES ";
    for (std::size_t row = 0; row < chunk_rows; ++row) {
      if (row > 0) sql += ',';
      sql += "(?,?,?,?,?,?,?,?,?,?,?)";
    }
    sql += " ON CONFLICT(source, pos_id) DO NOTHING";
    insert_chunk_statement = prepare_raw(db, sql);
  }
  return insert_chunk_statement.get();
}

bool Store::upsert_transaction(const Transaction& transaction) {
  return upsert_transactions(std::span<const Transaction>(&transaction, 1)) > 0;
}

std::int64_t Store::upsert_transactions(std::span<const Transaction> transactions) {
  return upsert_batch(transactions, true);
}

std::int64_t Store::bulk_upsert_transactions(std::span<const Transaction> transactions) {
  if (sqlite3_get_autocommit(impl_->db.getHandle()) != 0) {
    throw std::logic_error("bulk_upsert_transactions needs the caller's open transaction");
  }
  return upsert_batch(transactions, false);
}

std::int64_t Store::upsert_batch(std::span<const Transaction> transactions, bool own_savepoint) {
  auto& impl = *impl_;
  TransactionBatch batch(impl);
  const CheckSkipper check_skipper(impl.db, transactions.size() >= CheckSkipper::worth_it_rows);
  // A savepoint nests inside the importer's transaction, so a whole file still commits at once.
  if (own_savepoint) Impl::run(impl.begin_upsert);
  try {
    const std::int64_t changed = batch.upsert_all(transactions);
    batch.write_rollups();
    if (own_savepoint) Impl::run(impl.release_upsert);
    return changed;
  } catch (...) {
    impl.reset_cached_statements();
    if (own_savepoint) {
      Impl::run(impl.rollback_upsert);
      Impl::run(impl.release_upsert);
    }
    throw;
  }
}

void Store::record_import(const ImportRecord& record) {
  SQLite::Statement insert(impl_->db,
                           "INSERT INTO imports(file, sha256, rows, transactions, result, error, time_ms) "
                           "VALUES (?,?,?,?,?,?,?)");
  insert.bind(1, record.file);
  insert.bind(2, record.sha256);
  insert.bind(3, record.rows);
  insert.bind(4, record.transactions);
  insert.bind(5, record.result);
  insert.bind(6, record.error);
  insert.bind(7, record.time_ms);
  insert.exec();
}

std::optional<TimeMs> Store::last_import_ms() {
  SQLite::Statement query(impl_->db, "SELECT max(time_ms) FROM imports WHERE error = ''");
  if (query.executeStep() && !query.getColumn(0).isNull()) return query.getColumn(0).getInt64();
  return std::nullopt;
}

std::optional<ImportRecord> Store::find_import(const std::string& sha256) {
  SQLite::Statement query(impl_->db,
                          "SELECT file, sha256, rows, transactions, result, error, time_ms FROM imports "
                          "WHERE sha256 = ? ORDER BY time_ms DESC LIMIT 1");
  query.bind(1, sha256);
  if (!query.executeStep()) return std::nullopt;
  return ImportRecord{query.getColumn(0).getString(), query.getColumn(1).getString(),
                      query.getColumn(2).getInt64(),  query.getColumn(3).getInt64(),
                      query.getColumn(4).getString(), query.getColumn(5).getString(),
                      query.getColumn(6).getInt64()};
}

}  // namespace footfall::data
