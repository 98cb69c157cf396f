#!/usr/bin/env python3
"""Python reference of srw's BERT+MLP training step (bench/train_throughput.cpp's counterpart).

Same model (model.py), same synthetic corpus and same batches (synthetic.py), same step as
core/model/src/bert_mlp_trainer.cpp: encoder over the unique items a batch touches (tuned
encoder) or cached text vectors (frozen), pooled or text session tower, pair logits through the
MLP, BCE + sampled softmax with in-batch and popularity negatives, backward, clip_grad_norm_,
AdamW (torch.optim.AdamW, the encoder at its own rate, no decay on biases/LayerNorm/recency),
linear warm-up/decay, loss.item() every step; bf16 autocast on CUDA. Batches (prefix lists and
candidate ids) are drawn before the clock starts; their tensors are built inside the timed step,
as the trainer builds them. Prints one JSON line (sequences/s = training examples per second).

  train_reference.py [--encoder embedded|base] [--impl srw|hf] [--finetune frozen|full|last:N]
                     [--session pooled|text] [--threads N] [--runtime srw|plain]
                     [--device cpu|cuda] [--out FILE] …

--runtime srw (the default) sets the CPU up as srw's configureCpuRuntime does
(core/text/cpu_runtime.cpp): with OpenBLAS the N threads go to its pool and torch's own pool gets
one, and glibc keeps freed blocks below 1 GiB in the heap; plain is torch.set_num_threads(N) and
the allocator's defaults, what a PyTorch script gets unless it does the same.
"""
import argparse
import contextlib
import ctypes
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model as M  # noqa: E402
import synthetic as S  # noqa: E402

CLS, SEP, PAD = 2, 3, 0


def parse():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a = p.add_argument
    a("--encoder", default="embedded", choices=["embedded", "base"])
    a("--impl", default="srw", choices=["srw", "hf"],
      help="encoder modules: model.py's replica of srw's, or transformers' BertModel")
    a("--finetune", default="frozen")
    a("--session", default="pooled", choices=["pooled", "text"])
    for k, v in [("batch", 256), ("negatives", 64), ("item-tokens", 64), ("session-tokens", 128),
                 ("items", 20000), ("sessions", 20000), ("session-length", 5), ("vocab", 0),
                 ("threads", 0), ("warmup", 2), ("steps", 5), ("max-session-items", 10), ("seed", 42)]:
        a("--" + k, type=int, default=v)
    a("--min-seconds", type=float, default=5.0)
    a("--runtime", default="srw", choices=["srw", "plain"])
    a("--device", default="cpu")
    a("--out", default="")
    o = p.parse_args()
    o.vocab = o.vocab or (30522 if o.encoder == "base" else 4000)
    o.tuned_layers = {"frozen": 0, "full": -1}.get(o.finetune) if o.finetune in ("frozen", "full") \
        else int(o.finetune.split(":")[1])
    o.negative_power, o.lr, o.encoder_lr, o.weight_decay = 0.75, 2e-3, 5e-5, 0.01
    o.warmup_fraction, o.max_grad_norm = 0.05, 1.0
    return o


