#!/usr/bin/env bash
# Fault injection: kills `srw import` with SIGKILL at N seeded random moments (default 20) and
# checks after each kill that the workspace passes PRAGMA integrity_check, that every earlier
# dataset and run is unchanged (content digests) and that the killed import is absent or
# complete, never half there; then the read-only, locked, full-disk and bad-input cases.
#   scripts/fault-inject.sh [N] [SEED]
# Environment: SRW_FAULT_SESSIONS (default 60000 sessions of 5 events: 300,000 rows).
# The normal suite runs 3 trials of the same test (label fault).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$SRW_ROOT"

trials="${1:-20}"
seed="${2:-11}"
build="build/release"

srw_configure "$build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j "$JOBS" --target srw srw_fault_tests

# Every trial is bounded by one import (seconds); the whole run by this limit.
limit=$((trials * 30 + 300))

kill_import_trials() {
  SRW_FAULT_TRIALS="$trials" SRW_FAULT_SEED="$seed" \
    SRW_FAULT_SESSIONS="${SRW_FAULT_SESSIONS:-60000}" \
    timeout "$limit" "$build/tests/fault/srw_fault_tests" --gtest_filter='KillImport.*'
}

# HOOK kill_train_trials: the same for `srw train` (SIGKILL mid-epoch, then: integrity ok,
# earlier runs unchanged, training resumes from the last complete checkpoint). srw train comes
# with the model issue; add its trials here and in tests/fault when it lands.
kill_train_trials() {
  echo "fault-inject: srw train trials: not yet (srw train and its checkpoints are not built yet)"
}

workspace_faults() {
  timeout 300 "$build/tests/fault/srw_fault_tests" --gtest_filter='WorkspaceFault.*'
}

kill_import_trials
kill_train_trials
workspace_faults
