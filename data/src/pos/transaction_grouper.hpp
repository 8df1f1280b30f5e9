#pragma once
// The middle step of a file import: the rows of one transaction (a receipt's lines, an order's
// refund) gathered by id, then settled as one transaction: its time, amount, kind, currency and
// seller. Rows come from import_rows.hpp; finished transactions go to batch_writer.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "footfall/data/pos/csv_reader.hpp"
#include "footfall/data/pos/import.hpp"
#include "footfall/data/pos/profiles.hpp"
#include "footfall/data/store/store.hpp"
#include "pos/batch_writer.hpp"
#include "pos/import_rows.hpp"

namespace footfall::data::pos_import {

// Thrown inside a pass when a transaction's rows are not contiguous; the file is re-run buffered.
struct NeedsBuffering {};

struct Pending {
  Transaction transaction;
  std::int64_t first_line = 0;
  bool has_total = false;
  bool has_time = false;
  bool bad = false;
  std::string amount_currency;                                  // from a symbol in its amounts ("$9.00")
  std::vector<std::pair<std::int64_t, std::string_view>> rows;  // kept for reject files
  std::string reject_reason;
  // Shopify order fields.
  std::string status;
  Money refunded = 0;
  std::optional<TimeMs> refund_time;
  std::optional<TimeMs> cancel_time;
};

class TransactionGrouper {
 public:
  TransactionGrouper(Store& store, const ImportOptions& options, const ProfileSpec& profile,
                     const std::vector<std::string>& header, std::string file_name,
                     const std::string& default_zone, std::string store_currency, bool buffer_all);

  // Sizes the set of finished ids once instead of rehashing it as a large file goes by.
  void expect_lines(std::size_t lines) {
    if (!buffer_all_) flushed_.reserve(lines);
  }
  void add_record(const CsvRecord& record);
  void finish() {
    flush_all();
    writer_.write_batch();
  }
  void announce_preview() { writer_.announce_preview(); }

  // Rows with errors; in all-or-nothing mode any of these means nothing is written.
  [[nodiscard]] const std::vector<RowError>& errors() const { return errors_.errors(); }
  [[nodiscard]] std::int64_t error_count() const { return errors_.count(); }
  [[nodiscard]] std::int64_t rows() const { return rows_; }
  [[nodiscard]] std::int64_t transactions() const { return writer_.transactions(); }
  [[nodiscard]] Money net_sales() const { return writer_.net_sales(); }
  [[nodiscard]] std::int64_t default_time_rows() const { return default_time_rows_; }
  [[nodiscard]] const std::string& currency() const { return file_currency_; }
  // Why the whole file is refused (its currency), empty when it is not.
  [[nodiscard]] const std::string& refusal() const { return writer_.refusal(); }
  [[nodiscard]] ImportFailure refusal_failure() const { return writer_.refusal_failure(); }
  [[nodiscard]] std::int64_t changed() const { return writer_.changed(); }
  [[nodiscard]] const std::vector<Transaction>& preview() const { return writer_.preview(); }
  [[nodiscard]] const std::vector<std::pair<std::string_view, std::string>>& rejected_rows() const {
    return rejected_rows_;
  }

 private:
  Pending& pending_for(const std::string& key, std::int64_t line);
  void accumulate(Pending& pending, const RowValues& values, const CsvRecord& record);
  void flush_all();
  void reject(Pending& pending);
  void flush(Pending& pending);
  bool settle_currency(Pending& pending);
  void flush_shopify(Pending& pending);
  std::string normalise_seller(const std::string& raw);

  Store& store_;
  const ProfileSpec& profile_;
  std::string file_name_;
  bool buffer_all_;
  std::string store_currency_;  // empty: the store has none yet and takes the export's
  std::string options_currency_;
  std::string file_currency_;
  RowErrorLog errors_;
  RowReader reader_;
  BatchWriter writer_;
  std::int64_t default_time_rows_ = 0;
  std::int64_t rows_ = 0;

  std::unordered_map<std::string, Pending> open_;
  std::vector<std::string> order_;
  std::unordered_set<std::uint64_t> flushed_;
  std::unordered_map<std::string, std::string> seller_cache_;
  std::unordered_map<std::string, std::string> known_sellers_;
  std::vector<std::pair<std::string_view, std::string>> rejected_rows_;
};

}  // namespace footfall::data::pos_import
