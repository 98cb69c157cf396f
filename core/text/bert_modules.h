#pragma once
// Internal to srw_text: BERT as torch::nn modules whose parameter paths are Hugging Face's names
// ("bert.encoder.layer.0.attention.self.query.weight"), so loading and saving need no table.
#include "srw/text/bert_config.h"

#include <torch/torch.h>

namespace srw::detail {

/** Plain container modules give the name levels that hold no computation of their own. */
std::shared_ptr<torch::nn::Module> addChild(torch::nn::Module& parent, const std::string& name);

torch::Tensor activation(const torch::Tensor& x, const std::string& act);

struct BertLayerImpl : torch::nn::Module {
    explicit BertLayerImpl(const BertConfig& c);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& keep,
                          const torch::Tensor& additive);

    std::int64_t heads, headSize;
    double attnDropout, hiddenDropout;
    std::string act;
    torch::nn::Linear query{nullptr}, key{nullptr}, value{nullptr};
    torch::nn::Linear attnOutDense{nullptr};
    torch::nn::LayerNorm attnOutNorm{nullptr};
    torch::nn::Linear intermediateDense{nullptr}, outputDense{nullptr};
    torch::nn::LayerNorm outputNorm{nullptr};
};
TORCH_MODULE(BertLayer);

/** BertModel: "embeddings", "encoder.layer.N", optional "pooler". */
struct BertModelImpl : torch::nn::Module {
    BertModelImpl(const BertConfig& c, bool withPooler);
    /** Returns the embeddings output followed by each layer's output. */
    std::vector<torch::Tensor> forward(const torch::Tensor& ids, const torch::Tensor& types,
                                       const torch::Tensor& mask, bool allLayers);
    torch::Tensor pool(const torch::Tensor& last);

    BertConfig config;
    torch::nn::Embedding wordEmbeddings{nullptr}, positionEmbeddings{nullptr},
        tokenTypeEmbeddings{nullptr};
    torch::nn::LayerNorm embNorm{nullptr};
    torch::nn::ModuleList layers{nullptr};
    torch::nn::Linear poolerDense{nullptr};
};
TORCH_MODULE(BertModel);

/** The root whose parameters are "bert.*" and, with the MLM head, "cls.predictions.*". The decoder
 * is tied to bert.embeddings.word_embeddings.weight, so it has no parameter of its own. */
struct BertRootImpl : torch::nn::Module {
    BertRootImpl(const BertConfig& c, bool withPooler, bool withMlmHead);
    /** MLM logits [.., V] of hidden states [.., H]. */
    torch::Tensor mlmLogits(const torch::Tensor& hidden);
    /** transformers' _init_weights: N(0, initializer_range) weights, zero biases, unit norms. */
    void initialize();

    BertConfig config;
    BertModel bert{nullptr};
    torch::nn::Linear transformDense{nullptr};
    torch::nn::LayerNorm transformNorm{nullptr};
    torch::Tensor mlmBias;
};
TORCH_MODULE(BertRoot);

} // namespace srw::detail
