// The kiosk's TOML config: an AppConfig or a std::runtime_error naming the file, line and key.
#include "config/config.hpp"
#include "scratch_file.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = footfall::fuzz::write_scratch(data, size, ".toml");  // load_config reads a path
  if (path.empty()) return 0;
  try {
    (void)footfall::app::load_config(path);
  } catch (const std::runtime_error& error) {
    if (std::string(error.what()).find(path) == std::string::npos) __builtin_trap();  // must name the file
  }
  return 0;
}
