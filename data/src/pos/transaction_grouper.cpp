#include "pos/transaction_grouper.hpp"

#include <SQLiteCpp/Statement.h>

#include <cmath>

#include "footfall/data/pos/values.hpp"
#include "footfall/data/store/store_profile.hpp"
#include "store/connection.hpp"

namespace footfall::data::pos_import {
namespace {

std::string checked_currency(const ImportOptions& options, const ProfileSpec& profile) {
  std::string currency = upper_ascii(options.currency.empty() ? profile.currency : options.currency);
  if (!currency.empty() && !is_currency_code(currency)) {
    throw ImportError("currency \"" + options.currency + "\" is not a 3-letter ISO 4217 code such as EUR",
                      {});
  }
  return currency;
}

}  // namespace

TransactionGrouper::TransactionGrouper(Store& store, const ImportOptions& options, const ProfileSpec& profile,
                                       const std::vector<std::string>& header, std::string file_name,
                                       const std::string& default_zone, std::string store_currency,
                                       bool buffer_all)
    : store_(store),
      profile_(profile),
      file_name_(std::move(file_name)),
      buffer_all_(buffer_all),
      store_currency_(std::move(store_currency)),
      options_currency_(checked_currency(options, profile)),
      errors_(file_name_),
      reader_(options, profile, header, file_name_, default_zone, errors_),
      writer_(store, options, profile.name, errors_) {
  SQLite::Statement sellers(connection(store_), "SELECT name FROM sellers");
  while (sellers.executeStep()) {
    const std::string name = sellers.getColumn(0).getString();
    known_sellers_.emplace(fold_case(name), name);
  }
}

void TransactionGrouper::add_record(const CsvRecord& record) {
  ++rows_;
  if (!writer_.refusal().empty()) return;  // the whole file is refused; the rest cannot change that
  RowValues values;
  const RowStatus status = reader_.parse_row(record, values);
  if (status == RowStatus::Ignored) return;
  if (status == RowStatus::Good && reader_.took_default_time()) ++default_time_rows_;
  Pending& pending = pending_for(values.key, record.line);
  pending.rows.emplace_back(record.line, record.raw);
  if (status == RowStatus::Bad) {
    pending.bad = true;
    if (pending.reject_reason.empty()) pending.reject_reason = errors_.last();
    return;
  }
  accumulate(pending, values, record);
}

Pending& TransactionGrouper::pending_for(const std::string& key, std::int64_t line) {
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

void TransactionGrouper::accumulate(Pending& pending, const RowValues& values, const CsvRecord& record) {
  Transaction& t = pending.transaction;
  const bool first_row = pending.rows.size() == 1;
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
  if (t.seller.empty()) t.seller = std::string(reader_.field(record, Role::Seller));
  if (t.register_name.empty()) t.register_name = std::string(reader_.field(record, Role::Register));
  if (const auto item = reader_.field(record, Role::Item); !item.empty()) {
    LineItem line_item;
    line_item.name = std::string(item);
    line_item.quantity = values.has_quantity ? values.quantity : 1.0;
    line_item.amount = values.item_price
                           ? static_cast<Money>(static_cast<double>(*values.item_price) * line_item.quantity)
                           : values.total.value_or(0);
    t.items.push_back(std::move(line_item));
  }
  if (!values.status.empty() && pending.status.empty()) pending.status = values.status;
  if (values.refunded != 0 && pending.refunded == 0) pending.refunded = values.refunded;
  if (values.refund_time && !pending.refund_time) pending.refund_time = values.refund_time;
  if (values.cancel_time && !pending.cancel_time) pending.cancel_time = values.cancel_time;
}

void TransactionGrouper::flush_all() {
  for (const auto& key : order_) {
    auto node = open_.extract(key);
    if (!node.empty()) flush(node.mapped());
  }
  order_.clear();
}

void TransactionGrouper::reject(Pending& pending) {
  for (const auto& row : pending.rows) rejected_rows_.emplace_back(row.second, pending.reject_reason);
}

void TransactionGrouper::flush(Pending& pending) {
  if (pending.bad) {
    reject(pending);
    return;
  }
  const auto incomplete = [&](Role role, const std::string& reason) {
    reader_.add_error(pending.first_line, role, reason);
    pending.reject_reason = errors_.last();
    reject(pending);
  };
  if (!pending.has_time) {
    incomplete(reader_.column(Role::Date) >= 0 ? Role::Date : Role::Time, "no date for this transaction");
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
  writer_.add(std::move(t));
}

// Gives the transaction its export's currency (its column, else --currency or the profile's, else
// its amounts' symbol, else the store's) and refuses the file when that is not the store's.
bool TransactionGrouper::settle_currency(Pending& pending) {
  std::string& currency = pending.transaction.currency;
  if (currency.empty()) currency = options_currency_;
  if (currency.empty()) currency = pending.amount_currency;
  if (currency.empty()) currency = store_currency_;
  if (currency.empty()) {
    writer_.refuse(file_name_ + ": the export names no currency and the store has none yet; nothing imported",
                   ImportFailure::NoCurrency);
    return false;
  }
  if (!store_currency_.empty() && currency != store_currency_) {
    writer_.refuse(file_name_ + ": the export is in " + currency + " but the store's currency is " +
                       store_currency_ +
                       "; nothing imported (amounts in different currencies are never added)",
                   ImportFailure::OtherCurrency);
    return false;
  }
  if (file_currency_.empty()) file_currency_ = currency;
  if (currency != file_currency_) {
    writer_.refuse(file_name_ + ":" + std::to_string(pending.first_line) + ": a transaction in " + currency +
                       " in an export in " + file_currency_ +
                       "; nothing imported (amounts in different currencies are never added)",
                   ImportFailure::OtherCurrency);
    return false;
  }
  return true;
}

void TransactionGrouper::flush_shopify(Pending& pending) {
  Transaction& sale = pending.transaction;
  const auto& status = pending.status;
  if (status == "voided") {
    sale.kind = TransactionKind::Void;
  } else if (status == "expired" ||
             (pending.cancel_time && status != "refunded" && status != "partially_refunded")) {
    sale.kind = TransactionKind::Cancelled;
  } else {
    sale.kind = TransactionKind::Sale;
  }
  writer_.add(sale);
  if (status == "refunded" || status == "partially_refunded") {
    Transaction refund = sale;
    refund.pos_id += "/refund";
    refund.kind = TransactionKind::Refund;
    refund.total = -std::abs(pending.refunded != 0 ? pending.refunded : sale.total);
    refund.units = status == "refunded" ? -std::abs(sale.units) : 0.0;
    refund.items.clear();
    refund.time_ms = pending.refund_time.value_or(pending.cancel_time.value_or(sale.time_ms));
    writer_.add(std::move(refund));
  }
}

std::string TransactionGrouper::normalise_seller(const std::string& raw) {
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

}  // namespace footfall::data::pos_import