class Trainer:
    def __init__(self, o):
        self.o = o
        dev = self.dev = torch.device(o.device)
        self.autocast = dev.type == "cuda"
        torch.manual_seed(o.seed)
        cfg = M.embedded_config(o.vocab) if o.encoder == "embedded" else M.base_config(o.vocab)
        self.cfg = cfg
        self.text_tower = o.session == "text"
        self.use_encoder = self.text_tower or o.tuned_layers != 0
        self.net = M.BertMlpNet(o.items, cfg["hidden_size"], max_session_items=o.max_session_items)
        with torch.no_grad():  # cached text vectors: any values do, the work is the same
            self.net.item_text.copy_(torch.rand(o.items, cfg["hidden_size"]) * 0.1 - 0.05)
        self.net.to(dev).train()
        groups = {}

        def add(name, p, lr, enc):
            key = (enc, M.decays(name))
            groups.setdefault(key, []).append(p)

        for name, p in self.net.named_parameters():
            add(name, p, o.lr, False)
        self.encoder = None
        if self.use_encoder:
            self.encoder = (M.HfBert(cfg) if o.impl == "hf" else M.BertModel(cfg)).to(dev)
            self.encoder.train(o.tuned_layers != 0)
            for name, p in self.encoder.named_parameters():
                on = M.tuned(name, o.tuned_layers, cfg["num_hidden_layers"])
                p.requires_grad_(on)
                if on:
                    add(name, p, o.encoder_lr, True)
        self.params = [p for ps in groups.values() for p in ps]
        self.scales = []
        param_groups = []
        for (enc, decay), ps in groups.items():
            param_groups.append({"params": ps, "weight_decay": o.weight_decay if decay else 0.0})
            self.scales.append(o.encoder_lr / o.lr if enc else 1.0)
        self.adam = torch.optim.AdamW(param_groups, lr=o.lr, betas=(0.9, 0.999), eps=1e-8)
        # Item texts as rows [CLS] tokens [SEP] of item_tokens ids: tokenised once, as the
        # trainer does before its loop.
        toks = S.item_tokens(o.items, o.item_tokens, o.vocab)
        self.item_tok = toks
        self.item_rows = torch.tensor([[CLS] + t + [SEP] for t in toks], dtype=torch.long)
        self.remap = np.zeros(o.items, dtype=np.int64)

    def lr_at(self, step, total):
        warm = max(1, round(self.o.warmup_fraction * total))
        if step < warm:
            return self.o.lr * (step + 1) / warm
        return self.o.lr * max(0.0, (total - step) / max(total - warm, 1))

    def encode(self, ids, mask):
        ids, mask = ids.to(self.dev), mask.to(self.dev)
        last = self.encoder(ids, torch.zeros_like(ids), mask).float()
        w = mask.float().unsqueeze(-1)
        return (last * w).sum(1) / w.sum(1).clamp_min(1.0)

    def session_text(self, prefixes):
        """sessionTokens + encodeTokenLists: most recent item first, joined with [SEP]."""
        o, budget = self.o, self.o.session_tokens - 2
        lists = []
        for p in prefixes:
            out = []
            for used, item in enumerate(reversed(p)):
                if used >= o.max_session_items or len(out) >= budget:
                    break
                if out:
                    out.append(SEP)
                out.extend(self.item_tok[item])
            lists.append(out[:budget])
        t = max(2, max(min(len(x) + 2, o.session_tokens) for x in lists))
        ids = np.full((len(lists), t), PAD, dtype=np.int64)
        mask = np.zeros((len(lists), t), dtype=np.int64)
        for r, x in enumerate(lists):
            x = [CLS] + x[: t - 2] + [SEP]
            ids[r, : len(x)] = x
            mask[r, : len(x)] = 1
        return self.encode(torch.from_numpy(ids), torch.from_numpy(mask))

    def session_ids(self, prefixes):
        L = self.o.max_session_items
        ids = np.zeros((len(prefixes), L), dtype=np.int64)
        keep = np.zeros((len(prefixes), L), dtype=bool)
        for r, p in enumerate(prefixes):
            q = p[::-1][:L]
            ids[r, : len(q)] = q
            keep[r, : len(q)] = True
        return torch.from_numpy(ids).to(self.dev), torch.from_numpy(keep).to(self.dev)

    def step(self, step, prefixes, cands, total):
        o, net, dev = self.o, self.net, self.dev
        torch.manual_seed(S.mix(o.seed, step))
        b = len(prefixes)
        cand = torch.tensor(cands, dtype=torch.long).to(dev)
        amp = torch.autocast("cuda", dtype=torch.bfloat16) if self.autocast else contextlib.nullcontext()
        with amp:
            if o.tuned_layers != 0:
                uniq = set(cands)
                if not self.text_tower:
                    for p in prefixes:
                        uniq.update(p)
                uniq = np.array(sorted(uniq), dtype=np.int64)
                rows = self.encode(self.item_rows[uniq], torch.ones(len(uniq), o.item_tokens, dtype=torch.long))
                self.remap[uniq] = np.arange(len(uniq))
                remap = torch.from_numpy(self.remap).to(dev)
                vec_of = lambda ids: net.item_vectors(ids, rows[remap[ids]])
                cand_vec = vec_of(cand)
                if self.text_tower:
                    u = self.session_text(prefixes)
                else:
                    ids, keep = self.session_ids(prefixes)
                    u = net.pool_session(vec_of(ids), keep)
            else:
                cand_vec = net.item_vectors(cand)
                if self.text_tower:
                    with torch.no_grad():
                        u = self.session_text(prefixes)
                else:
                    ids, keep = self.session_ids(prefixes)
                    u = net.pool_session(net.item_vectors(ids), keep)
            logits = net.pair_logits(u, cand_vec)
        logits = logits.float()
        targets = cand[:b]
        same = cand.unsqueeze(0).eq(targets.unsqueeze(1))
        diag = torch.zeros(b, cand.numel(), dtype=torch.bool, device=dev)
        diag[:, :b].fill_diagonal_(True)
        neg = (~same).float()
        pos = logits[:, :b].diagonal()
        loss = F.softplus(-pos).mean() + (F.softplus(logits) * neg).sum() / neg.sum().clamp_min(1.0)
        masked = logits.masked_fill(same & ~diag, -1e9)
        loss = loss + F.cross_entropy(masked, torch.arange(b, device=dev))
        self.adam.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.params, o.max_grad_norm)
        lr = self.lr_at(step, total)
        for g, scale in zip(self.adam.param_groups, self.scales):
            g["lr"] = lr * scale
        self.adam.step()
        return loss.item()


