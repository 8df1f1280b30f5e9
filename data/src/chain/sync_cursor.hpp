#pragma once
// Where the kiosk's sync stands: the last rows the server committed, kept in the kiosk's SQLite
// (table chain_sync) so that a sync killed at any point resumes without sending anything twice.
#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>

#include "footfall/data/types.hpp"

namespace footfall::data::chain {

// The last local rows the server holds: sales, crossings and roster rows by rowid, covered time by time.
struct Cursor {
  std::string target;  // the server and store it was sent to; another target starts again
  std::int64_t transaction_id = 0;
  std::int64_t event_id = 0;
  std::int64_t roster_id = 0;
  TimeMs coverage_ms = 0;
  std::optional<TimeMs> last_success_ms;
};

Cursor read_cursor(SQLite::Database& db);
// Moves the cursor; call only after the server committed what it covers.
void write_cursor(SQLite::Database& db, const Cursor& cursor);

}  // namespace footfall::data::chain
