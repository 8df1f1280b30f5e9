#include "footfall/data/store/store.hpp"

#include "business_time.hpp"
#include "store/schema.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace footfall::data {
namespace {

constexpr int busy_timeout_ms = 5000;
// Bounding a roster entry's length lets time-range lookups use the start_ms index from both ends.
constexpr TimeMs max_roster_entry_ms = 24LL * 3'600'000;

const char* kind_name(TransactionKind kind) {
  switch (kind) {
    case TransactionKind::Sale: return "sale";
    case TransactionKind::Refund: return "refund";
    case TransactionKind::Void: return "void";
    case TransactionKind::Cancelled: return "cancelled";
  }
  return "sale";
}

// FNV-1a over a canonical rendering: enough to tell "this row changed" apart, not a security hash.
// Numbers are rendered as std::to_string would (doubles as "%f"), but without its printf per field:
// an import hashes every transaction.
class ContentHash {
 public:
  void add(std::string_view field) {
    for (const char c : field) mix(c);
    mix('\x1f');
  }
  void add(std::int64_t value) {
    char text[24];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    add(std::string_view(text, static_cast<std::size_t>(end - text)));
  }
  void add(double value) {
    char text[400];  // "%f" of the largest double has 309 digits before the point
    char* end = nullptr;
    if (value == std::trunc(value) && std::abs(value) < 1e15 && !std::signbit(value)) {
      // Whole quantities are the rule; their "%f" is the integer and six zeros, found faster.
      end = std::to_chars(text, text + sizeof text, static_cast<std::int64_t>(value)).ptr;
      end = std::copy_n(".000000", 7, end);
    } else {
      end = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 6).ptr;
    }
    add(std::string_view(text, static_cast<std::size_t>(end - text)));
  }
  // "%016llx" without printf, in place: every imported row is hashed.
  [[nodiscard]] std::array<char, 16> text() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::array<char, 16> text{};
    std::uint64_t rest = hash_;
    for (auto digit = text.rbegin(); digit != text.rend(); ++digit, rest >>= 4) *digit = digits[rest & 0xF];
    return text;
  }

 private:
  void mix(char c) {
    hash_ ^= static_cast<unsigned char>(c);
    hash_ *= 1099511628211ULL;
  }
  std::uint64_t hash_ = 14695981039346656037ULL;
};

// The stored content_hash text, 16 hex digits (no heap string: a large import hashes every row).
using HashText = std::array<char, 16>;

HashText content_hash(const Transaction& t) {
  ContentHash hash;
  hash.add(std::int64_t{t.time_ms});
  hash.add(kind_name(t.kind));
  hash.add(std::int64_t{t.total});
  hash.add(t.units);
  hash.add(t.currency);
  hash.add(t.seller);
  hash.add(t.register_name);
  for (const auto& item : t.items) {
    hash.add(item.name);
    hash.add(item.quantity);
    hash.add(std::int64_t{item.amount});
  }
  return hash.text();
}

// What one transaction adds to sales_rollup: completed sales are buyers, refunds count in net only.
struct SalesContribution {
  std::int64_t buyers = 0;
  Money gross = 0;
  Money net = 0;
  double units = 0.0;

  SalesContribution& operator+=(const SalesContribution& other) {
    buyers += other.buyers;
    gross += other.gross;
    net += other.net;
    units += other.units;
    return *this;
  }
};

SalesContribution sales_contribution(const std::string& kind, Money total, double units) {
  const bool sale = kind == "sale";
  return {sale ? 1 : 0, sale ? total : 0, sale || kind == "refund" ? total : 0, sale ? units : 0.0};
}

// The upsert that adds `rows` (key, seller) sums to one of the per-seller sales rollups.
std::string add_sales_sql(const char* table, const char* key, std::size_t rows) {
  std::string sql = std::string("INSERT INTO ") + table + "(" + key + ", seller, buyers, gross, net, units) VALUES ";
  for (std::size_t row = 0; row < rows; ++row) sql += row == 0 ? "(?,?,?,?,?,?)" : ",(?,?,?,?,?,?)";
  return sql + " ON CONFLICT(" + key + ", seller) DO UPDATE SET buyers = buyers + excluded.buyers, " +
         "gross = gross + excluded.gross, net = net + excluded.net, units = units + excluded.units";
}

constexpr std::size_t sales_chunk_rows = 64;

