#pragma once
// A path in a temp folder of this test process's own. Runs of the suites may overlap (two build
// trees, a developer beside CI), and a scratch file they share makes one of them fail. The file
// keeps its name, so messages that quote it read the same.
#include <unistd.h>

#include <filesystem>
#include <string>

namespace footfall::testing {

inline std::filesystem::path scratch_path(const std::string& name) {
  const auto folder = std::filesystem::temp_directory_path() / ("footfall-tests-" + std::to_string(getpid()));
  std::filesystem::create_directories(folder);
  return folder / name;
}

}  // namespace footfall::testing
