#include "files/file_output.hpp"

#include <fstream>
#include <iostream>
#include <stdexcept>

namespace footfall::app {

void write_file_atomically(const std::filesystem::path& target, const std::string& text) {
  const std::filesystem::path partial = target.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    if (!(out << text) || !out.flush()) throw std::runtime_error(partial.string() + ": cannot write");
  }
  std::filesystem::rename(partial, target);
}

void write_file_atomically(const std::filesystem::path& target, const std::string& text,
                           std::filesystem::perms permissions) {
  const std::filesystem::path partial = target.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(partial.string() + ": cannot write");
    std::filesystem::permissions(partial, permissions, std::filesystem::perm_options::replace);
    if (!(out << text) || !out.flush()) throw std::runtime_error(partial.string() + ": cannot write");
  }
  std::filesystem::rename(partial, target);
}

void write_command_output(const std::string& output, const std::string& text) {
  if (output.empty()) {
    std::cout << text;
    return;
  }
  write_file_atomically(output, text);
  std::cerr << "wrote " << output << "\n";
}

}  // namespace footfall::app
