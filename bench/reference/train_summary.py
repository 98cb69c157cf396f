#!/usr/bin/env python3
"""Summarises train_bench.sh's rounds: per mode the median sequences/s of each side, the ratio
ours/reference of the medians, each round's ratio, and the verdict against the tolerance.

  train_summary.py ROWS_JSON OUT_JSON

Tolerance: 10 % on a shared CPU (other builds run beside the bench; single runs drift by more
than that), or the spread of the per-round ratios when that is wider; on a quiet machine or a
GPU, SRW_TRAIN_TOLERANCE (a fraction) sets it."""
import json
import os
import statistics
import sys

rows = json.load(open(sys.argv[1]))
base_tol = float(os.environ.get("SRW_TRAIN_TOLERANCE", "0.10"))
summary = []
for mode in dict.fromkeys(r["mode"] for r in rows):
    ours = [r for r in rows if r["mode"] == mode and r["side"] == "srw"]
    ref = [r for r in rows if r["mode"] == mode and r["side"] == "reference"]
    if not ours or not ref:
        continue
    o = statistics.median(r["sequences_per_second"] for r in ours)
    p = statistics.median(r["sequences_per_second"] for r in ref)
    per_round = []
    for r in ours:
        mate = [x for x in ref if x["round"] == r["round"]]
        if mate:
            per_round.append(r["sequences_per_second"] / mate[0]["sequences_per_second"])
    spread = (max(per_round) - min(per_round)) / 2 if len(per_round) > 1 else 0.0
    tol = max(base_tol, spread)
    ratio = o / p
    verdict = "equal within noise" if abs(ratio - 1) <= tol else ("ours faster" if ratio > 1 else "ours slower")
    summary.append({"mode": mode, "srw_sequences_per_second": o, "reference_sequences_per_second": p,
                    "ratio": ratio, "round_ratios": per_round, "tolerance": tol, "verdict": verdict,
                    "rounds": len(per_round), "threads": ours[0]["threads"],
                    "device": ref[0]["device"]})
    print(f"train {mode}: srw {o:.1f} seq/s, reference {p:.1f} seq/s, ratio {ratio:.3f} "
          f"(rounds {', '.join(f'{x:.3f}' for x in per_round)}; tolerance ±{tol:.0%}): {verdict}")
out = {"summary": summary, "runs": rows}
tmp = sys.argv[2] + ".tmp"
with open(tmp, "w") as f:
    json.dump(out, f, indent=1)
os.replace(tmp, sys.argv[2])
