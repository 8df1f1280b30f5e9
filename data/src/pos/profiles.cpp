#include "footfall/data/pos/profiles.hpp"

#include <toml++/toml.h>

#include <stdexcept>

#include "footfall/data/file_text.hpp"
#include "footfall/data/store/store_profile.hpp"

namespace footfall::data {

namespace {

using Synonyms = std::vector<std::string>;

std::unordered_map<std::string, TransactionKind> common_kinds() {
  return {
      {"payment", TransactionKind::Sale},        {"sale", TransactionKind::Sale},
      {"sales", TransactionKind::Sale},          {"order", TransactionKind::Sale},
      {"vente", TransactionKind::Sale},          {"продажа", TransactionKind::Sale},
      {"refund", TransactionKind::Refund},       {"return", TransactionKind::Refund},
      {"refunded", TransactionKind::Refund},     {"remboursement", TransactionKind::Refund},
      {"retour", TransactionKind::Refund},       {"возврат", TransactionKind::Refund},
      {"void", TransactionKind::Void},           {"voided", TransactionKind::Void},
      {"cancelled", TransactionKind::Cancelled}, {"canceled", TransactionKind::Cancelled},
      {"annulé", TransactionKind::Cancelled},    {"annule", TransactionKind::Cancelled},
      {"отмена", TransactionKind::Cancelled},    {"отменен", TransactionKind::Cancelled},
      {"expired", TransactionKind::Cancelled},
  };
}

// Both Square exports share the date, zone, event and device columns and US dates.
ProfileSpec square_common(const char* name) {
  ProfileSpec p;
  p.name = name;
  p.columns[static_cast<std::size_t>(Role::Date)] = {"date"};
  p.columns[static_cast<std::size_t>(Role::Time)] = {"time"};
  p.columns[static_cast<std::size_t>(Role::TimeZone)] = {"time zone"};
  p.columns[static_cast<std::size_t>(Role::Kind)] = {"event type"};
  p.columns[static_cast<std::size_t>(Role::Register)] = {"device name", "device nickname"};
  p.date_order = DateOrder::MDY;
  p.decimal = '.';
  p.kinds = common_kinds();
  return p;
}

ProfileSpec square_items() {
  ProfileSpec p = square_common("square-items");
  p.columns[static_cast<std::size_t>(Role::Id)] = {"transaction id"};
  p.columns[static_cast<std::size_t>(Role::Total)] = {"net sales", "gross sales"};
  p.columns[static_cast<std::size_t>(Role::Quantity)] = {"qty", "quantity"};
  p.columns[static_cast<std::size_t>(Role::Seller)] = {"employee", "staff name"};
  p.columns[static_cast<std::size_t>(Role::Item)] = {"item"};
  p.required = {Role::Id, Role::Date, Role::Total, Role::Item, Role::Quantity};
  return p;
}

ProfileSpec square_transactions() {
  ProfileSpec p = square_common("square-transactions");
  p.columns[static_cast<std::size_t>(Role::Id)] = {"transaction id", "payment id"};
  p.columns[static_cast<std::size_t>(Role::Total)] = {"net sales", "gross sales", "total collected"};
  p.columns[static_cast<std::size_t>(Role::Seller)] = {"staff name", "employee"};
  p.required = {Role::Date, Role::Total, Role::Kind};
  return p;
}

ProfileSpec shopify() {
  ProfileSpec p;
  p.name = "shopify";
  p.columns[static_cast<std::size_t>(Role::Id)] = {"name"};
  p.columns[static_cast<std::size_t>(Role::Date)] = {"created at", "paid at"};
  p.columns[static_cast<std::size_t>(Role::Total)] = {"subtotal", "total"};
  p.columns[static_cast<std::size_t>(Role::Kind)] = {"financial status"};
  p.columns[static_cast<std::size_t>(Role::Quantity)] = {"lineitem quantity"};
  p.columns[static_cast<std::size_t>(Role::Seller)] = {"employee"};
  p.columns[static_cast<std::size_t>(Role::Register)] = {"location", "device id"};
  p.columns[static_cast<std::size_t>(Role::Item)] = {"lineitem name"};
  p.columns[static_cast<std::size_t>(Role::ItemPrice)] = {"lineitem price"};
  p.columns[static_cast<std::size_t>(Role::Currency)] = {"currency"};
  p.columns[static_cast<std::size_t>(Role::RefundedAmount)] = {"refunded amount"};
  p.columns[static_cast<std::size_t>(Role::CancelledAt)] = {"cancelled at"};
  p.columns[static_cast<std::size_t>(Role::RefundedAt)] = {"refunded at"};
  p.required = {Role::Id, Role::Date, Role::Total, Role::Kind, Role::Item};
  p.total_rule = TotalRule::FirstRow;
  p.date_order = DateOrder::YMD;
  p.decimal = '.';
  p.shopify_status = true;
  return p;
}

ProfileSpec loyverse() {
  ProfileSpec p;
  p.name = "loyverse";
  p.columns[static_cast<std::size_t>(Role::Id)] = {"receipt number"};
  p.columns[static_cast<std::size_t>(Role::Date)] = {"date"};
  p.columns[static_cast<std::size_t>(Role::Total)] = {"net sales", "total collected", "gross sales"};
  p.columns[static_cast<std::size_t>(Role::Kind)] = {"receipt type"};
  p.columns[static_cast<std::size_t>(Role::Status)] = {"status"};
  p.columns[static_cast<std::size_t>(Role::Quantity)] = {"quantity"};
  p.columns[static_cast<std::size_t>(Role::Seller)] = {"cashier name", "employee"};
  p.columns[static_cast<std::size_t>(Role::Register)] = {"pos", "pos device"};
  p.columns[static_cast<std::size_t>(Role::Item)] = {"item"};
  p.required = {Role::Id, Role::Date, Role::Total, Role::Kind};
  p.date_order = DateOrder::DMY;
  p.kinds = common_kinds();
  return p;
}

// Lightspeed / SumUp / Toast / Clover: one row per payment, several rows per order.
ProfileSpec payments() {
  ProfileSpec p;
  p.name = "payments";
  p.columns[static_cast<std::size_t>(Role::Id)] = {
      "order id", "order #",      "order number", "sale id",        "receipt id",
      "check #",  "check number", "ticket id",    "transaction id", "transaction code"};
  p.columns[static_cast<std::size_t>(Role::Date)] = {
      "date",       "payment date", "paid date",        "created",
      "created at", "date/time",    "transaction date", "sale date"};
  p.columns[static_cast<std::size_t>(Role::Time)] = {"time", "payment time"};
  p.columns[static_cast<std::size_t>(Role::Total)] = {"amount", "payment amount", "amount paid",
                                                      "total amount", "total"};
  p.columns[static_cast<std::size_t>(Role::Kind)] = {"transaction type"};
  p.columns[static_cast<std::size_t>(Role::Status)] = {"status", "payment status"};
  p.columns[static_cast<std::size_t>(Role::Seller)] = {"employee", "server", "staff",
                                                       "cashier",  "user",   "employee name"};
  p.columns[static_cast<std::size_t>(Role::Register)] = {"register", "device", "terminal", "device name"};
  p.columns[static_cast<std::size_t>(Role::Currency)] = {"currency"};
  p.required = {Role::Id, Role::Date, Role::Total};
  p.kinds = common_kinds();
  p.kinds.erase("payment");
  p.kinds.emplace("captured", TransactionKind::Sale);
  p.kinds.emplace("successful", TransactionKind::Sale);
  p.kinds.emplace("closed", TransactionKind::Sale);
  p.kinds.emplace("paid", TransactionKind::Sale);
  p.ignored_kinds = {{"failed", true}, {"declined", true}, {"denied", true}, {"voided", true}};
  return p;
}

const std::array<const char*, role_count> role_names = {
    "id",           "date",       "time",     "time_zone", "total",      "kind",     "status",
    "quantity",     "seller",     "register", "item",      "item_price", "currency", "refunded_amount",
    "cancelled_at", "refunded_at"};

std::optional<TransactionKind> kind_from_name(std::string_view name) {
  const auto folded = fold_case(trim_spaces(name));
  if (folded == "sale") return TransactionKind::Sale;
  if (folded == "refund") return TransactionKind::Refund;
  if (folded == "void") return TransactionKind::Void;
  if (folded == "cancelled") return TransactionKind::Cancelled;
  return std::nullopt;
}

}  // namespace

const char* role_name(Role role) { return role_names[static_cast<std::size_t>(role)]; }

const std::vector<ProfileSpec>& builtin_profiles() {
  static const std::vector<ProfileSpec> profiles = {shopify(), square_items(), square_transactions(),
                                                    loyverse(), payments()};
  return profiles;
}

std::string normalise_header(std::string_view header) {
  const std::string folded = fold_case(trim_spaces(header));
  std::string out;
  out.reserve(folded.size());
  for (const char c : folded) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

std::array<int, role_count> map_columns(const ProfileSpec& profile, const std::vector<std::string>& header) {
  std::array<int, role_count> index{};
  index.fill(-1);
  std::vector<std::string> normalised;
  normalised.reserve(header.size());
  for (const auto& h : header) normalised.push_back(normalise_header(h));
  for (std::size_t role = 0; role < role_count; ++role) {
    for (const auto& synonym : profile.columns[role]) {  // synonyms in preference order
      const auto wanted = normalise_header(synonym);
      for (std::size_t i = 0; i < normalised.size() && index[role] < 0; ++i) {
        if (normalised[i] == wanted) index[role] = static_cast<int>(i);
      }
      if (index[role] >= 0) break;
    }
  }
  return index;
}

const ProfileSpec* detect_profile(const std::vector<std::string>& header) {
  for (const auto& profile : builtin_profiles()) {
    const auto index = map_columns(profile, header);
    bool complete = true;
    for (const auto role : profile.required)
      complete = complete && index[static_cast<std::size_t>(role)] >= 0;
    if (complete) return &profile;
  }
  return nullptr;
}

const ProfileSpec* find_profile(std::string_view name) {
  for (const auto& profile : builtin_profiles()) {
    if (profile.name == name) return &profile;
  }
  return nullptr;
}

ProfileSpec parse_profile_toml(std::string_view toml_text, const std::string& origin) {
  toml::table table;
  try {
    table = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(origin + ":" + std::to_string(e.source().begin.line) + ": " +
                             std::string(e.description()));
  }
  ProfileSpec p;
  p.name = table["name"].value_or(std::string("generic"));
  p.kinds = common_kinds();
  const auto* columns = table["columns"].as_table();
  if (columns == nullptr) throw std::runtime_error(origin + ": missing [columns] table");
  for (const auto& [key, value] : *columns) {
    std::size_t role = role_count;
    for (std::size_t r = 0; r < role_count; ++r) {
      if (key.str() == role_names[r]) role = r;
    }
    if (role == role_count)
      throw std::runtime_error(origin + ": unknown column role \"" + std::string(key.str()) + "\"");
    if (const auto* text = value.as_string()) {
      if (!text->get().empty()) p.columns[role] = {text->get()};
    } else if (const auto* list = value.as_array()) {
      for (const auto& item : *list) {
        if (const auto* s = item.as_string()) p.columns[role].push_back(s->get());
      }
    } else {
      throw std::runtime_error(origin + ": columns." + std::string(key.str()) +
                               " must be a string or a list of strings");
    }
  }
  if (p.columns[static_cast<std::size_t>(Role::Total)].empty()) {
    throw std::runtime_error(origin + ": columns.total is required");
  }
  if (p.columns[static_cast<std::size_t>(Role::Date)].empty() &&
      p.columns[static_cast<std::size_t>(Role::Time)].empty()) {
    throw std::runtime_error(origin + ": columns.date or columns.time is required");
  }
  p.required = {Role::Total};
  p.date_order = date_order_from_format(table["date_format"].value_or(std::string()));
  p.time_zone = table["time_zone"].value_or(std::string());
  p.currency = table["currency"].value_or(std::string());
  if (!p.currency.empty() && !is_currency_code(p.currency)) {
    throw std::runtime_error(origin + ": currency \"" + p.currency +
                             "\" is not a 3-letter ISO 4217 code such as EUR");
  }
  const std::string decimal = table["decimal"].value_or(std::string());
  if (!decimal.empty()) {
    if (decimal != "." && decimal != ",")
      throw std::runtime_error(origin + ": decimal must be \".\" or \",\"");
    p.decimal = decimal[0];
  }
  if (const auto* kinds = table["kinds"].as_table()) {
    for (const auto& [key, value] : *kinds) {
      const std::string target = value.value_or(std::string());
      const auto folded_key = fold_case(trim_spaces(key.str()));
      if (fold_case(target) == "ignore") {
        p.ignored_kinds[folded_key] = true;
      } else if (const auto kind = kind_from_name(target)) {
        p.kinds[folded_key] = *kind;
      } else {
        throw std::runtime_error(origin + ": kinds.\"" + std::string(key.str()) +
                                 "\" must be sale, refund, void, cancelled or ignore");
      }
    }
  }
  return p;
}

ProfileSpec load_profile_toml(const std::filesystem::path& file) {
  return parse_profile_toml(read_file_text(file), file.string());
}

}  // namespace footfall::data
