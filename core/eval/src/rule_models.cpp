// Sequential rules (SR) and association rules (AR) after session-rec's
// algorithms/baselines/sr.py and ar.py.
//   SR: for every event c and each of the up to `steps` events p before it in its session, at
//       distance i, rule p->c gains weighting(i) (div 1/i, linear 1-0.1i for i<=100, same 1,
//       log 1/log10(i+1.7), quadratic 1/i^2), times or plus the min-max normalised idf of p when
//       idf_weight is 1 or 2.
//   AR: every ordered pair of distinct events (x, y) of a session adds 1 to rule x->y, so a
//       repeated item gets a self-rule (session-rec adds both directions of each pair).
// pruning keeps per antecedent the `pruning` strongest rules (a fraction < 1 drops that share);
// ties keep the rule created first, as Python's Counter.most_common does (stable sort).
// A prediction scores the rules of the last item; session-rec's division by the maximum does
// not change the ranking and is left out.
#include "baselines.h"

#include "param_reader.h"
#include "train_index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace srw {
namespace {

/** Rules as CSR: antecedent -> (consequent, weight). */
struct RuleTable {
    std::vector<std::int64_t> offset;
    std::vector<std::int32_t> item;
    std::vector<double> weight;
};

/** Accumulates the rules of one antecedent, remembers creation order, prunes, appends. */
class RuleAccumulator {
public:
    explicit RuleAccumulator(std::size_t numItems)
        : m_weight(numItems, 0.0), m_created(numItems, kUnset), m_flag(numItems, 0) {}

    void add(std::int32_t item, double w, std::pair<std::int64_t, std::int64_t> created) {
        const auto i = static_cast<std::size_t>(item);
        if (!m_flag[i]) {
            m_flag[i] = 1;
            m_touched.push_back(item);
        }
        m_weight[i] += w;
        m_created[i] = std::min(m_created[i], created);
    }

    void flush(double pruning, RuleTable& table) {
        std::size_t keep = m_touched.size();
        if (pruning > 0.0 && pruning < 1.0)
            keep = m_touched.size() -
                   static_cast<std::size_t>(static_cast<double>(m_touched.size()) * pruning);
        else if (pruning >= 1.0)
            keep = std::min(keep, static_cast<std::size_t>(pruning));
        auto stronger = [this](std::int32_t a, std::int32_t b) {
            const auto ia = static_cast<std::size_t>(a), ib = static_cast<std::size_t>(b);
            return m_weight[ia] != m_weight[ib] ? m_weight[ia] > m_weight[ib]
                                                : m_created[ia] < m_created[ib];
        };
        std::partial_sort(m_touched.begin(), m_touched.begin() + static_cast<std::ptrdiff_t>(keep),
                          m_touched.end(), stronger);
        for (std::size_t r = 0; r < keep; ++r) {
            table.item.push_back(m_touched[r]);
            table.weight.push_back(m_weight[static_cast<std::size_t>(m_touched[r])]);
        }
        table.offset.push_back(static_cast<std::int64_t>(table.item.size()));
        for (std::int32_t item : m_touched) {
            const auto i = static_cast<std::size_t>(item);
            m_flag[i] = 0;
            m_weight[i] = 0.0;
            m_created[i] = kUnset;
        }
        m_touched.clear();
    }

private:
    static constexpr std::pair<std::int64_t, std::int64_t> kUnset{
        std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::max()};
    std::vector<double> m_weight;
    std::vector<std::pair<std::int64_t, std::int64_t>> m_created;
    std::vector<std::uint8_t> m_flag;
    std::vector<std::int32_t> m_touched;
};

class LastItemRulesScorer : public SessionScorer {
public:
    explicit LastItemRulesScorer(const RuleTable& rules) : m_rules(rules) {}
    void score(const PrefixView& prefix, ScoreVector& out) override {
        const auto last = static_cast<std::size_t>(prefix.items[prefix.length - 1]);
        if (last + 1 >= m_rules.offset.size())
            return;
        for (auto p = m_rules.offset[last]; p < m_rules.offset[last + 1]; ++p)
            out.set(m_rules.item[static_cast<std::size_t>(p)],
                    m_rules.weight[static_cast<std::size_t>(p)]);
    }

private:
    const RuleTable& m_rules;
};

double stepWeight(const std::string& weighting, std::int64_t i) {
    const double x = static_cast<double>(i);
    if (weighting == "linear")
        return i <= 100 ? 1.0 - 0.1 * x : 0.0;
    if (weighting == "same")
        return 1.0;
    if (weighting == "log")
        return 1.0 / std::log10(x + 1.7);
    if (weighting == "quadratic")
        return 1.0 / (x * x);
    return 1.0 / x; // div
}

class SequentialRules : public Recommender {
public:
    explicit SequentialRules(const ParamReader& reader) : m_params(reader.effective()) {
        m_steps = reader.integer("steps", 1);
        m_weighting = reader.choice("weighting", {"div", "linear", "same", "log", "quadratic"});
        m_pruning = reader.real("pruning");
        m_lastNDays = reader.optionalInteger("last_n_days", 0);
        // session-rec acts on 1 (True) and 2 only; other values compute the idf and ignore it.
        const double idf = reader.real("idf_weight");
        m_idfWeight = idf == 1.0 ? 1 : idf == 2.0 ? 2 : 0;
    }

