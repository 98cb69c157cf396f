#!/usr/bin/env bash
# Runs the CPU benchmarks and writes machine-readable results to bench/results/.
#   scripts/bench.sh           the full pass (import 1M and 4M events; baselines on 100k, 1M, 4M)
#   scripts/bench.sh --quick   a few-minute pass (import 200k and 1M; baselines on 100k and 1M)
# SRW_BENCH_SRW=/path/to/srw uses that binary instead of building build/release;
# SRW_BENCH_BASELINE=/path/to/older/srw adds it to the import alternation (before/after).
# BENCHMARKS.md explains each figure and the machine they were taken on.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$SRW_ROOT"
quick=0
[ "${1:-}" = "--quick" ] && quick=1

if [ -n "${SRW_BENCH_SRW:-}" ]; then
  srw="$SRW_BENCH_SRW"
else
  bash scripts/install-deps.sh
  build="build/release"
  srw_configure "$build" -DCMAKE_BUILD_TYPE=Release
  cmake --build "$build" -j "$JOBS" --target srw
  srw="$SRW_ROOT/$build/bin/srw"
fi
results="bench/results"
mkdir -p "$results"
{
  echo "{\"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\", \"commit\": \"$(git rev-parse --short HEAD)\","
  echo " \"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')\","
  echo " \"cores\": $(nproc), \"memory_kb\": $(grep MemTotal /proc/meminfo | awk '{print $2}'),"
  echo " \"sqlite3\": \"$(sqlite3 --version | cut -d' ' -f1)\","
  echo " \"load1_start\": $(cut -d' ' -f1 /proc/loadavg)}"
} > "$results/machine.json"

if [ "$quick" = 1 ]; then
  SRW_BENCH_REPS=2 bench/import_bench.sh "$srw" "$results/import.json" 200000 1000000
  bench/eval_bench.sh "$srw" "$results/eval.json" 100000 1000000
else
  bench/import_bench.sh "$srw" "$results/import.json" 1000000 4000000
  bench/eval_bench.sh "$srw" "$results/eval.json" 100000 1000000 4000000
fi
python3 bench/summarize.py "$results"
