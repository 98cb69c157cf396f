#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace srw {

/**
 * @brief A score every catalogue item has before a prediction adds to it (e.g. popularity).
 *
 * Sorted once (score descending, item index ascending) so that the evaluator can rank a target
 * and take a top-K list with binary searches instead of touching every item per prediction.
 */
class ScoreBase {
public:
    ScoreBase() = default;
    /**
     * @brief values holds one score per item; only items with catalogue[i] != 0 are candidates
     * and enter the sorted order.
     */
    ScoreBase(std::vector<double> values, const std::vector<std::uint8_t>& catalogue);

    double value(std::int32_t item) const { return m_values[static_cast<std::size_t>(item)]; }
    std::size_t itemCount() const { return m_values.size(); }
    /** @brief Catalogue items by score descending, then item index ascending. */
    const std::vector<std::int32_t>& order() const { return m_order; }
    /** @brief The scores in order(). */
    const std::vector<double>& sortedValues() const { return m_sorted; }

    /**
     * @brief Counts catalogue items with a score above s, equal to s, and equal to s with an
     * index below item (the deterministic tie-break).
     */
    void count(double s, std::int32_t item, std::uint64_t& greater, std::uint64_t& equal,
               std::uint64_t& equalBefore) const;

private:
    std::vector<double> m_values;
    std::vector<double> m_sorted;
    std::vector<std::int32_t> m_order;
};

/**
 * @brief The scores of one prediction over all items, sparse or dense.
 *
 * Sparse (the default): items a model touched through add()/set() carry their value, every other
 * item scores base()->value(item), or 0 without a base. Dense: a model that scores every item
 * (a neural one) writes all of them through dense(). Reused across predictions; reset() costs
 * only the touched items, so kNN-style models never pay for the size of the catalogue.
 */
class ScoreVector {
public:
    explicit ScoreVector(std::int32_t numItems = 0);

    /** @brief Sizes for numItems items and clears. */
    void resize(std::int32_t numItems);
    /** @brief Forgets all touched values and the dense flag; keeps the base. */
    void reset();
    /** @brief A base owned by the model; must outlive the prediction. nullptr: all zero. */
    void setBase(const ScoreBase* base) { m_base = base; }
    const ScoreBase* base() const { return m_base; }

    /** @brief Adds delta to item's score (starting from its base score). */
    void add(std::int32_t item, double delta) {
        touch(item);
        m_values[static_cast<std::size_t>(item)] += delta;
    }
    /** @brief Sets item's score. */
    void set(std::int32_t item, double value) {
        touch(item);
        m_values[static_cast<std::size_t>(item)] = value;
    }
    /** @brief Multiplies item's score (its base score if untouched). */
    void multiply(std::int32_t item, double factor) {
        touch(item);
        m_values[static_cast<std::size_t>(item)] *= factor;
    }
    /** @brief The item's current score. */
    double get(std::int32_t item) const {
        const auto i = static_cast<std::size_t>(item);
        if (m_dense || m_flag[i])
            return m_values[i];
        return m_base ? m_base->value(item) : 0.0;
    }
    bool isTouched(std::int32_t item) const { return m_flag[static_cast<std::size_t>(item)] != 0; }
    const std::vector<std::int32_t>& touched() const { return m_touched; }

    /** @brief Switches to dense mode; the caller writes a score for every item. */
    double* dense();
    bool isDense() const { return m_dense; }
    std::int32_t numItems() const { return static_cast<std::int32_t>(m_values.size()); }

private:
    void touch(std::int32_t item) {
        const auto i = static_cast<std::size_t>(item);
        if (!m_flag[i]) {
            m_flag[i] = 1;
            m_touched.push_back(item);
            m_values[i] = m_base ? m_base->value(item) : 0.0;
        }
    }

    std::vector<double> m_values;
    std::vector<std::uint8_t> m_flag;
    std::vector<std::int32_t> m_touched;
    const ScoreBase* m_base = nullptr;
    bool m_dense = false;
};

} // namespace srw
