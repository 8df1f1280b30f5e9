#include "footfall/data/file_text.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace footfall::data {

std::string read_file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw std::runtime_error(file.string() + ": cannot read");
  return text.str();
}

}  // namespace footfall::data