def set_up_cpu(o):
    """Returns (torch threads, OpenBLAS threads or 0, heap kept)."""
    n = o.threads if o.threads > 0 else (os.cpu_count() or 1)
    here = ctypes.CDLL(None)
    set_blas = get_blas = None
    # torch loaded the BLAS privately (RTLD_LOCAL); opening the same file again gives the instance
    # torch uses, whose symbols srw finds with dlsym in its own process. Only an OpenBLAS already
    # mapped counts: a PyTorch wheel brings MKL, and loading the system's BLAS would change nothing.
    with open("/proc/self/maps") as maps:
        mapped = sorted({line.split()[-1] for line in maps
                         if "openblas" in line and line.split()[-1].startswith("/")})
    for name in mapped:
        try:
            lib = ctypes.CDLL(name)
            set_blas = getattr(lib, "openblas_set_num_threads")
            get_blas = getattr(lib, "openblas_get_num_threads")
            break
        except (OSError, AttributeError):
            continue
    kept = False
    if o.runtime == "srw":
        M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters
        kept = here.mallopt(M_MMAP_THRESHOLD, 1 << 30) == 1 and \
            here.mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1
        if set_blas is not None and get_blas is not None:
            set_blas(n)
            torch.set_num_threads(1)
        else:
            torch.set_num_threads(n)
    elif o.threads > 0:
        torch.set_num_threads(o.threads)
    return torch.get_num_threads(), (get_blas() if get_blas is not None else 0), kept


def main():
    o = parse()
    S.self_check()
    torch_threads, blas_threads, heap_kept = set_up_cpu(o)
    t0 = time.perf_counter()
    train = S.sessions(o.sessions, o.session_length, o.items)
    # Enough planned batches for any run the clock allows; more are planned if needed.
    planned = o.warmup + o.steps
    batches, steps_per_epoch = S.plan_batches(train, o.items, o, planned)
    tr = Trainer(o)
    setup = time.perf_counter() - t0
    losses, times = [], []
    step = 0
    start = None
    while True:
        if step >= len(batches):  # the clock wants more steps: plan more (outside the clock)
            pause = time.perf_counter()
            batches, _ = S.plan_batches(train, o.items, o, 2 * len(batches))
            if start is not None:
                start += time.perf_counter() - pause
        if step + 1 >= steps_per_epoch:
            break
        prefixes, cands = batches[step]
        losses.append(tr.step(step, prefixes, cands, steps_per_epoch))
        step += 1
        now = time.perf_counter()
        if step == o.warmup:
            start, start_step = now, step
        elif start is not None and step - start_step >= o.steps and now - start >= o.min_seconds:
            break
    secs = time.perf_counter() - start
    measured = step - start_step
    r = {
        "side": "reference", "how": "bench/reference/train_reference.py, torch " + torch.__version__,
        "impl": o.impl if tr.encoder is not None else "none",
        "encoder": o.encoder, "hidden": tr.cfg["hidden_size"], "layers": tr.cfg["num_hidden_layers"],
        "heads": tr.cfg["num_attention_heads"], "intermediate": tr.cfg["intermediate_size"],
        "vocab": o.vocab, "finetune": o.finetune, "session": o.session, "batch": o.batch,
        "negatives": o.negatives, "item_tokens": o.item_tokens, "session_tokens": o.session_tokens,
        "items": o.items, "sessions": o.sessions, "session_length": o.session_length,
        "threads": o.threads, "torch_threads": torch_threads, "blas_threads": blas_threads,
        "heap_kept": heap_kept, "runtime": o.runtime, "device": str(tr.dev),
        "fused_attention": M.HAS_SDPA, "warmup_steps": o.warmup, "steps": measured,
        "seconds": secs, "setup_seconds": setup,
        "sequences_per_second": measured * o.batch / secs, "seconds_per_step": secs / measured,
        "first_losses": losses[:3]}
    if o.impl == "hf" and tr.encoder is not None:
        r["attn_implementation"] = tr.encoder.attn_implementation
    line = json.dumps(r)
    print(line, flush=True)
    if o.out:
        with open(o.out, "w") as f:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
