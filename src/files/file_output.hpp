#pragma once
#include <filesystem>
#include <string>

namespace footfall::app {

// Writes beside the target and renames, so a reader never sees half a file.
void write_file_atomically(const std::filesystem::path& target, const std::string& text);
// The same, with the file's permissions set before anything is written (e.g. owner-only).
void write_file_atomically(const std::filesystem::path& target, const std::string& text,
                           std::filesystem::perms permissions);

// A command's output: to standard output when `output` is empty, else atomically to that file,
// saying so on standard error.
void write_command_output(const std::string& output, const std::string& text);

}  // namespace footfall::app
