#pragma once
// What `footfall bench --only chain` measures, beside the references it is measured against.
#include <cstdint>
#include <string>

#include "footfall/data/chain/chain.hpp"
#include "footfall/data/chain/scratch_server.hpp"

namespace footfall::data::chain {

struct SyncAgainstCopy {
  double sync_seconds = 0.0;
  double copy_seconds = 0.0;  // the reference: PostgreSQL's own COPY of the same rows
  std::int64_t transactions = 0;
  std::int64_t traffic_rows = 0;
};
// Registers store `code` on the cluster's migrated server, syncs `local` to it, then COPYs the rows
// the server then holds for it into bare tables of the same columns and indexes.
SyncAgainstCopy sync_against_copy(Store& local, const ScratchServer& cluster, const std::string& code);

struct GeneratedChain {
  std::int64_t stores = 0;
  std::int64_t traffic_rows = 0;
  std::int64_t transactions = 0;
};
// `stores` made-up stores of `days` business days up to `last_day` (YYYY-MM-DD), written in SQL on
// the server: hourly traffic from 09:00 to 21:00 and `sales_per_day` sales a day, ten regions, a
// fifth of the stores in GBP and the rest in EUR.
GeneratedChain generate_chain(const Server& admin, int stores, int days, const std::string& last_day,
                              int sales_per_day);

}  // namespace footfall::data::chain
