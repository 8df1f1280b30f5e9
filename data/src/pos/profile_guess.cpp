#include "footfall/data/pos/import.hpp"

#include "footfall/data/pos/csv_reader.hpp"
#include "footfall/data/pos/profiles.hpp"

#include <array>
#include <stdexcept>
#include <unordered_set>

// `footfall import --guess FILE`: a generic TOML profile proposed from an unknown export's header
// and first rows.
namespace footfall::data {
namespace {

// Extra header words for unknown exports, on top of the built-in profiles' synonyms.
const std::vector<std::pair<Role, std::vector<std::string>>>& guess_words() {
  static const std::vector<std::pair<Role, std::vector<std::string>>> words = {
      {Role::Id,
       {"id", "n° ticket", "no ticket", "ticket", "numéro", "receipt", "receipt no", "invoice", "чек",
        "номер чека", "№ чека", "номер"}},
      {Role::Date, {"date", "datum", "fecha", "дата", "date de vente", "datetime", "timestamp"}},
      {Role::Time, {"time", "heure", "hora", "uhrzeit", "время"}},
      {Role::Total,
       {"total", "montant ttc", "montant", "amount", "betrag", "importe", "сумма", "итого", "net sales",
        "total ttc"}},
      {Role::Seller,
       {"seller", "vendeur", "vendeuse", "verkäufer", "vendedor", "продавец", "кассир", "staff", "employee",
        "cashier"}},
      {Role::Register, {"register", "caisse", "kasse", "caja", "касса", "terminal", "pos", "device"}},
      {Role::Kind, {"type", "kind", "opération", "operation", "тип", "вид"}},
      {Role::Quantity,
       {"quantity", "qty", "articles", "quantité", "menge", "cantidad", "количество", "кол-во", "units"}},
      {Role::Item, {"item", "article", "produit", "product", "товар"}},
  };
  return words;
}

std::string toml_quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string guess_profile_toml(const std::filesystem::path& file) {
  const CsvText text = load_csv_text(file);
  std::vector<std::vector<std::string>> sample;
  parse_csv(text, file.string(), [&](const CsvRecord& record) {
    sample.push_back(record.fields);
    return sample.size() < 501;
  });
  if (sample.empty()) throw std::runtime_error(file.string() + ": the file is empty");
  const auto& header = sample.front();
  std::array<int, role_count> chosen{};
  chosen.fill(-1);
  std::vector<bool> used(header.size(), false);
  const auto take = [&](Role role, const std::string& synonym) {
    auto& slot = chosen[static_cast<std::size_t>(role)];
    for (std::size_t i = 0; i < header.size() && slot < 0; ++i) {
      if (!used[i] && normalise_header(header[i]) == normalise_header(synonym)) {
        slot = static_cast<int>(i);
        used[i] = true;
      }
    }
  };
  for (const auto& [role, words] : guess_words()) {
    for (const auto& word : words) take(role, word);
  }
  for (const auto& profile : builtin_profiles()) {
    for (std::size_t role = 0; role < role_count; ++role) {
      for (const auto& synonym : profile.columns[role]) take(static_cast<Role>(role), synonym);
    }
  }
  const auto column_values = [&](Role role) {
    std::vector<std::string_view> values;
    const int index = chosen[static_cast<std::size_t>(role)];
    if (index < 0) return values;
    for (std::size_t r = 1; r < sample.size(); ++r) {
      if (static_cast<std::size_t>(index) < sample[r].size())
        values.push_back(trim_spaces(sample[r][static_cast<std::size_t>(index)]));
    }
    return values;
  };
  // Decimal comma when amounts end in ",d" or ",dd".
  char decimal = '.';
  for (auto value : column_values(Role::Total)) {
    value = value.substr(0, value.find_last_of("0123456789") + 1);  // drop "руб.", " €"...
    const auto comma = value.rfind(',');
    const auto dot = value.rfind('.');
    if (comma != std::string_view::npos && (dot == std::string_view::npos || comma > dot)) {
      std::size_t digits = 0;
      for (std::size_t i = comma + 1; i < value.size() && value[i] >= '0' && value[i] <= '9'; ++i) ++digits;
      if (digits == 1 || digits == 2) decimal = ',';
    }
  }
  std::string date_format = "ymd";
  for (const auto value : column_values(Role::Date)) {
    if (const auto order = date_order_evidence(value)) {
      date_format = *order == DateOrder::DMY ? "dmy" : "mdy";
      break;
    }
    if (value.size() >= 8 && value[2] != '-' && (value.size() < 5 || value[4] != '-')) date_format = "dmy";
  }
  std::string out;
  out += "# Proposed by footfall import --guess for " + file.filename().string() + "; check every line.\n";
  if (const auto* builtin = detect_profile(header)) {
    out += "# Note: the built-in profile \"" + builtin->name +
           "\" already reads this file; no TOML is needed.\n";
  }
  out += "name = \"generic\"\n";
  out += "date_format = \"" + date_format + "\"      # ymd, dmy or mdy\n";
  out += "time_zone = \"\"          # IANA zone, e.g. \"Europe/Paris\"; empty: the store's zone\n";
  out += "currency = \"\"           # ISO 4217, e.g. \"EUR\"; empty: the amounts' symbol, else the store's\n";
  out += std::string("decimal = \"") + decimal + "\"\n\n[columns]\n";
  for (std::size_t role = 0; role < role_count; ++role) {
    const int index = chosen[role];
    if (index >= 0) {
      out += std::string(role_name(static_cast<Role>(role))) + " = " +
             toml_quote(header[static_cast<std::size_t>(index)]) + "\n";
    } else if (role <= static_cast<std::size_t>(Role::Item)) {
      out += std::string("# ") + role_name(static_cast<Role>(role)) + " = \"\"\n";
    }
  }
  out += "\n[kinds]   # value of the kind column -> sale, refund, void, cancelled or ignore\n";
  std::unordered_set<std::string> seen;
  const auto& kinds = builtin_profiles().back().kinds;
  for (const auto value : column_values(Role::Kind)) {
    if (value.empty() || !seen.insert(std::string(value)).second || seen.size() > 20) continue;
    const auto it = kinds.find(fold_case(value));
    const std::string target = transaction_kind_name(it != kinds.end() ? it->second : TransactionKind::Sale);
    out += toml_quote(value) + " = \"" + target + "\"\n";
  }
  return out;
}

}  // namespace footfall::data
