"""The BERT+MLP model in plain PyTorch, module for module as srw's LibTorch code
(core/text/bert_modules.cpp, core/model/src/bert_mlp_net.cpp): Hugging Face parameter names,
the same initialisation, the same attention (the fused kernel where torch has it, as
core/text/torch_compat.h), and an adapter for transformers' BertModel."""
import math

import torch
import torch.nn.functional as F
from torch import nn

HAS_SDPA = hasattr(F, "scaled_dot_product_attention")


def embedded_config(vocab):
    """BertConfig::embeddedDefault: 2 layers, hidden 128, 4 heads, intermediate 512, 128 positions."""
    return dict(vocab_size=vocab, hidden_size=128, num_hidden_layers=2, num_attention_heads=4,
                intermediate_size=512, max_position_embeddings=128)


def base_config(vocab=30522):
    """BERT-base: BertConfig's defaults."""
    return dict(vocab_size=vocab, hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
                intermediate_size=3072, max_position_embeddings=512)


def _module(**children):
    m = nn.Module()
    for k, v in children.items():
        setattr(m, k, v)
    return m


class BertLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        h, i = c["hidden_size"], c["intermediate_size"]
        self.heads = c["num_attention_heads"]
        self.head_size = h // self.heads
        self.attention = _module(
            self=_module(query=nn.Linear(h, h), key=nn.Linear(h, h), value=nn.Linear(h, h)),
            output=_module(dense=nn.Linear(h, h), LayerNorm=nn.LayerNorm(h, eps=1e-12)))
        self.intermediate = _module(dense=nn.Linear(h, i))
        self.output = _module(dense=nn.Linear(i, h), LayerNorm=nn.LayerNorm(h, eps=1e-12))

    def forward(self, x, keep, additive):
        b, t, _ = x.shape
        split = lambda y: y.view(b, t, self.heads, self.head_size).transpose(1, 2)
        s = self.attention.self
        q, k, v = split(s.query(x)), split(s.key(x)), split(s.value(x))
        p = 0.1 if self.training else 0.0
        if HAS_SDPA:
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=keep, dropout_p=p)
        else:
            scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(q.size(-1)) + additive
            probs = torch.softmax(scores, -1)
            if p > 0:
                probs = F.dropout(probs, p, True)
            ctx = torch.matmul(probs, v)
        ctx = ctx.transpose(1, 2).reshape(b, t, -1)
        o = self.attention.output
        a = o.LayerNorm(F.dropout(o.dense(ctx), 0.1, self.training) + x)
        inter = F.gelu(self.intermediate.dense(a))
        return self.output.LayerNorm(F.dropout(self.output.dense(inter), 0.1, self.training) + a)


class BertModel(nn.Module):
    """srw's BertModel (no pooler: the trainer mean-pools, a pooler would get no gradient)."""

    def __init__(self, c):
        super().__init__()
        h = c["hidden_size"]
        self.embeddings = _module(
            word_embeddings=nn.Embedding(c["vocab_size"], h),
            position_embeddings=nn.Embedding(c["max_position_embeddings"], h),
            token_type_embeddings=nn.Embedding(2, h),
            LayerNorm=nn.LayerNorm(h, eps=1e-12))
        self.encoder = _module(layer=nn.ModuleList(BertLayer(c) for _ in range(c["num_hidden_layers"])))
        # transformers' _init_weights, as BertRootImpl::initialize
        with torch.no_grad():
            for m in self.modules():
                if isinstance(m, (nn.Linear, nn.Embedding)):
                    m.weight.normal_(0.0, 0.02)
                    if isinstance(m, nn.Linear):
                        m.bias.zero_()
                elif isinstance(m, nn.LayerNorm):
                    m.weight.fill_(1.0)
                    m.bias.zero_()
            self.embeddings.word_embeddings.weight[0].zero_()

    def forward(self, ids, types, mask):
        e = self.embeddings
        pos = torch.arange(ids.size(1), device=ids.device).unsqueeze(0)
        x = e.word_embeddings(ids) + e.token_type_embeddings(types) + e.position_embeddings(pos)
        x = F.dropout(e.LayerNorm(x), 0.1, self.training)
        keep = mask.to(torch.bool).unsqueeze(1).unsqueeze(2)
        additive = (1.0 - mask.float().unsqueeze(1).unsqueeze(2)) * torch.finfo(torch.float32).min
        for layer in self.encoder.layer:
            x = layer(x, keep, additive)
        return x


