#!/usr/bin/env python3
"""Checks directories saved by srw's BertEncoder with Hugging Face transformers itself.

Usage: check_with_transformers.py GOLDEN_DIR EXPORT_DIR
GOLDEN_DIR is shared/golden/bert-tiny; EXPORT_DIR holds mlm/ and base/ (written by
srw_bert_encoder_test with SRW_TEXT_EXPORT_DIR set) and optionally pretrained/ (written by
srw_mlm_pretrain_test on a CUDA machine). Needs torch and transformers; exits 1 on a mismatch.
"""
import json
import os
import sys

import torch
from transformers import BertForMaskedLM, BertModel, BertTokenizer, BertTokenizerFast

golden_dir, export = sys.argv[1], sys.argv[2]
g = json.load(open(os.path.join(golden_dir, "golden.json")))
m = g["model"]
ids = torch.tensor(m["input_ids"])
am = torch.tensor(m["attention_mask"])
tt = torch.tensor(m["token_type_ids"])
cm = torch.tensor(m["compare_mask"], dtype=torch.bool)
tol = m["tolerance_abs"]
failures = []


def check(name, diff):
    print(f"{name}: max abs diff {diff:.3g}")
    if not diff <= tol:
        failures.append(name)


def load(cls, path):
    model, info = cls.from_pretrained(path, output_loading_info=True, attn_implementation="eager")
    print(f"{path}: missing {info['missing_keys']} unexpected {info['unexpected_keys']}")
    if info["missing_keys"]:
        failures.append(f"{path}: missing keys")
    return model.eval()


with torch.no_grad():
    mlm = load(BertForMaskedLM, os.path.join(export, "mlm"))
    out = mlm(input_ids=ids, attention_mask=am, token_type_ids=tt, output_hidden_states=True)
    for i, h in enumerate(out.hidden_states):
        check(f"mlm hidden_states[{i}]", (h - torch.tensor(m["hidden_states"][i]))[cm].abs().max().item())
    check("mlm logits", (out.logits - torch.tensor(m["mlm_logits"]))[cm].abs().max().item())

    base = load(BertModel, os.path.join(export, "base"))
    out = base(input_ids=ids, attention_mask=am, token_type_ids=tt)
    check("base last_hidden_state",
          (out.last_hidden_state - torch.tensor(m["last_hidden_state"]))[cm].abs().max().item())
    check("base pooler_output",
          (out.pooler_output - torch.tensor(m["pooler_output"])).abs().max().item())

for cls in (BertTokenizerFast, BertTokenizer):
    tok = cls.from_pretrained(os.path.join(export, "mlm"))
    bad = []
    for c in g["tokenizer"]["cases"]:
        enc = tok(c["text"], c.get("text_pair"))
        if enc["input_ids"] != c["uncased"]["ids"]:
            bad.append(c["name"])
    print(f"{cls.__name__} on the saved vocab.txt + tokenizer_config.json: "
          f"{len(g['tokenizer']['cases']) - len(bad)}/{len(g['tokenizer']['cases'])} cases equal {bad}")
    if bad and cls is BertTokenizerFast:
        failures.append(f"{cls.__name__} cases")

pre = os.path.join(export, "pretrained")
if os.path.isdir(pre):
    model = load(BertForMaskedLM, pre)
    tok = BertTokenizerFast.from_pretrained(pre)
    enc = tok(["surface pro 3 sleeve - black"], return_tensors="pt")
    with torch.no_grad():
        logits = model(**enc).logits
    print(f"pretrained: logits {tuple(logits.shape)}, finite {bool(torch.isfinite(logits).all())}")

print("FAILED: " + ", ".join(failures) if failures else "ALL OK")
sys.exit(1 if failures else 0)
