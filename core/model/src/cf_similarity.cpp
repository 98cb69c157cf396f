#include "srw/model/cf_similarity.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

namespace srw {

void CfSimilarity::fit(const std::vector<SessionSequence>& sessions, std::int32_t numItems,
                       const Options& options) {
    m_options = options;
    m_numItems = numItems;
    m_counts.assign(std::size_t(numItems), 0);
    std::vector<std::unordered_map<std::int32_t, std::int32_t>> pairs(static_cast<std::size_t>(numItems));
    std::vector<std::int32_t> distinct;
    for (const auto& s : sessions) {
        distinct.assign(s.items.begin(), s.items.end());
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (auto i : distinct) {
            if (i < 0 || i >= numItems)
                throw std::out_of_range("CfSimilarity::fit: item index out of range");
            ++m_counts[std::size_t(i)];
        }
        for (std::size_t a = 0; a < distinct.size(); ++a)
            for (std::size_t b = a + 1; b < distinct.size(); ++b) {
                ++pairs[std::size_t(distinct[a])][distinct[b]];
                ++pairs[std::size_t(distinct[b])][distinct[a]];
            }
    }
    m_begin.assign(std::size_t(numItems) + 1, 0);
    m_neighbor.clear();
    m_sim.clear();
    std::vector<std::pair<float, std::int32_t>> row;
    const double lambda = options.shrink;
    for (std::int32_t i = 0; i < numItems; ++i) {
        row.clear();
        const double ni = double(m_counts[std::size_t(i)]) + lambda;
        for (const auto& [j, c] : pairs[std::size_t(i)]) {
            const double nj = double(m_counts[std::size_t(j)]) + lambda;
            row.emplace_back(float(double(c) / std::sqrt(ni * nj)), j);
        }
        // Most similar first, ties by index, so the kept list never depends on hash order.
        std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) {
            return x.first != y.first ? x.first > y.first : x.second < y.second;
        });
        if (row.size() > std::size_t(std::max(options.neighbors, 0)))
            row.resize(std::size_t(options.neighbors));
        // Sorted by neighbour index inside the row, for similarity()'s binary search.
        std::sort(row.begin(), row.end(),
                  [](const auto& x, const auto& y) { return x.second < y.second; });
        for (const auto& [sim, j] : row) {
            m_neighbor.push_back(j);
            m_sim.push_back(sim);
        }
        m_begin[std::size_t(i) + 1] = m_neighbor.size();
    }
}

double CfSimilarity::similarity(std::int32_t i, std::int32_t j) const {
    if (i < 0 || i >= m_numItems)
        return 0.0;
    const auto b = m_neighbor.begin() + std::ptrdiff_t(m_begin[std::size_t(i)]);
    const auto e = m_neighbor.begin() + std::ptrdiff_t(m_begin[std::size_t(i) + 1]);
    const auto it = std::lower_bound(b, e, j);
    return it != e && *it == j ? double(m_sim[std::size_t(it - m_neighbor.begin())]) : 0.0;
}

void CfSimilarity::score(const std::int32_t* items, std::size_t length, double* out,
                         std::vector<std::int32_t>* touched) const {
    // Distinct items, most recent first.
    std::int32_t recent[512];
    std::size_t m = 0;
    const std::size_t cap = std::size_t(std::clamp(m_options.maxSessionItems, 1, 512));
    for (std::size_t p = length; p-- > 0 && m < cap;) {
        const auto it = items[p];
        if (it < 0 || it >= m_numItems || std::find(recent, recent + m, it) != recent + m)
            continue;
        recent[m++] = it;
    }
    double total = 0;
    for (std::size_t k = 0; k < m; ++k)
        total += 1.0 / (1.0 + m_options.recencyDecay * double(k));
    if (m == 0 || total <= 0)
        return;
    for (std::size_t k = 0; k < m; ++k) {
        const double w = 1.0 / (1.0 + m_options.recencyDecay * double(k)) / total;
        const auto i = std::size_t(recent[k]);
        for (std::size_t e = m_begin[i]; e < m_begin[i + 1]; ++e) {
            const auto v = std::size_t(m_neighbor[e]);
            if (touched && out[v] == 0.0)
                touched->push_back(std::int32_t(v));
            out[v] += w * double(m_sim[e]);
        }
    }
}

} // namespace srw
