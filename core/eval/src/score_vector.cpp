#include "srw/eval/score_vector.h"

#include <algorithm>
#include <numeric>

namespace srw {

ScoreBase::ScoreBase(std::vector<double> values, const std::vector<std::uint8_t>& catalogue)
    : m_values(std::move(values)) {
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        if (i < catalogue.size() && catalogue[i])
            m_order.push_back(static_cast<std::int32_t>(i));
    }
    std::sort(m_order.begin(), m_order.end(), [this](std::int32_t a, std::int32_t b) {
        const double va = m_values[static_cast<std::size_t>(a)];
        const double vb = m_values[static_cast<std::size_t>(b)];
        return va != vb ? va > vb : a < b;
    });
    m_sorted.reserve(m_order.size());
    for (std::int32_t item : m_order)
        m_sorted.push_back(m_values[static_cast<std::size_t>(item)]);
}

void ScoreBase::count(double s, std::int32_t item, std::uint64_t& greater, std::uint64_t& equal,
                      std::uint64_t& equalBefore) const {
    // m_sorted is descending: the block of scores above s comes first, then those equal to s.
    const auto firstNotGreater =
        std::partition_point(m_sorted.begin(), m_sorted.end(), [s](double v) { return v > s; });
    const auto firstLess =
        std::partition_point(firstNotGreater, m_sorted.end(), [s](double v) { return v >= s; });
    greater = static_cast<std::uint64_t>(firstNotGreater - m_sorted.begin());
    equal = static_cast<std::uint64_t>(firstLess - firstNotGreater);
    // Within the equal block the order is by item index, so a binary search finds the tie-break.
    const auto blockBegin = m_order.begin() + static_cast<std::ptrdiff_t>(greater);
    const auto blockEnd = blockBegin + static_cast<std::ptrdiff_t>(equal);
    equalBefore = static_cast<std::uint64_t>(std::lower_bound(blockBegin, blockEnd, item) -
                                             blockBegin);
}

ScoreVector::ScoreVector(std::int32_t numItems) { resize(numItems); }

void ScoreVector::resize(std::int32_t numItems) {
    const auto n = static_cast<std::size_t>(std::max(numItems, 0));
    m_values.assign(n, 0.0);
    m_flag.assign(n, 0);
    m_touched.clear();
    m_dense = false;
}

void ScoreVector::reset() {
    for (std::int32_t item : m_touched)
        m_flag[static_cast<std::size_t>(item)] = 0;
    m_touched.clear();
    m_dense = false;
}

double* ScoreVector::dense() {
    reset();
    m_dense = true;
    return m_values.data();
}

} // namespace srw
