#include "calibration.h"

#include <algorithm>

namespace srw::model {

namespace {
constexpr std::size_t kMaxExamples = 4000; // enough for two parameters; a validation pass costs more
constexpr std::size_t kBatch = 256;
constexpr int kMinNegatives = 16;          // when training used in-batch negatives only
} // namespace

PlattScaling fitCalibration(BertMlpRecommender::Impl& m, const std::vector<SessionSequence>& valid,
                            const NegativeSampler& sampler) {
    const BertMlpOptions& o = m.state->options;
    struct Example {
        const SessionSequence* session;
        std::size_t position;
    };
    std::vector<Example> all;
    for (const auto& s : valid)
        for (std::size_t p = 1; p < s.items.size(); ++p)
            all.push_back({&s, p});
    if (all.empty() || sampler.empty())
        return {};
    std::vector<Example> examples;
    const std::size_t want = std::min(all.size(), kMaxExamples);
    for (std::size_t k = 0; k < want; ++k)
        examples.push_back(all[k * all.size() / want]);

    const int K = std::max(o.negatives, kMinNegatives);
    std::mt19937_64 rng(mixSeed(o.seed, 0xca11b7a7e0ULL));
    std::vector<double> logits;
    std::vector<std::uint8_t> labels;
    std::vector<double> weights;
    logits.reserve(examples.size() * std::size_t(K + 1));

    std::lock_guard<std::mutex> lock(m.torchMutex);
    torch::NoGradGuard g;
    auto& net = m.state->net;
    const auto width = m.itemHalf.size(1);
    for (std::size_t begin = 0; begin < examples.size(); begin += kBatch) {
        const std::size_t end = std::min(examples.size(), begin + kBatch);
        const auto b = std::int64_t(end - begin);
        std::vector<std::vector<std::int32_t>> prefixes;
        std::vector<std::int64_t> cands;
        for (std::size_t e = begin; e < end; ++e) {
            const auto& items = examples[e].session->items;
            const std::size_t p = examples[e].position;
            const std::size_t from = p > std::size_t(o.maxSessionItems) ? p - std::size_t(o.maxSessionItems) : 0;
            prefixes.emplace_back(items.begin() + std::ptrdiff_t(from), items.begin() + std::ptrdiff_t(p));
            const std::int64_t target = items[p];
            cands.push_back(target);
            for (int k = 0; k < K; ++k)
                cands.push_back(sampler.draw(rng));
        }
        auto u = sessionVectors(*m.state, prefixes, m.allItemVectors);
        auto a = net->sessionHalf(u);                                      // [b, w₁]
        auto candT = torch::tensor(cands, torch::kLong).to(m.itemHalf.device());
        auto c = m.itemHalf.index_select(0, candT).view({b, K + 1, width}); // [b, 1+K, w₁]
        auto z = net->head(a.unsqueeze(1) + c).to(torch::kCPU, torch::kDouble).contiguous();
        const double* zp = z.data_ptr<double>();
        for (std::int64_t r = 0; r < b; ++r) {
            const std::int64_t target = cands[std::size_t(r * (K + 1))];
            for (int k = 0; k <= K; ++k) {
                const auto idx = std::size_t(r * (K + 1) + k);
                const bool positive = k == 0;
                if (!positive && cands[idx] == target)
                    continue; // a draw of the true item is not a negative
                logits.push_back(zp[idx]);
                labels.push_back(positive ? 1 : 0);
                weights.push_back(positive ? 1.0 : 1.0 / double(K));
            }
        }
    }
    return fitPlattScaling(logits, labels, weights);
}

} // namespace srw::model
