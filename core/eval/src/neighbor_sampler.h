#pragma once
#include "train_index.h"

#include <cstdint>
#include <vector>

namespace srw {

/**
 * Candidate neighbour sessions of a prefix, as session-rec's possible_neighbor_sessions: the
 * training sessions sharing an item with the prefix, cut to the sample_size most recent (or a
 * random sample_size) when there are more. Per-thread scratch, no allocation once warm.
 */
class NeighborSampler {
public:
    explicit NeighborSampler(const TrainIndex& index);

    /**
     * distinctItems: the prefix's distinct items. sampleSize 0 keeps all. recent=false samples
     * uniformly with seed. The result is valid until the next call.
     *
     * While collecting, it also sums per candidate what the similarities need, so that no
     * candidate's item list has to be read: overlap() counts the distinct prefix items in the
     * session; with itemWeight/itemPosition (indexed by item, position < 0: not in the vector),
     * weight() sums their weights and latest() keeps the largest position. The sums are exact
     * for every returned session: a session among the sample_size most recent of the union is
     * among the sample_size most recent of each of its items' lists.
     */
    const std::vector<std::int32_t>& sample(const std::vector<std::int32_t>& distinctItems,
                                            std::int64_t sampleSize, bool recent,
                                            std::uint64_t seed,
                                            const std::vector<double>* itemWeight = nullptr,
                                            const std::vector<std::int64_t>* itemPosition = nullptr);

    std::int32_t overlap(std::int32_t s) const { return m_overlap[static_cast<std::size_t>(s)]; }
    double weight(std::int32_t s) const { return m_weight[static_cast<std::size_t>(s)]; }
    std::int64_t latest(std::int32_t s) const { return m_latest[static_cast<std::size_t>(s)]; }

private:
    void addSessions(std::int32_t item, std::size_t limit, double weight, std::int64_t position);

    const TrainIndex& m_index;
    std::vector<std::uint32_t> m_stamp;
    std::vector<std::int32_t> m_overlap;
    std::vector<double> m_weight;
    std::vector<std::int64_t> m_latest;
    std::uint32_t m_generation = 0;
    std::vector<std::int32_t> m_sessions;
};

/** Keeps the k best (similarity, session) pairs, ties to the more recent session, sorted. */
void keepTopNeighbors(std::vector<std::pair<double, std::int32_t>>& neighbors, std::int64_t k,
                      const TrainIndex& index);

} // namespace srw
