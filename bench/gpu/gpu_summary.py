#!/usr/bin/env python3
"""Adds model FLOPs and MFU to train_summary.py's output of the GPU runs.
  gpu_summary.py RATIO_JSON ENV_JSON OUT_JSON"""
import json
import os
import statistics
import sys
import types

import flops as FL

ratio, env = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
card = env.get("gpu") or "cpu"
peak = FL.peak_for(card) if env.get("gpu") else None
out = {"card": card, "bf16_dense_peak_flops": peak, "peak_source": FL.PEAK_SOURCE if peak else None,
       "env": env, "modes": [], "runs": ratio["runs"]}
for s in ratio["summary"]:
    runs = [r for r in ratio["runs"] if r["mode"] == s["mode"]]
    r0 = runs[0]
    cfg = {"hidden_size": r0["hidden"], "num_hidden_layers": r0["layers"],
           "intermediate_size": r0["intermediate"]}
    o = types.SimpleNamespace(finetune=r0["finetune"], session=r0["session"], batch=r0["batch"],
                              negatives=r0["negatives"], item_tokens=r0["item_tokens"],
                              session_tokens=r0["session_tokens"], max_session_items=10,
                              items=r0["items"], sessions=r0["sessions"],
                              session_length=r0["session_length"], seed=42, negative_power=0.75)
    per_step = FL.mean_step_flops(cfg, o, max(r["warmup_steps"] + r["steps"] for r in runs))
    row = dict(s, model_flops_per_step=per_step)
    for side, key in (("srw", "srw_sequences_per_second"), ("reference", "reference_sequences_per_second")):
        sps = statistics.median(r["seconds_per_step"] for r in runs if r["side"] == side)
        row[side + "_tflops_per_second"] = per_step / sps / 1e12
        row[side + "_mfu"] = per_step / sps / peak if peak else None
    row["reference_impl"] = sorted({r.get("impl", "?") for r in runs if r["side"] == "reference"})
    out["modes"].append(row)
    mfu = (f", MFU srw {row['srw_mfu']:.1%} / reference {row['reference_mfu']:.1%} of {peak / 1e12:.0f} TFLOP/s"
           if peak else "")
    print(f"{s['mode']}: {per_step / 1e12:.2f} TFLOP/step; srw {row['srw_tflops_per_second']:.1f} "
          f"TFLOP/s, reference {row['reference_tflops_per_second']:.1f} TFLOP/s{mfu}")
tmp = sys.argv[3] + ".tmp"
json.dump(out, open(tmp, "w"), indent=1)
os.replace(tmp, sys.argv[3])
