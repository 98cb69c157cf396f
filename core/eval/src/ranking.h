#pragma once
#include "srw/eval/score_vector.h"

#include <cstdint>
#include <vector>

namespace srw {

/** Where the target landed: rank 0 means it was no candidate (a miss). */
struct TargetRank {
    std::uint64_t rank = 0;  ///< deterministic: ties broken by item index, lower first
    std::uint64_t best = 0;  ///< first rank of the tie
    std::uint64_t worst = 0; ///< last rank of the tie
};

/**
 * Ranks a target and takes top lists over the catalogue minus excluded items, for sparse
 * ScoreVectors in time linear in the touched items (plus a binary search of the base), for
 * dense ones in time linear in the catalogue. One per thread.
 */
class Ranker {
public:
    Ranker(const std::vector<std::uint8_t>& catalogue);

    /** Marks items as no candidates until clearExcluded(). */
    void exclude(const std::int32_t* items, std::size_t count);
    void clearExcluded();
    bool isExcluded(std::int32_t item) const { return m_excluded[static_cast<std::size_t>(item)]; }
    bool isCandidate(std::int32_t item) const {
        const auto i = static_cast<std::size_t>(item);
        return m_catalogue[i] && !m_excluded[i];
    }

    /** The target must be a candidate. */
    TargetRank rank(const ScoreVector& scores, std::int32_t target) const;
    /** The k best candidates, best first (score descending, index ascending). */
    void top(const ScoreVector& scores, std::size_t k, std::vector<std::int32_t>& out);

private:
    const ScoreBase& baseOf(const ScoreVector& scores) const;

    const std::vector<std::uint8_t>& m_catalogue;
    std::size_t m_catalogueSize = 0;
    ScoreBase m_zeroBase;
    std::vector<std::uint8_t> m_excluded;
    std::vector<std::int32_t> m_excludedList;
    std::vector<std::pair<double, std::int32_t>> m_buffer;
};

} // namespace srw
