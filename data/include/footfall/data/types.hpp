#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace footfall::data {

// Money is kept in minor units (cents, kopecks) so sums are exact.
using Money = std::int64_t;
// Instants are UTC milliseconds since the epoch; the store's zone is applied only when reading.
using TimeMs = std::int64_t;

struct CountEvent {
  TimeMs time_ms = 0;
  std::string door = "main";
  bool entering = true;
  int track_id = 0;
  float confidence = 1.F;
};

enum class TransactionKind { Sale, Refund, Void, Cancelled };

// The name a kind is stored and exported under: "sale", "refund", "void", "cancelled".
constexpr const char* transaction_kind_name(TransactionKind kind) {
  switch (kind) {
    case TransactionKind::Sale: return "sale";
    case TransactionKind::Refund: return "refund";
    case TransactionKind::Void: return "void";
    case TransactionKind::Cancelled: return "cancelled";
  }
  return "sale";
}

// The kind transaction_kind_name() calls `name`, or nullopt for any other text.
constexpr std::optional<TransactionKind> transaction_kind_from_name(std::string_view name) {
  for (const auto kind :
       {TransactionKind::Sale, TransactionKind::Refund, TransactionKind::Void, TransactionKind::Cancelled}) {
    if (name == transaction_kind_name(kind)) return kind;
  }
  return std::nullopt;
}

struct LineItem {
  std::string name;
  double quantity = 1.0;
  Money amount = 0;
};

struct Transaction {
  std::string source;   // profile name, e.g. "square-items"
  std::string pos_id;   // the POS's own id, or a stable content hash
  TimeMs time_ms = 0;
  TransactionKind kind = TransactionKind::Sale;
  Money total = 0;      // signed: refunds are negative
  double units = 0.0;
  std::string currency;
  std::string seller;   // normalised
  std::string register_name;
  std::vector<LineItem> items;
};

enum class VisitorRule { Entries, HalfOfInPlusOut };

// The name a visitor rule is stored under: "entries" or "half_in_out".
constexpr const char* visitor_rule_name(VisitorRule rule) {
  return rule == VisitorRule::HalfOfInPlusOut ? "half_in_out" : "entries";
}

// One weekday's opening hours, local times; a closed day keeps its times for when it opens again.
struct DayHours {
  int open_minutes = 9 * 60;
  int close_minutes = 20 * 60;  // after open_minutes, or past midnight when earlier (a night shop)
  bool closed = false;
};
using WeekHours = std::array<DayHours, 7>;  // Monday first

struct StoreSettings {
  std::string name = "My shop";    // until the owner names it
  std::string time_zone = "UTC";   // IANA
  int cutoff_minutes = 0;          // a business day starts at this local time (e.g. 120 = 02:00)
  WeekHours opening_hours{};       // every day 09:00-20:00 until the owner says otherwise
  VisitorRule visitor_rule = VisitorRule::Entries;
  int low_data_visitors = 30;
  std::string currency;            // ISO 4217; empty until the first import or the owner sets it
  std::string language = "en";     // en, fr, ru
  std::optional<double> contest_goal;  // the seller contest's conversion goal, a fraction; none set
};

struct ShiftDefinition {
  std::string name;      // "Morning"
  int weekday_mask = 0x7F;  // bit 0 = Monday
  int start_minutes = 0;    // local time
  int end_minutes = 0;      // may pass midnight (end < start)
};

struct RosterEntry {
  std::string seller;
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
};

struct CameraGap {
  std::string door = "main";
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
  std::string reason;
};

// A time the counter ran on a door: what it counted there is the whole traffic of that span.
struct CameraSpan {
  std::string door = "main";
  TimeMs start_ms = 0;
  TimeMs end_ms = 0;
};

}  // namespace footfall::data
