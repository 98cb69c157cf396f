#include "ranking.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace srw {
namespace {

/** Higher score first, then lower index: the protocol's total order. */
inline bool before(double sa, std::int32_t a, double sb, std::int32_t b) {
    return sa != sb ? sa > sb : a < b;
}

/** Contribution of one item with score v to the target's counts. */
struct Counts {
    std::int64_t greater = 0, equal = 0, equalBefore = 0;
    void add(double v, std::int32_t item, double s, std::int32_t target, std::int64_t sign) {
        if (v > s) {
            greater += sign;
        } else if (v == s) {
            equal += sign;
            if (item < target)
                equalBefore += sign;
        }
    }
};

} // namespace

Ranker::Ranker(const std::vector<std::uint8_t>& catalogue)
    : m_catalogue(catalogue),
      m_zeroBase(std::vector<double>(catalogue.size(), 0.0), catalogue),
      m_excluded(catalogue.size(), 0) {
    m_catalogueSize = m_zeroBase.order().size();
}

void Ranker::exclude(const std::int32_t* items, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        auto& flag = m_excluded[static_cast<std::size_t>(items[i])];
        if (!flag) {
            flag = 1;
            m_excludedList.push_back(items[i]);
        }
    }
}

void Ranker::clearExcluded() {
    for (std::int32_t item : m_excludedList)
        m_excluded[static_cast<std::size_t>(item)] = 0;
    m_excludedList.clear();
}

const ScoreBase& Ranker::baseOf(const ScoreVector& scores) const {
    const ScoreBase* base = scores.base();
    if (!base)
        return m_zeroBase;
    // A base sorted over another catalogue would silently miscount; models build theirs from
    // the same training sessions as the evaluator.
    if (base->order().size() != m_catalogueSize)
        throw std::logic_error("score base built over a different catalogue than the evaluation");
    return *base;
}

TargetRank Ranker::rank(const ScoreVector& scores, std::int32_t target) const {
    const double s = scores.get(target);
    Counts c;
    if (scores.isDense()) {
        for (std::size_t i = 0; i < m_catalogue.size(); ++i) {
            const auto item = static_cast<std::int32_t>(i);
            if (m_catalogue[i] && !m_excluded[i])
                c.add(scores.get(item), item, s, target, 1);
        }
    } else {
        const ScoreBase& base = baseOf(scores);
        std::uint64_t g = 0, e = 0, eb = 0;
        base.count(s, target, g, e, eb);
        c.greater = static_cast<std::int64_t>(g);
        c.equal = static_cast<std::int64_t>(e);
        c.equalBefore = static_cast<std::int64_t>(eb);
        // Items whose score is not their base score, or that are no candidates, replace their
        // base contribution by their actual one.
        for (std::int32_t item : scores.touched()) {
            const auto i = static_cast<std::size_t>(item);
            if (!m_catalogue[i])
                continue;
            c.add(base.value(item), item, s, target, -1);
            if (!m_excluded[i])
                c.add(scores.get(item), item, s, target, 1);
        }
        for (std::int32_t item : m_excludedList) {
            const auto i = static_cast<std::size_t>(item);
            if (m_catalogue[i] && !scores.isTouched(item))
                c.add(base.value(item), item, s, target, -1);
        }
    }
    c.equal -= 1; // the target itself
    TargetRank r;
    r.best = static_cast<std::uint64_t>(c.greater) + 1;
    r.rank = r.best + static_cast<std::uint64_t>(c.equalBefore);
    r.worst = r.best + static_cast<std::uint64_t>(c.equal);
    return r;
}

void Ranker::top(const ScoreVector& scores, std::size_t k, std::vector<std::int32_t>& out) {
    out.clear();
    m_buffer.clear();
    auto order = [](const std::pair<double, std::int32_t>& a, const std::pair<double, std::int32_t>& b) {
        return before(a.first, a.second, b.first, b.second);
    };
    if (scores.isDense()) {
        for (std::size_t i = 0; i < m_catalogue.size(); ++i) {
            const auto item = static_cast<std::int32_t>(i);
            if (m_catalogue[i] && !m_excluded[i])
                m_buffer.emplace_back(scores.get(item), item);
        }
        const auto keep = std::min(k, m_buffer.size());
        std::partial_sort(m_buffer.begin(), m_buffer.begin() + static_cast<std::ptrdiff_t>(keep),
                          m_buffer.end(), order);
        for (std::size_t r = 0; r < keep; ++r)
            out.push_back(m_buffer[r].second);
        return;
    }
    for (std::int32_t item : scores.touched())
        if (isCandidate(item))
            m_buffer.emplace_back(scores.get(item), item);
    const auto keep = std::min(k, m_buffer.size());
    std::partial_sort(m_buffer.begin(), m_buffer.begin() + static_cast<std::ptrdiff_t>(keep),
                      m_buffer.end(), order);
    m_buffer.resize(keep);
    // Merge the touched items with the base order, skipping items that are touched or excluded.
    const ScoreBase& base = baseOf(scores);
    const auto& baseOrder = base.order();
    const auto& baseValues = base.sortedValues();
    std::size_t t = 0, b = 0;
    while (out.size() < k) {
        while (b < baseOrder.size() &&
               (scores.isTouched(baseOrder[b]) || m_excluded[static_cast<std::size_t>(baseOrder[b])]))
            ++b;
        const bool haveT = t < m_buffer.size();
        const bool haveB = b < baseOrder.size();
        if (!haveT && !haveB)
            break;
        if (haveT && (!haveB || before(m_buffer[t].first, m_buffer[t].second, baseValues[b],
                                       baseOrder[b]))) {
            out.push_back(m_buffer[t++].second);
        } else {
            out.push_back(baseOrder[b++]);
        }
    }
}

} // namespace srw
