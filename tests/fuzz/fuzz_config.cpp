// The kiosk's TOML config: an AppConfig or a std::runtime_error naming the file, line and key.
#include "config.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // load_config reads a path, as the kiosk does; one scratch file per fuzzing process.
  struct Scratch {
    std::string path =
        (std::filesystem::temp_directory_path() / ("footfall-fuzz-config-" + std::to_string(getpid()) + ".toml")).string();
    Scratch() = default;
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() { std::remove(path.c_str()); }
  };
  static const Scratch scratch;
  const std::string& path = scratch.path;
  FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return 0;
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  try {
    (void)footfall::app::load_config(path);
  } catch (const std::runtime_error& error) {
    // Every message names the file it is about.
    if (std::string(error.what()).find(path) == std::string::npos) __builtin_trap();
  }
  return 0;
}
