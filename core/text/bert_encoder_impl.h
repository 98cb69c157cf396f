#pragma once
// Internal to srw_text: what BertEncoder hides, shared by the encoder and the MLM pre-training.
#include "bert_modules.h"
#include "srw/text/bert_encoder.h"

#include <torch/torch.h>

namespace srw {

struct BertEncoder::Impl {
    Impl(BertConfig c, Tokenizer t, detail::BertRoot r, torch::Device d)
        : config(std::move(c)), tokenizer(std::move(t)), root(std::move(r)), device(d) {}

    BertConfig config;
    Tokenizer tokenizer;
    detail::BertRoot root;
    torch::Device device;

    bool hasMlmHead() const { return root->mlmBias.defined(); }
    bool hasPooler() const { return !root->bert->poolerDense.is_empty(); }
};

namespace detail {
/** "cpu", "cuda", "cuda:N" or "auto"; throws when CUDA is asked for but absent. */
torch::Device parseDevice(const std::string& name);
} // namespace detail

} // namespace srw
