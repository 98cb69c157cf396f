#!/usr/bin/env python3
"""Model FLOPs of one training step of the BERT+MLP trainer, counted from the shapes of the
synthetic batches both sides train on (bench/reference/synthetic.py), and model FLOP utilisation
(MFU) against a card's dense bf16 peak.

Counting (matrix multiplications only, 2 FLOPs per multiply-add, as in the PaLM paper's MFU):
  encoder, per sequence of T tokens: layers · (2·T·(4h² + 2·h·I) + 4·T²·h)
  MLP towers: pooled attention 2·B·L·h², session_in 2·B·h·w, item_in 2·C·h·w, output 2·B·C·w
  trained parts count 3× (forward + backward: activations and weights), a frozen encoder 1×.

Dense bf16 peaks (NVIDIA's datasheets list them with sparsity; dense is half):
  H100 SXM5 / H200: 989 TFLOP/s (datasheets: 1,979 with sparsity), H100 NVL 835 (1,671),
  H100 PCIe 756 (1,513), A100 312.

  flops.py --self-test      checks the encoder count against torch.profiler's count (CPU)
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))

PEAKS = [("H200", 989e12), ("H100 NVL", 835e12), ("H100 PCIe", 756e12), ("H100", 989e12),
         ("A100", 312e12)]
PEAK_SOURCE = ("NVIDIA H100/H200 Tensor Core GPU datasheets: bf16 Tensor Core 1,979 TFLOP/s "
               "with 2:4 sparsity (SXM5/H200), dense = half = 989 TFLOP/s; PCIe 1,513/756; NVL 1,671/835")


def peak_for(name):
    for key, peak in PEAKS:
        if key.lower() in name.lower():
            return peak
    return None


def encoder_flops(cfg, tokens_per_seq, seqs):
    h, i, layers = cfg["hidden_size"], cfg["intermediate_size"], cfg["num_hidden_layers"]
    t = tokens_per_seq
    return seqs * layers * (2 * t * (4 * h * h + 2 * h * i) + 4 * t * t * h)


def session_text_len(prefix, item_tokens, session_tokens, max_items):
    """Length of sessionTokens + [CLS]/[SEP] (core/model/src/bert_mlp_net.cpp)."""
    budget = session_tokens - 2
    n, used = 0, 0
    for _ in reversed(prefix):
        if used >= max_items or n >= budget:
            break
        n += (1 if n else 0) + (item_tokens - 2)
        used += 1
    return min(n, budget) + 2


def step_flops(cfg, o, prefixes, cands, widths=(256,)):
    """FLOPs of one step; o has finetune/session/item_tokens/session_tokens/max_session_items."""
    h, w = cfg["hidden_size"], widths[0]
    b, c = len(prefixes), len(cands)
    tuned = o.finetune != "frozen"
    text = o.session == "text"
    total = 0
    if tuned:
        uniq = set(cands)
        if not text:
            for p in prefixes:
                uniq.update(p)
        total += 3 * encoder_flops(cfg, o.item_tokens, len(uniq))
    if text:
        t = max(session_text_len(p, o.item_tokens, o.session_tokens, o.max_session_items)
                for p in prefixes)
        total += (3 if tuned else 1) * encoder_flops(cfg, t, b)
    else:
        total += 3 * 2 * b * o.max_session_items * h * h
    total += 3 * (2 * b * h * w + 2 * c * h * w + 2 * b * c * w)
    return total


def mean_step_flops(cfg, o, steps):
    import synthetic as S
    train = S.sessions(o.sessions, o.session_length, o.items)
    batches, _ = S.plan_batches(train, o.items, o, steps)
    return sum(step_flops(cfg, o, p, c) for p, c in batches) / len(batches)


def self_test():
    """The encoder count against torch.profiler's FLOPs of the mm/addmm/bmm kernels."""
    import torch
    import model as M
    cfg = M.embedded_config(4000)
    enc = M.BertModel(cfg).eval()
    seqs, t = 3, 64
    ids = torch.randint(5, 4000, (seqs, t))
    with torch.no_grad(), torch.profiler.profile(with_flops=True) as prof:
        enc(ids, torch.zeros_like(ids), torch.ones_like(ids))
    measured = sum(e.flops for e in prof.key_averages()
                   if e.key in ("aten::mm", "aten::addmm", "aten::bmm") and e.flops)
    want = encoder_flops(cfg, t, seqs)
    print(f"encoder FLOPs: formula {want:.4e}, torch.profiler (mm/addmm/bmm) {measured:.4e}")
    assert abs(measured - want) / want < 0.01, "the FLOP formula does not match the profiler"
    assert session_text_len([1], 64, 128, 10) == 64
    assert session_text_len([1, 2], 64, 128, 10) == 127
    assert session_text_len([1, 2, 3], 64, 128, 10) == 128
    assert peak_for("NVIDIA H100 80GB HBM3") == 989e12 and peak_for("NVIDIA H100 PCIe") == 756e12
    assert peak_for("NVIDIA H200") == 989e12
    print("flops self-test ok")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--self-test", action="store_true")
    if ap.parse_args().self_test:
        self_test()
