#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>

#include "store/connection.hpp"
#include "store/rollup_reader.hpp"
#include "store/schema.hpp"

// What a RollupReader reads once, when it is made: the window's rollup buckets (or whole business days),
// its camera gaps and the time no camera covered. The questions it then answers are rollup_reader.cpp.
namespace footfall::data {
namespace {

// The bulk loads read tens of thousands of rows; SQLiteCpp's per-column objects cost more than the rows.
class RowReader {
 public:
  RowReader(SQLite::Database& db, const std::string& sql, TimeMs first, TimeMs last)
      : handle_(db.getHandle()) {
    if (const int rc = sqlite3_prepare_v2(handle_, sql.c_str(), -1, &statement_, nullptr); rc != SQLITE_OK) {
      throw SQLite::Exception(handle_, rc);
    }
    sqlite3_bind_int64(statement_, 1, first);
    sqlite3_bind_int64(statement_, 2, last);
  }
  ~RowReader() { sqlite3_finalize(statement_); }
  RowReader(const RowReader&) = delete;
  RowReader& operator=(const RowReader&) = delete;

  bool next() {
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(handle_, rc);
  }
  [[nodiscard]] std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }
  [[nodiscard]] double real(int column) const { return sqlite3_column_double(statement_, column); }
  [[nodiscard]] const char* text(int column) const {
    const auto* value = sqlite3_column_text(statement_, column);
    return value == nullptr ? "" : reinterpret_cast<const char*>(value);
  }

