#include "commands/command_output.hpp"

#include "footfall/data/atomic_file.hpp"

#include <iostream>

namespace footfall::app {

void write_command_output(const std::string& output, const std::string& text) {
  if (output.empty()) {
    std::cout << text;
    return;
  }
  data::write_file_atomically(output, text);
  std::cerr << "wrote " << output << "\n";
}

}  // namespace footfall::app
