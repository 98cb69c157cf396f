// Pop and SessionPop after session-rec's algorithms/baselines/pop.py and spop.py:
//   pop:  score(i) = supp_i / (supp_i + 1) for the top_n items by support, 0 otherwise;
//   spop: score(i) = (occurrences of i in the session so far) + the pop score (top_n = 100).
// supp_i counts training events, or distinct sessions with support_by_key=SessionId.
#include "baselines.h"

#include "param_reader.h"
#include "train_index.h"

#include <algorithm>
#include <numeric>

namespace srw {
namespace {

class PopularityModel : public Recommender {
public:
    PopularityModel(std::string name, const ParamReader& reader, bool sessionCounts)
        : m_name(std::move(name)), m_params(reader.effective()), m_sessionCounts(sessionCounts) {
        m_topN = reader.optionalInteger("top_n", 0);
        const std::string support = reader.choice("support_by_key", {"none", "SessionId", "session"});
        m_bySession = support != "none";
    }

    std::string name() const override { return m_name; }
    ParamMap params() const override { return m_params; }

    void fit(const std::vector<SessionSequence>& train, std::int32_t numItems) override {
        TrainIndex index;
        index.build(train, numItems);
        const auto n = static_cast<std::size_t>(numItems);
        std::vector<double> values(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            const double supp = static_cast<double>(m_bySession ? index.itemSessionCount[i]
                                                                : index.itemEventCount[i]);
            values[i] = supp / (supp + 1.0);
        }
        if (m_topN) {
            // Keep the top_n by score; pandas' sort order among equal scores is unspecified,
            // we keep lower item indices first so runs are reproducible.
            std::vector<std::int32_t> order;
            for (std::size_t i = 0; i < n; ++i)
                if (index.catalogue[i])
                    order.push_back(static_cast<std::int32_t>(i));
            std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
                return values[static_cast<std::size_t>(a)] > values[static_cast<std::size_t>(b)];
            });
            for (std::size_t r = static_cast<std::size_t>(*m_topN); r < order.size(); ++r)
                values[static_cast<std::size_t>(order[r])] = 0.0;
        }
        m_base = ScoreBase(std::move(values), index.catalogue);
    }

    std::unique_ptr<SessionScorer> newScorer() const override {
        return std::make_unique<Scorer>(*this);
    }

private:
    class Scorer : public SessionScorer {
    public:
        explicit Scorer(const PopularityModel& model) : m_model(model) {}
        void score(const PrefixView& prefix, ScoreVector& out) override {
            out.setBase(&m_model.m_base);
            if (m_model.m_sessionCounts) {
                for (std::size_t i = 0; i < prefix.length; ++i)
                    out.add(prefix.items[i], 1.0);
            }
        }

    private:
        const PopularityModel& m_model;
    };

    std::string m_name;
    ParamMap m_params;
    bool m_sessionCounts;
    std::optional<std::int64_t> m_topN;
    bool m_bySession = false;
    ScoreBase m_base;
};

std::vector<ParamSpec> specs(const std::string& topN) {
    return {{"top_n", topN, "only the top_n items by support score above 0 (none: all)"},
            {"support_by_key", "none",
             "none: support counts events; SessionId: counts distinct sessions"}};
}

} // namespace

std::vector<ParamSpec> popParams() { return specs("none"); }
std::vector<ParamSpec> sessionPopParams() { return specs("100"); }

std::unique_ptr<Recommender> makePop(const ParamMap& params) {
    return std::make_unique<PopularityModel>("pop", ParamReader("pop", popParams(), params), false);
}

std::unique_ptr<Recommender> makeSessionPop(const ParamMap& params) {
    return std::make_unique<PopularityModel>(
        "spop", ParamReader("spop", sessionPopParams(), params), true);
}

} // namespace srw
