#pragma once
#include "srw/eval/eval_options.h"
#include "srw/eval/recommender.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace srw {

/** @brief A two-sided interval (confidence interval, or the worst/best band of ties). */
struct Interval {
    double low = 0;
    double high = 0;
};

/**
 * @brief Per-session sums of every per-prediction metric, kept so that intervals and paired
 * tests can resample sessions. A metric is sum over sessions / predictions over sessions.
 */
struct PerSessionValues {
    std::vector<std::string> columns;       ///< metric keys, "HitRate@20" …
    std::vector<std::int64_t> sessionIds;   ///< test sessions in split order
    std::vector<std::uint32_t> predictions; ///< predictions per session (0 for length < 2)
    std::vector<double> sums;               ///< sessions x columns, row-major

    double sum(std::size_t session, std::size_t column) const {
        return sums[session * columns.size() + column];
    }
    std::size_t sessionCount() const { return sessionIds.size(); }
};

/** @brief The metrics of the predictions falling in one slice. */
struct SliceResult {
    std::string dimension; ///< "session_length" or "target_popularity"
    std::string label;     ///< "3-4", "rare" …
    std::uint64_t predictions = 0;
    std::map<std::string, double> metrics;
};

/** @brief One scored prediction's top list (only with EvalOptions::keepTopLists). */
struct PredictionRecord {
    std::int64_t sessionId = 0;
    std::uint32_t position = 0; ///< index of the target in the session
    std::int32_t target = 0;
    std::uint64_t rank = 0;     ///< 0: not ranked (unseen or excluded target)
    std::vector<std::int32_t> top;
};

/** @brief Everything one evaluation measured. Serialise with toJson() (eval_json.h). */
struct EvalResult {
    std::string model;
    ParamMap params;
    std::vector<int> cutoffs;
    bool excludeSessionItems = false;
    UnseenTargetPolicy unseenPolicy = UnseenTargetPolicy::Count;
    bool remainingItems = false;
    bool lastPositionOnly = false;
    std::uint64_t seed = 0;
    double confidence = 0.95;
    int bootstrapSamples = 0;

    std::uint64_t sessions = 0;        ///< test sessions given
    std::uint64_t scoredSessions = 0;  ///< with at least one prediction
    std::uint64_t predictions = 0;     ///< next-item predictions scored (the averages' base)
    std::uint64_t unseenTargets = 0;   ///< predictions whose target is not in training (misses)
    std::uint64_t droppedTargets = 0;  ///< predictions skipped or events removed by the policy
    std::uint64_t excludedTargets = 0; ///< targets excluded as session items (misses)
    std::uint64_t catalogueSize = 0;   ///< items ranked: those with a training event

    std::map<std::string, double> metrics;     ///< "HitRate@20" -> value, every metric and K
    std::map<std::string, Interval> intervals; ///< bootstrap CI per per-prediction metric
    std::map<std::string, Interval> tieBand;   ///< HitRate/MRR/NDCG at worst and best tie rank
    std::vector<SliceResult> slices;
    PerSessionValues perSession;
    std::vector<PredictionRecord> topLists;

    double fitSeconds = 0;
    double evalSeconds = 0;
    int threads = 1;
};

} // namespace srw
