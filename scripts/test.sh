#!/usr/bin/env bash
# One command: install what is missing, build the release and ASan/UBSan builds, and run every test in both.
# The UI tests need a display; without one the suites run under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh release asan-ubsan

run_with_display() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" "$@"; fi
}

status=0
for preset in release asan-ubsan; do
  echo "== ctest ($preset)"
  run_with_display ctest --preset "$preset" -j2 || status=1
done

# clang-tidy on what the last commit changed (scripts/tidy.sh BASE checks a longer span by hand).
echo "== clang-tidy (files the last commit changed)"
scripts/tidy.sh HEAD~1 || status=1

# The .deb a shop PC installs: built from the release tree, its contents and dependencies checked.
echo "== package (.deb)"
rm -f build/release/footfall_*.deb
if cmake --build --preset release --target package >/dev/null; then
  scripts/check_package.sh build/release/footfall_*.deb || status=1
else
  status=1
fi

# ThreadSanitizer over the suites where threads meet (camera loop, writer, kiosk runtime, kill recovery).
echo "== ctest (tsan: the threaded suites)"
if cmake --preset tsan >/dev/null && cmake --build --preset tsan --target footfall test_src test_data; then
  run_with_display ctest --preset tsan -j2 -R '^test_(src|data):' || status=1
else
  status=1
fi

if [ -x scripts/fuzz.sh ]; then
  echo "== fuzz (short run)"
  scripts/fuzz.sh 20 || status=1
fi
exit "$status"
