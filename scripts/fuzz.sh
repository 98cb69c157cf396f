#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang 14, ASan+UBSan, in build-fuzz) and runs each
# for SECONDS, starting from the committed corpus in tests/fuzz/corpus/TARGET.
#   scripts/fuzz.sh SECONDS [TARGET…]     e.g. scripts/fuzz.sh 120 import_csv time_parser
# Environment: FUZZ_PARALLEL=N runs N targets at a time (default 1); FUZZ_ARGS adds libFuzzer
# options. New inputs go to build-fuzz/fuzz-corpus/TARGET, crashes to
# build-fuzz/crashes/TARGET/. A fixed crash becomes a regression case: copy it to
# tests/fuzz/corpus/TARGET/crash-WHAT, so the normal suite replays it (label fuzz-replay).
# Exit status: 0 when no target crashed, 1 otherwise (see build-fuzz/fuzz-summary.txt).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$SRW_ROOT"

seconds="${1:-60}"
shift || true
build="build-fuzz"
parallel="${FUZZ_PARALLEL:-1}"

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz.sh: needs clang++ (Debian: clang-14 libclang-rt-14-dev)" >&2
  exit 2
fi
srw_configure "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_C_COMPILER=clang -DSRW_BUILD_GUI=OFF -DSRW_BUILD_TORCH=OFF -DSRW_FUZZ=ON \
  -DSRW_ONLY_AREAS="util;parsers;data;text"
cmake --build "$build" --target srw_fuzzers -j "$JOBS"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for exe in "$build"/fuzz/fuzz_*; do
    targets+=("${exe##*/fuzz_}")
  done
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# The importer targets write a workspace per input: on tmpfs that is no disk sync per run.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi
logs="$build/fuzz-logs"
mkdir -p "$logs"

run_target() {
  local t="$1"
  mkdir -p "$build/fuzz-corpus/$t" "$build/crashes/$t"
  # -timeout: an input taking 10 s is a hang; -rss_limit_mb: 2 GB is "absurd memory" here.
  # shellcheck disable=SC2086
  "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/crashes/$t/" ${FUZZ_ARGS:-} \
    "$build/fuzz-corpus/$t" "tests/fuzz/corpus/$t" >"$logs/$t.log" 2>&1 || true
}

marker="$build/.fuzz-start"
touch "$marker"
running=0
for t in "${targets[@]}"; do
  if [ ! -x "$build/fuzz/fuzz_$t" ]; then
    echo "fuzz.sh: no target $t" >&2
    exit 2
  fi
  echo "fuzz.sh: $t for ${seconds}s"
  run_target "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

summary="$build/fuzz-summary.txt"
: >"$summary"
crashed=0
for t in "${targets[@]}"; do
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$t.log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$logs/$t.log" | tail -1 | grep -o '[0-9]*' || echo 0)
  corpus=$(find "$build/fuzz-corpus/$t" "tests/fuzz/corpus/$t" -type f | wc -l)
  crashes=$(find "$build/crashes/$t" -type f -newer "$marker" | wc -l)
  [ "$crashes" -gt 0 ] && crashed=1
  printf '%-22s %10s runs  cov %6s  corpus %6s  crashes %s\n' "$t" "${runs:-0}" "${cov:-0}" \
    "$corpus" "$crashes" | tee -a "$summary"
done
if [ "$crashed" -ne 0 ]; then
  echo "fuzz.sh: crashes saved under $build/crashes/ (logs in $logs/)" >&2
  exit 1
fi
