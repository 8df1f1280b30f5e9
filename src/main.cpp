#include "commands/cli.hpp"

int main(int argc, char** argv) { return footfall::app::run_cli(argc, argv); }
