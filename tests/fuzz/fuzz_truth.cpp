// Ground-truth JSON files: a TruthFile or a std::runtime_error naming the file and the field.
#include "footfall/vision/truth.hpp"
#include "scratch_file.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = footfall::fuzz::write_scratch(data, size, ".json");  // load_truth reads a path
  if (path.empty()) return 0;
  try {
    const auto truth = footfall::vision::load_truth(path);
    (void)footfall::vision::score_crossings(truth.crossings, truth.crossings, 15);
  } catch (const std::runtime_error& error) {
    if (std::string(error.what()).find(path) == std::string::npos) __builtin_trap();  // must name the file
  }
  return 0;
}
