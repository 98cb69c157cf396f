#!/usr/bin/env bash
# Runs the CPU benchmarks and writes machine-readable results to bench/results/.
#   scripts/bench.sh           the full pass: import 1M and 4M events; baselines on 100k, 1M, 4M;
#                              recommend latency at 10k/100k/1M items; training against the
#                              Python reference (frozen and full); GUI latencies
#   scripts/bench.sh --quick   a few-minute pass (import 200k and 1M; baselines on 100k and 1M;
#                              recommend at 10k/100k; one round of the frozen training bench)
# The training bench needs Debian's python3-torch (apt-get install python3-torch); without it,
# or without LibTorch or the GUI in the build, that part is skipped with a message.
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
  # The other benches when the build has what they need (LibTorch, the GUI).
  for target in recommend_latency train_throughput gui_latency; do
    cmake --build "$build" -j "$JOBS" --target "$target" >/dev/null 2>&1 ||
      echo "bench.sh: no $target in this build; skipped" >&2
  done
  srw="$SRW_ROOT/$build/bin/srw"
fi
bin="$(dirname "$srw")"
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
if [ -x "$bin/recommend_latency" ]; then
  if [ "$quick" = 1 ]; then sizes=(10000 100000); else sizes=(10000 100000 1000000); fi
  OMP_NUM_THREADS=1 "$bin/recommend_latency" --json "$results/recommend.json" "${sizes[@]}"
fi
if [ -x "$bin/train_throughput" ]; then
  if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    if [ "$quick" = 1 ]; then
      SRW_TRAIN_ROUNDS=1 bench/train_bench.sh "$bin/train_throughput" "$results/train_cpu.json" frozen/pooled
    else
      bench/train_bench.sh "$bin/train_throughput" "$results/train_cpu.json"
    fi
  else
    echo "bench.sh: training bench skipped: /usr/bin/python3 has no torch (apt-get install python3-torch)" >&2
  fi
fi
if [ -x "$bin/gui_latency" ]; then
  QT_QPA_PLATFORM=offscreen "$bin/gui_latency" "$results/gui_latency.json"
fi
python3 bench/summarize.py "$results"
