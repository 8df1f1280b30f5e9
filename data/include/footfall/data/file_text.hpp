#pragma once
// The one way Footfall reads a whole file (a POS export, a profile, a pending report).
#include <filesystem>
#include <string>

namespace footfall::data {

// The file's bytes as they are; throws std::runtime_error "<file>: cannot open" when it can't be read.
std::string read_file_text(const std::filesystem::path& file);

}  // namespace footfall::data
