#pragma once
// The chain_* tests' PostgreSQL: the same throwaway cluster `footfall bench --only chain` uses.
#include "footfall/data/chain/scratch_server.hpp"

namespace footfall::testing {
using PgCluster = data::chain::ScratchServer;
}  // namespace footfall::testing
