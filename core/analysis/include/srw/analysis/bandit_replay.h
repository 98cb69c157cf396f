#pragma once
#include "srw/data/session_data.h"
#include "srw/eval/recommender.h"
#include "srw/util/progress.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace srw {

/**
 * @brief Online adaptation of α, the method's reinforcement learning, replayed offline.
 *
 * The test stream is replayed in time order (by the time of each target event). For every
 * prediction a Beta-Thompson-sampling bandit picks an arm, an α of the grid, within its context
 * (the bucket of the session's length so far); the recommendation is the top K of
 * p = α·s_cf + (1 − α)·f, and the reward is 1 when the true next item is in that top K. The bandit
 * sees only the reward of the arm it pulled (bandit feedback); the replay also records what every
 * fixed α would have earned, which gives the regret against the best fixed α in hindsight.
 */
struct BanditOptions {
    std::vector<double> alphas{0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    int k = 20;
    /// Lower bounds of the prefix-length buckets (the context): {1, 2, 4, 8} gives 1, 2-3, 4-7,
    /// 8+. Empty: one context for everything.
    std::vector<int> contextBounds{1, 2, 4, 8};
    std::uint64_t seed = 42;
    double priorSuccesses = 1.0; ///< Beta prior α₀
    double priorFailures = 1.0;  ///< Beta prior β₀
    std::size_t curvePoints = 200;
    ProgressFn progress;
};

/** @brief The two parts of the blend for every item, for one prefix. */
using BlendPartsFn = std::function<void(const PrefixView& prefix, std::vector<double>& cf,
                                        std::vector<double>& neural)>;

struct BanditResult {
    std::vector<double> alphas;
    std::uint64_t predictions = 0;
    double banditReward = 0;             ///< total reward of the bandit's choices
    std::vector<double> fixedReward;     ///< total reward of each fixed α
    std::size_t bestFixed = 0;           ///< index of the best fixed α in hindsight
    double uniformReward = 0;            ///< expected total reward of choosing α uniformly
    double regret = 0;                   ///< fixedReward[bestFixed] − banditReward
    /// Cumulative rewards sampled along the stream, for charts.
    std::vector<std::uint64_t> curveSteps;
    std::vector<double> curveBandit, curveBestFixed, curveUniform;
    /// pulls[context][arm]: how often the bandit chose each α in each context.
    std::vector<std::vector<std::uint64_t>> pulls;
    std::vector<std::string> contextLabels;
};

/**
 * @brief Replays test in time order with the bandit. catalogue marks the items that can be
 * recommended (those with a training event); a target outside it earns no reward for any arm.
 * Deterministic for a seed. Throws Cancelled when options.progress returns false.
 */
BanditResult replayBandit(const std::vector<SessionSequence>& test,
                          const std::vector<std::uint8_t>& catalogue, const BlendPartsFn& parts,
                          const BanditOptions& options);

/** @brief 1-based rank of target under α·cf + (1−α)·f over the catalogue, ties by lower index. */
std::uint64_t blendRank(const std::vector<double>& cf, const std::vector<double>& neural,
                        double alpha, const std::vector<std::uint8_t>& catalogue,
                        std::int32_t target);

} // namespace srw
