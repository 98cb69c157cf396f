// The one LibTorch translation unit of the analyses: reads the model's tensors and s_cf.
#include "model_state.h"
#include "srw/model/model_analysis.h"

namespace srw {

BlendPartsFn modelBlendParts(const BertMlpRecommender& model) {
    const BertMlpRecommender* m = &model;
    return [m](const PrefixView& prefix, std::vector<double>& cf, std::vector<double>& f) {
        const std::vector<std::int32_t> items(prefix.items, prefix.items + prefix.length);
        cf = m->cfScores(items);
        f = m->neuralScores(items);
    };
}

std::vector<float> modelTextVectors(const BertMlpRecommender& model, std::size_t& dim) {
    auto& impl = const_cast<BertMlpRecommender&>(model).impl();
    std::lock_guard<std::mutex> lock(impl.torchMutex);
    torch::NoGradGuard g;
    auto t = impl.state->net->itemText.to(torch::kCPU, torch::kFloat).contiguous();
    dim = std::size_t(t.size(1));
    const float* p = t.data_ptr<float>();
    return std::vector<float>(p, p + t.numel());
}

double modelCfSimilarity(const BertMlpRecommender& model, std::int32_t i, std::int32_t j) {
    return const_cast<BertMlpRecommender&>(model).impl().cf.similarity(i, j);
}

} // namespace srw
