#pragma once
#include "srw/analysis/bandit_replay.h"
#include "srw/eval/evaluator.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace srw {

/** @brief What sweepAlpha() evaluates. */
struct SweepOptions {
    std::vector<double> alphas{0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    EvalOptions eval; ///< the protocol of every member (its progress gets "α a (i/n)" stages)
    /// The parts of every prediction are kept for the next α up to this many bytes (16 per item
    /// and prediction); past it the remaining predictions recompute their parts per α.
    std::uint64_t cacheLimitBytes = std::uint64_t(2) << 30;
};

/** @brief One α of the sweep, evaluated by the evaluation machinery. */
struct SweepPoint {
    double alpha = 0;
    EvalResult result;
};

struct SweepResult {
    std::vector<SweepPoint> points;
    /// metric key ("MRR@20") -> index of the best point (highest; Popularity@K left out).
    std::map<std::string, std::size_t> best;
    std::uint64_t partsComputed = 0; ///< parts computed (predictions, plus recomputations)
    std::uint64_t partsReused = 0;   ///< predictions served from the cache
    double seconds = 0;
};

/**
 * @brief Evaluates p = α·cf + (1−α)·f for every α of the grid with evaluate(), computing the
 * two parts once per prediction: the first α fills a cache of the parts keyed by (session,
 * prefix length), the others blend from it. Each point's scores are computed exactly as a model
 * blending the same parts computes them (α·cf + (1−α)·f in double), so the endpoints equal the
 * pure rankings and every point equals an evaluation of the model at that α.
 * @param name and params label the results (params gain "alpha").
 */
SweepResult sweepAlpha(const std::string& name, const ParamMap& params, const BlendPartsFn& parts,
                       const std::vector<SessionSequence>& train,
                       const std::vector<SessionSequence>& test, std::int32_t numItems,
                       const SweepOptions& options);

/** @brief "0,0.25,1" -> values; "0:1:0.1" a grid (start:stop:step). Throws UsageError. */
std::vector<double> parseAlphaList(const std::string& text);

/** @brief The points' best per metric as JSON: {"MRR@20": {"alpha": 0.6, "value": 0.35}, …}. */
std::map<std::string, std::pair<double, double>> bestAlphas(const SweepResult& sweep);

} // namespace srw
