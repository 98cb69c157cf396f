// The network, the encoder tower, AdamW and checkpoint tensors (LibTorch).
#include "model_state.h"

#include "bert_encoder_impl.h"
#include "srw/text/safetensors.h"
#include "srw/util/atomic_file.h"
#include "srw/util/sha256.h"
#include "srw/util/text_utils.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace srw::model {

BertMlpNetImpl::BertMlpNetImpl(const BertMlpOptions& o, std::int64_t n, std::int64_t h)
    : numItems(n), hidden(h), attention(o.sessionPooling == "attention"),
      useIdEmbedding(o.idEmbedding), dropout(o.dropout) {
    itemText = register_buffer("item_text", torch::zeros({n, h}));
    if (useIdEmbedding) {
        idEmbedding = register_module("item_id_embedding", torch::nn::Embedding(n, h));
        // Zero: an item starts as its text, and only items seen in training move away from it
        // (cold items keep a zero id vector, so they are scored by their text alone).
        torch::NoGradGuard g;
        idEmbedding->weight.zero_();
    }
    auto session = std::make_shared<torch::nn::Module>();
    register_module("session", session);
    recency = session->register_module(
        "recency", torch::nn::Embedding(std::max(o.maxSessionItems, 1), h));
    attnProj = session->register_module("attn_proj", torch::nn::Linear(h, h));
    attnScore = session->register_module(
        "attn_score", torch::nn::Linear(torch::nn::LinearOptions(h, 1).bias(false)));
    {
        torch::NoGradGuard g;
        recency->weight.normal_(0.0, 0.02);
    }
    auto mlp = std::make_shared<torch::nn::Module>();
    register_module("mlp", mlp);
    const auto w1 = std::int64_t(o.mlpWidths.front());
    sessionIn = mlp->register_module("session_in", torch::nn::Linear(h, w1));
    // The first layer's bias lives in session_in, so item_in·v is exactly the item half.
    itemIn = mlp->register_module("item_in",
                                  torch::nn::Linear(torch::nn::LinearOptions(h, w1).bias(false)));
    layers = mlp->register_module("layers", torch::nn::ModuleList());
    std::int64_t in = w1;
    for (std::size_t i = 1; i < o.mlpWidths.size(); ++i) {
        layers->push_back(torch::nn::Linear(in, o.mlpWidths[i]));
        in = o.mlpWidths[i];
    }
    layers->push_back(torch::nn::Linear(in, 1));

    // Distance initialisation: units come in pairs ±r·(u − v), so after the ReLU the first layer
    // holds |r·(u − v)| and, with negative output weights, the MLP starts as an L1 distance
    // between u and v in a random projection. A concatenation MLP initialised at random has to
    // discover that u and v should be compared, which costs many epochs; this start does not
    // restrict what it can learn.
    if (w1 >= 2) {
        torch::NoGradGuard g;
        const auto half = w1 / 2;
        auto r = torch::randn({half, h}) / std::sqrt(double(h));
        auto wu = sessionIn->weight;
        wu.zero_();
        wu.narrow(0, 0, half).copy_(r);
        wu.narrow(0, half, half).copy_(-r);
        itemIn->weight.copy_(-wu);
        sessionIn->bias.zero_();
        if (o.mlpWidths.size() == 1) {
            auto out = layers[0]->as<torch::nn::Linear>();
            out->weight.fill_(-1.0 / double(half));
            out->bias.fill_(1.0);
        }
    }
}

torch::Tensor BertMlpNetImpl::itemVectors(const torch::Tensor& ids, const torch::Tensor& textRows) {
    auto v = textRows.defined() ? textRows : itemText.index_select(0, ids.reshape({-1}))
                                                 .view([&] {
                                                     auto s = ids.sizes().vec();
                                                     s.push_back(hidden);
                                                     return s;
                                                 }());
    if (useIdEmbedding)
        v = v + idEmbedding(ids);
    return v;
}

torch::Tensor BertMlpNetImpl::poolSession(const torch::Tensor& vectors, const torch::Tensor& keep) {
    const auto w = keep.to(vectors.scalar_type());
    if (!attention)
        return (vectors * w.unsqueeze(-1)).sum(1) / w.sum(1, true).clamp_min(1.0);
    const auto L = vectors.size(1);
    auto pos = recency->weight.narrow(0, 0, L).unsqueeze(0);
    auto scores = attnScore(torch::tanh(attnProj(vectors + pos))).squeeze(-1);
    scores = scores.masked_fill(keep.logical_not(), -1e9);
    auto weights = torch::softmax(scores, 1) * w; // rows without items pool to zero
    return (vectors * weights.unsqueeze(-1)).sum(1);
}

