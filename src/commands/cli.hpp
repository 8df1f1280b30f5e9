#pragma once

namespace footfall::app {
int run_cli(int argc, char** argv);
}
