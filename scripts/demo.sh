#!/usr/bin/env bash
# One command: install what is missing, build, and start the kiosk on the bundled demo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh release
exec build/release/src/footfall demo "$@"
