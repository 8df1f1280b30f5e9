#pragma once
#include "footfall/data/store/store.hpp"
#include "footfall/data/types.hpp"

#include <cstdint>

namespace footfall::data {

// People inside now, all doors together: entries minus exits since today's opening, run in time
// order and never below zero (someone leaving who came in before opening takes nobody away from
// later visitors). Outside opening hours it is 0: the count resets at closing.
std::int64_t occupancy_at(Store& store, const StoreSettings& settings, TimeMs now_ms);

}  // namespace footfall::data
