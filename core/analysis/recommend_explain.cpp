#include "srw/analysis/recommend_explain.h"

#include "srw/eval/score_vector.h"
#include "srw/util/error.h"

#include <algorithm>
#include <cmath>

namespace srw {

std::vector<Recommendation> recommendTop(const Recommender& model,
                                         const std::vector<std::int32_t>& prefix,
                                         const std::vector<std::uint8_t>& catalogue,
                                         std::size_t k) {
    if (prefix.empty())
        throw UsageError("a recommendation needs at least one session item");
    const auto n = std::int32_t(catalogue.size());
    std::vector<std::int64_t> times(prefix.size(), 0);
    PrefixView view;
    view.items = prefix.data();
    view.times = times.data();
    view.length = prefix.size();
    auto scorer = model.newScorer();
    ScoreVector scores(n);
    scorer->score(view, scores);
    std::vector<std::int32_t> candidates;
    for (std::int32_t i = 0; i < n; ++i)
        if (catalogue[std::size_t(i)])
            candidates.push_back(i);
    k = std::min(k, candidates.size());
    auto better = [&](std::int32_t a, std::int32_t b) {
        const double sa = scores.get(a), sb = scores.get(b);
        return sa > sb || (sa == sb && a < b);
    };
    std::partial_sort(candidates.begin(), candidates.begin() + std::ptrdiff_t(k), candidates.end(),
                      better);
    std::vector<Recommendation> out(k);
    for (std::size_t r = 0; r < k; ++r) {
        out[r].item = candidates[r];
        out[r].rank = r + 1;
        out[r].score = scores.get(candidates[r]);
    }
    return out;
}

double rowCosine(const std::vector<float>& v, std::size_t dim, std::int32_t a, std::int32_t b) {
    const float* x = v.data() + std::size_t(a) * dim;
    const float* y = v.data() + std::size_t(b) * dim;
    double xy = 0, xx = 0, yy = 0;
    for (std::size_t d = 0; d < dim; ++d) {
        xy += double(x[d]) * y[d];
        xx += double(x[d]) * x[d];
        yy += double(y[d]) * y[d];
    }
    return xx > 0 && yy > 0 ? xy / std::sqrt(xx * yy) : 0.0;
}

namespace {

/** Distinct prefix items, most recent first. */
std::vector<std::int32_t> distinctRecentFirst(const std::vector<std::int32_t>& prefix) {
    std::vector<std::int32_t> out;
    for (auto it = prefix.rbegin(); it != prefix.rend(); ++it)
        if (std::find(out.begin(), out.end(), *it) == out.end())
            out.push_back(*it);
    return out;
}

std::vector<NearItem> nearest(const std::vector<std::int32_t>& items, std::size_t count,
                              const std::function<double(std::int32_t)>& sim) {
    std::vector<NearItem> all;
    for (auto i : items)
        all.push_back({i, sim(i)});
    // stable: equal similarities keep the most recent item first
    std::stable_sort(all.begin(), all.end(),
                     [](const NearItem& a, const NearItem& b) { return a.similarity > b.similarity; });
    if (all.size() > count)
        all.resize(count);
    return all;
}

} // namespace

void explainRecommendations(std::vector<Recommendation>& recs,
                            const std::vector<std::int32_t>& prefix, const ExplainSources& src) {
    const auto session = distinctRecentFirst(prefix);
    if (src.partsOfItems && !recs.empty()) {
        std::vector<std::int32_t> items;
        for (const auto& r : recs)
            items.push_back(r.item);
        std::vector<double> cf, f;
        src.partsOfItems(prefix, items, cf, f);
        for (std::size_t k = 0; k < recs.size(); ++k) {
            recs[k].hasParts = true;
            recs[k].cf = cf.at(k);
            recs[k].neural = f.at(k);
        }
    } else if (src.parts && !recs.empty()) {
        std::vector<std::int64_t> times(prefix.size(), 0);
        PrefixView view;
        view.items = prefix.data();
        view.times = times.data();
        view.length = prefix.size();
        std::vector<double> cf, f;
        src.parts(view, cf, f);
        for (auto& r : recs) {
            r.hasParts = true;
            r.cf = cf.at(std::size_t(r.item));
            r.neural = f.at(std::size_t(r.item));
        }
    }
    for (auto& r : recs) {
        if (src.cfSimilarity)
            r.nearestCf = nearest(session, src.nearest, [&](std::int32_t i) {
                return src.cfSimilarity(i, r.item);
            });
        if (src.itemVectors && src.dim > 0)
            r.nearestText = nearest(session, src.nearest, [&](std::int32_t i) {
                return rowCosine(*src.itemVectors, src.dim, i, r.item);
            });
    }
}

} // namespace srw
