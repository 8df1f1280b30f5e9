#pragma once
// A chain of shops: each kiosk pushes its data to one central PostgreSQL database, where the head
// office compares stores. libpq stays behind data/src/chain: no public header names it.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "footfall/data/metrics/metrics.hpp"
#include "footfall/data/types.hpp"

namespace footfall::data {
class Store;
}

namespace footfall::data::chain {

// Anything the server or the way to it got wrong, as one line naming it ("chain server: password
// authentication failed for user \"store_paris\""). Nothing local has changed when it is thrown
// before a batch; the cursor covers exactly the batches the server committed.
class ChainError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where the central database is. `url` is a libpq URL or key=value string (sslmode=require etc.
// honoured as written). `credentials` is a libpq password file (host:port:database:user:password
// lines), readable by its owner only, or empty to use PGPASSFILE / ~/.pgpass: never a password
// in the config file.
struct Server {
  std::string url;
  std::filesystem::path credentials;
};

// Whether `url` carries a password itself (postgresql://user:secret@host, password=secret): a
// config file must not, and says so.
bool url_names_password(const std::string& url);

// The central schema version this build writes and reads; migrations are recorded in the
// server's schema_migrations table.
int central_schema_version();
// Creates or upgrades the central schema (as its owner, the head office's login); returns how
// many migrations it applied. A server newer than this build is refused.
int migrate_central(const Server& server);

// Registers a store (or updates its region) and makes or re-keys its login role, which can read
// and write only that store's rows. Returns the role's name (store_CODE).
struct StoreRegistration {
  std::string code;  // a-z, 0-9 and _, 1 to 40 characters
  std::string region;
  std::string password;
};
std::string register_store(const Server& admin, const StoreRegistration& store);
std::string store_role_name(const std::string& code);  // throws std::invalid_argument for a bad code

// What one sync sent; a row sent again after a crash counts again.
struct SyncResult {
  std::int64_t transactions = 0;  // inserted, changed or deleted
  std::int64_t traffic_rows = 0;  // quarter-hour × door rows
  std::int64_t roster_rows = 0;
  int batches = 0;  // server transactions committed
};
struct SyncOptions {
  std::int64_t batch_rows = 10000;  // local rows per server transaction
  // Asked between batches; false ends the sync early, its committed batches kept (a kiosk closing).
  std::function<bool()> keep_going;
};
SyncResult sync_store(Store& local, const Server& server, const std::string& store_code,
                      const SyncOptions& options = {});

// What waits to be sent, from the local database alone (no server needed).
struct SyncStatus {
  std::optional<TimeMs> last_success_ms;  // the end of the last complete sync
  std::int64_t pending_transactions = 0;  // new since the cursor, plus changed or deleted
  std::int64_t pending_events = 0;
  std::optional<TimeMs> oldest_pending_ms;  // the oldest waiting transaction or crossing
};
SyncStatus sync_status(Store& local);

// The central figures of one group (a store, or a business day across stores) in one currency.
struct ChainRow {
  std::string key;   // store code or YYYY-MM-DD
  std::string name;  // the store's name, empty for days
  std::string region;
  std::string currency;  // money is never added across currencies
  std::int64_t stores = 0;
  std::int64_t visitors = 0;
  std::int64_t entries = 0;
  std::int64_t exits = 0;
  std::int64_t buyers = 0;
  Money net_sales = 0;
  Money gross_sales = 0;
  Conversion conversion;  // Wilson interval; low_data under the store's minimum visitors
  // Against the week before and the mean of the four weeks before (groups whose keys recur: store,
  // region, weekday), like for like: only the row's stores that counted visitors then too.
  // Conversion changes as fractions (0.05 = 5 points); empty where no store qualifies.
  std::optional<double> conversion_vs_last_week;
  std::optional<double> conversion_vs_four_weeks;
  std::optional<std::int64_t> visitors_last_week;  // of those stores
  std::optional<double> visitors_four_weeks;       // of those stores, a week's mean
};
enum class ChainGroup { Store, Region, Day, Week, Month, Weekday, Shift, Seller };
// store, region, day, week (its Monday's date), month (YYYY-MM) or weekday (1 = Monday … 7), in each
// store's business days; shift (by name, across the stores that define it) or seller ("code/name").
// A shift's traffic is its quarter hours in the store's local time, and a seller's visitors the
// quarter hours of their roster entries: exact to the kiosk's own figures where shifts and rosters
// start and end on quarter hours; a seller the kiosk has no roster for shows no visitors here. By
// store, rows are ranked by the low end of their conversion's Wilson interval, stores with too few
// visitors to rank listed after the others.
ChainGroup parse_chain_group(const std::string& text);
const char* chain_group_name(ChainGroup group);
// Groups whose keys mean the same thing in another week, so a row can be set against its own past.
bool compares_past_weeks(ChainGroup group);
// Groups ranked by conversion (the low end of its interval), the low-data rows after: store, seller.
bool ranks_by_conversion(ChainGroup group);

struct ChainReport {
  std::string from;  // business dates, inclusive
  std::string to;
  ChainGroup group = ChainGroup::Store;
  std::vector<ChainRow> rows;    // by key then currency; by store, ranked
  std::vector<ChainRow> totals;  // one per currency (key "total")
  std::int64_t visitors = 0;     // chain-wide: counts add across currencies
  std::int64_t buyers = 0;
};
// Business days are each store's own (its time zone and day start).
ChainReport chain_report(const Server& server, const std::string& from, const std::string& to,
                         ChainGroup group);
// text, csv, json, md (Markdown) or html (one self-contained page).
std::string render_chain_report(const ChainReport& report, const std::string& format);

}  // namespace footfall::data::chain
