#!/usr/bin/env bash
# Load test at YOOCHOOSE scale: generates a click log of 30M events (yoochoose-clicks has 33M),
# imports it under GNU time (peak RSS, wall time), runs prepare, split and stats on it, then times
# the browse queries the GUI's lazy tables make (bench/load/browse_probe.cpp). Measures, asserts
# nothing. Needs about 3 GB of free disk in the work folder; everything is deleted at the end.
#   bench/load/load_30m.sh [EVENTS…]      (default 30000000; with several counts each is
#                                          imported and measured, the last one also prepared,
#                                          split, stated and browsed)
# Environment: SRW_BUILD_DIR (default build/release), SRW_LOAD_DIR (default /tmp),
#              SRW_LOAD_OUT (default bench/load/results/load.jsonl), SRW_LOAD_CAP (seconds a
#              browse query may run before it is interrupted, default 60).
set -euo pipefail
source "$(dirname "$0")/../../scripts/common.sh"
cd "$SRW_ROOT"

build="${SRW_BUILD_DIR:-build/release}"
out="${SRW_LOAD_OUT:-bench/load/results/load.jsonl}"
cap="${SRW_LOAD_CAP:-60}"
[ $# -gt 0 ] || set -- 30000000

srw_configure "$build" -DCMAKE_BUILD_TYPE=Release
nice -n 10 cmake --build "$build" -j "$JOBS" --target srw srw_browse_probe
srw="$build/bin/srw"
probe="$build/tests/fault/srw_browse_probe"

work="$(mktemp -d "${SRW_LOAD_DIR:-/tmp}/srw-load-XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"
: > "$out.tmp"

emit() { echo "$1" >> "$out.tmp"; echo "$1" >&2; }

# measure NAME EVENTS COMMAND…: wall seconds and peak RSS of one command (GNU time -v).
measure() {
  local name="$1" events="$2"; shift 2
  /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt"
  local rss secs
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")"
  secs="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0;
            for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s}' "$work/time.txt")"
  emit "{\"step\":\"$name\",\"events\":$events,\"seconds\":$secs,\"peak_rss_kb\":$rss}"
}

emit "{\"machine\":{\"cores\":$(nproc),\"memory_kb\":$(awk '/MemTotal/ {print $2}' /proc/meminfo),\"load_average\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"commit\":\"$(git rev-parse --short HEAD)\",\"sqlite3\":\"$(sqlite3 --version | cut -d' ' -f1)\"}}"

last="${*: -1}"
for events in "$@"; do
  file="$work/clicks-$events.dat"
  ws="$work/ws-$events.sqlite"
  measure generate-log "$events" "$srw" -q generate-log --format yoochoose --events "$events" --out "$file"
  emit "{\"step\":\"file\",\"events\":$events,\"bytes\":$(stat -c %s "$file")}"
  measure import "$events" "$srw" -q --db "$ws" import "$file" --dataset y --format yoochoose
  emit "{\"step\":\"workspace\",\"events\":$events,\"bytes\":$(stat -c %s "$ws")}"
  rm -f "$file"
  if [ "$events" = "$last" ]; then
    measure prepare "$events" "$srw" -q --db "$ws" prepare y
    measure split "$events" "$srw" -q --db "$ws" split y
    measure stats "$events" "$srw" -q --db "$ws" stats y
    cat "$work/out.txt" >&2
    { "$probe" "$ws" y "$cap" || echo "load: browse_probe failed" >&2; } |
      while read -r line; do emit "{\"step\":\"browse\",\"events\":$events,\"result\":$line}"; done
  fi
  rm -f "$ws" "$ws-wal" "$ws-shm"
done
mv "$out.tmp" "$out"
echo "load: results in $out" >&2
