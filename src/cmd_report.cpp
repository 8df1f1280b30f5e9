#include "commands.hpp"

#include <iostream>

namespace footfall::app {

int run_report_command(const ReportCommand& /*command*/) {
  std::cerr << "footfall report: not built yet\n";
  return 3;
}

}  // namespace footfall::app
