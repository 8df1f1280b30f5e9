#pragma once
#include "footfall/data/pos/values.hpp"
#include "footfall/data/types.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace footfall::data {

// What a column means to the importer; a profile lists header synonyms for each.
enum class Role {
  Id, Date, Time, TimeZone, Total, Kind, Status, Quantity, Seller, Register, Item, ItemPrice,
  Currency, RefundedAmount, CancelledAt, RefundedAt, Count
};
inline constexpr std::size_t role_count = static_cast<std::size_t>(Role::Count);

enum class TotalRule {
  SumRows,     // line items or payment rows: the transaction's total is the sum of its rows
  FirstRow,    // order exports (Shopify): order fields sit on the first row of an order
};

struct ProfileSpec {
  std::string name;                                            // also the `source` stored with each transaction
  std::array<std::vector<std::string>, role_count> columns;    // synonyms, case-insensitive
  std::vector<Role> required;                                  // all must be present for "auto"
  TotalRule total_rule = TotalRule::SumRows;
  DateOrder date_order = DateOrder::Auto;
  char decimal = 0;                                            // 0: infer per value
  std::string time_zone;                                       // used when the file has no zone column
  std::string currency;                                        // ISO code, used when the file has no currency column
  std::unordered_map<std::string, TransactionKind> kinds;      // folded value -> kind (Kind and Status)
  std::unordered_map<std::string, bool> ignored_kinds;         // folded value -> row is skipped (e.g. "closed")
  bool shopify_status = false;                                 // Financial Status rules, refunds as extra rows
};

// The built-in profiles, in "auto" priority order.
[[nodiscard]] const std::vector<ProfileSpec>& builtin_profiles();

// Header text as matched: trimmed, case-folded, inner runs of spaces collapsed.
[[nodiscard]] std::string normalise_header(std::string_view header);

// First built-in profile whose required columns are all present; nullptr if none.
[[nodiscard]] const ProfileSpec* detect_profile(const std::vector<std::string>& header);
[[nodiscard]] const ProfileSpec* find_profile(std::string_view name);

// A user's TOML profile ("generic"); throws std::runtime_error naming the file and key.
[[nodiscard]] ProfileSpec load_profile_toml(const std::filesystem::path& file);
[[nodiscard]] ProfileSpec parse_profile_toml(std::string_view toml_text, const std::string& origin);

// Column index per role for a header, -1 when absent.
[[nodiscard]] std::array<int, role_count> map_columns(const ProfileSpec& profile, const std::vector<std::string>& header);

[[nodiscard]] const char* role_name(Role role);

}  // namespace footfall::data
