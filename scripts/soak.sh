#!/usr/bin/env bash
# Soak: HOURS (default 24) of synthetic door traffic at full speed through `footfall count` (the
# counting loop and the batched writer) into a temporary database, with the scene's own timestamps.
# Resident memory (VmRSS) is sampled at every simulated hour; after the first hour (warm-up) it must
# stay within 5% of its value then. Exit status 1 when it does not, or when count fails.
#   scripts/soak.sh [HOURS] [FOOTFALL_BINARY]
# A LeakSanitizer run: scripts/soak.sh 1 build/<asan-dir>/src/footfall (leaks make count exit non-zero).
set -euo pipefail
cd "$(dirname "$0")/.."
hours="${1:-24}"
binary="${2:-build/release/src/footfall}"
[ -x "$binary" ] || { echo "soak: no footfall binary at $binary (build it, or pass its path)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$binary" "$hours" "$work" <<'PY'
import json, subprocess, sys, time

binary, hours, work = sys.argv[1], float(sys.argv[2]), sys.argv[3]
start_ms = 1767571200000  # 2026-01-05T00:00:00Z, a Monday
hour_ms = 3600 * 1000

def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

began = time.monotonic()
child = subprocess.Popen(
    [binary, "count", "synthetic:11", "--start", "2026-01-05T00:00:00Z", "--seconds", str(hours * 3600),
     "--db", f"{work}/soak.db", "--json", "--quiet"],
    stdout=subprocess.PIPE, text=True)
samples = []  # (simulated hour, VmRSS kB) at the first crossing past each hour
events = 0
last_frame = 0
last_rss = 0
for line in child.stdout:
    event = json.loads(line)
    events += 1
    last_frame = event["frame"]
    last_rss = rss_kb(child.pid)
    hour = (event["time_ms"] - start_ms) // hour_ms
    while (samples[-1][0] if samples else 0) < hour:
        samples.append(((samples[-1][0] if samples else 0) + 1, last_rss))
        print(f"hour {samples[-1][0]:3d}  RSS {samples[-1][1] / 1024:7.1f} MiB  events {events}  "
              f"wall {time.monotonic() - began:7.0f} s", flush=True)
status = child.wait()
wall = time.monotonic() - began
print(f"\nsimulated {hours:g} h in {wall:.0f} s wall ({hours * 3600 / wall:.1f}x real time), "
      f"frames {last_frame + 1} (last crossing's frame), {events} crossings stored, count exit status {status}")
print("RSS by simulated hour (MiB): " + " ".join(f"{kb / 1024:.1f}" for _, kb in samples) +
      f"; at the last crossing {last_rss / 1024:.1f}")
after_warmup = [kb for hour, kb in samples if hour >= 1]
ok = status == 0
if after_warmup:
    base = after_warmup[0]
    worst = max(abs(kb - base) / base for kb in after_warmup)
    flat = worst <= 0.05
    print(f"after warm-up: {min(after_warmup) / 1024:.1f}..{max(after_warmup) / 1024:.1f} MiB, "
          f"largest departure from hour 1: {worst * 100:.1f}% -> {'FLAT (within 5%)' if flat else 'NOT FLAT'}")
    ok = ok and flat
sys.exit(0 if ok else 1)
PY
