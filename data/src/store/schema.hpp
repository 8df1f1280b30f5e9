#pragma once
#include <string>
#include <vector>

namespace footfall::data {

// Rollup buckets are 15 minutes of UTC: every IANA zone offset is a multiple of 15 minutes,
// so local hours and shift edges always fall on a bucket boundary.
inline constexpr long long rollup_bucket_ms = 15LL * 60 * 1000;
inline constexpr long long hour_rollup_bucket_ms = 60LL * 60 * 1000;

// Ordered schema steps; step i brings PRAGMA user_version from i to i + 1. Never edit a released step.
const std::vector<std::string>& schema_migrations();

}  // namespace footfall::data
