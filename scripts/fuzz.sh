#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each, as a CTest test, for SECONDS (default 20) on
# its seed corpus. Longer runs by hand: scripts/fuzz.sh 3600. A failing fuzzer's log is printed by
# ctest; the input that crashed it is left in build/fuzz/tests/fuzz/ (crash-*).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
cmake --preset fuzz -DFOOTFALL_FUZZ_SECONDS="$seconds" >/dev/null
cmake --build --preset fuzz -j"$(nproc)"
ctest --preset fuzz -j"$(nproc)"
