#include "neighbor_sampler.h"

#include <algorithm>
#include <random>

namespace srw {

NeighborSampler::NeighborSampler(const TrainIndex& index)
    : m_index(index), m_stamp(static_cast<std::size_t>(index.numSessions), 0) {}

void NeighborSampler::addSessions(std::int32_t item, std::size_t limit) {
    if (item < 0 || item >= m_index.numItems)
        return;
    const auto i = static_cast<std::size_t>(item);
    const auto begin = m_index.itemSessionOffset[i];
    auto end = m_index.itemSessionOffset[i + 1];
    if (static_cast<std::size_t>(end - begin) > limit)
        end = begin + static_cast<std::int64_t>(limit);
    for (auto p = begin; p < end; ++p) {
        const auto s = m_index.itemSessions[static_cast<std::size_t>(p)];
        auto& stamp = m_stamp[static_cast<std::size_t>(s)];
        if (stamp != m_generation) {
            stamp = m_generation;
            m_sessions.push_back(s);
        }
    }
}

const std::vector<std::int32_t>&
NeighborSampler::sample(const std::vector<std::int32_t>& distinctItems, std::int64_t sampleSize,
                        bool recent, std::uint64_t seed) {
    if (++m_generation == 0) {
        std::fill(m_stamp.begin(), m_stamp.end(), 0);
        m_generation = 1;
    }
    m_sessions.clear();
    const bool cut = sampleSize > 0;
    // Each item's sessions are stored most recent first, so the sample_size most recent of the
    // union are among the first sample_size of every item's list: no need to build the union.
    const std::size_t limit =
        cut && recent ? static_cast<std::size_t>(sampleSize) : static_cast<std::size_t>(-1);
    for (std::int32_t item : distinctItems)
        addSessions(item, limit);
    const auto size = static_cast<std::size_t>(sampleSize);
    if (!cut || m_sessions.size() <= size)
        return m_sessions;
    if (recent) {
        std::nth_element(m_sessions.begin(), m_sessions.begin() + static_cast<std::ptrdiff_t>(size),
                         m_sessions.end(), [this](std::int32_t a, std::int32_t b) {
                             return m_index.moreRecent(a, b);
                         });
    } else {
        // Python's random.sample cannot be reproduced; a seeded partial shuffle is uniform too.
        std::sort(m_sessions.begin(), m_sessions.end());
        std::mt19937_64 rng(seed);
        for (std::size_t i = 0; i < size; ++i) {
            std::uniform_int_distribution<std::size_t> pick(i, m_sessions.size() - 1);
            std::swap(m_sessions[i], m_sessions[pick(rng)]);
        }
    }
    m_sessions.resize(size);
    return m_sessions;
}

void keepTopNeighbors(std::vector<std::pair<double, std::int32_t>>& neighbors, std::int64_t k,
                      const TrainIndex& index) {
    // session-rec sorts by similarity only; among equal similarities its order is that of a
    // Python set. We prefer the more recent session, the same rule as "recent" sampling.
    auto better = [&index](const std::pair<double, std::int32_t>& a,
                           const std::pair<double, std::int32_t>& b) {
        return a.first != b.first ? a.first > b.first : index.moreRecent(a.second, b.second);
    };
    const auto keep = std::min(neighbors.size(), static_cast<std::size_t>(std::max<std::int64_t>(k, 0)));
    std::partial_sort(neighbors.begin(), neighbors.begin() + static_cast<std::ptrdiff_t>(keep),
                      neighbors.end(), better);
    neighbors.resize(keep);
}

} // namespace srw