 private:
  sqlite3* handle_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace

RollupReader::RollupReader(Store& store, TimeMs from_ms, TimeMs to_ms, TimeMs bucket_ms)
    : store_(store), bucket_ms_(bucket_ms), from_ms_(from_ms), to_ms_(to_ms) {
  if (bucket_ms <= 0 || bucket_ms % rollup_bucket_ms != 0) {
    throw std::invalid_argument("rollup reader bucket must be a multiple of the 15-minute rollup");
  }
  load_buckets(floor_bucket(from_ms), ceil_bucket(to_ms));
  load_gaps();
  load_uncovered();
}

RollupReader::RollupReader(Store& store, TimeMs from_ms, TimeMs to_ms, TimeMs bucket_ms,
                           const BusinessDays& days)
    : store_(store), bucket_ms_(bucket_ms), from_ms_(from_ms), to_ms_(to_ms) {
  if (bucket_ms <= 0 || bucket_ms % rollup_bucket_ms != 0) {
    throw std::invalid_argument("rollup reader bucket must be a multiple of the 15-minute rollup");
  }
  const TimeMs first = floor_bucket(from_ms);
  const TimeMs last = ceil_bucket(to_ms);
  if (!load_days(days, first, last)) load_buckets(first, last);
  load_gaps();
  load_uncovered();
}

std::size_t RollupReader::seller_index(const char* name) {
  // Rows of one seller often follow each other; try the last one before searching.
  if (last_seller_ < seller_names_.size() && seller_names_[last_seller_] == name) return last_seller_;
  const auto known = std::find(seller_names_.begin(), seller_names_.end(), name);
  last_seller_ = static_cast<std::size_t>(known - seller_names_.begin());
  if (known == seller_names_.end()) seller_names_.emplace_back(name);
  return last_seller_;
}

void RollupReader::load_buckets(TimeMs first, TimeMs last) {
  // Rows stream in primary-key order (bucket first); folding them into coarser buckets here is
  // much cheaper than a GROUP BY on an expression, which makes SQLite sort.
  const bool hourly = bucket_ms_ % hour_rollup_bucket_ms == 0;
  RowReader counts(connection(store_),
                   std::string("SELECT bucket_ms, entries, exits FROM ") +
                       (hourly ? "count_rollup_hour" : "count_rollup") +
                       " WHERE bucket_ms >= ? AND bucket_ms < ?",
                   first, last);
  while (counts.next()) {
    const TimeMs bucket = floor_bucket(counts.integer(0));
    if (counts_.empty() || counts_.back().bucket_ms != bucket) counts_.push_back({bucket, 0, 0});
    counts_.back().entries += counts.integer(1);
    counts_.back().exits += counts.integer(2);
  }
  RowReader sales(connection(store_),
                  std::string("SELECT bucket_ms, seller, buyers, gross, net, units FROM ") +
                      (hourly ? "sales_rollup_hour" : "sales_rollup") +
                      " WHERE bucket_ms >= ? AND bucket_ms < ?",
                  first, last);
  std::size_t bucket_begin = 0;  // first entry of the current coarse bucket in sales_
  while (sales.next()) {
    const TimeMs bucket = floor_bucket(sales.integer(0));
    const std::size_t seller = seller_index(sales.text(1));
    if (sales_.empty() || sales_.back().bucket_ms != bucket) bucket_begin = sales_.size();
    auto slot = std::find_if(sales_.begin() + static_cast<std::ptrdiff_t>(bucket_begin), sales_.end(),
                             [seller](const SalesBucket& entry) { return entry.seller == seller; });
    if (slot == sales_.end()) slot = sales_.insert(sales_.end(), SalesBucket{bucket, seller, {}});
    slot->tally.buyers += sales.integer(2);
    slot->tally.gross += sales.integer(3);
    slot->tally.net += sales.integer(4);
    slot->tally.units += sales.real(5);
  }
}

bool RollupReader::load_days(const BusinessDays& days, TimeMs first, TimeMs last) {
  if (bucket_ms_ != hour_rollup_bucket_ms || days.starts.size() < 2) return false;
  SQLite::Statement basis(connection(store_), "SELECT time_zone, cutoff_minutes FROM sales_rollup_day_basis");
  if (!basis.executeStep() || days.time_zone != basis.getColumn(0).getString() ||
      days.cutoff_minutes != basis.getColumn(1).getInt()) {
    return false;
  }
  day_starts_ = days.starts;
  RowReader hours(connection(store_),
                  "SELECT bucket_ms, entries, exits, buyers, gross, net, units FROM rollup_hour_totals "
                  "WHERE bucket_ms >= ? AND bucket_ms < ?",
                  first, last);
  while (hours.next()) {
    const TimeMs bucket = hours.integer(0);
    counts_.push_back({bucket, hours.integer(1), hours.integer(2)});
    Tally tally;
    tally.buyers = hours.integer(3);
    tally.gross = hours.integer(4);
    tally.net = hours.integer(5);
    tally.units = hours.real(6);
    sales_.push_back({bucket, all_sellers, tally});
  }
  const auto day_count = static_cast<std::int64_t>(days.starts.size() - 1);
  seller_days_.resize(static_cast<std::size_t>(day_count));
  RowReader sellers(
      connection(store_),
      "SELECT day, seller, buyers, gross, net, units FROM sales_rollup_day WHERE day >= ? AND day < ?",
      days.first_day, days.first_day + day_count);
  while (sellers.next()) {
    SellerDay entry;
    entry.seller = seller_index(sellers.text(1));
    entry.tally.buyers = sellers.integer(2);
    entry.tally.gross = sellers.integer(3);
    entry.tally.net = sellers.integer(4);
    entry.tally.units = sellers.real(5);
    seller_days_[static_cast<std::size_t>(sellers.integer(0) - days.first_day)].push_back(entry);
  }
  return true;
}

void RollupReader::load_gaps() {
  for (const auto& gap : store_.camera_gaps(from_ms_, to_ms_)) {
    if (!gaps_.empty() && gap.start_ms <= gaps_.back().end) {
      gaps_.back().end = std::max(gaps_.back().end, gap.end_ms);
    } else {
      gaps_.push_back({gap.start_ms, gap.end_ms});
    }
  }
}

void RollupReader::load_uncovered() {
  if (!store_.camera_uptime_recorded()) {
    uncovered_ = gaps_;
    return;
  }
  // The complement of the uptime spans, then the recorded gaps merged in.
  std::vector<Interval> not_running;
  TimeMs covered_to = from_ms_;
  for (const auto& span : store_.camera_uptime(from_ms_, to_ms_)) {
    if (span.start_ms > covered_to) not_running.push_back({covered_to, std::min(span.start_ms, to_ms_)});
    covered_to = std::max(covered_to, span.end_ms);
  }
  if (covered_to < to_ms_) not_running.push_back({covered_to, to_ms_});
  std::vector<Interval> all = gaps_;
  all.insert(all.end(), not_running.begin(), not_running.end());
  std::sort(all.begin(), all.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
  for (const auto& piece : all) {
    if (!uncovered_.empty() && piece.start <= uncovered_.back().end) {
      uncovered_.back().end = std::max(uncovered_.back().end, piece.end);
    } else {
      uncovered_.push_back(piece);
    }
  }
}

}  // namespace footfall::data
