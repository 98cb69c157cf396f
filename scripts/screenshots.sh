#!/usr/bin/env bash
# scripts/screenshots.sh DIR: builds srw-gui, starts it offscreen on a temporary workspace with
# the sample data imported, and saves a PNG of each panel to DIR (English, light), plus the main
# window in dark mode and in Simplified Chinese. The runs panel is shown with three baselines
# evaluated on the sample data; the first pages of its PDF report are rendered when poppler's
# pdftoppm is installed. The model options and training panels are shown with a small model
# trained on the sample data (a minute or so on two cores), so this build needs LibTorch; Explore
# and Heatmap then show that trained model: a test session whose true next item is in the top
# of the list with its reasons, the heatmap of the 40 most popular items (blend, clustered) and
# one of a hand-picked selection.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out="${1:?usage: scripts/screenshots.sh DIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
build="${SRW_BUILD_DIR:-$SRW_ROOT/build-gui-torch}"
srw_configure "$build" -DSRW_BUILD_TORCH=ON \
  "-DSRW_ONLY_AREAS=util;parsers;data;eval;text;model;sample;report;analysis"
cmake --build "$build" -j"$JOBS" --target srw-gui

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export QT_QPA_PLATFORM=offscreen
gui="$build/bin/srw-gui"
run() { # run NAME ARGS…: one screenshot session on a fresh workspace
  local name="$1"; shift
  timeout 300 "$gui" --db "$tmp/$name.sqlite" --sample-dir "$SRW_ROOT/sample_data" \
    --screenshot-panels "$tmp/$name" "$@"
}
run en --language en --theme light
cp "$tmp"/en/*.png "$out"/
run dark --language en --theme dark
cp "$tmp/dark/01-main-window.png" "$out/13-main-window-dark.png"
run zh --language zh_CN --theme light
cp "$tmp/zh/01-main-window.png" "$out/14-main-window-zh_CN.png"
cp "$tmp/zh/11-import-mapping.png" "$out/15-import-mapping-zh_CN.png"
cp "$tmp/zh/16-runs.png" "$out/19-runs-zh_CN.png"
cp "$tmp/dark/16-runs.png" "$out/20-runs-dark.png"
cp "$tmp/zh/22-model-options.png" "$out/26-model-options-zh_CN.png"
cp "$tmp/zh/23-training.png" "$out/27-training-zh_CN.png"
cp "$tmp/dark/23-training.png" "$out/28-training-dark.png"
cp "$tmp/zh/29-explore.png" "$out/32-explore-zh_CN.png"
cp "$tmp/zh/30-heatmap.png" "$out/33-heatmap-zh_CN.png"
cp "$tmp/dark/30-heatmap.png" "$out/34-heatmap-dark.png"
if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -r 60 -png -f 1 -l 4 "$tmp/en/report.pdf" "$out/21-report-pdf"
fi
ls -1 "$out"
