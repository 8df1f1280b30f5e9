#!/usr/bin/env bash
# clang-tidy (.clang-tidy) on the first-party C++ sources a change touches: those changed since BASE
# (default: the previous commit), checked against build/release's compile_commands.json.
# A header counts through the sources that include it. Exit status 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-HEAD~1}"
build=build/release
[ -f "$build/compile_commands.json" ] || { echo "tidy: $build/compile_commands.json is missing; run scripts/setup.sh release" >&2; exit 2; }
git rev-parse -q --verify "$base^{commit}" >/dev/null || { echo "tidy: no commit $base; nothing to compare with"; exit 0; }

mapfile -t changed < <(git diff --name-only --diff-filter=d "$base" -- 'src/*' 'vision/*' 'data/*' 'ui/*' | grep -E '\.(cpp|hpp)$' || true)
sources=()
for file in "${changed[@]}"; do
  if [[ "$file" == *.cpp ]]; then
    sources+=("$file")
  else
    header="$(basename "$file")"
    while IFS= read -r includer; do sources+=("$includer"); done \
      < <(git grep -l --full-name -F "$header\"" -- 'src/*.cpp' 'vision/*.cpp' 'data/*.cpp' 'ui/*.cpp' | head -3)
  fi
done
mapfile -t sources < <(printf '%s\n' "${sources[@]}" | sort -u | grep -v '^$' || true)
if [ "${#sources[@]}" -eq 0 ]; then echo "tidy: no C++ source changed since $base"; exit 0; fi
echo "tidy: ${#sources[@]} file(s) changed since $base"
# Compiler warnings are GCC's job; clang would only repeat them in its own dialect.
printf '%s\n' "${sources[@]}" | xargs -P "$(nproc)" -n 4 \
  clang-tidy -p "$build" --quiet --extra-arg=-Wno-everything 2>&1 | grep -vE '^[0-9]+ warnings? generated\.$|^Suppressed' \
  | tee "$build/tidy.log" || true
if grep -qE '(warning|error):' "$build/tidy.log"; then echo "tidy: findings above (also in $build/tidy.log)"; exit 1; fi
echo "tidy: clean"
