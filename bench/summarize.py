#!/usr/bin/env python3
"""Prints the benchmark results as the tables BENCHMARKS.md shows (medians of the repetitions)."""
import json
import statistics
import sys
from pathlib import Path

results = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/results")
machine = json.loads((results / "machine.json").read_text())
print(f"machine: {machine['cpu']}, {machine['cores']} cores, commit {machine['commit']}, {machine['date']}")

imp = json.loads((results / "import.json").read_text()) if (results / "import.json").exists() else []
if imp:
    print("\n| events | srw import (s) | sqlite3 .import (s) | time ratio srw/sqlite3 | srw events/s | srw peak RSS (MB) | sqlite3 peak RSS (MB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for events in sorted({r["events"] for r in imp}):
        srw = [r for r in imp if r["events"] == events and r["tool"] == "srw"]
        sql = [r for r in imp if r["events"] == events and r["tool"] == "sqlite3"]
        s = statistics.median(r["seconds"] for r in srw)
        q = statistics.median(r["seconds"] for r in sql)
        print(f"| {events:,} | {s:.2f} | {q:.2f} | {s / q:.2f} | {events / s:,.0f} | "
              f"{max(r['peak_rss_kb'] for r in srw) / 1024:.0f} | {max(r['peak_rss_kb'] for r in sql) / 1024:.0f} |")

ev = json.loads((results / "eval.json").read_text()) if (results / "eval.json").exists() else []
if ev:
    print("\n| model | events | predictions | fit (s) | eval (s) | predictions/s | peak RSS (MB) | MRR@20 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in sorted(ev, key=lambda r: (r["model"], r["events"])):
        pps = r["predictions_per_second"] or 0
        print(f"| {r['model']} | {r['events']:,} | {r['predictions']:,} | {r['fit_seconds']:.2f} | "
              f"{r['eval_seconds']:.2f} | {pps:,.0f} | {r['peak_rss_kb'] / 1024:.0f} | {r['MRR@20']:.4f} |")
