#pragma once
#include "footfall/data/store.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace footfall::data {

struct RowError {
  std::string file;
  std::int64_t line = 0;
  std::string column;
  std::string reason;
  [[nodiscard]] std::string to_string() const;  // file:line: column "X": reason
};

struct ImportOptions {
  std::string profile = "auto";            // auto, square-items, square-transactions, shopify, loyverse, generic
  std::filesystem::path profile_file;      // a user's TOML profile for "generic"
  bool dry_run = false;
  bool skip_bad_rows = false;
  std::filesystem::path reject_file;       // defaults to FILE.rejected.csv with --skip-bad-rows
  std::function<void(double fraction)> progress;
};

struct ImportResult {
  std::string file;
  std::string profile;
  std::int64_t rows = 0;
  std::int64_t transactions = 0;
  std::int64_t added = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  Money net_sales = 0;
  std::vector<RowError> rejected;
  bool committed = false;
};

// Thrown when a file cannot be imported as a whole; nothing has been written.
class ImportError : public std::runtime_error {
 public:
  ImportError(const std::string& message, std::vector<RowError> errors);
  [[nodiscard]] const std::vector<RowError>& errors() const;

 private:
  std::vector<RowError> errors_;
};

ImportResult import_pos_file(Store& store, const std::filesystem::path& file, const ImportOptions& options);

}  // namespace footfall::data
