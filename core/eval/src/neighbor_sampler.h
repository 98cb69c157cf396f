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
     */
    const std::vector<std::int32_t>& sample(const std::vector<std::int32_t>& distinctItems,
                                            std::int64_t sampleSize, bool recent,
                                            std::uint64_t seed);

private:
    void addSessions(std::int32_t item, std::size_t limit);

    const TrainIndex& m_index;
    std::vector<std::uint32_t> m_stamp;
    std::uint32_t m_generation = 0;
    std::vector<std::int32_t> m_sessions;
};

/** Keeps the k best (similarity, session) pairs, ties to the more recent session, sorted. */
void keepTopNeighbors(std::vector<std::pair<double, std::int32_t>>& neighbors, std::int64_t k,
                      const TrainIndex& index);

} // namespace srw
