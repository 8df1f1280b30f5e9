#include "store/sales_rollups.hpp"

#include "store/store_impl.hpp"

#include <optional>
#include <stdexcept>

namespace footfall::data {

std::string add_sales_sql(const char* table, const char* key, std::size_t rows) {
  std::string sql =
      std::string("INSERT INTO ") + table + "(" + key + ", seller, buyers, gross, net, units) VALUES ";
  for (std::size_t row = 0; row < rows; ++row) sql += row == 0 ? "(?,?,?,?,?,?)" : ",(?,?,?,?,?,?)";
  return sql + " ON CONFLICT(" + key + ", seller) DO UPDATE SET buyers = buyers + excluded.buyers, " +
         "gross = gross + excluded.gross, net = net + excluded.net, units = units + excluded.units";
}

sqlite3_stmt* Store::Impl::add_many(RawStatement& slot, const char* table) {
  if (!slot) slot = prepare_raw(db, add_sales_sql(table, "bucket_ms", sales_chunk_rows));
  return slot.get();
}

const BusinessClock* Store::Impl::sales_day_clock() {
  read_day_basis.reset();
  if (!read_day_basis.executeStep()) return nullptr;
  const std::string zone = read_day_basis.getColumn(0).getString();
  const int cutoff = read_day_basis.getColumn(1).getInt();
  read_day_basis.reset();
  if (!day_clock || zone != day_clock_zone || cutoff != day_clock_cutoff) {
    StoreSettings basis;
    basis.time_zone = zone;
    basis.cutoff_minutes = cutoff;
    day_clock.reset();
    try {
      day_clock.emplace(basis);
    } catch (const std::invalid_argument&) {  // a zone this system does not know: no days
      return nullptr;
    }
    day_clock_zone = zone;
    day_clock_cutoff = cutoff;
  }
  return &*day_clock;
}

bool Store::Impl::sales_days_match(const StoreSettings& settings) {
  const auto* clock = sales_day_clock();
  return clock != nullptr && day_clock_zone == settings.time_zone &&
         day_clock_cutoff == settings.cutoff_minutes;
}

void Store::Impl::rebuild_sales_days(const StoreSettings& settings) {
  db.exec("DELETE FROM sales_rollup_day; DELETE FROM sales_rollup_day_basis");
  std::optional<BusinessClock> clock;
  try {
    clock.emplace(settings);
  } catch (const std::invalid_argument&) {  // unknown zone: the reports fall back to hourly rows
    return;
  }
  SalesDays days(*clock);
  SQLite::Statement rows(db, "SELECT bucket_ms, seller, buyers, gross, net, units FROM sales_rollup");
  while (rows.executeStep()) {
    days.add(rows.getColumn(0).getInt64(), rows.getColumn(1).getString(),
             {rows.getColumn(2).getInt64(), rows.getColumn(3).getInt64(), rows.getColumn(4).getInt64(),
              rows.getColumn(5).getDouble()});
  }
  days.write(add_to_sales_day);
  SQLite::Statement basis(
      db, "INSERT INTO sales_rollup_day_basis(id, time_zone, cutoff_minutes) VALUES (1, ?, ?)");
  basis.bind(1, settings.time_zone);
  basis.bind(2, settings.cutoff_minutes);
  basis.exec();
}

}  // namespace footfall::data
