#pragma once
#include "ranking.h"
#include "srw/eval/eval_options.h"
#include "srw/eval/eval_result.h"
#include "srw/eval/recommender.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace srw {

/** What the whole evaluation shares, read-only, across worker threads. */
struct EvalContext {
    const EvalOptions* options = nullptr;
    const Recommender* model = nullptr;
    std::vector<std::uint8_t> catalogue;   ///< items with a training event
    std::vector<std::int64_t> trainCount;  ///< training events per item
    std::vector<double> popularity;        ///< trainCount / max, session-rec's Popularity@K
    std::vector<int> cutoffs;              ///< sorted, unique
    std::size_t topLength = 0;             ///< longest top list needed
    std::size_t columns = 0;               ///< per-prediction metric columns
    std::size_t lengthSlices = 0;
    std::size_t slices = 0;                ///< length slices + 3 popularity slices
};

/** Per-block partial sums, reduced in block order so thread count never changes a figure. */
struct BlockSums {
    std::vector<double> sliceSums;          ///< slices x columns
    std::vector<std::uint64_t> slicePredictions;
    std::vector<double> band;               ///< 2 (worst, best) x 3 (HitRate, MRR, NDCG) x K
    std::uint64_t unseen = 0, dropped = 0, excluded = 0;
    std::vector<PredictionRecord> tops;
};

/** The column of metric m (0..5) at the c-th cutoff. */
inline std::size_t columnOf(std::size_t m, std::size_t c) { return c * 6 + m; }

/**
 * Walks test sessions position by position for one worker thread: scores each prefix, ranks
 * the target, and adds every metric to the session's row and the block's sums.
 */
class SessionWalker {
public:
    explicit SessionWalker(const EvalContext& context);

    /** Evaluates one session; row receives its per-column sums, returns its predictions. */
    std::uint32_t walk(const SessionSequence& session, std::size_t sessionIndex, double* row,
                       BlockSums& block);

    /** Smallest rank (1-based) at which each item appeared in a top list; 0: never. */
    const std::vector<std::uint32_t>& bestTopRank() const { return m_bestTopRank; }

private:
    std::size_t lengthSlice(std::size_t length) const;
    std::size_t popularitySlice(std::int32_t target) const;

    const EvalContext& m_ctx;
    std::unique_ptr<SessionScorer> m_scorer;
    ScoreVector m_scores;
    Ranker m_ranker;
    std::vector<std::int32_t> m_items;
    std::vector<std::int64_t> m_times;
    std::vector<std::int32_t> m_top;
    std::vector<std::int32_t> m_remaining; ///< count of each item among the later events
    std::vector<std::uint32_t> m_bestTopRank;
    std::vector<double> m_values;          ///< one prediction's columns
};

} // namespace srw
