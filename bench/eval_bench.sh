#!/usr/bin/env bash
# Evaluation speed: every baseline on generated logs of growing size (import, prepare, temporal
# split, then `srw eval` on all cores without bootstrap): predictions per second of the
# evaluation, fit time, and peak memory of the whole eval command.
#   bench/eval_bench.sh SRW OUT_JSON EVENTS…
set -euo pipefail
srw="$1"; out="$2"; shift 2
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
models="${SRW_BENCH_MODELS:-pop spop iknn sr ar sknn vsknn}"
echo "[" > "$out.tmp"
first=1
for events in "$@"; do
  file="$work/log-$events.csv"
  db="$work/db-$events.sqlite"
  "$srw" -q generate-log --format csv --events "$events" --out "$file" >/dev/null
  "$srw" -q --db "$db" import "$file" --dataset b >/dev/null
  "$srw" -q --db "$db" prepare b >/dev/null
  "$srw" -q --db "$db" split b --test-days 2 --valid-days 0 >/dev/null
  for m in $models; do
    /usr/bin/time -f "%e %M" -o "$work/t" "$srw" -q --db "$db" eval b --model "$m" \
      --bootstrap 0 --json > "$work/e.json"
    read -r secs rss < "$work/t"
    load=$(cut -d' ' -f1 /proc/loadavg)
    run=$(python3 -c "import json;print(json.load(open('$work/e.json'))['run'])")
    "$srw" -q --db "$db" runs --json > "$work/runs.json"
    line=$(python3 - "$work/e.json" "$work/runs.json" "$run" "$m" "$events" "$secs" "$rss" "$load" <<'PY'
import json, sys
e = json.load(open(sys.argv[1])); runs = json.load(open(sys.argv[2])); run = int(sys.argv[3])
t = next(r for r in runs if r["id"] == run)["timings"]
preds = e["predictions"]
print(json.dumps({"bench": "eval", "model": sys.argv[4], "events": int(sys.argv[5]),
                  "predictions": preds, "fit_seconds": t["fit_s"], "eval_seconds": t["eval_s"],
                  "predictions_per_second": preds / t["eval_s"] if t["eval_s"] > 0 else None,
                  "command_seconds": float(sys.argv[6]), "peak_rss_kb": int(sys.argv[7]),
                  "threads": t["threads"], "MRR@20": e["MRR@20"], "HitRate@20": e["HitRate@20"],
                  "load1": float(sys.argv[8])}))
PY
)
    [ "$first" = 1 ] || echo "," >> "$out.tmp"
    first=0
    echo "$line" >> "$out.tmp"
    echo "eval $m events=$events: $line" >&2
  done
done
echo "]" >> "$out.tmp"
mv "$out.tmp" "$out"
