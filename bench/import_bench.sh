#!/usr/bin/env bash
# Import speed: `srw import` of a generated YOOCHOOSE-shaped clicks file against the sqlite3
# shell's `.import` of the same file into a plain table, run alternately (so drift in the
# machine's load hits both), with wall time, CPU time (user + system, all threads) and peak
# memory (GNU time's max RSS).
#   bench/import_bench.sh SRW OUT_JSON EVENTS…
# SRW_BENCH_REPS (default 3) repetitions; SRW_BENCH_BASELINE=/path/to/older/srw adds that binary
# to the alternation as tool "srw-baseline" (before/after figures of a change, same load).
set -euo pipefail
srw="$1"; out="$2"; shift 2
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
reps="${SRW_BENCH_REPS:-3}"
tools="srw sqlite3"
[ -n "${SRW_BENCH_BASELINE:-}" ] && tools="srw sqlite3 srw-baseline"
echo "[" > "$out.tmp"
first=1
for events in "$@"; do
  file="$work/clicks-$events.dat"
  "$srw" -q generate-log --format yoochoose --events "$events" --out "$file" >/dev/null
  for rep in $(seq 1 "$reps"); do
    for tool in $tools; do
      rm -f "$work"/db*
      load=$(cut -d' ' -f1 /proc/loadavg)
      case "$tool" in
        srw|srw-baseline)
          bin="$srw"; [ "$tool" = srw-baseline ] && bin="$SRW_BENCH_BASELINE"
          /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$bin" -q --db "$work/db.sqlite" import \
            "$file" --dataset y --format yoochoose >/dev/null ;;
        sqlite3)
          /usr/bin/time -f "%e %U %S %M" -o "$work/t" sqlite3 "$work/db.sqlite" ".mode csv" \
            ".import $file clicks" >/dev/null ;;
      esac
      read -r secs user sys rss < "$work/t"
      cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
      [ "$first" = 1 ] || echo "," >> "$out.tmp"
      first=0
      printf '{"bench":"import","tool":"%s","events":%s,"rep":%s,"seconds":%s,"cpu_seconds":%s,"peak_rss_kb":%s,"load1":%s}' \
        "$tool" "$events" "$rep" "$secs" "$cpu" "$rss" "$load" >> "$out.tmp"
      echo "import $tool events=$events rep=$rep ${secs}s cpu=${cpu}s rss=${rss}KB load=$load" >&2
    done
  done
done
echo "]" >> "$out.tmp"
mv "$out.tmp" "$out"
