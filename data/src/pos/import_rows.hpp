#pragma once
// The first step of a file import: the header mapped to columns once, then each CSV row turned into
// the values of one transaction row (id, kind, amount, instant, quantity, currency), with the row's
// errors logged by line and column. Grouping rows into transactions is transaction_grouper.hpp.
#include <date/tz.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "footfall/data/pos/csv_reader.hpp"
#include "footfall/data/pos/import.hpp"
#include "footfall/data/pos/profiles.hpp"

namespace footfall::data::pos_import {

std::uint64_t fnv1a(std::string_view text);
std::string hex64(std::uint64_t value);
std::string upper_ascii(std::string_view text);

// Every row error of one file: the first thousand kept for the caller, all of them counted.
class RowErrorLog {
 public:
  explicit RowErrorLog(std::string file_name) : file_name_(std::move(file_name)) {}

  void add(std::int64_t line, const std::string& column_name, std::string reason,
           RowProblem problem = RowProblem::Other);

  [[nodiscard]] const std::vector<RowError>& errors() const { return errors_; }
  [[nodiscard]] std::int64_t count() const { return count_; }
  // The last error as text: the reason a reject file gives for its rows.
  [[nodiscard]] const std::string& last() const { return last_; }

 private:
  static constexpr std::size_t max_reported = 1000;
  std::string file_name_;
  std::vector<RowError> errors_;
  std::int64_t count_ = 0;
  std::string last_;
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

enum class RowStatus { Good, Bad, Ignored };  // Ignored: e.g. a declined payment

class RowReader {
 public:
  // Throws ImportError for an unknown default zone, or a default date or time that does not parse.
  RowReader(const ImportOptions& options, const ProfileSpec& profile, const std::vector<std::string>& header,
            const std::string& file_name, const std::string& default_zone, RowErrorLog& errors);

  RowStatus parse_row(const CsvRecord& record, RowValues& values);
  // Whether the last row parsed took --default-time for a date without a time.
  [[nodiscard]] bool took_default_time() const { return row_took_default_time_; }

  [[nodiscard]] int column(Role role) const { return columns_[static_cast<std::size_t>(role)]; }
  [[nodiscard]] std::string_view field(const CsvRecord& record, Role role) const;
  // Logs an error on the role's column, named as the file's header names it.
  void add_error(std::int64_t line, Role role, std::string reason, RowProblem problem = RowProblem::Other);

 private:
  template <typename T, typename Parse>
  std::optional<T> parse_field(const CsvRecord& record, Role role, Parse parse, bool& ok);
  const date::time_zone* zone_for(const CsvRecord& record, bool& ok);
  std::optional<TimeMs> parse_instant(const CsvRecord& record, Role role, std::string_view text,
                                      const date::time_zone* zone, bool& ok);

  const ProfileSpec& profile_;
  const std::vector<std::string>& header_;
  RowErrorLog& errors_;
  std::array<int, role_count> columns_;
  const date::time_zone* default_zone_ = nullptr;
  std::optional<std::int64_t> default_day_ms_;
  std::optional<std::int64_t> default_time_ms_;
  bool row_took_default_time_ = false;
  std::string last_zone_name_;
  const date::time_zone* last_zone_ = nullptr;
  std::unordered_map<std::uint64_t, int> hash_occurrences_;
};

}  // namespace footfall::data::pos_import
