#include "store/store_impl.hpp"

#include <memory>
#include <stdexcept>

// The shop's side of the Store: its settings and shifts, the roster, and the sellers' aliases.
namespace footfall::data {
namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::vector<RosterEntry> roster_rows(SQLite::Database& db, TimeMs from_ms, TimeMs to_ms, const char* order) {
  // A year's roster is thousands of rows: read them without SQLiteCpp's per-column objects.
  const std::string sql = std::string(
                              "SELECT seller, start_ms, end_ms FROM roster WHERE start_ms >= ?1 - ?3 AND "
                              "start_ms < ?2 AND end_ms > ?1 ORDER BY ") +
                          order;
  sqlite3_stmt* raw = nullptr;
  if (const int rc = sqlite3_prepare_v2(db.getHandle(), sql.c_str(), -1, &raw, nullptr); rc != SQLITE_OK) {
    throw SQLite::Exception(db.getHandle(), rc);
  }
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> query(raw, sqlite3_finalize);
  sqlite3_bind_int64(raw, 1, from_ms);
  sqlite3_bind_int64(raw, 2, to_ms);
  sqlite3_bind_int64(raw, 3, max_roster_entry_ms);
  std::vector<RosterEntry> result;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    const auto* seller = sqlite3_column_text(raw, 0);
    result.push_back({seller == nullptr ? std::string() : reinterpret_cast<const char*>(seller),
                      sqlite3_column_int64(raw, 1), sqlite3_column_int64(raw, 2)});
  }
  if (rc != SQLITE_DONE) throw SQLite::Exception(db.getHandle(), rc);
  return result;
}

}  // namespace

StoreSettings Store::settings() {
  StoreSettings settings;
  SQLite::Statement query(
      impl_->db,
      "SELECT name, time_zone, cutoff_minutes, visitor_rule, low_data_visitors, currency, language, "
      "contest_goal FROM stores WHERE id = 1");
  if (query.executeStep()) {
    settings.name = query.getColumn(0).getString();
    settings.time_zone = query.getColumn(1).getString();
    settings.cutoff_minutes = query.getColumn(2).getInt();
    settings.visitor_rule =
        query.getColumn(3).getString() == "half_in_out" ? VisitorRule::HalfOfInPlusOut : VisitorRule::Entries;
    settings.low_data_visitors = query.getColumn(4).getInt();
    settings.currency = query.getColumn(5).getString();
    settings.language = query.getColumn(6).getString();
    if (!query.getColumn(7).isNull()) settings.contest_goal = query.getColumn(7).getDouble();
  }
  SQLite::Statement hours(impl_->db,
                          "SELECT weekday, open_minutes, close_minutes, closed FROM opening_hours");
  while (hours.executeStep()) {
    settings.opening_hours.at(static_cast<std::size_t>(hours.getColumn(0).getInt())) = {
        hours.getColumn(1).getInt(), hours.getColumn(2).getInt(), hours.getColumn(3).getInt() != 0};
  }
  return settings;
}

void Store::save_settings(const StoreSettings& settings) {
  SQLite::Statement upsert(
      impl_->db,
      "INSERT INTO stores(id, name, time_zone, cutoff_minutes, visitor_rule, low_data_visitors, currency, "
      "language, contest_goal) VALUES (1,?,?,?,?,?,?,?,?) "
      "ON CONFLICT(id) DO UPDATE SET name=excluded.name, time_zone=excluded.time_zone, "
      "cutoff_minutes=excluded.cutoff_minutes, visitor_rule=excluded.visitor_rule, "
      "low_data_visitors=excluded.low_data_visitors, currency=excluded.currency, "
      "language=excluded.language, contest_goal=excluded.contest_goal");
  upsert.bind(1, settings.name);
  upsert.bind(2, settings.time_zone);
  upsert.bind(3, settings.cutoff_minutes);
  upsert.bind(4, visitor_rule_name(settings.visitor_rule));
  upsert.bind(5, settings.low_data_visitors);
  upsert.bind(6, settings.currency);
  upsert.bind(7, settings.language);
  if (settings.contest_goal) {
    upsert.bind(8, *settings.contest_goal);
  } else {
    upsert.bind(8);  // NULL: no goal set
  }
  SQLite::Statement hours(
      impl_->db,
      "INSERT OR REPLACE INTO opening_hours(weekday, open_minutes, close_minutes, closed) "
      "VALUES (?,?,?,?)");
  Savepoint savepoint(*impl_, "save_settings");
  upsert.exec();
  for (std::size_t weekday = 0; weekday < settings.opening_hours.size(); ++weekday) {
    const DayHours& day = settings.opening_hours[weekday];
    hours.bind(1, static_cast<int>(weekday));
    hours.bind(2, day.open_minutes);
    hours.bind(3, day.close_minutes);
    hours.bind(4, day.closed ? 1 : 0);
    hours.exec();
    hours.reset();
  }
  if (!impl_->sales_days_match(settings)) impl_->rebuild_sales_days(settings);
  savepoint.release();
}

