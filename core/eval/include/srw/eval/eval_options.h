#pragma once
#include "srw/util/progress.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace srw {

/** @brief What happens to a target item that never occurs in the training part. */
enum class UnseenTargetPolicy {
    Count,       ///< a miss, counted in the averages and reported separately (default)
    DropTargets, ///< the prediction is skipped; the prefix keeps the item
    DropEvents,  ///< the item's events leave the test sessions first, as session-rec's split does
};

/**
 * @brief The next-item protocol's options.
 *
 * Defaults follow session-rec's evaluate_sessions: every position of every test session with at
 * least 2 events is a prediction from its prefix; the target is the next event (repeats
 * included); all training items are ranked, session items included; metrics average over
 * predictions. Ties rank by item index (lower first); the best and worst rank of the tie are
 * recorded as a band.
 */
struct EvalOptions {
    std::vector<int> cutoffs{1, 5, 10, 20}; ///< the K of every metric@K
    bool excludeSessionItems = false;       ///< prefix items are no candidates (a repeat: a miss)
    UnseenTargetPolicy unseenTargets = UnseenTargetPolicy::Count;
    /// Precision@K and Recall@K against all later items of the session (session-rec's
    /// evaluation_multiple) instead of the next item only.
    bool remainingItems = false;
    /// Only the last event of each test session is a target (leave-last-out splits, whose
    /// earlier events are training data).
    bool lastPositionOnly = false;
    int threads = 1;           ///< worker threads; 0: all cores. Figures never depend on it.
    std::uint64_t seed = 42;   ///< for sampling models, bootstrap and the paired test
    int bootstrapSamples = 1000; ///< resamples of sessions for intervals; 0: none
    double confidence = 0.95;
    /// Targets with 1..rareTargetMaxCount training events form the "rare" slice.
    std::int64_t rareTargetMaxCount = 10;
    /// Lower bounds of the session-length slices: {2,3,5,10,20} gives 2, 3-4, 5-9, 10-19, 20+.
    std::vector<int> lengthSliceBounds{2, 3, 5, 10, 20};
    /// Keep the top-N list of every prediction in the result (opt-in; memory grows with it).
    std::size_t keepTopLists = 0;
    ProgressFn progress; ///< called from the calling thread; false cancels (throws Cancelled)
};

/** @brief "count", "drop-targets" or "drop-events". */
std::string toString(UnseenTargetPolicy policy);
/** @brief Parses toString()'s names; throws UsageError otherwise. */
UnseenTargetPolicy parseUnseenTargetPolicy(const std::string& text);

} // namespace srw
