#pragma once
#include "srw/data/session_data.h"

#include <cstdint>
#include <vector>

namespace srw {

/**
 * @brief s_cf: item-to-item similarity from co-occurrence in training sessions, aggregated over a
 * session with recency weights.
 *
 * With n_i the number of training sessions containing item i and c_ij the number containing both
 * i and j (i ≠ j; each session counts once), the item similarity is the regularised cosine
 *
 *     sim(i, j) = c_ij / sqrt((n_i + λ) · (n_j + λ)),   sim(i, i) = 0,
 *
 * which lies in [0, 1) because c_ij ≤ min(n_i, n_j); λ (shrink) keeps pairs seen once between
 * rare items from scoring like strong pairs. Only each item's `neighbors` most similar items are
 * kept. For a session whose distinct items, most recent first, are i_0, i_1, … i_{m−1} (m at most
 * maxSessionItems), each item weighs w_k = 1 / (1 + decay·k) and
 *
 *     s_cf(u, v) = Σ_k w_k · sim(i_k, v) / Σ_k w_k  ∈ [0, 1].
 *
 * Cost per query: the neighbour lists of m items, O(m · neighbors), independent of the catalogue.
 */
class CfSimilarity {
public:
    struct Options {
        double shrink = 20.0;
        int neighbors = 200;
        double recencyDecay = 10.0;
        int maxSessionItems = 10;
    };

    /** @brief Counts co-occurrences in sessions; item indices must be below numItems. */
    void fit(const std::vector<SessionSequence>& sessions, std::int32_t numItems,
             const Options& options);

    /** @brief sim(i, j) as kept (0 for a pair outside i's neighbour list). */
    double similarity(std::int32_t i, std::int32_t j) const;

    /**
     * @brief Adds s_cf(prefix, v) to out[v] for every v with a non-zero value; out holds
     * numItems() values. Items touched are appended to touched when it is not null.
     */
    void score(const std::int32_t* items, std::size_t length, double* out,
               std::vector<std::int32_t>* touched = nullptr) const;

    std::int32_t numItems() const { return m_numItems; }
    /** @brief n_i: training sessions containing each item. */
    const std::vector<std::int64_t>& sessionCounts() const { return m_counts; }

private:
    Options m_options;
    std::int32_t m_numItems = 0;
    std::vector<std::int64_t> m_counts;
    std::vector<std::size_t> m_begin; ///< CSR offsets, numItems + 1
    std::vector<std::int32_t> m_neighbor;
    std::vector<float> m_sim;
};

} // namespace srw
