#include "srw/analysis/cold_start.h"

#include "srw/eval/evaluator.h"
#include "srw/eval/score_vector.h"
#include "srw/util/error.h"

#include <algorithm>

namespace srw {

ColdStartResult evaluateColdStart(const Recommender& model,
                                  const std::vector<SessionSequence>& train,
                                  const std::vector<SessionSequence>& test, std::int32_t numItems,
                                  const ColdStartOptions& options) {
    const auto n = std::size_t(std::max(numItems, 0));
    std::vector<std::int64_t> count(n, 0);
    for (const auto& s : train)
        for (auto item : s.items)
            ++count.at(std::size_t(item));
    std::vector<std::int32_t> catalogue;
    ColdStartResult r;
    r.maxTrainCount = options.maxTrainCount;
    std::vector<std::uint8_t> inCatalogue(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const bool extra = i < options.extraCatalogue.size() && options.extraCatalogue[i];
        if (count[i] > 0 || extra) {
            inCatalogue[i] = 1;
            catalogue.push_back(std::int32_t(i));
            r.addedItems += count[i] == 0;
        }
    }
    r.catalogueSize = catalogue.size();

    std::vector<int> cutoffs = options.cutoffs;
    std::sort(cutoffs.begin(), cutoffs.end());
    const std::size_t nk = cutoffs.size();
    // sums[group][metric * nk + k]: group 0 all, 1 unseen, 2 rare; metric 0 HitRate, 1 MRR
    std::vector<std::vector<double>> sums(3, std::vector<double>(2 * nk, 0.0));
    std::uint64_t groupCount[3] = {0, 0, 0};

    auto scorer = model.newScorer();
    ScoreVector scores(numItems);
    for (std::size_t si = 0; si < test.size(); ++si) {
        const auto& s = test[si];
        if (options.progress && si % 256 == 0 &&
            !options.progress(Progress{"cold start", si, test.size(), model.name()}))
            throw Cancelled();
        const std::size_t first = options.lastPositionOnly ? std::max<std::size_t>(s.items.size(), 1) - 1 : 1;
        for (std::size_t pos = std::max<std::size_t>(first, 1); pos < s.items.size(); ++pos) {
            const std::int32_t target = s.items[pos];
            if (count[std::size_t(target)] > options.maxTrainCount)
                continue;
            if (!inCatalogue[std::size_t(target)]) {
                ++r.unscorable;
                continue;
            }
            PrefixView p;
            p.items = s.items.data();
            p.times = s.times.data();
            p.length = pos;
            p.sessionId = s.sessionId;
            p.nowMs = s.times[pos];
            p.seed = (std::uint64_t(s.sessionId) << 16) ^ pos;
            scores.reset();
            scorer->score(p, scores);
            const double st = scores.get(target);
            std::uint64_t above = 0;
            for (auto item : catalogue) {
                if (item == target)
                    continue;
                const double v = scores.get(item);
                above += v >= st;
            }
            const std::uint64_t rank = above + 1;
            const bool unseen = count[std::size_t(target)] == 0;
            const int groups[2] = {0, unseen ? 1 : 2};
            for (int g : groups) {
                ++groupCount[g];
                for (std::size_t k = 0; k < nk; ++k)
                    if (rank <= std::uint64_t(cutoffs[k])) {
                        sums[std::size_t(g)][k] += 1.0;
                        sums[std::size_t(g)][nk + k] += 1.0 / double(rank);
                    }
            }
        }
    }
    r.predictions = groupCount[0];
    r.unseenPredictions = groupCount[1];
    std::map<std::string, double>* out[3] = {&r.metrics, &r.unseenMetrics, &r.rareMetrics};
    for (int g = 0; g < 3; ++g)
        for (std::size_t k = 0; k < nk; ++k) {
            const double c = groupCount[g] ? double(groupCount[g]) : 1.0;
            (*out[g])[metricKey("HitRate", cutoffs[k])] = sums[std::size_t(g)][k] / c;
            (*out[g])[metricKey("MRR", cutoffs[k])] = sums[std::size_t(g)][nk + k] / c;
        }
    return r;
}

} // namespace srw
