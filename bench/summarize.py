#!/usr/bin/env python3
"""Prints the benchmark results as the tables BENCHMARKS.md shows (medians of the repetitions)."""
import json
import statistics
import sys
from pathlib import Path

results = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/results")
machine = json.loads((results / "machine.json").read_text())
load = f", load {machine['load1_start']} at start" if "load1_start" in machine else ""
print(f"machine: {machine['cpu']}, {machine['cores']} cores, commit {machine['commit']}, "
      f"{machine['date']}{load}")


def median(rows, key):
    values = [r[key] for r in rows if r.get(key) is not None]
    return statistics.median(values) if values else None


imp = json.loads((results / "import.json").read_text()) if (results / "import.json").exists() else []
if imp:
    has_base = any(r["tool"] == "srw-baseline" for r in imp)
    print("\n| events | srw import (s) | sqlite3 .import (s) | time ratio srw/sqlite3 | "
          "CPU ratio srw/sqlite3 | srw events/s | srw peak RSS (MB) | sqlite3 peak RSS (MB) |"
          + (" previous srw (s) | speed-up |" if has_base else ""))
    print("|---:|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if has_base else ""))
    for events in sorted({r["events"] for r in imp}):
        by = {t: [r for r in imp if r["events"] == events and r["tool"] == t]
              for t in ("srw", "sqlite3", "srw-baseline")}
        s, q = median(by["srw"], "seconds"), median(by["sqlite3"], "seconds")
        sc, qc = median(by["srw"], "cpu_seconds"), median(by["sqlite3"], "cpu_seconds")
        cpu = f"{sc / qc:.2f}" if sc is not None and qc else "–"
        line = (f"| {events:,} | {s:.2f} | {q:.2f} | {s / q:.2f} | {cpu} | {events / s:,.0f} | "
                f"{max(r['peak_rss_kb'] for r in by['srw']) / 1024:.0f} | "
                f"{max(r['peak_rss_kb'] for r in by['sqlite3']) / 1024:.0f} |")
        if has_base:
            b = median(by["srw-baseline"], "seconds")
            line += f" {b:.2f} | {b / s:.2f}× |"
        print(line)
    loads = [r["load1"] for r in imp if "load1" in r]
    if loads:
        print(f"\nload average (1 min) during the import runs: {min(loads)}–{max(loads)} on "
              f"{machine['cores']} cores")

ev = json.loads((results / "eval.json").read_text()) if (results / "eval.json").exists() else []
if ev:
    print("\n| model | events | predictions | fit (s) | eval (s) | predictions/s | peak RSS (MB) | "
          "time growth | MRR@20 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for model in sorted({r["model"] for r in ev}):
        rows = sorted((r for r in ev if r["model"] == model), key=lambda r: r["events"])
        first = rows[0]
        base = first["fit_seconds"] + first["eval_seconds"]
        for r in rows:
            pps = r["predictions_per_second"] or 0
            total = r["fit_seconds"] + r["eval_seconds"]
            # Fit + eval time relative to the smallest log, beside the growth of the log itself.
            growth = (f"{total / base:.1f}× for {r['events'] / first['events']:.0f}× events"
                      if base > 0 and r is not first else "1×")
            print(f"| {model} | {r['events']:,} | {r['predictions']:,} | {r['fit_seconds']:.2f} | "
                  f"{r['eval_seconds']:.2f} | {pps:,.0f} | {r['peak_rss_kb'] / 1024:.0f} | "
                  f"{growth} | {r['MRR@20']:.4f} |")
