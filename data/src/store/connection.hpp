#pragma once
// The SQLite connection behind a Store, for data/'s readers that run their own SQL (the rollup
// reader, occupancy, the importer, backups) and for tests that check raw rows. Private to data/
// and its tests: the public headers never name SQLite.
#include "footfall/data/store/store.hpp"

#include <SQLiteCpp/Database.h>

namespace footfall::data {

SQLite::Database& connection(Store& store);

namespace testing {
using footfall::data::connection;  // tests: raw SQL on a store under test
}  // namespace testing

}  // namespace footfall::data
