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
# srw-ml is srw with LibTorch (training and analyses of trained models); srw hands those over.
if [ "$headless" = 1 ]; then
  cmake --build "$build" -j "$JOBS" --target srw srw-ml
else
  cmake --build "$build" -j "$JOBS" --target srw srw-ml srw-gui
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
out="${SRW_OUT:-$SRW_ROOT/out}"
mkdir -p "$out"
run_id() { sed -n 's/^ *"run": \([0-9][0-9]*\).*/\1/p' "$1" | head -n 1; }
"$SRW" --db "$db" stats sample --json > "$out/stats.json"
echo "run.sh: statistics of 'sample' in $out/stats.json"
"$SRW" --db "$db" prepare sample --json > "$out/prepare.json"
echo "run.sh: prepared (what was dropped and why: $out/prepare.json)"
"$SRW" --db "$db" split sample --json > "$out/split.json"
echo "run.sh: split ($out/split.json)"
"$SRW" --db "$db" train sample --epochs 1 --max-train-sessions 4000 --json > "$out/train.json"
echo "run.sh: trained the default BERT+MLP model, run $(run_id "$out/train.json") ($out/train.json)"
runs="$(run_id "$out/train.json")"
for model in pop iknn sr; do
  "$SRW" --db "$db" eval sample --model "$model" --json > "$out/eval-$model.json"
  runs="$runs $(run_id "$out/eval-$model.json")"
  echo "run.sh: evaluated $model ($out/eval-$model.json)"
done
# shellcheck disable=SC2086 # one argument per run id
"$SRW" --db "$db" report $runs --html "$out/report.html"
echo "run.sh: results are in $out (report: $out/report.html)"
