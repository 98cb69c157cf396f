#!/usr/bin/env bash
# Checks that two srw binaries store the same data for the same imports: runs the scenarios below
# with each and compares a digest of every table an import writes (rows in key order, import
# time stamps and program version left out). For speed work on the importer:
#   bench/import_equivalence.sh OLD_SRW NEW_SRW [EVENTS]
set -euo pipefail
old="$1"; new="$2"; events="${3:-200000}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
gen() { "$old" -q generate-log "$@" >/dev/null; }

gen --format yoochoose --events "$events" --out "$work/clicks.dat"
gen --format yoochoose --events "$((events / 4))" --seed 7 --out "$work/clicks2.dat"
gen --format csv --events "$((events / 4))" --seed 3 --out "$work/log.csv"
gen --format sessionrec --events "$((events / 4))" --seed 5 --out "$work/log.sr"
# Unsorted keys: sessions come back after others (merged), and a buys file of some sessions.
shuf --random-source=<(yes) -n "$((events / 2))" "$work/clicks.dat" > "$work/shuffled.dat"
awk -F, 'NR % 7 == 0 { print $1 "," $2 "," $3 ",12.5," (NR % 3) }' "$work/clicks.dat" > "$work/buys.dat"
printf '999999999,2014-04-02T10:00:00.000Z,214000001,3.5,1\n' >> "$work/buys.dat"
# A file with a bad row, imported leniently; a user-keyed log without sessions (gap sessions).
{ head -1000 "$work/clicks.dat"; echo "x,notatime,1,2"; sed -n 1001,2000p "$work/clicks.dat"; } > "$work/bad.dat"
{ echo "user_id,item_id,timestamp"; awk -F, 'NR > 1 { print ($1 % 97) "," $2 "," $3 }' "$work/log.csv"; } > "$work/users.csv"
# A csv with session, user and event columns and bad rows spread over many batches (lenient),
# and the same file imported strictly (fails on its first bad row, changes nothing).
awk -F, 'NR == 1 { print "session_id,user_id,item_id,timestamp,event_type"; next }
  NR % 9973 == 0 { print $1 "," ($1 % 13) "," $2 ",notatime,view" }
  NR % 7919 == 0 { print $1 "," ($1 % 13) "," $2 }
  NR % 6007 == 0 { print $1 "," ($1 % 13) ",," $3 ",view" }
  NR % 4999 == 0 { print "," ($1 % 13) "," $2 "," $3 ",view" }
  { print $1 "," ($1 % 13) "," $2 "," $3 "," (NR % 5 ? "view" : (NR % 3 ? "cart" : "NA")) }' \
  "$work/log.csv" > "$work/badlog.csv"
# DIGINETICA item views and purchases (';', date + timeframe) from the clicks, and the views with
# bad rows spread over many batches (lenient, then strict).
awk -F, 'BEGIN { print "sessionId;userId;itemId;timeframe;eventdate" }
  { print $1 ";" ($1 % 3 ? $1 % 101 : "NA") ";" $3 ";" (NR * 7919) % 5000000 ";" substr($2, 1, 10) }' \
  "$work/clicks.dat" > "$work/dn-views.csv"
awk -F';' 'NR == 1 { print "sessionId;userId;timeframe;eventdate;ordernumber;itemId"; next }
  NR % 7 == 0 { print $1 ";" $2 ";" $4 ";" $5 ";" NR ";" $3 }' "$work/dn-views.csv" > "$work/dn-buys.csv"
awk -F';' 'NR == 1 { print; next }
  NR % 9973 == 0 { print $1 ";" $2 ";" $3 ";" $4 ";2016-13-45"; next }
  NR % 7919 == 0 { print $1 ";" $2 ";" $3 ";" $4; next }
  NR % 6007 == 0 { print $1 ";" $2 ";;" $4 ";" $5; next }
  NR % 4999 == 0 { print $1 ";" $2 ";" $3 ";-5;" $5; next }
  NR % 5003 == 0 { print ";" $2 ";" $3 ";" $4 ";" $5; next }
  { print }' "$work/dn-views.csv" > "$work/dn-bad.csv"