// Adds (bucket or day, seller) sums to a sales rollup: `add_many` takes sales_chunk_rows of them
// per statement (a large import writes tens of thousands), `add` the rest one by one.
template <class Key>
void write_sales_sums(SQLite::Statement& add, sqlite3_stmt* add_many,
                      const std::map<std::pair<Key, std::string>, SalesContribution>& sums) {
  auto next = sums.begin();
  for (std::size_t left = sums.size(); add_many != nullptr && left >= sales_chunk_rows; left -= sales_chunk_rows) {
    int parameter = 0;
    for (std::size_t row = 0; row < sales_chunk_rows; ++row, ++next) {
      const auto& [key, sum] = *next;
      sqlite3_bind_int64(add_many, ++parameter, key.first);
      sqlite3_bind_text(add_many, ++parameter, key.second.data(), static_cast<int>(key.second.size()), SQLITE_STATIC);
      sqlite3_bind_int64(add_many, ++parameter, sum.buyers);
      sqlite3_bind_int64(add_many, ++parameter, sum.gross);
      sqlite3_bind_int64(add_many, ++parameter, sum.net);
      sqlite3_bind_double(add_many, ++parameter, sum.units);
    }
    const int rc = sqlite3_step(add_many);
    sqlite3_reset(add_many);
    if (rc != SQLITE_DONE) throw SQLite::Exception(sqlite3_db_handle(add_many), rc);
  }
  for (; next != sums.end(); ++next) {
    const auto& [key, sum] = *next;
    add.reset();
    add.bind(1, key.first);
    add.bind(2, key.second);
    add.bind(3, sum.buyers);
    add.bind(4, sum.gross);
    add.bind(5, sum.net);
    add.bind(6, sum.units);
    add.exec();
  }
}

using RawStatement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

