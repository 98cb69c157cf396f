#!/usr/bin/env bash
# Fault injection: kills `srw import` and then `srw train` with SIGKILL at N seeded random moments
# each (default 20) and checks after each kill that the workspace passes PRAGMA integrity_check,
# that every earlier dataset and run is unchanged (content digests), that a killed import is
# absent or complete, never half there, and that a killed run is absent or resumes from its last
# whole checkpoint to the model an uninterrupted run trains; then the read-only, locked,
# full-disk and bad-input cases.
#   scripts/fault-inject.sh [N] [SEED]
# Environment: SRW_FAULT_SESSIONS (default 60000 sessions of 5 events: 300,000 rows);
# SRW_FAULT_ONLY=import|train|workspace runs one part; SRW_BUILD_DIR (default build/release).
# The normal suite runs 3 import and 2 train trials of the same tests (label fault).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$SRW_ROOT"

trials="${1:-20}"
seed="${2:-11}"
build="${SRW_BUILD_DIR:-build/release}"

srw_configure "$build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j "$JOBS" --target srw srw-ml srw_fault_tests srw_fault_train_tests

# Every import trial is bounded by one import, every train trial by two tiny training runs (the
# killed one and its resumption, about 10 s each on 2 shared cores); the whole run by these limits.
limit=$((trials * 30 + 300))
train_limit=$((trials * 60 + 300))

kill_import_trials() {
  SRW_FAULT_TRIALS="$trials" SRW_FAULT_SEED="$seed" \
    SRW_FAULT_SESSIONS="${SRW_FAULT_SESSIONS:-60000}" \
    timeout "$limit" "$build/tests/fault/srw_fault_tests" --gtest_filter='KillImport.*'
}

# SIGKILL during a tiny `srw train` (every 50th session of sample_data, 6 epochs, one thread,
# deterministic); after each: integrity ok, earlier datasets and runs (rows and run folders)
# unchanged, the last recorded checkpoint whole, and `srw train --resume RUN` finishes the run
# with the same weights (SHA-256) as an uninterrupted run.
kill_train_trials() {
  SRW_FAULT_TRAIN_TRIALS="$trials" SRW_FAULT_SEED="$seed" \
    timeout "$train_limit" "$build/tests/fault/srw_fault_train_tests" --gtest_filter='KillTrain.*'
}

workspace_faults() {
  timeout 300 "$build/tests/fault/srw_fault_tests" --gtest_filter='WorkspaceFault.*'
}

case "${SRW_FAULT_ONLY:-all}" in
  import) kill_import_trials ;;
  train) kill_train_trials ;;
  workspace) workspace_faults ;;
  all) kill_import_trials; kill_train_trials; workspace_faults ;;
  *) echo "fault-inject: SRW_FAULT_ONLY takes import, train or workspace" >&2; exit 2 ;;
esac
