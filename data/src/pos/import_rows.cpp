#include "pos/import_rows.hpp"

#include <array>
#include <cstdio>

#include "footfall/data/pos/values.hpp"
#include "footfall/data/store/store_profile.hpp"
#include "footfall/data/time_text.hpp"

namespace footfall::data::pos_import {

namespace {
constexpr std::int64_t minute_ms = 60'000;
}  // namespace

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

std::string upper_ascii(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

void RowErrorLog::add(std::int64_t line, const std::string& column_name, std::string reason,
                      RowProblem problem) {
  ++count_;
  RowError error{file_name_, line, column_name, std::move(reason), problem};
  last_ = error.to_string();
  if (errors_.size() < max_reported) errors_.push_back(std::move(error));
}

RowReader::RowReader(const ImportOptions& options, const ProfileSpec& profile,
                     const std::vector<std::string>& header, const std::string& file_name,
                     const std::string& default_zone, RowErrorLog& errors)
    : profile_(profile), header_(header), errors_(errors), columns_(map_columns(profile, header)) {
  if (!default_zone.empty()) {
    default_zone_ = find_time_zone(default_zone);
    if (default_zone_ == nullptr) {
      throw ImportError(file_name + ": unknown time zone \"" + default_zone + "\"", {});
    }
  }
  if (options.default_date) {
    auto parsed = parse_local_datetime(*options.default_date, DateOrder::YMD);
    if (!parsed.ok() || !parsed.value->has_date || parsed.value->has_time) {
      throw ImportError("default date \"" + *options.default_date + "\" is not YYYY-MM-DD", {});
    }
    default_day_ms_ = parsed.value->local_ms;
  }
  if (options.default_time) {
    const auto minutes = parse_clock_minutes(*options.default_time);
    if (!minutes || *minutes >= 24 * 60) {
      throw ImportError("default time \"" + *options.default_time + "\" is not HH:MM, e.g. 12:00", {});
    }
    default_time_ms_ = *minutes * minute_ms;
  }
}

std::string_view RowReader::field(const CsvRecord& record, Role role) const {
  const int index = column(role);
  if (index < 0 || static_cast<std::size_t>(index) >= record.fields.size()) return {};
  return trim_spaces(record.fields[static_cast<std::size_t>(index)]);
}

void RowReader::add_error(std::int64_t line, Role role, std::string reason, RowProblem problem) {
  const int index = column(role);
  const std::string name = index >= 0 ? header_[static_cast<std::size_t>(index)] : role_name(role);
  errors_.add(line, name, std::move(reason), problem);
}

template <typename T, typename Parse>
std::optional<T> RowReader::parse_field(const CsvRecord& record, Role role, Parse parse, bool& ok) {
  const auto text = field(record, role);
  if (text.empty()) return std::nullopt;
  auto parsed = parse(text, profile_.decimal);
  if (!parsed.ok()) {
    add_error(record.line, role, parsed.error);
    ok = false;
  }
  return parsed.value;
}

const date::time_zone* RowReader::zone_for(const CsvRecord& record, bool& ok) {
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

std::optional<TimeMs> RowReader::parse_instant(const CsvRecord& record, Role role, std::string_view text,
                                               const date::time_zone* zone, bool& ok) {
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

RowStatus RowReader::parse_row(const CsvRecord& record, RowValues& values) {
  row_took_default_time_ = false;
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
  if (first_missing < 0 && record.fields.size() < header_.size())
    first_missing = static_cast<int>(record.fields.size());
  if (first_missing >= 0) {
    errors_.add(record.line, header_[static_cast<std::size_t>(first_missing)],
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
      add_error(record.line, Role::Currency,
                "\"" + std::string(currency) + "\" is not a 3-letter ISO 4217 currency code");
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

}  // namespace footfall::data::pos_import
