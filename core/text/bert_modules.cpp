#include "bert_modules.h"

#include "torch_compat.h"

#include <limits>

namespace srw::detail {

namespace F = torch::nn::functional;

std::shared_ptr<torch::nn::Module> addChild(torch::nn::Module& parent, const std::string& name) {
    return parent.register_module(name, std::make_shared<torch::nn::Module>(name));
}

torch::Tensor activation(const torch::Tensor& x, const std::string& act) {
    if (act == "relu")
        return torch::relu(x);
    if (act == "gelu_new" || act == "gelu_pytorch_tanh")
        return torch::gelu(x, "tanh");
    return torch::gelu(x); // "gelu" is the exact erf form
}

static torch::nn::LayerNorm layerNorm(const BertConfig& c) {
    return torch::nn::LayerNorm(
        torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.layerNormEps).elementwise_affine(true));
}

BertLayerImpl::BertLayerImpl(const BertConfig& c)
    : heads(c.numAttentionHeads), headSize(c.hiddenSize / c.numAttentionHeads),
      attnDropout(c.attentionProbsDropoutProb), hiddenDropout(c.hiddenDropoutProb),
      act(c.hiddenAct) {
    const auto h = c.hiddenSize;
    auto attention = addChild(*this, "attention");
    auto self = addChild(*attention, "self");
    query = self->register_module("query", torch::nn::Linear(h, h));
    key = self->register_module("key", torch::nn::Linear(h, h));
    value = self->register_module("value", torch::nn::Linear(h, h));
    auto attnOut = addChild(*attention, "output");
    attnOutDense = attnOut->register_module("dense", torch::nn::Linear(h, h));
    attnOutNorm = attnOut->register_module("LayerNorm", layerNorm(c));
    auto intermediate = addChild(*this, "intermediate");
    intermediateDense =
        intermediate->register_module("dense", torch::nn::Linear(h, c.intermediateSize));
    auto output = addChild(*this, "output");
    outputDense = output->register_module("dense", torch::nn::Linear(c.intermediateSize, h));
    outputNorm = output->register_module("LayerNorm", layerNorm(c));
}

torch::Tensor BertLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& keep,
                                     const torch::Tensor& additive) {
    const auto b = x.size(0), t = x.size(1);
    auto split = [&](const torch::Tensor& y) {
        return y.view({b, t, heads, headSize}).transpose(1, 2);
    };
    auto ctx = compat::attention(split(query(x)), split(key(x)), split(value(x)), keep, additive,
                                 attnDropout, is_training());
    ctx = ctx.transpose(1, 2).reshape({b, t, heads * headSize});
    auto a = attnOutNorm(F::dropout(attnOutDense(ctx), F::DropoutFuncOptions()
                                                             .p(hiddenDropout)
                                                             .training(is_training())) +
                         x);
    auto inter = activation(intermediateDense(a), act);
    return outputNorm(
        F::dropout(outputDense(inter),
                   F::DropoutFuncOptions().p(hiddenDropout).training(is_training())) +
        a);
}

BertModelImpl::BertModelImpl(const BertConfig& c, bool withPooler) : config(c) {
    auto emb = addChild(*this, "embeddings");
    wordEmbeddings = emb->register_module(
        "word_embeddings", torch::nn::Embedding(c.vocabSize, c.hiddenSize));
    positionEmbeddings = emb->register_module(
        "position_embeddings", torch::nn::Embedding(c.maxPositionEmbeddings, c.hiddenSize));
    tokenTypeEmbeddings = emb->register_module(
        "token_type_embeddings", torch::nn::Embedding(c.typeVocabSize, c.hiddenSize));
    embNorm = emb->register_module("LayerNorm", layerNorm(c));
    auto encoder = addChild(*this, "encoder");
    layers = encoder->register_module("layer", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < c.numHiddenLayers; ++i)
        layers->push_back(BertLayer(c));
    if (withPooler) {
        auto pooler = addChild(*this, "pooler");
        poolerDense =
            pooler->register_module("dense", torch::nn::Linear(c.hiddenSize, c.hiddenSize));
    }
}

std::vector<torch::Tensor> BertModelImpl::forward(const torch::Tensor& ids,
                                                  const torch::Tensor& types,
                                                  const torch::Tensor& mask, bool allLayers) {
    const auto t = ids.size(1);
    auto positions = torch::arange(t, ids.options()).unsqueeze(0);
    auto x = wordEmbeddings(ids) + tokenTypeEmbeddings(types) + positionEmbeddings(positions);
    x = F::dropout(embNorm(x),
                   F::DropoutFuncOptions().p(config.hiddenDropoutProb).training(is_training()));
    auto keep = mask.to(torch::kBool).unsqueeze(1).unsqueeze(2);
    // transformers' extended mask: 0 where attended, the dtype's minimum where padded.
    auto additive = (1.0 - mask.to(torch::kFloat).unsqueeze(1).unsqueeze(2)) *
                    std::numeric_limits<float>::lowest();
    std::vector<torch::Tensor> out;
    if (allLayers)
        out.push_back(x);
    for (const auto& m : *layers) {
        x = m->as<BertLayerImpl>()->forward(x, keep, additive);
        if (allLayers)
            out.push_back(x);
    }
    if (!allLayers)
        out.push_back(x);
    return out;
}

torch::Tensor BertModelImpl::pool(const torch::Tensor& last) {
    return torch::tanh(poolerDense(last.select(1, 0)));
}

BertRootImpl::BertRootImpl(const BertConfig& c, bool withPooler, bool withMlmHead) : config(c) {
    bert = register_module("bert", BertModel(c, withPooler));
    if (withMlmHead) {
        auto cls = addChild(*this, "cls");
        auto predictions = addChild(*cls, "predictions");
        auto transform = addChild(*predictions, "transform");
        transformDense =
            transform->register_module("dense", torch::nn::Linear(c.hiddenSize, c.hiddenSize));
        transformNorm = transform->register_module("LayerNorm", layerNorm(c));
        mlmBias = predictions->register_parameter("bias", torch::zeros({c.vocabSize}));
    }
}

torch::Tensor BertRootImpl::mlmLogits(const torch::Tensor& hidden) {
    auto h = transformNorm(activation(transformDense(hidden), config.hiddenAct));
    return F::linear(h, bert->wordEmbeddings->weight, mlmBias);
}

void BertRootImpl::initialize() {
    torch::NoGradGuard noGrad;
    const double std = config.initializerRange;
    for (auto& m : modules(/*include_self=*/false)) {
        if (auto* lin = m->as<torch::nn::LinearImpl>()) {
            lin->weight.normal_(0.0, std);
            lin->bias.zero_();
        } else if (auto* emb = m->as<torch::nn::EmbeddingImpl>()) {
            emb->weight.normal_(0.0, std);
        } else if (auto* ln = m->as<torch::nn::LayerNormImpl>()) {
            ln->weight.fill_(1.0);
            ln->bias.zero_();
        }
    }
    bert->wordEmbeddings->weight[config.padTokenId].zero_();
    if (mlmBias.defined())
        mlmBias.zero_();
}

} // namespace srw::detail
