#pragma once
#include <string>

namespace footfall::app {

// A command's output: to standard output when `output` is empty, else atomically to that file,
// saying so on standard error.
void write_command_output(const std::string& output, const std::string& text);

}  // namespace footfall::app
