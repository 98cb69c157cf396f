#include "srw/analysis/similarity_matrix.h"

#include "srw/util/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace srw {

SimilarityMatrix cfCosineMatrix(const std::vector<SessionSequence>& sessions,
                                const std::vector<std::int32_t>& items, double shrink) {
    const std::size_t n = items.size();
    std::unordered_map<std::int32_t, std::size_t> local;
    for (std::size_t i = 0; i < n; ++i)
        local.emplace(items[i], i);
    std::vector<std::int64_t> counts(n, 0);
    std::vector<std::int64_t> pairs(n * n, 0);
    std::vector<std::size_t> present;
    for (const auto& s : sessions) {
        present.clear();
        for (std::int32_t item : s.items) {
            auto it = local.find(item);
            if (it != local.end())
                present.push_back(it->second);
        }
        std::sort(present.begin(), present.end());
        present.erase(std::unique(present.begin(), present.end()), present.end());
        for (std::size_t a = 0; a < present.size(); ++a) {
            ++counts[present[a]];
            for (std::size_t b = a + 1; b < present.size(); ++b)
                ++pairs[present[a] * n + present[b]];
        }
    }
    SimilarityMatrix m;
    m.kind = "cf";
    m.items = items;
    m.values.assign(n * n, 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
        m.values[i * n + i] = 1.0f;
        for (std::size_t j = i + 1; j < n; ++j) {
            const double denom = std::sqrt((double(counts[i]) + shrink) * (double(counts[j]) + shrink));
            const float v = denom > 0 ? float(double(pairs[i * n + j]) / denom) : 0.0f;
            m.values[i * n + j] = m.values[j * n + i] = v;
        }
    }
    return m;
}

SimilarityMatrix textCosineMatrix(const std::vector<float>& vectors, std::size_t dim,
                                  const std::vector<std::int32_t>& items) {
    const std::size_t n = items.size();
    std::vector<float> unit(n * dim, 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t row = std::size_t(items[i]);
        if ((row + 1) * dim > vectors.size())
            throw UsageError("item " + std::to_string(items[i]) + " has no vector");
        const float* v = vectors.data() + row * dim;
        double norm = 0;
        for (std::size_t d = 0; d < dim; ++d)
            norm += double(v[d]) * v[d];
        norm = std::sqrt(norm);
        if (norm > 0)
            for (std::size_t d = 0; d < dim; ++d)
                unit[i * dim + d] = float(v[d] / norm);
    }
    SimilarityMatrix m;
    m.kind = "text";
    m.items = items;
    m.values.assign(n * n, 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
        m.values[i * n + i] = 1.0f;
        const float* a = unit.data() + i * dim;
        for (std::size_t j = i + 1; j < n; ++j) {
            const float* b = unit.data() + j * dim;
            float dot = 0;
            for (std::size_t d = 0; d < dim; ++d)
                dot += a[d] * b[d];
            dot = std::clamp(dot, -1.0f, 1.0f);
            m.values[i * n + j] = m.values[j * n + i] = dot;
        }
    }
    return m;
}

SimilarityMatrix blendMatrix(const SimilarityMatrix& cf, const SimilarityMatrix& text,
                             double alpha) {
    if (cf.items != text.items)
        throw UsageError("a blend needs both matrices over the same items");
    if (!(alpha >= 0 && alpha <= 1))
        throw UsageError("α must lie in [0, 1]");
    SimilarityMatrix m;
    m.kind = "blend";
    m.items = cf.items;
    m.values.resize(cf.values.size());
    for (std::size_t i = 0; i < m.values.size(); ++i)
        m.values[i] = float(alpha * cf.values[i] + (1.0 - alpha) * text.values[i]);
    return m;
}

std::vector<std::int32_t> topPopularItems(const std::vector<SessionSequence>& sessions,
                                          std::int32_t numItems, std::size_t n) {
    std::vector<std::int64_t> count(std::size_t(numItems), 0);
    for (const auto& s : sessions)
        for (std::int32_t i : s.items)
            ++count[std::size_t(i)];
    std::vector<std::int32_t> order(static_cast<std::size_t>(numItems));
    std::iota(order.begin(), order.end(), 0);
    const std::size_t k = std::min<std::size_t>(n, order.size());
    std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(k), order.end(),
                      [&](std::int32_t a, std::int32_t b) {
                          return count[std::size_t(a)] != count[std::size_t(b)]
                                     ? count[std::size_t(a)] > count[std::size_t(b)]
                                     : a < b;
                      });
    order.resize(k);
    while (!order.empty() && count[std::size_t(order.back())] == 0)
        order.pop_back();
    return order;
}

std::vector<std::int32_t> categoryItems(SessionStore& store, const std::string& dataset,
                                        const SessionCorpus& corpus,
                                        const std::vector<SessionSequence>& sessions,
                                        const std::string& category, std::size_t n) {
    std::unordered_map<std::int64_t, std::int32_t> dense;
    for (std::size_t i = 0; i < corpus.itemIds.size(); ++i)
        dense.emplace(corpus.itemIds[i], std::int32_t(i));
    Statement st = store.db().prepare(
        "SELECT id FROM items WHERE dataset_id = ?1 AND category = ?2 ORDER BY id");
    st.bind(1, store.requireDataset(dataset)).bind(2, category);
    std::vector<std::int32_t> items;
    while (st.step())
        if (auto it = dense.find(st.getInt(0)); it != dense.end())
            items.push_back(it->second);
    std::vector<std::int64_t> count(std::size_t(std::max(corpus.numItems, 0)), 0);
    for (const auto& s : sessions)
        for (std::int32_t i : s.items)
            if (std::size_t(i) < count.size())
                ++count[std::size_t(i)];
    std::sort(items.begin(), items.end(), [&](std::int32_t a, std::int32_t b) {
        return count[std::size_t(a)] != count[std::size_t(b)]
                   ? count[std::size_t(a)] > count[std::size_t(b)]
                   : a < b;
    });
    if (items.size() > n)
        items.resize(n);
    return items;
}

} // namespace srw

