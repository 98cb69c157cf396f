#!/usr/bin/env bash
# Builds SessionRec Workbench and runs every test through ctest.
#   scripts/test.sh                      all tests (Release build in build/release)
#   scripts/test.sh --sanitize address   the whole suite under ASan+UBSan (build/asan)
#   scripts/test.sh --sanitize thread    the threaded tests under TSan (build/tsan)
#   scripts/test.sh -L fast | -LE slow   pass label filters to ctest
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$SRW_ROOT"

sanitize=""
ctest_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sanitize) sanitize="$2"; shift 2 ;;
    --sanitize=*) sanitize="${1#*=}"; shift ;;
    *) ctest_args+=("$1"); shift ;;
  esac
done

bash scripts/install-deps.sh

build="build/release"
cmake_args=(-DCMAKE_BUILD_TYPE=Release)
case "$sanitize" in
  "") ;;
  address) build="build/asan"; cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DSRW_SANITIZE=address) ;;
  thread) build="build/tsan"; cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DSRW_SANITIZE=thread) ;;
  *) echo "test.sh: --sanitize takes address or thread" >&2; exit 2 ;;
esac

srw_configure "$build" "${cmake_args[@]}"
cmake --build "$build" -j "$JOBS"

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
if [ "$sanitize" = thread ]; then
  export TSAN_OPTIONS="suppressions=$SRW_ROOT/tests/tsan.supp ${TSAN_OPTIONS:-}"
  export OMP_NUM_THREADS=1
fi
ctest --test-dir "$build" --output-on-failure -j "$JOBS" "${ctest_args[@]}"
