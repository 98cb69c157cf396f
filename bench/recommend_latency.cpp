// Latency of the interactive path for the default model shape (hidden 128, MLP 256, pooled
// tower) over a synthetic catalogue: recommendTop (s_cf + f + blend + top 20, what
// `srw recommend` and Explore run per query), the explanation of the 20, and a re-rank with
// another α from parts already computed (what Explore does when α moves).
// Usage: recommend_latency [--json PATH] [--queries N] [ITEMS...]   (default 10000 100000 1000000)
#include "srw/analysis/recommend_explain.h"
#include "srw/model/model_analysis.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <numeric>
#include <random>
#include <string>

using namespace srw;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

/** p-th percentile (nearest rank) of the samples. */
double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(v.size())));
    return v[std::min(v.size() - 1, rank > 0 ? rank - 1 : 0)];
}

/** Top k of α·cf + (1−α)·f, ties by index: the re-rank Explore does when α moves. */
std::vector<std::int32_t> rerank(const std::vector<double>& cf, const std::vector<double>& f,
                                 double alpha, std::size_t k, std::vector<std::int32_t>& order,
                                 std::vector<double>& p) {
    const std::size_t n = cf.size();
    p.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        p[i] = alpha * cf[i] + (1 - alpha) * f[i];
    order.resize(n);
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(k), order.end(),
                      [&](std::int32_t a, std::int32_t b) {
                          return p[std::size_t(a)] > p[std::size_t(b)] ||
                                 (p[std::size_t(a)] == p[std::size_t(b)] && a < b);
                      });
    return {order.begin(), order.begin() + std::ptrdiff_t(k)};
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::int32_t> sizes;
    std::string jsonPath;
    int queries = 50;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--json") && i + 1 < argc)
            jsonPath = argv[++i];
        else if (!std::strcmp(argv[i], "--queries") && i + 1 < argc)
            queries = std::max(5, std::atoi(argv[++i]));
        else
            sizes.push_back(std::atoi(argv[i]));
    }
    if (sizes.empty())
        sizes = {10000, 100000, 1000000};
    std::string json = "{\"benchmark\": \"recommend_latency\", \"top_k\": 20, \"queries\": " +
                       std::to_string(queries) + ", \"results\": [";
    for (std::size_t si = 0; si < sizes.size(); ++si) {
        const std::int32_t n = sizes[si];
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
        vectors = {};
        model->fit(train, n);
        train = {};
        const std::vector<std::uint8_t> catalogue(std::size_t(n), 1);
        std::vector<float> textVectors;
        const ExplainSources src = modelExplainSources(*model, textVectors);
        const BlendPartsFn parts = modelBlendParts(*model);
        std::vector<double> rankMs, explainMs, rerankMs;
        std::vector<std::int32_t> order;
        std::vector<double> p, cf, f;
        for (int r = 0; r < queries + 3; ++r) {
            const std::vector<std::int32_t> prefix{std::int32_t(rng() % std::uint64_t(n)),
                                                   std::int32_t(rng() % std::uint64_t(n)),
                                                   std::int32_t(rng() % std::uint64_t(n))};
            const auto t0 = Clock::now();
            auto recs = recommendTop(*model, prefix, catalogue, 20);
            const auto t1 = Clock::now();
            explainRecommendations(recs, prefix, src);
            const auto t2 = Clock::now();
            std::vector<std::int64_t> times(prefix.size(), 0);
            PrefixView view{prefix.data(), times.data(), prefix.size()};
            parts(view, cf, f); // once per prefix, as Explore keeps them
            const auto t3 = Clock::now();
            rerank(cf, f, 0.3 + 0.01 * (r % 40), 20, order, p);
            const auto t4 = Clock::now();
            if (r >= 3) { // warm-up queries
                rankMs.push_back(ms(t0, t1));
                explainMs.push_back(ms(t1, t2));
                rerankMs.push_back(ms(t3, t4));
            }
        }
        char line[512];
        std::snprintf(line, sizeof line,
                      "%d items: recommend top 20 p50 %.1f ms p99 %.1f ms; explanation p50 %.2f ms "
                      "p99 %.2f ms; α re-rank p50 %.2f ms p99 %.2f ms (%d queries)\n",
                      n, percentile(rankMs, 50), percentile(rankMs, 99), percentile(explainMs, 50),
                      percentile(explainMs, 99), percentile(rerankMs, 50), percentile(rerankMs, 99),
                      queries);
        std::fputs(line, stdout);
        std::fflush(stdout);
        std::snprintf(line, sizeof line,
                      "%s{\"items\": %d, \"recommend_p50_ms\": %.3f, \"recommend_p99_ms\": %.3f, "
                      "\"explain_p50_ms\": %.3f, \"explain_p99_ms\": %.3f, "
                      "\"rerank_p50_ms\": %.3f, \"rerank_p99_ms\": %.3f}",
                      si ? ", " : "", n, percentile(rankMs, 50), percentile(rankMs, 99),
                      percentile(explainMs, 50), percentile(explainMs, 99),
                      percentile(rerankMs, 50), percentile(rerankMs, 99));
        json += line;
    }
    json += "]}\n";
    if (!jsonPath.empty())
        std::ofstream(jsonPath) << json;
    return 0;
}
