#include "cli.hpp"

#include <CLI/CLI.hpp>

namespace footfall::app {
int run_cli(int argc, char** argv) {
  CLI::App app{"Footfall: people counting and offline conversion"};
  app.set_version_flag("--version", FOOTFALL_VERSION);
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
}  // namespace footfall::app