# RetailRocket events (epoch ms, per visitor, gap sessions) and item properties, and the events
# with bad rows spread over many batches.
awk -F, 'BEGIN { print "timestamp,visitorid,event,itemid,transactionid" }
  { printf "%.0f,", 1433221332117 + NR * 997 + ($1 % 17) * 100000; print $1 % 5000 "," \
      (NR % 5 ? "view" : (NR % 3 ? "addtocart" : (NR % 2 ? "transaction" : "NA"))) "," $3 "," \
      (NR % 15 == 5 ? NR : "") }' "$work/clicks.dat" > "$work/rr-events.csv"
awk -F, 'BEGIN { print "timestamp,itemid,property,value" }
  NR % 11 == 0 { printf "%.0f,", 1433221332117 + NR * 13; print $3 ",categoryid," $4 }' \
  "$work/clicks.dat" > "$work/rr-props.csv"
awk -F, 'NR == 1 { print; next }
  NR % 9973 == 0 { print "notms," $2 "," $3 "," $4 "," $5; next }
  NR % 7919 == 0 { print $1 "," $2 "," $3 "," $4; next }
  NR % 6007 == 0 { print $1 "," $2 "," $3 ",," $5; next }
  NR % 4999 == 0 { print $1 ",," $3 "," $4 "," $5; next }
  NR % 5003 == 0 { print "-" $1 "," $2 "," $3 "," $4 "," $5; next }
  { print }' "$work/rr-events.csv" > "$work/rr-bad.csv"
# RecBole .inter files (tab, typed header, auto time format): session-keyed with fractional
# seconds, user-keyed (gap sessions), and the session-keyed one with bad rows over many batches.
awk -F, 'BEGIN { OFS = "\t"; print "session_id:token", "item_id:token", "timestamp:float" }
  { print $1, $3, sprintf("%.3f", 1396310400 + NR * 1.25 + ($1 % 17) * 60) }' \
  "$work/clicks.dat" > "$work/rb-sessions.inter"
awk -F, 'BEGIN { OFS = "\t"; print "user_id:token", "item_id:token", "rating:float", "timestamp:float" }
  { print $1 % 997, $3, NR % 5, sprintf("%.0f", 1396310400 + NR * 3 + ($1 % 17) * 600) }' \
  "$work/clicks2.dat" > "$work/rb-users.inter"
awk -F'\t' 'BEGIN { OFS = "\t" } NR == 1 { print; next }
  NR % 9973 == 0 { print $1, $2, "soon"; next }
  NR % 7919 == 0 { print $1, $2; next }
  NR % 6007 == 0 { print $1, "", $3; next }
  NR % 4999 == 0 { print "NA", $2, $3; next }
  { print }' "$work/rb-sessions.inter" > "$work/rb-bad.inter"

digest() {
  sqlite3 "$1" <<'SQL' | sha256sum | cut -c1-16
SELECT 'datasets', id, name FROM datasets ORDER BY id;
SELECT 'sessions', * FROM sessions ORDER BY id;
SELECT 'events', * FROM events ORDER BY session_id, pos;
SELECT 'items', * FROM items ORDER BY id;
SELECT 'users', * FROM users ORDER BY id;
SELECT 'splits', id, dataset_id, name, method, active FROM splits ORDER BY id;
SELECT 'split_sessions', * FROM split_sessions ORDER BY split_id, session_id;
SELECT 'sources', id, dataset_id, kind, path, sha256, size, format, options, rows
  FROM dataset_sources ORDER BY id;
SQL
}

