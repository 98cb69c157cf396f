#pragma once
#include "srw/data/session_data.h"
#include "srw/eval/eval_options.h"
#include "srw/eval/eval_result.h"
#include "srw/eval/recommender.h"

#include <string>
#include <vector>

namespace srw {

/** @brief Metric names, in the order of their columns: HitRate, MRR, NDCG, Precision, Recall,
 * Popularity, then Coverage (a set metric, no per-session value). */
std::vector<std::string> metricNames();
/** @brief "MRR@20". */
std::string metricKey(const std::string& metric, int cutoff);

/**
 * @brief Runs the next-item protocol of a model fitted on train over the test sessions.
 *
 * train defines the catalogue (items with a training event) and the popularity used by slices
 * and Popularity@K; the model must have been fitted on the same sessions. Runs on
 * options.threads threads; sessions go in fixed blocks and results are reduced in block order,
 * so every figure is the same on any number of threads. Memory: per-session sums plus per-thread
 * buffers over the items, never per prediction (unless keepTopLists). Computes bootstrap
 * intervals when options.bootstrapSamples > 0. Throws Cancelled when progress returns false.
 */
EvalResult evaluate(const Recommender& model, const std::vector<SessionSequence>& train,
                    const std::vector<SessionSequence>& test, std::int32_t numItems,
                    const EvalOptions& options);

/** @brief Which part of a corpus an evaluation scores. */
enum class EvalPart {
    Test,  ///< fit on train + valid (session-rec's train_full), score test
    Valid, ///< fit on train, score valid (tuning)
};

/**
 * @brief Fits the model on the part's training sessions, then evaluate(); records timings.
 * Throws UsageError when the part to score is empty.
 */
EvalResult fitAndEvaluate(Recommender& model, const SessionCorpus& corpus, EvalPart part,
                          const EvalOptions& options);

/** @brief train (+ valid for Test) as one list, in corpus order. */
std::vector<SessionSequence> fitSessions(const SessionCorpus& corpus, EvalPart part);

} // namespace srw
