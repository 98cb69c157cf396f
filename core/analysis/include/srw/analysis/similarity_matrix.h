#pragma once
#include "srw/data/corpus_loader.h"
#include "srw/data/session_data.h"
#include "srw/data/session_store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace srw {

/** @brief An item × item similarity matrix over a chosen item set (dense indices). */
struct SimilarityMatrix {
    std::string kind;                 ///< "cf", "text" or "blend"
    std::vector<std::int32_t> items;  ///< rows and columns, in this order
    std::vector<float> values;        ///< row-major items.size()²; symmetric, unit diagonal
    float at(std::size_t i, std::size_t j) const { return values[i * items.size() + j]; }
};

/**
 * @brief CF cosine from co-occurrence in sessions: with n_i the sessions containing i and c_ij
 * those containing both, sim = c_ij / sqrt((n_i + shrink)(n_j + shrink)); the diagonal is 1.
 * One pass over the sessions; cost Σ_s k_s² with k_s the chosen items in session s, so a
 * 1,000-item matrix over millions of events takes well under a second.
 */
SimilarityMatrix cfCosineMatrix(const std::vector<SessionSequence>& sessions,
                                const std::vector<std::int32_t>& items, double shrink = 0.0);

/** @brief Cosine of item vectors (row-major numItems × dim); a zero vector has similarity 0. */
SimilarityMatrix textCosineMatrix(const std::vector<float>& itemVectors, std::size_t dim,
                                  const std::vector<std::int32_t>& items);

/** @brief alpha · cf + (1 − alpha) · text, over the same items. */
SimilarityMatrix blendMatrix(const SimilarityMatrix& cf, const SimilarityMatrix& text,
                             double alpha);

/** @brief The n items with most events in sessions, most popular first (ties: lower index). */
std::vector<std::int32_t> topPopularItems(const std::vector<SessionSequence>& sessions,
                                          std::int32_t numItems, std::size_t n);

/**
 * @brief The dataset's items whose category (the catalogue's category column) equals category,
 * most events in sessions first, then those without any by index; at most n. Items the
 * preparation dropped (not in corpus) are left out.
 */
std::vector<std::int32_t> categoryItems(SessionStore& store, const std::string& dataset,
                                        const SessionCorpus& corpus,
                                        const std::vector<SessionSequence>& sessions,
                                        const std::string& category, std::size_t n);

} // namespace srw
