#pragma once
#include "srw/data/session_data.h"
#include "srw/eval/recommender.h"
#include "srw/util/progress.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace srw {

/** @brief What evaluateColdStart() scores. */
struct ColdStartOptions {
    /// Targets with at most this many training events form the slice (0: only unseen ones).
    std::int64_t maxTrainCount = 10;
    std::vector<int> cutoffs{1, 5, 10, 20};
    /// Items added to the catalogue for this slice although they have no training event
    /// (typically: every item with a text). Empty: none.
    std::vector<std::uint8_t> extraCatalogue;
    bool lastPositionOnly = false; ///< leave-last-out splits
    ProgressFn progress;
};

/** @brief The metrics of the cold-start slice. */
struct ColdStartResult {
    std::int64_t maxTrainCount = 0;
    std::uint64_t catalogueSize = 0;  ///< training items plus the added ones
    std::uint64_t addedItems = 0;     ///< catalogue items without a training event
    std::uint64_t predictions = 0;    ///< targets in the slice that the catalogue holds
    std::uint64_t unseenPredictions = 0; ///< of which never in training
    std::uint64_t unscorable = 0;     ///< slice targets outside even the extended catalogue
    std::map<std::string, double> metrics;       ///< HitRate@K, MRR@K over the slice
    std::map<std::string, double> unseenMetrics; ///< the same over the unseen targets
    std::map<std::string, double> rareMetrics;   ///< the same over the rare (seen) targets
};

/**
 * @brief Scores every test prediction whose target is new or rare in train against the
 * catalogue extended by options.extraCatalogue. The rank counts ties against the target
 * (1 + items scoring higher + other items scoring the same), so a model that gives an unseen
 * item the score 0 — every baseline does — never hits it by the luck of a tie-break.
 * model must be fitted on train.
 */
ColdStartResult evaluateColdStart(const Recommender& model,
                                  const std::vector<SessionSequence>& train,
                                  const std::vector<SessionSequence>& test, std::int32_t numItems,
                                  const ColdStartOptions& options);

/**
 * @brief The cold-start slice of an ordinary evaluation, from its "target_popularity" slices
 * (the "slices" array of the evaluation's JSON): the targets unseen in training plus the rare
 * ones (1..rareMaxCount training events), with per-prediction metrics averaged over both
 * (weighted by their predictions). In an evaluation the catalogue is the items with a training
 * event, so an unseen target is a miss for every model: baselines cannot score items they never
 * saw, and the text model reaches them only in evaluateColdStart() with an extended catalogue.
 * @return an object {"predictions", "unseen_predictions", "rare_predictions",
 * "max_train_count", "metrics", "unseen_metrics", "rare_metrics", "note"}; null when the slices
 * have no target-popularity entries.
 */
nlohmann::json coldStartSliceSummary(const nlohmann::json& slices, std::int64_t rareMaxCount);

} // namespace srw
