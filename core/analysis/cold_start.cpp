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

nlohmann::json coldStartSliceSummary(const nlohmann::json& slices, std::int64_t rareMaxCount) {
    const nlohmann::json* unseen = nullptr;
    const nlohmann::json* rare = nullptr;
    if (!slices.is_array())
        return nullptr;
    for (const auto& s : slices) {
        if (!s.is_object() || s.value("dimension", "") != "target_popularity")
            continue;
        const std::string label = s.value("label", "");
        if (label == "unseen")
            unseen = &s;
        else if (label == "rare")
            rare = &s;
    }
    if (!unseen && !rare)
        return nullptr;
    const auto count = [](const nlohmann::json* s) {
        return s ? s->value("predictions", std::uint64_t(0)) : std::uint64_t(0);
    };
    const auto metricsOf = [](const nlohmann::json* s) {
        return s && s->contains("metrics") && (*s)["metrics"].is_object() ? (*s)["metrics"]
                                                                          : nlohmann::json::object();
    };
    const std::uint64_t nu = count(unseen), nr = count(rare);
    const nlohmann::json mu = metricsOf(unseen), mr = metricsOf(rare);
    nlohmann::json both = nlohmann::json::object();
    // Every key of either slice; a slice without predictions adds nothing to the average.
    for (const nlohmann::json* m : {&mu, &mr})
        for (auto it = m->begin(); it != m->end(); ++it) {
            if (both.contains(it.key()) || !it.value().is_number())
                continue;
            double sum = 0;
            if (nu > 0 && mu.contains(it.key()) && mu[it.key()].is_number())
                sum += mu[it.key()].get<double>() * double(nu);
            if (nr > 0 && mr.contains(it.key()) && mr[it.key()].is_number())
                sum += mr[it.key()].get<double>() * double(nr);
            both[it.key()] = nu + nr > 0 ? sum / double(nu + nr) : 0.0;
        }
    return {{"source", "evaluation slices"},
            {"max_train_count", rareMaxCount},
            {"predictions", nu + nr},
            {"unseen_predictions", nu},
            {"rare_predictions", nr},
            {"metrics", both},
            {"unseen_metrics", mu},
            {"rare_metrics", mr},
            {"note", "the evaluation ranks the items with a training event, so unseen targets are "
                     "misses for every model (baselines cannot score unseen items); srw coldstart "
                     "extends the catalogue to items with a text"}};
}

} // namespace srw

