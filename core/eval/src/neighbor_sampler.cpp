#include "neighbor_sampler.h"

#include <algorithm>
#include <random>

namespace srw {

NeighborSampler::NeighborSampler(const TrainIndex& index)
    : m_index(index), m_stamp(static_cast<std::size_t>(index.numSessions), 0),
      m_overlap(static_cast<std::size_t>(index.numSessions), 0),
      m_weight(static_cast<std::size_t>(index.numSessions), 0.0),
      m_latest(static_cast<std::size_t>(index.numSessions), -1) {}

void NeighborSampler::addSessions(std::int32_t item, std::size_t limit, double weight,
                                  std::int64_t position) {
    if (item < 0 || item >= m_index.numItems)
        return;
    const auto i = static_cast<std::size_t>(item);
    const auto begin = m_index.itemSessionOffset[i];
    auto end = m_index.itemSessionOffset[i + 1];
    if (static_cast<std::size_t>(end - begin) > limit)
        end = begin + static_cast<std::int64_t>(limit);
    for (auto p = begin; p < end; ++p) {
        const auto s = m_index.itemSessions[static_cast<std::size_t>(p)];
        const auto su = static_cast<std::size_t>(s);
        if (m_stamp[su] != m_generation) {
            m_stamp[su] = m_generation;
            m_sessions.push_back(s);
            m_overlap[su] = 0;
            m_weight[su] = 0.0;
            m_latest[su] = -1;
        }
        ++m_overlap[su];
        if (position >= 0) {
            m_weight[su] += weight;
            m_latest[su] = std::max(m_latest[su], position);
        }
    }
}

const std::vector<std::int32_t>&
NeighborSampler::sample(const std::vector<std::int32_t>& distinctItems, std::int64_t sampleSize,
                        bool recent, std::uint64_t seed,
                        const std::vector<double>* itemWeight,
                        const std::vector<std::int64_t>* itemPosition) {
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
    for (std::int32_t item : distinctItems) {
        const auto i = static_cast<std::size_t>(item);
        addSessions(item, limit, itemWeight ? (*itemWeight)[i] : 0.0,
                    itemPosition ? (*itemPosition)[i] : -1);
    }
    const auto size = static_cast<std::size_t>(sampleSize);
    if (!cut || m_sessions.size() <= size)
        return m_sessions;
    if (recent) {
        // Sessions are numbered most recent first.
        std::nth_element(m_sessions.begin(),
                         m_sessions.begin() + static_cast<std::ptrdiff_t>(size), m_sessions.end());
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
                      const TrainIndex&) {
    // session-rec sorts by similarity only; among equal similarities its order is that of a
    // Python set. We prefer the more recent session, the same rule as "recent" sampling.
    // The index numbers sessions by recency, so a lower number is the more recent session.
    const auto keep =
        std::min(neighbors.size(), static_cast<std::size_t>(std::max<std::int64_t>(k, 0)));
    auto better = [](const std::pair<double, std::int32_t>& a,
                     const std::pair<double, std::int32_t>& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    if (keep < neighbors.size())
        std::nth_element(neighbors.begin(), neighbors.begin() + static_cast<std::ptrdiff_t>(keep),
                         neighbors.end(), better);
    neighbors.resize(keep);
    std::sort(neighbors.begin(), neighbors.end(), better);
}

} // namespace srw
