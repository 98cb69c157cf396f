#pragma once
#include "srw/analysis/bandit_replay.h"
#include "srw/data/session_data.h"
#include "srw/eval/recommender.h"

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace srw {

/** @brief A session item close to a recommended item, with their similarity. */
struct NearItem {
    std::int32_t item = 0;
    double similarity = 0;
};

/** @brief One recommended item: its score and, for blended models, the parts and the reasons. */
struct Recommendation {
    std::int32_t item = 0;
    std::uint64_t rank = 0; ///< 1-based
    double score = 0;       ///< what the model ranks by (p for the blend)
    bool hasParts = false;  ///< cf and neural are filled (blended models only)
    double cf = 0;          ///< s_cf
    double neural = 0;      ///< f
    std::vector<NearItem> nearestCf;   ///< session items most similar in the CF space
    std::vector<NearItem> nearestText; ///< session items most similar in the text space
};

/**
 * @brief The top k of a fitted model for one prefix (dense items, time order): catalogue items
 * by score descending, then by index — the evaluator's order, so the list equals the evaluation's
 * top list for the same prefix. catalogue marks the candidates (empty: every item).
 */
std::vector<Recommendation> recommendTop(const Recommender& model,
                                         const std::vector<std::int32_t>& prefix,
                                         const std::vector<std::uint8_t>& catalogue,
                                         std::size_t k);

/** @brief What explain() draws on; every member may be empty (that part is skipped). */
struct ExplainSources {
    BlendPartsFn parts;                                     ///< fills cf and neural
    /// The parts of the given items only (cf and neural get one value per item); preferred over
    /// parts when set: an explanation needs k items, not the whole catalogue.
    std::function<void(const std::vector<std::int32_t>& prefix, const std::vector<std::int32_t>& items,
                       std::vector<double>& cf, std::vector<double>& neural)>
        partsOfItems;
    std::function<double(std::int32_t, std::int32_t)> cfSimilarity; ///< sim(i, j) of s_cf
    const std::vector<float>* itemVectors = nullptr;         ///< numItems × dim (text space)
    std::size_t dim = 0;
    std::size_t nearest = 3; ///< session items listed per recommendation and space
};

/**
 * @brief Fills each recommendation's parts and its nearest session items (distinct items of the
 * prefix, by similarity descending, then by most recent): CF by cfSimilarity, text by the cosine
 * of item vectors.
 */
void explainRecommendations(std::vector<Recommendation>& recs,
                            const std::vector<std::int32_t>& prefix, const ExplainSources& sources);

/** @brief Cosine of two rows of a row-major matrix; 0 when either is the zero vector. */
double rowCosine(const std::vector<float>& vectors, std::size_t dim, std::int32_t a,
                 std::int32_t b);

} // namespace srw