run() { # run SRW NAME: every scenario into its own workspace, one digest line each
  local srw="$1" d="$work/$2"; mkdir -p "$d"
  local imp=("$srw" -q)
  "${imp[@]}" --db "$d/fresh.db" import "$work/clicks.dat" --dataset y --format yoochoose >/dev/null
  echo "fresh $(digest "$d/fresh.db")"
  "${imp[@]}" --db "$d/merge.db" import "$work/clicks.dat" --dataset y --format yoochoose >/dev/null
  "${imp[@]}" --db "$d/merge.db" import "$work/buys.dat" --dataset y --format yoochoose >/dev/null
  "${imp[@]}" --db "$d/merge.db" import "$work/clicks2.dat" --dataset y --format yoochoose >/dev/null
  echo "merge $(digest "$d/merge.db")"
  "${imp[@]}" --db "$d/again.db" import "$work/clicks2.dat" --dataset y --format yoochoose >/dev/null
  "${imp[@]}" --db "$d/again.db" import "$work/clicks2.dat" --dataset y --format yoochoose >/dev/null
  echo "again $(digest "$d/again.db")"
  "${imp[@]}" --db "$d/shuf.db" import "$work/shuffled.dat" --dataset s --format yoochoose >/dev/null
  echo "shuffled $(digest "$d/shuf.db")"
  "${imp[@]}" --db "$d/two.db" import "$work/clicks2.dat" --dataset a --format yoochoose >/dev/null
  "${imp[@]}" --db "$d/two.db" import "$work/log.csv" --dataset b >/dev/null
  "${imp[@]}" --db "$d/two.db" import "$work/clicks.dat" --dataset c --format yoochoose \
    --split test >/dev/null
  "${imp[@]}" --db "$d/two.db" import "$work/log.sr" --dataset a --format sessionrec >/dev/null
  echo "datasets $(digest "$d/two.db")"
  "${imp[@]}" --db "$d/bad.db" import "$work/bad.dat" --dataset b --format yoochoose \
    --lenient >/dev/null
  "${imp[@]}" --db "$d/bad.db" import "$work/users.csv" --dataset u --columns \
    user=user_id,item=item_id,time=timestamp >/dev/null
  echo "lenient+users $(digest "$d/bad.db")"
  # The report (counts, first errors in file order) and the strict failure's message and status.
  pair "$srw" "$d" csv "$work/badlog.csv"
  pair "$srw" "$d" dn "$work/dn-bad.csv" --format diginetica
  "${imp[@]}" --db "$d/dn.db" import "$work/dn-views.csv" --dataset d --format diginetica >/dev/null
  "${imp[@]}" --db "$d/dn.db" import "$work/dn-buys.csv" --dataset d --format diginetica >/dev/null
  echo "diginetica $(digest "$d/dn.db")"
  pair "$srw" "$d" rr "$work/rr-bad.csv" --format retailrocket
  "${imp[@]}" --db "$d/rr.db" import "$work/rr-events.csv" --dataset r --format retailrocket \
    >/dev/null
  "${imp[@]}" --db "$d/rr.db" import "$work/rr-props.csv" --dataset r --format retailrocket \
    >/dev/null
  echo "retailrocket $(digest "$d/rr.db")"
  pair "$srw" "$d" rb "$work/rb-bad.inter" --format recbole
  "${imp[@]}" --db "$d/rb.db" import "$work/rb-sessions.inter" --dataset r --format recbole \
    >/dev/null
  "${imp[@]}" --db "$d/rb.db" import "$work/rb-users.inter" --dataset u --format recbole \
    >/dev/null
  echo "recbole $(digest "$d/rb.db")"
}

pair() { # pair SRW DIR NAME FILE ARGS...: lenient (report), then strict (message, status)
  local srw="$1" d="$2" name="$3" file="$4"; shift 4
  "$srw" -q --db "$d/$name-bad.db" import "$file" --dataset l --lenient "$@" \
    | sed 's/ in [0-9.]* s$//' > "$d/$name-bad.txt"
  echo "lenient-$name $(digest "$d/$name-bad.db") $(sha256sum < "$d/$name-bad.txt" | cut -c1-16)"
  local rc=0
  "$srw" -q --db "$d/$name-bad.db" import "$file" --dataset s "$@" >/dev/null \
    2> "$d/$name-strict.txt" || rc=$?
  echo "strict-$name $(digest "$d/$name-bad.db") $rc:$(sha256sum < "$d/$name-strict.txt" | cut -c1-16)"
}

run "$old" old > "$work/old.txt"
run "$new" new > "$work/new.txt"
paste "$work/old.txt" "$work/new.txt" | awk '{ n = NF / 2; s = "same"
  for (i = 2; i <= n; ++i) if ($i != $(n + i)) s = "DIFFERENT"
  old = $2; new = $(n + 2); for (i = 3; i <= n; ++i) { old = old "," $i; new = new "," $(n + i) }
  print $1, old, new, s }'
! grep -q . <(diff "$work/old.txt" "$work/new.txt")
