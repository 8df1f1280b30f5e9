#include "footfall/data/pos/import.hpp"
#include "footfall/data/atomic_file.hpp"

#include "footfall/data/wall_clock.hpp"

#include "store/buyer_rule.hpp"
#include "store/connection.hpp"

#include "footfall/data/pos/csv_reader.hpp"
#include "footfall/data/pos/profiles.hpp"
#include "footfall/data/pos/values.hpp"
#include "footfall/data/store/store_profile.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <date/date.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

namespace footfall::data {

std::string RowError::to_string() const {
  return file + ":" + std::to_string(line) + ": column \"" + column + "\": " + reason;
}

ImportError::ImportError(const std::string& message, std::vector<RowError> errors)
    : std::runtime_error(message), errors_(std::move(errors)) {}

const std::vector<RowError>& ImportError::errors() const { return errors_; }

namespace {

constexpr std::size_t max_reported_errors = 1000;
constexpr std::int64_t minute_ms = 60'000;

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::string hex64(std::uint64_t value) {
  std::array<char, 17> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%016llx", static_cast<unsigned long long>(value));
  return buffer.data();
}

// Thrown inside a pass when a transaction's rows are not contiguous; the file is re-run buffered.
struct NeedsBuffering {};

struct Pending {
  Transaction transaction;
  std::int64_t first_line = 0;
  bool has_total = false;
  bool has_time = false;
  bool bad = false;
  std::string amount_currency;  // from a symbol in its amounts ("$9.00")
  std::vector<std::pair<std::int64_t, std::string_view>> rows;  // kept for reject files
  std::string reject_reason;
  // Shopify order fields.
  std::string status;
  Money refunded = 0;
  std::optional<TimeMs> refund_time;
  std::optional<TimeMs> cancel_time;
};

struct RowValues {
  std::string key;
  std::optional<TransactionKind> kind;
  std::optional<Money> total;
  std::optional<TimeMs> time;
  double quantity = 0.0;
  bool has_quantity = false;
  std::string status;
  Money refunded = 0;
  std::optional<TimeMs> refund_time;
  std::optional<TimeMs> cancel_time;
  std::optional<Money> item_price;
  std::string currency;         // the currency column's, upper case
  std::string amount_currency;  // the total's symbol
};

std::string upper_ascii(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

class FileImport {
 public:
  FileImport(Store& store, const ImportOptions& options, const ProfileSpec& profile, const std::vector<std::string>& header,
             std::string file_name, std::string default_zone, std::string store_currency, bool buffer_all)
      : store_(store),
        options_(options),
        profile_(profile),
        header_(header),
        file_name_(std::move(file_name)),
        buffer_all_(buffer_all),
        columns_(map_columns(profile, header)),
        store_currency_(std::move(store_currency)),
        options_currency_(upper_ascii(options.currency.empty() ? profile.currency : options.currency)) {
    if (!options_currency_.empty() && !is_currency_code(options_currency_)) {
      throw ImportError("currency \"" + options.currency + "\" is not a 3-letter ISO 4217 code such as EUR", {});
    }
    if (!default_zone.empty()) {
      default_zone_ = find_time_zone(default_zone);
      if (default_zone_ == nullptr) {
        throw ImportError(file_name_ + ": unknown time zone \"" + default_zone + "\"", {});
      }
    }
    if (options_.default_date) {
      auto parsed = parse_local_datetime(*options_.default_date, DateOrder::YMD);
      if (!parsed.ok() || !parsed.value->has_date || parsed.value->has_time) {
        throw ImportError("default date \"" + *options_.default_date + "\" is not YYYY-MM-DD", {});
      }
      default_day_ms_ = parsed.value->local_ms;
    }
    if (options_.default_time) {
      const auto minutes = parse_clock_minutes(*options_.default_time);
      if (!minutes || *minutes >= 24 * 60) {
        throw ImportError("default time \"" + *options_.default_time + "\" is not HH:MM, e.g. 12:00", {});
      }
      default_time_ms_ = *minutes * minute_ms;
    }
    SQLite::Statement sellers(connection(store_), "SELECT name FROM sellers");
    while (sellers.executeStep()) {
      const std::string name = sellers.getColumn(0).getString();
      known_sellers_.emplace(fold_case(name), name);
    }
  }

  // Sizes the set of finished ids once instead of rehashing it as a large file goes by.
  void expect_lines(std::size_t lines) {
    if (!buffer_all_) flushed_.reserve(lines);
  }

  void add_record(const CsvRecord& record) {
    ++rows_;
    if (!refusal_.empty()) return;  // the whole file is refused; the rest cannot change that
    RowValues values;
    row_took_default_time_ = false;
    const RowStatus status = parse_row(record, values);
    if (status == RowStatus::Ignored) return;
    if (status == RowStatus::Good && row_took_default_time_) ++default_time_rows_;
    Pending& pending = pending_for(values.key, record.line);
    pending.rows.emplace_back(record.line, record.raw);
    if (status == RowStatus::Bad) {
      pending.bad = true;
      if (pending.reject_reason.empty()) pending.reject_reason = last_error_;
      return;
    }
    current_record_ = &record;
    accumulate(pending, values);
    current_record_ = nullptr;
  }

  void finish() {
    flush_all();
    write_batch();
  }

  void announce_preview() {
    if (preview_announced_ || !options_.on_preview) return;
    preview_announced_ = true;
    options_.on_preview(profile_.name, preview_);
  }

  // Rows with errors; in all-or-nothing mode any of these means nothing is written.
  [[nodiscard]] const std::vector<RowError>& errors() const { return row_errors_; }
  [[nodiscard]] std::int64_t error_count() const { return error_count_; }
  [[nodiscard]] std::int64_t rows() const { return rows_; }
  [[nodiscard]] std::int64_t transactions() const { return transactions_; }
  [[nodiscard]] Money net_sales() const { return net_sales_; }
  [[nodiscard]] std::int64_t default_time_rows() const { return default_time_rows_; }
  [[nodiscard]] const std::string& currency() const { return file_currency_; }
  // Why the whole file is refused (its currency), empty when it is not.
  [[nodiscard]] const std::string& refusal() const { return refusal_; }
  [[nodiscard]] std::int64_t changed() const { return changed_; }
  [[nodiscard]] const std::vector<Transaction>& preview() const { return preview_; }
  [[nodiscard]] const std::vector<std::pair<std::string_view, std::string>>& rejected_rows() const {
    return rejected_rows_;
  }

 private:
  [[nodiscard]] int column(Role role) const { return columns_[static_cast<std::size_t>(role)]; }

  [[nodiscard]] std::string_view field(const CsvRecord& record, Role role) const {
    const int index = column(role);
    if (index < 0 || static_cast<std::size_t>(index) >= record.fields.size()) return {};
    return trim_spaces(record.fields[static_cast<std::size_t>(index)]);
  }

  void add_error(std::int64_t line, Role role, std::string reason, RowProblem problem = RowProblem::Other) {
    const int index = column(role);
    const std::string name = index >= 0 ? header_[static_cast<std::size_t>(index)] : role_name(role);
    add_error(line, name, std::move(reason), problem);
  }

  void add_error(std::int64_t line, const std::string& column_name, std::string reason,
                 RowProblem problem = RowProblem::Other) {
    ++error_count_;
    RowError error{file_name_, line, column_name, std::move(reason), problem};
    last_error_ = error.to_string();
    if (row_errors_.size() < max_reported_errors) row_errors_.push_back(std::move(error));
  }

  template <typename T, typename Parse>
  std::optional<T> parse_field(const CsvRecord& record, Role role, Parse parse, bool& ok) {
    const auto text = field(record, role);
    if (text.empty()) return std::nullopt;
    auto parsed = parse(text, profile_.decimal);
    if (!parsed.ok()) {
      add_error(record.line, role, parsed.error);
      ok = false;
    }
    return parsed.value;
  }

  const date::time_zone* zone_for(const CsvRecord& record, bool& ok) {
    ok = true;
    const auto name = field(record, Role::TimeZone);
    if (name.empty()) return default_zone_;
    if (name == last_zone_name_) return last_zone_;
    const auto* zone = find_time_zone(name);
    if (zone == nullptr) {
      add_error(record.line, Role::TimeZone, "unknown time zone \"" + std::string(name) + "\"");
      ok = false;
      return nullptr;
    }
    last_zone_name_ = std::string(name);
    last_zone_ = zone;
    return zone;
  }

  std::optional<TimeMs> parse_instant(const CsvRecord& record, Role role, std::string_view text, const date::time_zone* zone,
                                      bool& ok) {
    auto local = parse_local_datetime(text, profile_.date_order);
    if (!local.ok()) {
      add_error(record.line, role, local.error);
      ok = false;
      return std::nullopt;
    }
    if (!local.value->has_date) {
      if (!default_day_ms_) {
        add_error(record.line, role, "no date in \"" + std::string(text) + "\" and no default date was given",
                  RowProblem::NoDate);
        ok = false;
        return std::nullopt;
      }
      local.value->local_ms += *default_day_ms_;
    } else if (!local.value->has_time) {
      if (!default_time_ms_) {
        // Name the empty time column when there is one: that is the field the export left out.
        add_error(record.line, column(Role::Time) >= 0 ? Role::Time : role,
                  "no time of day for \"" + std::string(text) + "\" and no default time was given",
                  RowProblem::NoTime);
        ok = false;
        return std::nullopt;
      }
      local.value->local_ms += *default_time_ms_;
      row_took_default_time_ = true;
    }
    auto utc = to_utc_ms(*local.value, zone);
    if (!utc.ok()) {
      add_error(record.line, role, utc.error);
      ok = false;
      return std::nullopt;
    }
    return *utc.value;
  }

  enum class RowStatus { Good, Bad, Ignored };  // Ignored: e.g. a declined payment

  RowStatus parse_row(const CsvRecord& record, RowValues& values) {
    bool ok = true;
    // A short row (a file cut off mid-row, a hand-edited line) names the first column it lacks, even
    // one the profile does not read: its other values may be shifted or cut too.
    int first_missing = -1;
    for (const int index : columns_) {
      if (index >= 0 && static_cast<std::size_t>(index) >= record.fields.size() &&
          (first_missing < 0 || index < first_missing)) {
        first_missing = index;
      }
    }
    if (first_missing < 0 && record.fields.size() < header_.size()) first_missing = static_cast<int>(record.fields.size());
    if (first_missing >= 0) {
      add_error(record.line, header_[static_cast<std::size_t>(first_missing)],
                "missing: the row has " + std::to_string(record.fields.size()) + " of " +
                    std::to_string(header_.size()) + " fields (truncated?)");
      values.key = "line:" + std::to_string(record.line);
      return RowStatus::Bad;
    }

    // Id: the POS's own, else a stable hash of the row's text (a repeat in the same file gets #n).
    const auto id = field(record, Role::Id);
    if (!id.empty()) {
      values.key = std::string(id);
    } else {
      const auto hash = fnv1a(record.raw);
      const int seen = hash_occurrences_[hash]++;
      values.key = "row:" + hex64(hash) + (seen > 0 ? "#" + std::to_string(seen) : "");
    }

    // Kind.
    if (profile_.shopify_status) {
      values.status = fold_case(field(record, Role::Kind));
    } else if (column(Role::Kind) >= 0) {
      const auto text = field(record, Role::Kind);
      const auto folded = fold_case(text);
      if (profile_.ignored_kinds.count(folded) > 0) {
        return RowStatus::Ignored;
      }
      if (const auto it = profile_.kinds.find(folded); it != profile_.kinds.end()) {
        values.kind = it->second;
      } else if (!text.empty()) {
        add_error(record.line, Role::Kind, "unknown transaction type \"" + std::string(text) + "\"");
        ok = false;
      }
    }
    if (column(Role::Status) >= 0) {
      const auto folded = fold_case(field(record, Role::Status));
      if (profile_.ignored_kinds.count(folded) > 0) {
        return RowStatus::Ignored;
      }
      if (const auto it = profile_.kinds.find(folded); it != profile_.kinds.end()) {
        if (it->second != TransactionKind::Sale || !values.kind) values.kind = it->second;
      }
    }
    if (values.kind == TransactionKind::Refund && !id.empty()) values.key += "/refund";

    // Total.
    values.total = parse_field<Money>(record, Role::Total, parse_money, ok);
    if (field(record, Role::Total).empty() && profile_.total_rule == TotalRule::SumRows) {
      add_error(record.line, Role::Total, "empty amount");
      ok = false;
    }

    // Time.
    bool zone_ok = true;
    const auto* zone = zone_for(record, zone_ok);
    ok = ok && zone_ok;
    const auto date_text = field(record, Role::Date);
    const auto time_text = field(record, Role::Time);
    if (zone_ok && (!date_text.empty() || !time_text.empty())) {
      const Role role = date_text.empty() ? Role::Time : Role::Date;
      std::string text(date_text);
      if (!date_text.empty() && !time_text.empty()) text += ' ';
      text += time_text;
      bool time_ok = true;
      values.time = parse_instant(record, role, text, zone, time_ok);
      ok = ok && time_ok;
    } else if (zone_ok && profile_.total_rule == TotalRule::SumRows) {
      add_error(record.line, column(Role::Date) >= 0 ? Role::Date : Role::Time, "empty date");
      ok = false;
    }

    // Quantity and line item.
    if (const auto quantity = parse_field<double>(record, Role::Quantity, parse_number, ok)) {
      values.quantity = *quantity;
      values.has_quantity = true;
    } else if (column(Role::Quantity) < 0 && !field(record, Role::Item).empty()) {
      values.quantity = 1.0;
      values.has_quantity = true;
    }
    values.item_price = parse_field<Money>(record, Role::ItemPrice, parse_money, ok);
    if (const auto currency = field(record, Role::Currency); !currency.empty()) {
      values.currency = upper_ascii(currency);
      if (!is_currency_code(values.currency)) {
        add_error(record.line, Role::Currency, "\"" + std::string(currency) + "\" is not a 3-letter ISO 4217 currency code");
        ok = false;
      }
    }
    values.amount_currency = std::string(currency_of_amount(field(record, Role::Total)));

    if (profile_.shopify_status) {
      values.refunded = parse_field<Money>(record, Role::RefundedAmount, parse_money, ok).value_or(0);
      for (const Role role : {Role::CancelledAt, Role::RefundedAt}) {
        const auto text = field(record, role);
        if (text.empty() || !zone_ok) continue;
        bool time_ok = true;
        auto instant = parse_instant(record, role, text, zone, time_ok);
        ok = ok && time_ok;
        (role == Role::CancelledAt ? values.cancel_time : values.refund_time) = instant;
      }
    }
    return ok ? RowStatus::Good : RowStatus::Bad;
  }

  Pending& pending_for(const std::string& key, std::int64_t line) {
    if (const auto it = open_.find(key); it != open_.end()) return it->second;
    if (!buffer_all_) {
      flush_all();
      // Hashes keep this set small; a collision only costs a buffered re-run, never a wrong result.
      if (!flushed_.insert(fnv1a(key)).second) throw NeedsBuffering{};
    }
    order_.push_back(key);
    Pending& pending = open_[key];
    pending.transaction.source = profile_.name;
    pending.transaction.pos_id = key;
    pending.first_line = line;
    return pending;
  }

  void accumulate(Pending& pending, const RowValues& values) {
    Transaction& t = pending.transaction;
    const bool first_row = pending.rows.size() == 1;
    const CsvRecord* record = current_record_;
    if (values.time && !pending.has_time) {
      t.time_ms = *values.time;
      pending.has_time = true;
    }
    if (values.kind) {
      // A cancellation or void anywhere in the group decides the whole transaction.
      if (first_row || *values.kind == TransactionKind::Void || *values.kind == TransactionKind::Cancelled) {
        t.kind = *values.kind;
      }
    }
    if (values.total) {
      if (profile_.total_rule == TotalRule::SumRows) {
        t.total += *values.total;
        pending.has_total = true;
      } else if (!pending.has_total) {
        t.total = *values.total;
        pending.has_total = true;
      }
    }
    if (values.has_quantity) t.units += values.quantity;
    if (t.currency.empty()) t.currency = values.currency;
    if (pending.amount_currency.empty()) pending.amount_currency = values.amount_currency;
    if (record != nullptr) {
      if (t.seller.empty()) t.seller = std::string(field(*record, Role::Seller));
      if (t.register_name.empty()) t.register_name = std::string(field(*record, Role::Register));
      if (const auto item = field(*record, Role::Item); !item.empty()) {
        LineItem line_item;
        line_item.name = std::string(item);
        line_item.quantity = values.has_quantity ? values.quantity : 1.0;
        line_item.amount = values.item_price
                               ? static_cast<Money>(static_cast<double>(*values.item_price) * line_item.quantity)
                               : values.total.value_or(0);
        t.items.push_back(std::move(line_item));
      }
    }
    if (!values.status.empty() && pending.status.empty()) pending.status = values.status;
    if (values.refunded != 0 && pending.refunded == 0) pending.refunded = values.refunded;
    if (values.refund_time && !pending.refund_time) pending.refund_time = values.refund_time;
    if (values.cancel_time && !pending.cancel_time) pending.cancel_time = values.cancel_time;
  }

  void flush_all() {
    for (const auto& key : order_) {
      auto node = open_.extract(key);
      if (!node.empty()) flush(node.mapped());
    }
    order_.clear();
  }

  void reject(Pending& pending) {
    for (const auto& row : pending.rows) rejected_rows_.emplace_back(row.second, pending.reject_reason);
  }

  void flush(Pending& pending) {
    if (pending.bad) {
      reject(pending);
      return;
    }
    const auto incomplete = [&](Role role, const std::string& reason) {
      add_error(pending.first_line, role, reason);
      pending.reject_reason = last_error_;
      reject(pending);
    };
    if (!pending.has_time) {
      incomplete(column(Role::Date) >= 0 ? Role::Date : Role::Time, "no date for this transaction");
      return;
    }
    if (!pending.has_total) {
      incomplete(Role::Total, "no amount for this transaction");
      return;
    }
    if (!settle_currency(pending)) return;
    Transaction& t = pending.transaction;
    t.seller = normalise_seller(t.seller);
    if (profile_.shopify_status) {
      flush_shopify(pending);
      return;
    }
    if (t.kind == TransactionKind::Refund) {
      t.total = -std::abs(t.total);
      t.units = -std::abs(t.units);
    }
    store_transaction(std::move(t));
  }

  // Gives the transaction its export's currency (its column, else --currency or the profile's, else
  // its amounts' symbol, else the store's) and refuses the file when that is not the store's.
  bool settle_currency(Pending& pending) {
    std::string& currency = pending.transaction.currency;
    if (currency.empty()) currency = options_currency_;
    if (currency.empty()) currency = pending.amount_currency;
    if (currency.empty()) currency = store_currency_;
    if (currency.empty()) {
      refuse(file_name_ + ": the export names no currency and the store has none yet; give it with --currency XXX "
                          "(e.g. EUR) or set the store's with footfall store set currency XXX; nothing imported");
      return false;
    }
    if (!store_currency_.empty() && currency != store_currency_) {
      refuse(file_name_ + ": the export is in " + currency + " but the store's currency is " + store_currency_ +
             "; nothing imported (amounts in different currencies are never added)");
      return false;
    }
    if (file_currency_.empty()) file_currency_ = currency;
    if (currency != file_currency_) {
      refuse(file_name_ + ":" + std::to_string(pending.first_line) + ": a transaction in " + currency +
             " in an export in " + file_currency_ + "; nothing imported (amounts in different currencies are never added)");
      return false;
    }
    return true;
  }

  void refuse(std::string reason) {
    if (refusal_.empty()) refusal_ = std::move(reason);
    batch_.clear();
  }

  void flush_shopify(Pending& pending) {
    Transaction& sale = pending.transaction;
    const auto& status = pending.status;
    if (status == "voided") {
      sale.kind = TransactionKind::Void;
    } else if (status == "expired" || (pending.cancel_time && status != "refunded" && status != "partially_refunded")) {
      sale.kind = TransactionKind::Cancelled;
    } else {
      sale.kind = TransactionKind::Sale;
    }
    store_transaction(sale);
    if (status == "refunded" || status == "partially_refunded") {
      Transaction refund = sale;
      refund.pos_id += "/refund";
      refund.kind = TransactionKind::Refund;
      refund.total = -std::abs(pending.refunded != 0 ? pending.refunded : sale.total);
      refund.units = status == "refunded" ? -std::abs(sale.units) : 0.0;
      refund.items.clear();
      refund.time_ms = pending.refund_time.value_or(pending.cancel_time.value_or(sale.time_ms));
      store_transaction(std::move(refund));
    }
  }

  void store_transaction(Transaction t) {
    ++transactions_;
    if (preview_.size() < ImportResult::preview_size) {
      preview_.push_back(t);
      if (preview_.size() == ImportResult::preview_size) announce_preview();
    }
    if (counts_in_net(t.kind)) net_sales_ += t.total;         // the buyer rule's net sales
    if (error_count_ > 0 && !options_.skip_bad_rows) return;  // nothing will be written anyway
    batch_.push_back(std::move(t));
    if (batch_.size() >= batch_size) write_batch();
  }

  void write_batch() {
    if ((error_count_ > 0 && !options_.skip_bad_rows) || !refusal_.empty()) return;
    // The import's one transaction is rolled back whole on any failure: no savepoint per batch.
    changed_ += store_.bulk_upsert_transactions(batch_);
    batch_.clear();
  }

  std::string normalise_seller(const std::string& raw) {
    if (raw.empty()) return raw;
    if (const auto it = seller_cache_.find(raw); it != seller_cache_.end()) return it->second;
    std::string resolved = store_.resolve_seller(raw);
    const std::string trimmed(trim_spaces(raw));
    if (resolved == trimmed) {
      // No alias: one spelling per case-folded name, the first one seen.
      const auto [it, inserted] = known_sellers_.emplace(fold_case(trimmed), trimmed);
      resolved = it->second;
    }
    seller_cache_.emplace(raw, resolved);
    return resolved;
  }

  Store& store_;
  const ImportOptions& options_;
  const ProfileSpec& profile_;
  const std::vector<std::string>& header_;
  std::string file_name_;
  bool buffer_all_;
  std::array<int, role_count> columns_;
  const date::time_zone* default_zone_ = nullptr;
  std::optional<std::int64_t> default_day_ms_;
  std::optional<std::int64_t> default_time_ms_;
  std::string store_currency_;     // empty: the store has none yet and takes the export's
  std::string options_currency_;
  std::string file_currency_;
  std::string refusal_;
  bool row_took_default_time_ = false;
  std::int64_t default_time_rows_ = 0;
  std::string last_zone_name_;
  const date::time_zone* last_zone_ = nullptr;
  const CsvRecord* current_record_ = nullptr;

  std::unordered_map<std::string, Pending> open_;
  std::vector<std::string> order_;
  std::unordered_set<std::uint64_t> flushed_;
  std::unordered_map<std::uint64_t, int> hash_occurrences_;
  std::unordered_map<std::string, std::string> seller_cache_;
  std::unordered_map<std::string, std::string> known_sellers_;

  std::vector<RowError> row_errors_;
  std::int64_t error_count_ = 0;
  std::string last_error_;
  std::int64_t rows_ = 0;
  std::int64_t transactions_ = 0;
  std::int64_t changed_ = 0;
  Money net_sales_ = 0;
  // Written in batches so the rollups are updated once per bucket, not once per transaction.
  static constexpr std::size_t batch_size = 8192;
  std::vector<Transaction> batch_;
  std::vector<std::pair<std::string_view, std::string>> rejected_rows_;
  std::vector<Transaction> preview_;
  bool preview_announced_ = false;
};

}  // namespace
namespace {

std::string join_errors(const std::string& headline, const std::vector<RowError>& errors, std::int64_t total) {
  std::string message = headline;
  constexpr std::size_t shown = 20;
  for (std::size_t i = 0; i < errors.size() && i < shown; ++i) message += "\n  " + errors[i].to_string();
  if (total > static_cast<std::int64_t>(shown)) message += "\n  ... and " + std::to_string(total - static_cast<std::int64_t>(shown)) + " more";
  return message;
}

void record_failure(Store& store, const std::string& file, const std::string& hash, std::int64_t rows,
                    const std::string& message) {
  try {
    store.record_import(ImportRecord{file, hash, rows, 0, "failed", message, wall_clock_ms()});
  } catch (const std::exception&) {
    // The log entry is best effort; the import error itself is what the caller must see.
  }
}

std::vector<std::string> read_header(const CsvText& text, const std::string& name, std::int64_t& line) {
  std::vector<std::string> header;
  parse_csv(text, name, [&](const CsvRecord& record) {
    header = record.fields;
    line = record.line;
    return false;
  });
  return header;
}

std::string header_list(const std::vector<std::string>& header) {
  std::string list;
  for (const auto& h : header) list += (list.empty() ? "\"" : ", \"") + h + "\"";
  return list;
}

ProfileSpec choose_profile(const ImportOptions& options, const std::vector<std::string>& header, const std::string& name) {
  if (!options.profile_file.empty()) {
    try {
      return load_profile_toml(options.profile_file);
    } catch (const std::runtime_error& e) {
      throw ImportError(e.what(), {});
    }
  }
  if (options.profile.empty() || options.profile == "auto") {
    if (const auto* detected = detect_profile(header)) return *detected;
    throw ImportError(name + ": no POS profile matches the columns " + header_list(header) +
                          "; write a profile (footfall import --guess FILE proposes one)",
                      {});
  }
  if (const auto* named = find_profile(options.profile)) return *named;
  if (options.profile == "generic") throw ImportError(name + ": the generic profile needs a TOML profile file", {});
  throw ImportError("unknown POS profile \"" + options.profile + "\"", {});
}

void write_reject_file(const std::filesystem::path& path, const CsvText& text, std::string_view header_raw,
                       const std::vector<std::pair<std::string_view, std::string>>& rows) {
  replace_file_atomically(path, [&](const std::filesystem::path& partial) {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(path.string() + ": cannot write the reject file");
    out << header_raw << text.separator << "Reject reason\n";
    for (const auto& [raw, reason] : rows) out << raw << text.separator << csv_quote(reason, text.separator) << '\n';
    if (!out.flush()) throw std::runtime_error(path.string() + ": cannot write the reject file");
  });
}

// Savepoints and trigger upserts inside one long transaction write statement journals; in memory
// they cost a third less time on a large file. The connection's own setting is restored after.
// (Switching temp_store drops TEMP tables; the store keeps none.)
class MemoryTempStore {
 public:
  static constexpr int memory = 2;
  explicit MemoryTempStore(SQLite::Database& db) : db_(db), previous_(db.execAndGet("PRAGMA temp_store").getInt()) {
    if (previous_ != memory) db_.exec("PRAGMA temp_store = MEMORY");
  }
  ~MemoryTempStore() {
    try {
      if (previous_ != memory) db_.exec("PRAGMA temp_store = " + std::to_string(previous_));
    } catch (const std::exception&) {
      // Restoring a pragma cannot fail on an open connection; nothing useful to do if it did.
    }
  }
  MemoryTempStore(const MemoryTempStore&) = delete;
  MemoryTempStore& operator=(const MemoryTempStore&) = delete;

