#!/usr/bin/env bash
# Import speed: `srw import` of a generated YOOCHOOSE-shaped clicks file against the sqlite3
# shell's `.import` of the same file into a plain table, run alternately (so drift in the
# machine's load hits both), with wall time and peak memory (GNU time's max RSS).
#   bench/import_bench.sh SRW OUT_JSON EVENTS…
set -euo pipefail
srw="$1"; out="$2"; shift 2
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
reps="${SRW_BENCH_REPS:-3}"
echo "[" > "$out.tmp"
first=1
for events in "$@"; do
  file="$work/clicks-$events.dat"
  "$srw" -q generate-log --format yoochoose --events "$events" --out "$file" >/dev/null
  for rep in $(seq 1 "$reps"); do
    for tool in srw sqlite3; do
      rm -f "$work"/db*
      if [ "$tool" = srw ]; then
        /usr/bin/time -f "%e %M" -o "$work/t" "$srw" -q --db "$work/db.sqlite" import "$file" \
          --dataset y --format yoochoose >/dev/null
      else
        /usr/bin/time -f "%e %M" -o "$work/t" sqlite3 "$work/db.sqlite" ".mode csv" \
          ".import $file clicks" >/dev/null
      fi
      read -r secs rss < "$work/t"
      [ "$first" = 1 ] || echo "," >> "$out.tmp"
      first=0
      printf '{"bench":"import","tool":"%s","events":%s,"rep":%s,"seconds":%s,"peak_rss_kb":%s}' \
        "$tool" "$events" "$rep" "$secs" "$rss" >> "$out.tmp"
      echo "import $tool events=$events rep=$rep ${secs}s rss=${rss}KB" >&2
    done
  done
done
echo "]" >> "$out.tmp"
mv "$out.tmp" "$out"
