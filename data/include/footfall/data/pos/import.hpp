#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "footfall/data/pos/import_failure.hpp"
#include "footfall/data/store/store.hpp"

namespace footfall::data {

// What a caller can do about a row, beside the reason in words.
// NoDate: a time with no day, and no default date given; NoTime: a day with no time, and no default time.
enum class RowProblem { Other, NoDate, NoTime };

struct RowError {
  std::string file;
  std::int64_t line = 0;
  std::string column;
  std::string reason;
  RowProblem problem = RowProblem::Other;
  [[nodiscard]] std::string to_string() const;  // file:line: column "X": reason
};

struct ImportOptions {
  std::string profile =
      "auto";  // auto, square-items, square-transactions, shopify, loyverse, payments, generic
  std::filesystem::path
      profile_file;  // a user's TOML profile for "generic"; when set it is used whatever `profile` says
  bool dry_run = false;
  bool skip_bad_rows = false;
  std::filesystem::path reject_file;  // defaults to FILE.rejected.csv with --skip-bad-rows
  std::function<void(double fraction)> progress;
  std::optional<std::string> default_date;  // YYYY-MM-DD for files with a time-only column
  std::optional<std::string>
      default_time;  // HH:MM for rows with a day and no time; without it they are errors
  std::string
      time_zone;  // for times with no offset and no zone column; overrides the profile's and the store's zone
  std::string currency;  // ISO code for an export with no currency column (overrides the profile's); else its
                         // amounts' symbol, else the store's
  // Called once, as soon as the first transactions are read (before the file is written), with
  // the profile chosen and up to ImportResult::preview_size transactions: the kiosk shows them.
  std::function<void(const std::string& profile, const std::vector<Transaction>& first)> on_preview;
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
  std::int64_t default_time_rows = 0;  // rows placed at ImportOptions::default_time
  std::string currency;                // the export's, e.g. "ZAR"; empty when it had no transactions
  bool set_store_currency = false;     // the store had none and takes the export's (a dry run only says so)
  std::vector<RowError> rejected;
  bool committed = false;
  std::string error;                             // set by import_watch_folder for a rejected file
  ImportFailure failure = ImportFailure::Other;  // with `error`
  std::filesystem::path moved_to;                // where import_watch_folder put the file
  static constexpr std::size_t preview_size = 5;
  std::vector<Transaction> preview;  // the file's first transactions, in file order
};

// Thrown when a file cannot be imported as a whole; nothing has been written.
class ImportError : public std::runtime_error {
 public:
  ImportError(const std::string& message, std::vector<RowError> errors,
              ImportFailure failure = ImportFailure::Other);
  [[nodiscard]] const std::vector<RowError>& errors() const;
  [[nodiscard]] ImportFailure failure() const { return failure_; }

 private:
  std::vector<RowError> errors_;
  ImportFailure failure_;
};

// Semantics: rows are grouped into transactions by the POS id (no id: a stable hash of the row text);
// split tenders and several payment rows make one transaction. Refund totals are stored negative.
// Shopify: paid/pending/authorized orders are sales at `Created at`; voided -> Void; expired or
// cancelled -> Cancelled; refunded/partially_refunded -> the sale plus a Refund ("<id>/refund") of
// `Refunded Amount`, at `Refunded at` if the export has it, else `Cancelled at`, else the sale time.
// Currency: every transaction keeps its export's (the file's currency column, else
// ImportOptions::currency or the profile's, else the symbol of its amounts, else the store's). A store with
// no currency yet takes the export's; an export in another currency than the store's, or in several, is
// refused whole: sums never mix currencies. A row with a day and no time of day is an error unless
// ImportOptions::default_time gives one: a made-up hour would put its sale against the wrong visitors. The
// whole file is one SQLite transaction.
ImportResult import_pos_file(Store& store, const std::filesystem::path& file, const ImportOptions& options);

// Proposes a generic TOML profile for an unknown export (`footfall import --guess FILE`).
std::string guess_profile_toml(const std::filesystem::path& file);

// Imports every .csv/.txt file directly in `folder`, then moves it to folder/imported/ or
// folder/rejected/ (with FILE.error.txt beside it). Files modified in the last `settle_seconds`
// are left for the next call, as they may still be being written. A database error (not the
// file's fault) leaves the file in place and is reported in ImportResult::error.
std::vector<ImportResult> import_watch_folder(Store& store, const std::filesystem::path& folder,
                                              const ImportOptions& options, int settle_seconds = 2);

}  // namespace footfall::data