 private:
  SQLite::Database& db_;
  int previous_;
};

std::int64_t count_transactions(Store& store) {
  return connection(store).execAndGet("SELECT count(*) FROM pos_transactions").getInt64();
}

}  // namespace

ImportResult import_pos_file(Store& store, const std::filesystem::path& file, const ImportOptions& options) {
  const std::string name = file.string();
  CsvText text;
  try {
    text = load_csv_text(file);
  } catch (const CsvError& e) {
    record_failure(store, name, "", 0, e.what());
    throw ImportError(e.what(), {});
  }
  const std::string hash = hex64(fnv1a(text.utf8));
  std::int64_t header_line = 0;
  std::vector<std::string> header;
  try {
    header = read_header(text, name, header_line);
  } catch (const CsvError& e) {
    record_failure(store, name, hash, 0, e.what());
    throw ImportError(e.what(), {RowError{name, e.line(), "(header)", e.what()}});
  }
  if (header.empty()) throw ImportError(name + ": the file is empty", {});
  const ProfileSpec profile = choose_profile(options, header, name);
  {
    const auto columns = map_columns(profile, header);
    std::vector<RowError> missing;
    for (const auto role : profile.required) {
      if (columns[static_cast<std::size_t>(role)] < 0) {
        missing.push_back(RowError{name, header_line, profile.columns[static_cast<std::size_t>(role)].empty()
                                                          ? role_name(role)
                                                          : profile.columns[static_cast<std::size_t>(role)].front(),
                                   "not in the header (profile " + profile.name + ")"});
      }
    }
    if (!missing.empty()) {
      const auto message = join_errors(name + ": required columns are missing", missing, static_cast<std::int64_t>(missing.size()));
      record_failure(store, name, hash, 0, message);
      throw ImportError(message, missing);
    }
  }
  std::string zone = options.time_zone;
  if (zone.empty()) zone = profile.time_zone;
  if (zone.empty()) zone = store.settings().time_zone;

  const MemoryTempStore temp_store(connection(store));
  const auto run = [&](bool buffer_all) {
    ImportResult result;
    result.file = name;
    result.profile = profile.name;
    SQLite::Transaction sql(connection(store));
    const std::int64_t before = count_transactions(store);
    const std::string store_currency = store.settings().currency;
    FileImport importer(store, options, profile, header, name, zone, store_currency, buffer_all);
    importer.expect_lines(static_cast<std::size_t>(std::count(text.utf8.begin(), text.utf8.end(), '\n')));
    std::string_view header_raw;
    bool first = true;
    std::int64_t records = 0;
    const double size = static_cast<double>(std::max<std::size_t>(text.utf8.size(), 1));
    try {
      parse_csv(text, name, [&](const CsvRecord& record) {
        if (first) {
          first = false;
          header_raw = record.raw;
          return true;
        }
        importer.add_record(record);
        if (options.progress && (++records % 4096) == 0) {
          options.progress(static_cast<double>(record.raw.data() - text.utf8.data()) / size);
        }
        return true;
      });
    } catch (const CsvError& e) {
      std::vector<RowError> errors = importer.errors();
      errors.push_back(RowError{name, e.line(), "(record)", "unterminated quoted field: the file looks truncated"});
      const auto message = join_errors(name + ": cannot be read as CSV, nothing imported", errors,
                                       static_cast<std::int64_t>(errors.size()));
      throw ImportError(message, errors);
    }
    importer.finish();
    importer.announce_preview();
    result.preview = importer.preview();
    result.rows = importer.rows();
    result.rejected = importer.errors();
    if (importer.error_count() > 0 && !options.skip_bad_rows) {
      const auto message = join_errors(name + ": " + std::to_string(importer.error_count()) +
                                           " bad row(s), nothing imported (--skip-bad-rows imports the rest)",
                                       importer.errors(), importer.error_count());
      throw ImportError(message, importer.errors());
    }
    if (!importer.refusal().empty()) throw ImportError(importer.refusal(), {});
    result.transactions = importer.transactions();
    result.net_sales = importer.net_sales();
    result.default_time_rows = importer.default_time_rows();
    result.currency = importer.currency();
    result.set_store_currency = store_currency.empty() && !result.currency.empty();
    result.added = count_transactions(store) - before;
    result.updated = importer.changed() - result.added;
    result.unchanged = result.transactions - result.added - result.updated;
    if (options.progress) options.progress(1.0);
    if (options.dry_run) return result;  // `sql` rolls back
    if (result.set_store_currency) {
      StoreSettings settings = store.settings();
      settings.currency = result.currency;
      store.save_settings(settings);
    }
    store.record_import(
        ImportRecord{name, hash, result.rows, result.transactions, "committed", "", wall_clock_ms()});
    sql.commit();
    result.committed = true;
    if (options.skip_bad_rows && !importer.rejected_rows().empty()) {
      const auto reject_path = options.reject_file.empty() ? std::filesystem::path(name + ".rejected.csv") : options.reject_file;
      write_reject_file(reject_path, text, header_raw, importer.rejected_rows());
    }
    return result;
  };

  try {
    try {
      return run(false);
    } catch (const NeedsBuffering&) {
      return run(true);  // a transaction's rows are spread over the file: group it all in memory
    }
  } catch (const ImportError& e) {
    record_failure(store, name, hash, 0, e.what());
    throw;
  }
}

}  // namespace footfall::data
