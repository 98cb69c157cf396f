#!/usr/bin/env bash
# Training throughput: srw's trainer (bench/train_throughput.cpp, which runs the training loop of
# `srw train`) against the Python reference of the same model and step
# (bench/reference/train_reference.py), on the same synthetic corpus and batches, run alternately
# (ours, reference, ours, …) so that drift in the machine's load hits both. Same thread count,
# same BLAS (both load Debian's libtorch 1.13 and its libblas.so.3), same environment.
#   bench/train_bench.sh TRAIN_THROUGHPUT OUT_JSON [MODE…]
# MODE is FINETUNE/SESSION (default: frozen/pooled full/pooled, the default model with a frozen
# and a fully tuned encoder). Environment: SRW_TRAIN_ROUNDS (3), SRW_TRAIN_THREADS (nproc),
# SRW_TRAIN_ARGS (extra options for both sides, e.g. "--encoder base --item-tokens 128"),
# SRW_TRAIN_PYTHON (/usr/bin/python3: Debian's python3-torch), SRW_TRAIN_DEVICE (cpu).
# Prints the median ratio ours/reference per mode with the tolerance (bench/train_summary.py).
set -euo pipefail
bin="$1"; out="$2"; shift 2
modes=("$@")
[ ${#modes[@]} -gt 0 ] || modes=(frozen/pooled full/pooled)
here="$(cd "$(dirname "$0")" && pwd)"
rounds="${SRW_TRAIN_ROUNDS:-3}"
threads="${SRW_TRAIN_THREADS:-$(nproc)}"
py="${SRW_TRAIN_PYTHON:-/usr/bin/python3}"
device="${SRW_TRAIN_DEVICE:-cpu}"
read -r -a extra <<< "${SRW_TRAIN_ARGS:-}"
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

"$py" -c 'import torch' 2>/dev/null || {
  echo "train_bench: $py has no torch (apt-get install python3-torch)" >&2; exit 1; }
blas="$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)"

# Per mode: a few timed steps are enough for the slow tuned encoder, the fast frozen step needs
# more (the trainer reports progress every ~250 ms, so ours is timed over whole reports).
steps_for() { case "$1" in frozen/*) echo "--warmup 3 --steps 30 --min-seconds 8" ;;
                                   *) echo "--warmup 2 --steps 6 --min-seconds 8" ;; esac; }

echo "[" > "$work/rows"
first=1
for round in $(seq 1 "$rounds"); do
  for mode in "${modes[@]}"; do
    ft="${mode%/*}"; sess="${mode#*/}"
    read -r -a timing <<< "$(steps_for "$mode")"
    common=(--finetune "$ft" --session "$sess" --threads "$threads" --device "$device"
            "${timing[@]}" "${extra[@]}")
    # Alternate which side goes first, so neither always runs after the other.
    if [ $((round % 2)) = 1 ]; then sides="srw reference"; else sides="reference srw"; fi
    for side in $sides; do
      if [ "$side" = srw ]; then
        "$bin" "${common[@]}" --out "$work/r.json" >/dev/null
      else
        "$py" "$here/reference/train_reference.py" "${common[@]}" --out "$work/r.json" >/dev/null
      fi
      [ "$first" = 1 ] || echo "," >> "$work/rows"
      first=0
      "$py" - "$work/r.json" "$round" "$mode" "$blas" >> "$work/rows" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r.update(round=int(sys.argv[2]), mode=sys.argv[3], blas=sys.argv[4])
print(json.dumps(r))
PY
      printf 'train %-13s %-9s round %s: %8.1f seq/s (%s steps, %.1fs)\n' "$mode" "$side" "$round" \
        "$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["sequences_per_second"])' "$work/r.json")" \
        "$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["steps"])' "$work/r.json")" \
        "$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["seconds"])' "$work/r.json")" >&2
    done
  done
done
echo "]" >> "$work/rows"
"$py" "$here/reference/train_summary.py" "$work/rows" "$out"
