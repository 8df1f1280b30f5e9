#pragma once
// A path in a temp folder of this test process's own. Runs of the suites may overlap (two build
// trees, a developer beside CI), and a scratch file they share makes one of them fail. The file
// keeps its name, so messages that quote it read the same.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace footfall::testing {

inline std::filesystem::path scratch_path(const std::string& name) {
  const auto folder = std::filesystem::temp_directory_path() / ("footfall-tests-" + std::to_string(getpid()));
  std::filesystem::create_directories(folder);
  return folder / name;
}

// A whole file as text; empty when it cannot be read.
inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace footfall::testing
