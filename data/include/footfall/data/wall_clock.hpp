#pragma once
#include "footfall/data/types.hpp"

#include <chrono>

namespace footfall::data {

// Now, as UTC milliseconds since the epoch: the one reading of the wall clock data/ stamps rows with.
inline TimeMs wall_clock_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace footfall::data
