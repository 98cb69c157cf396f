#!/usr/bin/env bash
# Installs what is missing, builds (Release), creates the workspace from sample_data/ if it has
# no 'sample' dataset yet, and starts the workbench on it.
#   scripts/run.sh              the desktop application
#   scripts/run.sh --headless   the same pipeline from the command line
#   SRW_DB=PATH scripts/run.sh  use another workspace (default: the XDG data folder)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$SRW_ROOT"

headless=0
for a in "$@"; do
  case "$a" in
    --headless) headless=1 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

bash scripts/install-deps.sh
build="build/release"
srw_configure "$build" -DCMAKE_BUILD_TYPE=Release
if [ "$headless" = 1 ]; then
  cmake --build "$build" -j "$JOBS" --target srw
else
  cmake --build "$build" -j "$JOBS" --target srw srw-gui
fi
SRW="$build/bin/srw"

data_home="${XDG_DATA_HOME:-$HOME/.local/share}/srw"
db="${SRW_DB:-$data_home/workspace.sqlite}"
mkdir -p "$(dirname "$db")"
if ! "$SRW" --db "$db" datasets --json | grep -q '"name": "sample"'; then
  echo "run.sh: importing sample_data/ into $db as dataset 'sample'"
  "$SRW" --db "$db" import sample_data/events.csv --dataset sample --items sample_data/items.csv
fi

if [ "$headless" = 0 ]; then
  exec "$build/bin/srw-gui" --db "$db"
fi

# The headless pipeline: import -> prepare -> split -> train -> evaluate -> report.
# Each step runs when this build has its command; the first missing one is named as what is next.
has() { "$SRW" "$1" --help >/dev/null 2>&1; }
out="${SRW_OUT:-$SRW_ROOT/out}"
mkdir -p "$out"
"$SRW" --db "$db" stats sample --json > "$out/stats.json"
echo "run.sh: statistics of 'sample' in $out/stats.json"
for step in prepare split train eval report; do
  if ! has "$step"; then
    echo "run.sh: done up to here; next in the pipeline: 'srw $step' (not in this build yet)"
    exit 0
  fi
  case "$step" in
    prepare) "$SRW" --db "$db" prepare sample --json > "$out/prepare.json" ;;
    split) "$SRW" --db "$db" split sample --json > "$out/split.json" ;;
    train) "$SRW" --db "$db" train sample --epochs 1 --max-train-sessions 4000 --json > "$out/train.json" ;;
    eval) "$SRW" --db "$db" eval sample --model pop --json > "$out/eval-pop.json" ;;
    report) "$SRW" --db "$db" report --html "$out/report.html" ;;
  esac
  echo "run.sh: $step done ($out)"
done
echo "run.sh: results are in $out"
