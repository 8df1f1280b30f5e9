#include "footfall/data/atomic_file.hpp"

#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>

namespace footfall::data {

void replace_file_atomically(const std::filesystem::path& target,
                             const std::function<void(const std::filesystem::path& partial)>& write) {
  const std::filesystem::path partial = target.string() + ".partial";
  std::error_code ignored;
  try {
    write(partial);
  } catch (...) {
    std::filesystem::remove(partial, ignored);
    throw;
  }
  std::error_code error;
  std::filesystem::rename(partial, target, error);
  if (error) {
    std::filesystem::remove(partial, ignored);
    throw std::runtime_error(target.string() + ": cannot replace the file: " + error.message());
  }
}

void write_file_atomically(const std::filesystem::path& target, std::string_view text,
                           std::optional<std::filesystem::perms> permissions) {
  replace_file_atomically(target, [&](const std::filesystem::path& partial) {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(partial.string() + ": cannot write");
    if (permissions)
      std::filesystem::permissions(partial, *permissions, std::filesystem::perm_options::replace);
    if (!out.write(text.data(), static_cast<std::streamsize>(text.size())) || !out.flush()) {
      throw std::runtime_error(partial.string() + ": cannot write");
    }
  });
}

}  // namespace footfall::data