class HfBert(nn.Module):
    """transformers' BertModel of the same size, called as the trainer calls its encoder."""

    def __init__(self, c):
        super().__init__()
        import transformers
        kw = dict(c, hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1, type_vocab_size=2)
        try:
            cfg = transformers.BertConfig(attn_implementation="sdpa", **kw)
        except TypeError:
            cfg = transformers.BertConfig(**kw)
        self.bert = transformers.BertModel(cfg, add_pooling_layer=False)
        self.attn_implementation = getattr(cfg, "_attn_implementation", "unknown")

    def forward(self, ids, types, mask):
        return self.bert(input_ids=ids, token_type_ids=types, attention_mask=mask).last_hidden_state


class BertMlpNet(nn.Module):
    """core/model/src/bert_mlp_net.cpp: item tower's learned part, pooled session tower, MLP."""

    def __init__(self, num_items, hidden, widths=(256,), max_session_items=10, attention=True):
        super().__init__()
        self.hidden, self.attention = hidden, attention
        self.register_buffer("item_text", torch.zeros(num_items, hidden))
        self.item_id_embedding = nn.Embedding(num_items, hidden)
        self.session = _module(recency=nn.Embedding(max(max_session_items, 1), hidden),
                               attn_proj=nn.Linear(hidden, hidden),
                               attn_score=nn.Linear(hidden, 1, bias=False))
        w1 = widths[0]
        layers, n = [], w1
        for w in widths[1:]:
            layers.append(nn.Linear(n, w))
            n = w
        layers.append(nn.Linear(n, 1))
        self.mlp = _module(session_in=nn.Linear(hidden, w1), item_in=nn.Linear(hidden, w1, bias=False),
                           layers=nn.ModuleList(layers))
        with torch.no_grad():
            self.item_id_embedding.weight.zero_()
            self.session.recency.weight.normal_(0.0, 0.02)
            if w1 >= 2:  # the distance initialisation
                half = w1 // 2
                r = torch.randn(half, hidden) / math.sqrt(hidden)
                wu = self.mlp.session_in.weight
                wu.zero_()
                wu[:half].copy_(r)
                wu[half:2 * half].copy_(-r)
                self.mlp.item_in.weight.copy_(-wu)
                self.mlp.session_in.bias.zero_()
                if len(widths) == 1:
                    self.mlp.layers[0].weight.fill_(-1.0 / half)
                    self.mlp.layers[0].bias.fill_(1.0)

    def item_vectors(self, ids, text_rows=None):
        v = text_rows if text_rows is not None else self.item_text[ids]
        return v + self.item_id_embedding(ids)

    def pool_session(self, vectors, keep):
        w = keep.to(vectors.dtype)
        if not self.attention:
            return (vectors * w.unsqueeze(-1)).sum(1) / w.sum(1, keepdim=True).clamp_min(1.0)
        pos = self.session.recency.weight[: vectors.size(1)].unsqueeze(0)
        scores = self.session.attn_score(torch.tanh(self.session.attn_proj(vectors + pos))).squeeze(-1)
        scores = scores.masked_fill(~keep, -1e9)
        weights = torch.softmax(scores, 1) * w
        return (vectors * weights.unsqueeze(-1)).sum(1)

    def pair_logits(self, u, v):
        x = torch.relu(self.mlp.session_in(u).unsqueeze(1) + self.mlp.item_in(v).unsqueeze(0))
        n = len(self.mlp.layers)
        for i, layer in enumerate(self.mlp.layers):
            x = layer(x)
            if i + 1 < n:
                x = torch.relu(x)
        return x.squeeze(-1)


def decays(name):
    """BERT's recipe: no decay on biases, LayerNorm weights, nor the recency table."""
    return not (name.endswith("bias") or "LayerNorm" in name or "recency" in name)


def tuned(name, tuned_layers, num_layers):
    """Which encoder parameters a fine-tuning mode trains (-1 full, 0 frozen, N the last N)."""
    if tuned_layers < 0:
        return True
    if tuned_layers == 0:
        return False
    marker = "encoder.layer."
    if marker not in name:
        return False
    return int(name.split(marker)[1].split(".")[0]) >= num_layers - tuned_layers
