#pragma once
// The last step of a file import: finished transactions counted, the first few kept as a preview,
// and written to the store in batches so the rollups are updated once per bucket, not once per
// transaction. Nothing is written once a row error (without --skip-bad-rows) or a refusal is known.
#include <cstdint>
#include <string>
#include <vector>

#include "footfall/data/pos/import.hpp"
#include "footfall/data/store/store.hpp"
#include "pos/import_rows.hpp"

namespace footfall::data::pos_import {

class BatchWriter {
 public:
  BatchWriter(Store& store, const ImportOptions& options, const std::string& profile_name,
              const RowErrorLog& errors)
      : store_(store), options_(options), profile_name_(profile_name), errors_(errors) {}

  void add(Transaction t);
  void write_batch();
  // Refuses the whole file (its currency): what is batched is dropped and nothing more is written.
  void refuse(std::string reason, ImportFailure failure);
  void announce_preview();

  [[nodiscard]] std::int64_t transactions() const { return transactions_; }
  [[nodiscard]] Money net_sales() const { return net_sales_; }
  [[nodiscard]] std::int64_t changed() const { return changed_; }
  [[nodiscard]] const std::vector<Transaction>& preview() const { return preview_; }
  // Why the whole file is refused, empty when it is not.
  [[nodiscard]] const std::string& refusal() const { return refusal_; }
  [[nodiscard]] ImportFailure refusal_failure() const { return refusal_failure_; }

 private:
  [[nodiscard]] bool blocked() const { return errors_.count() > 0 && !options_.skip_bad_rows; }

  Store& store_;
  const ImportOptions& options_;
  const std::string& profile_name_;
  const RowErrorLog& errors_;
  std::string refusal_;
  ImportFailure refusal_failure_ = ImportFailure::Other;
  std::int64_t transactions_ = 0;
  std::int64_t changed_ = 0;
  Money net_sales_ = 0;
  static constexpr std::size_t batch_size = 8192;
  std::vector<Transaction> batch_;
  std::vector<Transaction> preview_;
  bool preview_announced_ = false;
};

}  // namespace footfall::data::pos_import
