#pragma once
// For parsers that read a path (config, truth): each input goes to one scratch file per fuzzing
// process, removed at exit.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace footfall::fuzz {

// Writes the input to this process's scratch file and returns its path; empty when it cannot.
inline std::string write_scratch(const std::uint8_t* data, std::size_t size, const char* extension) {
  struct Scratch {
    std::string path;
    explicit Scratch(const char* ext)
        : path((std::filesystem::temp_directory_path() /
                ("footfall-fuzz-" + std::to_string(getpid()) + ext)).string()) {}
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() { std::remove(path.c_str()); }
  };
  static const Scratch scratch(extension);
  FILE* file = std::fopen(scratch.path.c_str(), "wb");
  if (file == nullptr) return {};
  const bool written = std::fwrite(data, 1, size, file) == size;
  return std::fclose(file) == 0 && written ? scratch.path : std::string();
}

}  // namespace footfall::fuzz
