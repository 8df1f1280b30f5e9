// Ground-truth JSON files: a TruthFile or a std::runtime_error naming the file and the field.
#include "footfall/vision/truth.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // load_truth reads a path, as `footfall eval` does; one scratch file per fuzzing process.
  struct Scratch {
    std::string path =
        (std::filesystem::temp_directory_path() / ("footfall-fuzz-truth-" + std::to_string(getpid()) + ".json")).string();
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
    const auto truth = footfall::vision::load_truth(path);
    (void)footfall::vision::score_crossings(truth.crossings, truth.crossings, 15);
  } catch (const std::runtime_error& error) {
    if (std::string(error.what()).find(path) == std::string::npos) __builtin_trap();
  }
  return 0;
}
