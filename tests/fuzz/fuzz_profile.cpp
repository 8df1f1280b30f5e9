// TOML generic profiles: a profile or a std::runtime_error naming the problem.
#include "footfall/data/pos/profiles.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto profile = footfall::data::parse_profile_toml(text, "fuzz.toml");
    (void)footfall::data::map_columns(profile, {"id", "date", "time", "total"});
  } catch (const std::runtime_error&) {
  }
  return 0;
}