torch::Tensor BertMlpNetImpl::head(const torch::Tensor& firstPre) {
    auto x = torch::relu(firstPre);
    const auto n = layers->size();
    for (std::size_t i = 0; i < n; ++i) {
        if (dropout > 0 && is_training())
            x = torch::dropout(x, dropout, true);
        x = layers[i]->as<torch::nn::Linear>()->forward(x);
        if (i + 1 < n)
            x = torch::relu(x);
    }
    return x.squeeze(-1);
}

void AdamW::add(const std::string& name, const torch::Tensor& p, double lrScale, bool decay) {
    slots.push_back({name, p, torch::zeros_like(p), torch::zeros_like(p), lrScale, decay});
}

void AdamW::zeroGrad() {
    for (auto& s : slots)
        if (s.param.grad().defined())
            s.param.mutable_grad().zero_();
}

void AdamW::update(double lr, double weightDecay) {
    torch::NoGradGuard g;
    ++step;
    const double c1 = 1.0 - std::pow(beta1, double(step));
    const double c2 = 1.0 - std::pow(beta2, double(step));
    for (auto& s : slots) {
        const auto& grad = s.param.grad();
        if (!grad.defined())
            continue;
        const double slotLr = lr * s.lrScale;
        if (s.decay && weightDecay > 0)
            s.param.mul_(1.0 - slotLr * weightDecay); // decoupled decay (Loshchilov & Hutter)
        s.m.mul_(beta1).add_(grad, 1.0 - beta1);
        s.v.mul_(beta2).addcmul_(grad, grad, 1.0 - beta2);
        auto denom = (s.v / c2).sqrt_().add_(eps);
        s.param.addcdiv_(s.m, denom, -slotLr / c1);
    }
}

torch::Tensor encodeTokenLists(ModelState& s, const std::vector<std::vector<std::int32_t>>& lists,
                               std::size_t maxLength) {
    auto& impl = s.encoder->impl();
    const auto& tok = impl.tokenizer;
    const std::size_t cap = std::max<std::size_t>(
        3, std::min<std::size_t>(maxLength, std::size_t(impl.config.maxPositionEmbeddings)));
    std::size_t longest = 2;
    for (const auto& l : lists)
        longest = std::max(longest, std::min(l.size() + 2, cap));
    const auto B = std::int64_t(lists.size()), T = std::int64_t(longest);
    std::vector<std::int64_t> ids(std::size_t(B * T), tok.padId()), mask(std::size_t(B * T), 0);
    for (std::size_t b = 0; b < lists.size(); ++b) {
        auto* row = ids.data() + b * std::size_t(T);
        auto* m = mask.data() + b * std::size_t(T);
        std::size_t n = 0;
        row[n] = tok.clsId();
        m[n++] = 1;
        for (std::size_t k = 0; k < lists[b].size() && n + 1 < longest; ++k) {
            row[n] = lists[b][k];
            m[n++] = 1;
        }
        row[n] = tok.sepId();
        m[n++] = 1;
    }
    auto idT = torch::tensor(ids, torch::kLong).view({B, T}).to(s.device);
    auto maskT = torch::tensor(mask, torch::kLong).view({B, T}).to(s.device);
    auto types = torch::zeros({B, T}, torch::kLong).to(s.device);
    auto last = impl.root->bert->forward(idT, types, maskT, false).back().to(torch::kFloat);
    auto w = maskT.to(torch::kFloat).unsqueeze(-1);
    return (last * w).sum(1) / w.sum(1).clamp_min(1.0);
}

std::vector<std::int32_t> sessionTokens(const ModelState& s, const std::int32_t* items,
                                        std::size_t length) {
    const std::int32_t sep = s.encoder->tokenizer().sepId();
    const std::size_t budget = std::size_t(s.options.sessionTextTokens) - 2;
    std::vector<std::int32_t> out;
    int used = 0;
    for (std::size_t p = length; p-- > 0 && used < s.options.maxSessionItems && out.size() < budget;
         ++used) {
        if (!out.empty())
            out.push_back(sep);
        const auto& t = s.itemTokens[std::size_t(items[p])];
        out.insert(out.end(), t.begin(), t.end());
    }
    if (out.size() > budget)
        out.resize(budget);
    return out;
}