    std::string name() const override { return "sr"; }
    ParamMap params() const override { return m_params; }

    void fit(const std::vector<SessionSequence>& train, std::int32_t numItems) override {
        const auto n = static_cast<std::size_t>(numItems);
        std::vector<double> idf;
        if (m_idfWeight) {
            // session-rec computes the idf on all training data (before last_n_days), as
            // log(sessions / events of the item), then scales it to [0, 1].
            TrainIndex all;
            all.build(train, numItems);
            idf.assign(n, 0.0);
            double lo = std::numeric_limits<double>::infinity(), hi = -lo;
            for (std::size_t i = 0; i < n; ++i) {
                if (!all.catalogue[i])
                    continue;
                idf[i] = std::log(static_cast<double>(all.numSessions) /
                                  static_cast<double>(all.itemEventCount[i]));
                lo = std::min(lo, idf[i]);
                hi = std::max(hi, idf[i]);
            }
            for (std::size_t i = 0; i < n; ++i)
                idf[i] = (all.catalogue[i] && hi > lo) ? (idf[i] - lo) / (hi - lo) : 0.0;
        }
        TrainIndex index;
        index.build(m_lastNDays ? lastNDays(train, *m_lastNDays) : train, numItems);
        m_rules = RuleTable{};
        m_rules.offset.assign(1, 0);
        RuleAccumulator acc(n);
        for (std::size_t p = 0; p < n; ++p) {
            for (auto q = index.itemEventOffset[p]; q < index.itemEventOffset[p + 1]; ++q) {
                const auto e = index.itemEvents[static_cast<std::size_t>(q)];
                const auto s = static_cast<std::size_t>(index.sessionOfEvent(e));
                const auto end = index.sessionEventOffset[s + 1];
                for (std::int64_t i = 1; i <= m_steps && e + i < end; ++i) {
                    double w = stepWeight(m_weighting, i);
                    if (m_idfWeight == 1)
                        w *= idf[p];
                    else if (m_idfWeight == 2)
                        w += idf[p];
                    acc.add(index.eventItem[static_cast<std::size_t>(e + i)], w, {e + i, 0});
                }
            }
            acc.flush(m_pruning, m_rules);
        }
    }

    std::unique_ptr<SessionScorer> newScorer() const override {
        return std::make_unique<LastItemRulesScorer>(m_rules);
    }

private:
    ParamMap m_params;
    std::int64_t m_steps = 10;
    std::string m_weighting;
    double m_pruning = 20;
    std::optional<std::int64_t> m_lastNDays;
    std::int64_t m_idfWeight = 0;
    RuleTable m_rules;
};

class AssociationRules : public Recommender {
public:
    explicit AssociationRules(const ParamReader& reader) : m_params(reader.effective()) {
        m_pruning = reader.real("pruning");
    }

    std::string name() const override { return "ar"; }
    ParamMap params() const override { return m_params; }

    void fit(const std::vector<SessionSequence>& train, std::int32_t numItems) override {
        const auto n = static_cast<std::size_t>(numItems);
        TrainIndex index;
        index.build(train, numItems);
        m_rules = RuleTable{};
        m_rules.offset.assign(1, 0);
        RuleAccumulator acc(n);
        for (std::size_t x = 0; x < n; ++x) {
            for (auto q = index.itemEventOffset[x]; q < index.itemEventOffset[x + 1]; ++q) {
                const auto e = index.itemEvents[static_cast<std::size_t>(q)];
                const auto s = static_cast<std::size_t>(index.sessionOfEvent(e));
                for (auto f = index.sessionEventOffset[s]; f < index.sessionEventOffset[s + 1];
                     ++f) {
                    if (f == e)
                        continue;
                    // The pair is counted when its later event is read, in the order of the
                    // earlier one: that is when session-rec creates the rule.
                    acc.add(index.eventItem[static_cast<std::size_t>(f)], 1.0,
                            {std::max(e, f), std::min(e, f)});
                }
            }
            acc.flush(m_pruning, m_rules);
        }
    }

    std::unique_ptr<SessionScorer> newScorer() const override {
        return std::make_unique<LastItemRulesScorer>(m_rules);
    }

private:
    ParamMap m_params;
    double m_pruning = 20;
    RuleTable m_rules;
};

} // namespace

std::vector<ParamSpec> sequentialRulesParams() {
    return {{"steps", "10", "how many earlier events of a session form rules with an event"},
            {"weighting", "div", "weight by distance: div, linear, same, log, quadratic"},
            {"pruning", "20", "rules kept per item (0: all; below 1: share dropped)"},
            {"last_n_days", "none", "train on the last N days only (UTC days)"},
            {"idf_weight", "0", "0: off; 1: weight times idf of the antecedent; 2: plus idf"}};
}

std::vector<ParamSpec> associationRulesParams() {
    return {{"pruning", "20", "rules kept per item (0: all; below 1: share dropped)"}};
}

std::unique_ptr<Recommender> makeSequentialRules(const ParamMap& params) {
    return std::make_unique<SequentialRules>(ParamReader("sr", sequentialRulesParams(), params));
}

std::unique_ptr<Recommender> makeAssociationRules(const ParamMap& params) {
    return std::make_unique<AssociationRules>(
        ParamReader("ar", associationRulesParams(), params));
}

} // namespace srw
