#include "commands.hpp"

#include <iostream>

namespace footfall::app {

int run_bench_command(const BenchCommand& /*command*/) {
  std::cerr << "footfall bench: not built yet\n";
  return 3;
}

}  // namespace footfall::app
