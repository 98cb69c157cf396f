// Latency of `srw recommend` for the default model shape (hidden 128, MLP 256, pooled tower) over
// a synthetic catalogue: recommendTop (s_cf + f + blend + top 20) and the explanation.
// Usage: recommend_latency [ITEMS...]   (default 10000 100000)
#include "srw/analysis/recommend_explain.h"
#include "srw/model/model_analysis.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

using namespace srw;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    std::vector<std::int32_t> sizes{10000, 100000};
    if (argc > 1) {
        sizes.clear();
        for (int i = 1; i < argc; ++i)
            sizes.push_back(std::atoi(argv[i]));
    }
    for (std::int32_t n : sizes) {
        const std::int64_t dim = 128;
        std::mt19937_64 rng(7);
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> vectors(std::size_t(n) * std::size_t(dim));
        for (auto& v : vectors)
            v = normal(rng);
        std::vector<SessionSequence> train;
        for (int s = 0; s < 20 * n / 10; ++s) { // ~2 sessions per 10 items, 2-8 events each
            SessionSequence q;
            q.sessionId = s;
            const auto base = std::int32_t(rng() % std::uint64_t(n));
            for (int i = 0, len = 2 + int(rng() % 7); i < len; ++i) {
                q.items.push_back((base + std::int32_t(rng() % 20)) % n);
                q.times.push_back(i);
            }
            train.push_back(q);
        }
        BertMlpOptions o;
        auto model = BertMlpRecommender::createUntrained(o, vectors, dim,
                                                         std::vector<std::uint8_t>(std::size_t(n), 1));
        model->fit(train, n);
        const std::vector<std::uint8_t> catalogue(std::size_t(n), 1);
        std::vector<float> textVectors;
        const ExplainSources src = modelExplainSources(*model, textVectors);
        const int reps = 20;
        double rankMs = 0, explainMs = 0;
        for (int r = 0; r < reps + 2; ++r) {
            const std::vector<std::int32_t> prefix{std::int32_t(rng() % std::uint64_t(n)),
                                                   std::int32_t(rng() % std::uint64_t(n)),
                                                   std::int32_t(rng() % std::uint64_t(n))};
            const auto t0 = Clock::now();
            auto recs = recommendTop(*model, prefix, catalogue, 20);
            const auto t1 = Clock::now();
            explainRecommendations(recs, prefix, src);
            const auto t2 = Clock::now();
            if (r >= 2) { // two warm-up queries
                rankMs += std::chrono::duration<double, std::milli>(t1 - t0).count();
                explainMs += std::chrono::duration<double, std::milli>(t2 - t1).count();
            }
        }
        std::printf("%d items: recommend top 20 %.1f ms, explanation %.1f ms (mean of %d)\n", n,
                    rankMs / reps, explainMs / reps, reps);
    }
    return 0;
}