torch::Tensor sessionVectors(ModelState& s, const std::vector<std::vector<std::int32_t>>& prefixes,
                             const torch::Tensor& allItemVectors) {
    if (s.options.sessionEncoder == "text") {
        std::vector<std::vector<std::int32_t>> lists;
        lists.reserve(prefixes.size());
        for (const auto& p : prefixes)
            lists.push_back(sessionTokens(s, p.data(), p.size()));
        return encodeTokenLists(s, lists, std::size_t(s.options.sessionTextTokens));
    }
    const auto B = std::int64_t(prefixes.size());
    const auto L = std::int64_t(s.options.maxSessionItems);
    std::vector<std::int64_t> ids(std::size_t(B * L), 0);
    std::vector<std::uint8_t> keep(std::size_t(B * L), 0);
    for (std::size_t b = 0; b < prefixes.size(); ++b) {
        const auto& p = prefixes[b];
        std::size_t k = 0;
        for (std::size_t q = p.size(); q-- > 0 && k < std::size_t(L); ++k) {
            ids[b * std::size_t(L) + k] = p[q];
            keep[b * std::size_t(L) + k] = 1;
        }
    }
    auto idT = torch::tensor(ids, torch::kLong).view({B, L}).to(s.device);
    auto keepT = torch::tensor(std::vector<std::int64_t>(keep.begin(), keep.end()), torch::kLong)
                     .view({B, L})
                     .to(s.device)
                     .to(torch::kBool);
    auto vectors = allItemVectors.index_select(0, idT.view({-1})).view({B, L, s.hidden});
    return s.net->poolSession(vectors, keepT);
}

void refreshItemText(ModelState& s) {
    torch::NoGradGuard g;
    s.encoder->impl().root->eval();
    std::vector<torch::Tensor> parts;
    const std::size_t chunk = 256;
    for (std::size_t b = 0; b < s.itemTokens.size(); b += chunk) {
        std::vector<std::vector<std::int32_t>> lists(
            s.itemTokens.begin() + std::ptrdiff_t(b),
            s.itemTokens.begin() + std::ptrdiff_t(std::min(s.itemTokens.size(), b + chunk)));
        parts.push_back(encodeTokenLists(s, lists, std::size_t(s.options.itemTextTokens)));
    }
    s.net->itemText.copy_(torch::cat(parts, 0));
}

std::map<std::string, torch::Tensor> modelTensors(ModelState& s) {
    std::map<std::string, torch::Tensor> out;
    for (const auto& p : s.net->named_parameters())
        out["net." + p.key()] = p.value();
    for (const auto& b : s.net->named_buffers())
        out["net." + b.key()] = b.value();
    if (s.encoder)
        for (const auto& p : s.encoder->impl().root->named_parameters())
            out["encoder." + p.key()] = p.value();
    return out;
}

std::string writeTensors(const std::string& path, const std::map<std::string, torch::Tensor>& t) {
    std::vector<torch::Tensor> hold;
    std::vector<TensorToWrite> rows;
    hold.reserve(t.size());
    for (const auto& [name, value] : t) {
        hold.push_back(value.detach().to(torch::kCPU, torch::kFloat).contiguous());
        const auto& c = hold.back();
        rows.push_back({name, DType::F32, c.sizes().vec(),
                        std::string_view(static_cast<const char*>(c.data_ptr()),
                                         std::size_t(c.nbytes()))});
    }
    const std::string bytes = serializeSafeTensors(std::move(rows));
    writeFileAtomically(path, bytes);
    return sha256Hex(bytes);
}

void readTensors(const std::string& path, ModelState& s, AdamW* optimiser) {
    const auto file = SafeTensorsFile::read(path);
    torch::NoGradGuard g;
    auto load = [&](const std::string& name, torch::Tensor& target) {
        const TensorInfo* t = file.find(name);
        if (!t)
            throw std::runtime_error(path + ": no tensor " + name);
        const auto want = target.sizes().vec();
        if (t->shape != want)
            throw std::runtime_error(path + ": tensor " + name +
                                     " has another shape than this configuration implies");
        auto values = file.toFloat32(*t);
        target.copy_(torch::from_blob(values.data(), want, torch::kFloat));
    };
    for (auto& [name, tensor] : modelTensors(s))
        load(name, tensor);
    if (optimiser)
        for (auto& slot : optimiser->slots) {
            load("adam.m." + slot.name, slot.m);
            load("adam.v." + slot.name, slot.v);
        }
}

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t counter) {
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (counter + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace srw::model