// A statement kept for the connection's life, prepared with the C API so it can be bound raw.
RawStatement prepare_raw(SQLite::Database& db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  if (const int rc = sqlite3_prepare_v3(db.getHandle(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
      rc != SQLITE_OK) {
    throw SQLite::Exception(db.getHandle(), rc);
  }
  return {raw, sqlite3_finalize};
}

// Folds 15-minute sales sums into the business days of one clock, for sales_rollup_day.
class SalesDays {
 public:
  explicit SalesDays(const BusinessClock& clock) : clock_(clock) {}

  void add(TimeMs bucket_ms, const std::string& seller, const SalesContribution& change) {
    // Buckets mostly arrive in time order: one zone lookup per day, not per bucket.
    if (bucket_ms < day_start_ || bucket_ms >= day_end_) {
      const auto day = clock_.business_day_of(bucket_ms);
      day_ = day.time_since_epoch().count();
      day_start_ = clock_.day_start(day);
      day_end_ = clock_.day_end(day);
    }
    days_[{day_, seller}] += change;
  }

  void write(SQLite::Statement& add_to_day) const { write_sales_sums(add_to_day, nullptr, days_); }

 private:
  const BusinessClock& clock_;
  std::map<std::pair<std::int64_t, std::string>, SalesContribution> days_;
  std::int64_t day_ = 0;
  TimeMs day_start_ = 0;
  TimeMs day_end_ = 0;
};

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

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

struct Store::Impl {
  std::string path;
  SQLite::Database db;
  SQLite::Statement insert_event;
  SQLite::Statement add_to_rollup;
  SQLite::Statement find_transaction;
  SQLite::Statement insert_transaction;
  SQLite::Statement update_transaction;
  SQLite::Statement add_to_sales_rollup;
  SQLite::Statement delete_items;
  SQLite::Statement insert_item;
  SQLite::Statement insert_seller;
  SQLite::Statement find_alias;
  // SQLite::Savepoint parses its SQL every time; upsert runs per row of every import.
  SQLite::Statement begin_upsert;
  SQLite::Statement release_upsert;
  SQLite::Statement rollback_upsert;
  SQLite::Statement read_day_basis;
  SQLite::Statement add_to_sales_day;
  SQLite::Statement add_to_sales_hour;
  SQLite::Statement add_to_hour_totals;
  // INSERT of chunk_rows transactions at once, prepared on first use (see upsert_batch).
  static constexpr std::size_t chunk_rows = 64;
  RawStatement insert_chunk_statement{nullptr, sqlite3_finalize};
  // Upserts of sales_chunk_rows rollup sums at once, prepared on first use.
  RawStatement add_many_to_sales_rollup{nullptr, sqlite3_finalize};
  RawStatement add_many_to_sales_hour{nullptr, sqlite3_finalize};

  sqlite3_stmt* add_many(RawStatement& slot, const char* table) {
    if (!slot) slot = prepare_raw(db, add_sales_sql(table, "bucket_ms", sales_chunk_rows));
    return slot.get();
  }

  sqlite3_stmt* insert_chunk() {
    if (!insert_chunk_statement) {
      std::string sql =
          "INSERT INTO pos_transactions(source, pos_id, time_ms, kind, total, units, currency, seller, register, "
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

  // The clock of sales_rollup_day's basis, kept while the basis stays the same.
  std::optional<BusinessClock> day_clock;
  std::string day_clock_zone;
  int day_clock_cutoff = 0;

  explicit Impl(const std::string& file)
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
        insert_transaction(db,
                           "INSERT INTO pos_transactions(source, pos_id, time_ms, kind, total, units, currency, "
                           "seller, register, content_hash, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                           "ON CONFLICT(source, pos_id) DO NOTHING"),
        update_transaction(db,
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
        add_to_hour_totals(db,
                           "INSERT INTO rollup_hour_totals(bucket_ms, buyers, gross, net, units) VALUES (?,?,?,?,?) "
                           "ON CONFLICT(bucket_ms) DO UPDATE SET buyers = buyers + excluded.buyers, "
                           "gross = gross + excluded.gross, net = net + excluded.net, "
                           "units = units + excluded.units") {}

  // A statement that failed mid-step stays busy, and a busy statement makes the next SAVEPOINT
  // on this connection fail; reset them all so a retry after a disk error starts clean.
  void reset_cached_statements() noexcept {
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

  // The clock sales_rollup_day was built with, or null when it has no usable basis.
  const BusinessClock* sales_day_clock() {
    read_day_basis.reset();
    if (!read_day_basis.executeStep()) return nullptr;
    const std::string zone = read_day_basis.getColumn(0).getString();
    const int cutoff = read_day_basis.getColumn(1).getInt();
    read_day_basis.reset();
    if (!day_clock || zone != day_clock_zone || cutoff != day_clock_cutoff) {
      StoreSettings basis;
      basis.time_zone = zone;
      basis.cutoff_minutes = cutoff;
      day_clock.reset();
      try {
        day_clock.emplace(basis);
      } catch (const std::invalid_argument&) {  // a zone this system does not know: no days
        return nullptr;
      }
      day_clock_zone = zone;
      day_clock_cutoff = cutoff;
    }
    return &*day_clock;
  }

  [[nodiscard]] bool sales_days_match(const StoreSettings& settings) {
    const auto* clock = sales_day_clock();
    return clock != nullptr && day_clock_zone == settings.time_zone && day_clock_cutoff == settings.cutoff_minutes;
  }

  // Refills sales_rollup_day from the 15-minute rollup in the settings' business days.
  void rebuild_sales_days(const StoreSettings& settings) {
    db.exec("DELETE FROM sales_rollup_day; DELETE FROM sales_rollup_day_basis");
    std::optional<BusinessClock> clock;
    try {
      clock.emplace(settings);
    } catch (const std::invalid_argument&) {  // unknown zone: the reports fall back to hourly rows
      return;
    }
    SalesDays days(*clock);
    SQLite::Statement rows(db, "SELECT bucket_ms, seller, buyers, gross, net, units FROM sales_rollup");
    while (rows.executeStep()) {
      days.add(rows.getColumn(0).getInt64(), rows.getColumn(1).getString(),
               {rows.getColumn(2).getInt64(), rows.getColumn(3).getInt64(), rows.getColumn(4).getInt64(),
                rows.getColumn(5).getDouble()});
    }
    days.write(add_to_sales_day);
    SQLite::Statement basis(db, "INSERT INTO sales_rollup_day_basis(id, time_zone, cutoff_minutes) VALUES (1, ?, ?)");
    basis.bind(1, settings.time_zone);
    basis.bind(2, settings.cutoff_minutes);
    basis.exec();
  }

  static void run(SQLite::Statement& statement) {
    statement.reset();
    statement.exec();
  }

  void insert_items(std::int64_t transaction_id, const std::vector<LineItem>& items) {
    for (const auto& item : items) {
      insert_item.reset();
      insert_item.bind(1, transaction_id);
      insert_item.bindNoCopy(2, item.name);
      insert_item.bind(3, item.quantity);
      insert_item.bind(4, item.amount);
      insert_item.exec();
    }
  }
};

// SQLite::Savepoint (3.2.1) only rolls back to the savepoint on failure and leaves it open, so the
// connection stays inside a transaction that later "successful" writes join and never commit.
// This one rolls back and releases, after resetting the cached statements a failed step left busy.
class Store::Savepoint {
 public:
  Savepoint(Impl& impl, std::string name) : impl_(impl), name_(std::move(name)) {
    impl_.db.exec("SAVEPOINT " + name_);
  }
  ~Savepoint() {
    if (released_) return;
    impl_.reset_cached_statements();
    try {
      impl_.db.exec("ROLLBACK TO " + name_);
      impl_.db.exec("RELEASE " + name_);
    } catch (const SQLite::Exception&) {  // still failing: the caller's exception says why
    }
  }
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  void release() {
    impl_.db.exec("RELEASE " + name_);
    released_ = true;
  }

 private:
  Impl& impl_;
  std::string name_;
  bool released_ = false;
};

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

SQLite::Database& Store::db() { return impl_->db; }

int Store::schema_version() { return impl_->db.execAndGet("PRAGMA user_version").getInt(); }

const std::string& Store::path() const { return impl_->path; }

void Store::add_count_events(const std::vector<CountEvent>& events) {
  if (events.empty()) return;
  Savepoint savepoint(*impl_, "add_count_events");
  auto& insert = impl_->insert_event;
  // The 15-minute rollup is updated once per bucket and door, not once per event.
  std::map<std::pair<TimeMs, std::string>, std::pair<std::int64_t, std::int64_t>> rollup;
  for (const auto& event : events) {
    insert.reset();
    insert.bind(1, event.time_ms);
    insert.bind(2, event.door);
    insert.bind(3, event.entering ? "in" : "out");
    insert.bind(4, event.track_id);
    insert.bind(5, static_cast<double>(event.confidence));
    // A crossing already stored (the same clip counted again) adds nothing to the rollup either.
    if (insert.exec() == 0) continue;
    auto& sums = rollup[{event.time_ms / rollup_bucket_ms * rollup_bucket_ms, event.door}];
    (event.entering ? sums.first : sums.second) += 1;
  }
  auto& add = impl_->add_to_rollup;
  for (const auto& [key, sums] : rollup) {
    add.reset();
    add.bind(1, key.first);
    add.bind(2, key.second);
    add.bind(3, sums.first);
    add.bind(4, sums.second);
    add.exec();
  }
  savepoint.release();
}

void Store::add_camera_gap(const CameraGap& gap) {
  if (gap.end_ms < gap.start_ms) {
    throw std::invalid_argument("camera gap on door \"" + gap.door + "\" ends before it starts");
  }
  SQLite::Statement insert(impl_->db, "INSERT INTO camera_gaps(door, start_ms, end_ms, reason) VALUES (?,?,?,?)");
  insert.bind(1, gap.door);
  insert.bind(2, gap.start_ms);
  insert.bind(3, gap.end_ms);
  insert.bind(4, gap.reason);
  insert.exec();
}

void Store::set_camera_up(const std::string& door, TimeMs time_ms) {
  // Heartbeats closer than this extend the current uptime interval instead of opening a new one.
  constexpr TimeMs max_heartbeat_gap_ms = 2 * 60 * 1000;
  Savepoint savepoint(*impl_, "camera_up");
  SQLite::Statement extend(impl_->db,
                           "UPDATE camera_uptime SET end_ms = max(end_ms, ?1) WHERE id = (SELECT id FROM camera_uptime "
                           "WHERE door = ?2 AND end_ms >= ?1 - ?3 AND start_ms <= ?1 ORDER BY end_ms DESC LIMIT 1)");
  extend.bind(1, time_ms);
  extend.bind(2, door);
  extend.bind(3, max_heartbeat_gap_ms);
  if (extend.exec() == 0) {
    SQLite::Statement insert(impl_->db, "INSERT INTO camera_uptime(door, start_ms, end_ms) VALUES (?1, ?2, ?2)");
    insert.bind(1, door);
    insert.bind(2, time_ms);
    insert.exec();
  }
  savepoint.release();
}

void Store::add_recording_span(const std::string& door, TimeMs start_ms, TimeMs end_ms) {
  if (end_ms < start_ms)
    throw std::invalid_argument("recording on door \"" + door + "\" ends before it starts");
  SQLite::Statement upsert(impl_->db,
                           "INSERT INTO recording_spans(door, start_ms, end_ms) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT(door, start_ms) DO UPDATE SET end_ms = max(end_ms, excluded.end_ms)");
  upsert.bind(1, door);
  upsert.bind(2, start_ms);
  upsert.bind(3, end_ms);
  upsert.exec();
}

std::vector<CameraSpan> Store::camera_uptime(TimeMs from_ms, TimeMs to_ms) {
  std::vector<CameraSpan> result;
  SQLite::Statement query(
      impl_->db,
      "SELECT door, start_ms, end_ms FROM camera_uptime WHERE end_ms > ?1 AND start_ms < ?2 "
      "UNION ALL SELECT door, start_ms, end_ms FROM recording_spans "
      "WHERE end_ms > ?1 AND start_ms < ?2 ORDER BY 2");
  query.bind(1, from_ms);
  query.bind(2, to_ms);
  while (query.executeStep()) {
    result.push_back(
        {query.getColumn(0).getString(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64()});
  }
  return result;
}

bool Store::camera_uptime_recorded() {
  SQLite::Statement query(
      impl_->db, "SELECT EXISTS (SELECT 1 FROM camera_uptime) OR EXISTS (SELECT 1 FROM recording_spans)");
  return query.executeStep() && query.getColumn(0).getInt() != 0;
}

std::optional<TimeMs> Store::last_camera_up(const std::string& door) {
  SQLite::Statement query(impl_->db, "SELECT max(end_ms) FROM camera_uptime WHERE door = ?");
  query.bind(1, door);
  if (query.executeStep() && !query.getColumn(0).isNull()) return query.getColumn(0).getInt64();
  return std::nullopt;
}

StoreSettings Store::settings() {
  StoreSettings settings;
  SQLite::Statement query(impl_->db,
                          "SELECT name, time_zone, cutoff_minutes, open_minutes, close_minutes, visitor_rule, "
                          "low_data_visitors, currency, language FROM stores WHERE id = 1");
  if (query.executeStep()) {
    settings.name = query.getColumn(0).getString();
    settings.time_zone = query.getColumn(1).getString();
    settings.cutoff_minutes = query.getColumn(2).getInt();
    settings.open_minutes = query.getColumn(3).getInt();
    settings.close_minutes = query.getColumn(4).getInt();
    settings.visitor_rule =
        query.getColumn(5).getString() == "half_in_out" ? VisitorRule::HalfOfInPlusOut : VisitorRule::Entries;
    settings.low_data_visitors = query.getColumn(6).getInt();
    settings.currency = query.getColumn(7).getString();
    settings.language = query.getColumn(8).getString();
  }
  return settings;
}

void Store::save_settings(const StoreSettings& settings) {
  SQLite::Statement upsert(impl_->db,
                           "INSERT INTO stores(id, name, time_zone, cutoff_minutes, open_minutes, close_minutes, "
                           "visitor_rule, low_data_visitors, currency, language) VALUES (1,?,?,?,?,?,?,?,?,?) "
                           "ON CONFLICT(id) DO UPDATE SET name=excluded.name, time_zone=excluded.time_zone, "
                           "cutoff_minutes=excluded.cutoff_minutes, open_minutes=excluded.open_minutes, "
                           "close_minutes=excluded.close_minutes, visitor_rule=excluded.visitor_rule, "
                           "low_data_visitors=excluded.low_data_visitors, currency=excluded.currency, "
                           "language=excluded.language");
  upsert.bind(1, settings.name);
  upsert.bind(2, settings.time_zone);
  upsert.bind(3, settings.cutoff_minutes);
  upsert.bind(4, settings.open_minutes);
  upsert.bind(5, settings.close_minutes);
  upsert.bind(6, settings.visitor_rule == VisitorRule::HalfOfInPlusOut ? "half_in_out" : "entries");
  upsert.bind(7, settings.low_data_visitors);
  upsert.bind(8, settings.currency);
  upsert.bind(9, settings.language);
  Savepoint savepoint(*impl_, "save_settings");
  upsert.exec();
  if (!impl_->sales_days_match(settings)) impl_->rebuild_sales_days(settings);
  savepoint.release();
}

void Store::set_shifts(const std::vector<ShiftDefinition>& shifts) {
  Savepoint savepoint(*impl_, "set_shifts");
  impl_->db.exec("DELETE FROM shifts");
  SQLite::Statement insert(impl_->db,
                           "INSERT INTO shifts(position, name, weekday_mask, start_minutes, end_minutes) "
                           "VALUES (?,?,?,?,?)");
  int position = 0;
  for (const auto& shift : shifts) {
    insert.reset();
    insert.bind(1, position++);
    insert.bind(2, shift.name);
    insert.bind(3, shift.weekday_mask);
    insert.bind(4, shift.start_minutes);
    insert.bind(5, shift.end_minutes);
    insert.exec();
  }
  savepoint.release();
}

std::vector<ShiftDefinition> Store::shifts() {
  std::vector<ShiftDefinition> result;
  SQLite::Statement query(impl_->db,
                          "SELECT name, weekday_mask, start_minutes, end_minutes FROM shifts ORDER BY position");
  while (query.executeStep()) {
    result.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt(), query.getColumn(2).getInt(),
                      query.getColumn(3).getInt()});
  }
  return result;
}

void Store::add_roster(const std::vector<RosterEntry>& roster) {
  Savepoint savepoint(*impl_, "add_roster");
  SQLite::Statement insert(impl_->db, "INSERT INTO roster(seller, start_ms, end_ms) VALUES (?,?,?)");
  for (const auto& entry : roster) {
    if (entry.end_ms < entry.start_ms || entry.end_ms - entry.start_ms > max_roster_entry_ms) {
      throw std::invalid_argument("roster entry for \"" + entry.seller + "\" ends before it starts or lasts over a day");
    }
    impl_->insert_seller.reset();
    impl_->insert_seller.bind(1, entry.seller);
    impl_->insert_seller.exec();
    insert.reset();
    insert.bind(1, entry.seller);
    insert.bind(2, entry.start_ms);
    insert.bind(3, entry.end_ms);
    insert.exec();
  }
  savepoint.release();
}

namespace {

std::vector<RosterEntry> roster_rows(SQLite::Database& db, TimeMs from_ms, TimeMs to_ms, const char* order) {
  // A year's roster is thousands of rows: read them without SQLiteCpp's per-column objects.
  const std::string sql = std::string("SELECT seller, start_ms, end_ms FROM roster WHERE start_ms >= ?1 - ?3 AND "
                                      "start_ms < ?2 AND end_ms > ?1 ORDER BY ") + order;
  sqlite3_stmt* raw = nullptr;
  if (const int rc = sqlite3_prepare_v2(db.getHandle(), sql.c_str(), -1, &raw, nullptr); rc != SQLITE_OK) {
    throw SQLite::Exception(db.getHandle(), rc);
  }
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> query(raw, sqlite3_finalize);
  sqlite3_bind_int64(raw, 1, from_ms);
  sqlite3_bind_int64(raw, 2, to_ms);
  sqlite3_bind_int64(raw, 3, max_roster_entry_ms);
  std::vector<RosterEntry> result;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    const auto* seller = sqlite3_column_text(raw, 0);
    result.push_back({seller == nullptr ? std::string() : reinterpret_cast<const char*>(seller),
                      sqlite3_column_int64(raw, 1), sqlite3_column_int64(raw, 2)});
  }
  if (rc != SQLITE_DONE) throw SQLite::Exception(db.getHandle(), rc);
  return result;
}

}  // namespace

std::vector<RosterEntry> Store::roster(TimeMs from_ms, TimeMs to_ms) {
  return roster_rows(impl_->db, from_ms, to_ms, "seller, start_ms");
}

std::vector<RosterEntry> Store::roster_by_start(TimeMs from_ms, TimeMs to_ms) {
  return roster_rows(impl_->db, from_ms, to_ms, "start_ms");
}

std::vector<CameraGap> Store::camera_gaps(TimeMs from_ms, TimeMs to_ms) {
  std::vector<CameraGap> result;
  SQLite::Statement query(impl_->db,
                          "SELECT door, start_ms, end_ms, reason FROM camera_gaps WHERE end_ms > ? AND start_ms < ? "
                          "ORDER BY start_ms");
  query.bind(1, from_ms);
  query.bind(2, to_ms);
  while (query.executeStep()) {
    result.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64(),
                      query.getColumn(3).getString()});
  }
  return result;
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
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  // What each (bucket, seller) of sales_rollup gains or loses; written once at the end.
  std::map<std::pair<TimeMs, std::string>, SalesContribution> rollup;
  auto add_to_rollup = [&rollup](TimeMs time_ms, const std::string& seller, const SalesContribution& change,
                                 bool remove) {
    auto& sums = rollup[{time_ms / rollup_bucket_ms * rollup_bucket_ms, seller}];
    const std::int64_t sign = remove ? -1 : 1;
    sums.buyers += sign * change.buyers;
    sums.gross += sign * change.gross;
    sums.net += sign * change.net;
    sums.units += remove ? -change.units : change.units;
  };
  std::set<std::string> sellers_added;
  auto add_seller = [&](const Transaction& transaction) {
    if (!transaction.seller.empty() && sellers_added.insert(transaction.seller).second) {
      impl.insert_seller.reset();
      impl.insert_seller.bind(1, transaction.seller);
      impl.insert_seller.exec();
    }
  };
  // A row just inserted under `id`: its share of the rollups and its line items.
  auto added = [&](const Transaction& transaction, std::int64_t id) {
    add_to_rollup(transaction.time_ms, transaction.seller,
                  sales_contribution(kind_name(transaction.kind), transaction.total, transaction.units), false);
    impl.insert_items(id, transaction.items);
  };
  // A row whose (source, pos_id) is already stored: unchanged (false), or updated in place.
  auto replace = [&](const Transaction& transaction, const std::string& hash) -> bool {
    auto& find = impl.find_transaction;
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
                  sales_contribution(old_kind, find.getColumn(4).getInt64(), find.getColumn(5).getDouble()), true);
    find.reset();
    auto& update = impl.update_transaction;
    update.reset();
    update.bind(1, transaction.time_ms);
    update.bind(2, kind_name(transaction.kind));
    update.bind(3, transaction.total);
    update.bind(4, transaction.units);
    update.bind(5, transaction.currency);
    update.bind(6, transaction.seller);
    update.bind(7, transaction.register_name);
    update.bind(8, hash);
    update.bind(9, now_ms);
    update.bind(10, id);
    update.exec();
    impl.delete_items.reset();
    impl.delete_items.bind(1, id);
    impl.delete_items.exec();
    added(transaction, id);
    return true;
  };
  auto upsert = [&](const Transaction& transaction) -> bool {
    const auto hash_text = content_hash(transaction);
    const std::string hash(hash_text.begin(), hash_text.end());
    add_seller(transaction);
    // Most rows of an import are new: try the insert first, look the row up only on a conflict.
    auto& insert = impl.insert_transaction;
    insert.reset();
    // No copies: every bound string outlives the exec below.
    insert.bindNoCopy(1, transaction.source);
    insert.bindNoCopy(2, transaction.pos_id);
    insert.bind(3, transaction.time_ms);
    insert.bindNoCopy(4, kind_name(transaction.kind));
    insert.bind(5, transaction.total);
    insert.bind(6, transaction.units);
    insert.bindNoCopy(7, transaction.currency);
    insert.bindNoCopy(8, transaction.seller);
    insert.bindNoCopy(9, transaction.register_name);
    insert.bindNoCopy(10, hash);
    insert.bind(11, now_ms);
    if (insert.exec() == 0) return replace(transaction, hash);
    added(transaction, impl.db.getLastInsertRowid());
    return true;
  };
  // Many rows per INSERT: a statement's fixed cost (cursors, halt, reset) is paid once per chunk.
  // New rows of one statement get consecutive rowids, so the ones inserted are told apart from
  // the ones that conflicted by their id; a chunk naming one row twice goes row by row instead.
  std::vector<HashText> hashes;
  std::set<std::pair<std::string_view, std::string_view>> keys;
  auto upsert_chunk = [&](std::span<const Transaction> chunk) -> std::int64_t {
    keys.clear();
    for (const auto& transaction : chunk) {
      if (!keys.emplace(transaction.source, transaction.pos_id).second) {
        std::int64_t changed = 0;
        for (const auto& each : chunk) changed += upsert(each) ? 1 : 0;
        return changed;
      }
    }
    hashes.clear();
    for (const auto& transaction : chunk) {
      hashes.push_back(content_hash(transaction));
      add_seller(transaction);
    }
    sqlite3_stmt* insert = impl.insert_chunk();
    int parameter = 0;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const auto& t = chunk[i];
      const auto text = [&](const std::string& value) {
        sqlite3_bind_text(insert, ++parameter, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
      };
      text(t.source);
      text(t.pos_id);
      sqlite3_bind_int64(insert, ++parameter, t.time_ms);
      sqlite3_bind_text(insert, ++parameter, kind_name(t.kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64(insert, ++parameter, t.total);
      sqlite3_bind_double(insert, ++parameter, t.units);
      text(t.currency);
      text(t.seller);
      text(t.register_name);
      sqlite3_bind_text(insert, ++parameter, hashes[i].data(), static_cast<int>(hashes[i].size()), SQLITE_STATIC);
      sqlite3_bind_int64(insert, ++parameter, now_ms);
    }
    const int rc = sqlite3_step(insert);
    sqlite3_reset(insert);
    if (rc != SQLITE_DONE) throw SQLite::Exception(impl.db.getHandle(), rc);
    const std::int64_t inserted = sqlite3_changes(impl.db.getHandle());
    const std::int64_t first_new = impl.db.getLastInsertRowid() - inserted + 1;
    if (inserted == static_cast<std::int64_t>(chunk.size())) {
      for (std::size_t i = 0; i < chunk.size(); ++i) added(chunk[i], first_new + static_cast<std::int64_t>(i));
      return inserted;
    }
    std::int64_t changed = 0;
    auto& find_id = impl.find_transaction;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      find_id.reset();
      find_id.bind(1, chunk[i].source);
      find_id.bind(2, chunk[i].pos_id);
      if (!find_id.executeStep()) throw std::logic_error("pos_transactions: a chunk's row is neither new nor stored");
      const std::int64_t id = find_id.getColumn(0).getInt64();
      find_id.reset();
      if (inserted > 0 && id >= first_new) {
        added(chunk[i], id);
        ++changed;
      } else if (replace(chunk[i], std::string(hashes[i].begin(), hashes[i].end()))) {
        ++changed;
      }
    }
    return changed;
  };
  // The CHECK on pos_transactions.kind builds a temporary table for its IN list on every insert,
  // which costs more than the insert; kind_name() only ever yields allowed kinds. The pragma
  // recompiles the statements, so it is only worth it for a large batch.
  const bool skip_checks = transactions.size() >= 256;
  struct CheckSkipper {
    SQLite::Database& db;
    bool active;
    CheckSkipper(SQLite::Database& database, bool on) : db(database), active(on) {
      if (active) db.exec("PRAGMA ignore_check_constraints = ON");
    }
    ~CheckSkipper() {
      try {
        if (active) db.exec("PRAGMA ignore_check_constraints = OFF");
      } catch (const SQLite::Exception&) {  // a pragma on an open connection does not fail in practice
      }
    }
    CheckSkipper(const CheckSkipper&) = delete;
    CheckSkipper& operator=(const CheckSkipper&) = delete;
  } const check_skipper(impl.db, skip_checks);
  // A savepoint nests inside the importer's transaction, so a whole file still commits at once.
  if (own_savepoint) Impl::run(impl.begin_upsert);
  try {
    std::int64_t changed = 0;
    std::size_t next = 0;
    for (; next + Impl::chunk_rows <= transactions.size(); next += Impl::chunk_rows) {
      changed += upsert_chunk(transactions.subspan(next, Impl::chunk_rows));
    }
    for (; next < transactions.size(); ++next) {
      if (upsert(transactions[next])) ++changed;
    }
    if (const auto* clock = impl.sales_day_clock(); clock != nullptr && !rollup.empty()) {
      SalesDays days(*clock);
      for (const auto& [key, sums] : rollup) days.add(key.first, key.second, sums);
      days.write(impl.add_to_sales_day);
    }
    write_sales_sums(impl.add_to_sales_rollup, impl.add_many(impl.add_many_to_sales_rollup, "sales_rollup"), rollup);
    // The hourly levels, which a range report reads; hours are whole 15-minute buckets.
    std::map<std::pair<TimeMs, std::string>, SalesContribution> hours;
    std::map<TimeMs, SalesContribution> hour_totals;
    for (const auto& [key, sums] : rollup) {
      const TimeMs hour = key.first / hour_rollup_bucket_ms * hour_rollup_bucket_ms;
      hours[{hour, key.second}] += sums;
      hour_totals[hour] += sums;
    }
    write_sales_sums(impl.add_to_sales_hour, impl.add_many(impl.add_many_to_sales_hour, "sales_rollup_hour"), hours);
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
  return ImportRecord{query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getInt64(),
                      query.getColumn(3).getInt64(),  query.getColumn(4).getString(), query.getColumn(5).getString(),
                      query.getColumn(6).getInt64()};
}

void Store::add_seller_alias(const std::string& alias, const std::string& seller) {
  Savepoint savepoint(*impl_, "seller_alias");
  impl_->insert_seller.reset();
  impl_->insert_seller.bind(1, seller);
  impl_->insert_seller.exec();
  SQLite::Statement insert(impl_->db,
                           "INSERT INTO seller_aliases(alias, seller_id) SELECT lower(?), id FROM sellers "
                           "WHERE name = ? ON CONFLICT(alias) DO UPDATE SET seller_id = excluded.seller_id");
  insert.bind(1, trimmed(alias));
  insert.bind(2, seller);
  insert.exec();
  savepoint.release();
}

std::string Store::resolve_seller(const std::string& raw) {
  const std::string name = trimmed(raw);
  auto& find = impl_->find_alias;
  find.reset();
  find.bind(1, name);
  std::string result = find.executeStep() ? find.getColumn(0).getString() : name;
  find.reset();
  return result;
}

std::int64_t Store::full_scan_count_events() {
  // NOT INDEXED and a predicate on a column no index covers: every row is read.
  return impl_->db
      .execAndGet("SELECT count(*) FROM count_events NOT INDEXED WHERE time_ms + 0 >= 0 AND confidence >= 0")
      .getInt64();
}

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
