#!/usr/bin/env bash
# Builds SessionRec Workbench and runs every test through ctest.
#   scripts/test.sh                      all tests (Release build in build/release)
#   scripts/test.sh --sanitize address   the whole suite under ASan+UBSan (build/asan)
#   scripts/test.sh --sanitize thread    the threaded tests under TSan (build/tsan): builds only
#                                        srw_eval_tests and the GUI tests and, unless -R/-L/-E is
#                                        given, runs the GUI tests (worker threads: task runner,
#                                        training worker, lazy tables) and the evaluation's
#                                        1-vs-2-thread determinism tests
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

targets=()
if [ "$sanitize" = thread ]; then
  # The rest of the suite is single-threaded: building it under TSan costs an hour and checks
  # nothing more. gui is the label of every QtTest executable (each uses TaskRunner's thread).
  targets=(--target srw_eval_tests srw_ui_tests)
  selected=0
  for a in "${ctest_args[@]}"; do
    case "$a" in -R|-L|-E|-LE|-R*|-L*|-E*) selected=1 ;; esac
  done
  [ "$selected" = 1 ] || ctest_args+=(-R '^srw_ui_|Determinism|EvalRuns')
fi

srw_configure "$build" "${cmake_args[@]}"
cmake --build "$build" -j "$JOBS" "${targets[@]}"

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
if [ "$sanitize" = thread ]; then
  # die_after_fork=0: QProcess (the runs panel test runs pdftotext and srw-gui) forks the
  # multi-threaded test and execs at once; TSan would otherwise kill the child.
  export TSAN_OPTIONS="suppressions=$SRW_ROOT/tests/tsan.supp die_after_fork=0 ${TSAN_OPTIONS:-}"
  # One torch (OpenMP) thread: LibTorch's pool is not instrumented, and concurrent LibTorch
  # threads are not what these tests check.
  export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
fi
ctest --test-dir "$build" --output-on-failure -j "$JOBS" "${ctest_args[@]}"