void Store::set_shifts(const std::vector<ShiftDefinition>& shifts) {
  Savepoint savepoint(*impl_, "set_shifts");
  impl_->db.exec("DELETE FROM shifts");
  SQLite::Statement insert(impl_->db,
                           "INSERT INTO shifts(position, name, weekday_mask, start_minutes, end_minutes) "
                           "VALUES (?,?,?,?,?)");
  int position = 0;
  for (const auto& shift : shifts) {
    insert.reset();
    insert.bind(1, position++);
    insert.bind(2, shift.name);
    insert.bind(3, shift.weekday_mask);
    insert.bind(4, shift.start_minutes);
    insert.bind(5, shift.end_minutes);
    insert.exec();
  }
  savepoint.release();
}

std::vector<ShiftDefinition> Store::shifts() {
  std::vector<ShiftDefinition> result;
  SQLite::Statement query(
      impl_->db, "SELECT name, weekday_mask, start_minutes, end_minutes FROM shifts ORDER BY position");
  while (query.executeStep()) {
    result.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt(),
                      query.getColumn(2).getInt(), query.getColumn(3).getInt()});
  }
  return result;
}

void Store::add_roster(const std::vector<RosterEntry>& roster) {
  Savepoint savepoint(*impl_, "add_roster");
  SQLite::Statement insert(impl_->db, "INSERT INTO roster(seller, start_ms, end_ms) VALUES (?,?,?)");
  for (const auto& entry : roster) {
    if (entry.end_ms < entry.start_ms || entry.end_ms - entry.start_ms > max_roster_entry_ms) {
      throw std::invalid_argument("roster entry for \"" + entry.seller +
                                  "\" ends before it starts or lasts over a day");
    }
    impl_->add_seller(entry.seller);
    insert.reset();
    insert.bind(1, entry.seller);
    insert.bind(2, entry.start_ms);
    insert.bind(3, entry.end_ms);
    insert.exec();
  }
  savepoint.release();
}

std::vector<RosterEntry> Store::roster(TimeMs from_ms, TimeMs to_ms) {
  return roster_rows(impl_->db, from_ms, to_ms, "seller, start_ms");
}

std::vector<RosterEntry> Store::roster_by_start(TimeMs from_ms, TimeMs to_ms) {
  return roster_rows(impl_->db, from_ms, to_ms, "start_ms");
}

void Store::add_seller_alias(const std::string& alias, const std::string& seller) {
  Savepoint savepoint(*impl_, "seller_alias");
  impl_->add_seller(seller);
  SQLite::Statement insert(impl_->db,
                           "INSERT INTO seller_aliases(alias, seller_id) SELECT lower(?), id FROM sellers "
                           "WHERE name = ? ON CONFLICT(alias) DO UPDATE SET seller_id = excluded.seller_id");
  insert.bind(1, trimmed(alias));
  insert.bind(2, seller);
  insert.exec();
  savepoint.release();
}

std::string Store::resolve_seller(const std::string& raw) {
  const std::string name = trimmed(raw);
  auto& find = impl_->find_alias;
  find.reset();
  find.bind(1, name);
  std::string result = find.executeStep() ? find.getColumn(0).getString() : name;
  find.reset();
  return result;
}

}  // namespace footfall::data
