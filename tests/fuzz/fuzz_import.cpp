// Whole import of an arbitrary file into an in-memory store: either a result or an ImportError.
#include "footfall/data/pos/import.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footfall::data;
  static const auto file = std::filesystem::temp_directory_path() / ("fuzz-import-" + std::to_string(::getpid()) + ".csv");
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  Store store(":memory:");
  ImportOptions options;
  options.default_date = "2026-07-14";
  options.skip_bad_rows = (size % 2) == 0;
  options.reject_file = file.string() + ".rejected.csv";
  try {
    const auto result = import_pos_file(store, file, options);
    if (result.added + result.updated + result.unchanged != result.transactions) __builtin_trap();
  } catch (const ImportError&) {
  } catch (const std::exception&) {
  }
  return 0;
}
