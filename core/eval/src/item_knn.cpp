// Item-kNN after session-rec's algorithms/knn/iknn.py (Hidasi et al.'s item-to-item baseline):
//   sim(i,j) = cooc(i,j) / ((supp_i + lmbd)^alpha * (supp_j + lmbd)^(1-alpha)),
// where supp counts training events and cooc(i,j) = sum over sessions of n_i(s) * n_j(s) (every
// event of i meets every event of j in its session), sim(i,i) = 0; only the n_sims most similar
// items of each item keep a score. A prediction scores the neighbours of the last item only.
#include "baselines.h"

#include "param_reader.h"
#include "train_index.h"

#include <algorithm>
#include <cmath>

namespace srw {
namespace {

class ItemKnn : public Recommender {
public:
    explicit ItemKnn(const ParamReader& reader) : m_params(reader.effective()) {
        m_nSims = reader.integer("n_sims", 0);
        m_lambda = reader.real("lmbd");
        m_alpha = reader.real("alpha");
    }

    std::string name() const override { return "iknn"; }
    ParamMap params() const override { return m_params; }

    void fit(const std::vector<SessionSequence>& train, std::int32_t numItems) override {
        TrainIndex index;
        index.build(train, numItems);
        const auto n = static_cast<std::size_t>(numItems);
        m_offset.assign(n + 1, 0);
        m_item.clear();
        m_value.clear();
        std::vector<double> cooc(n, 0.0);
        std::vector<std::int32_t> touched;
        std::vector<std::pair<double, std::int32_t>> ranked;
        for (std::size_t i = 0; i < n; ++i) {
            touched.clear();
            for (auto p = index.itemEventOffset[i]; p < index.itemEventOffset[i + 1]; ++p) {
                const auto s = static_cast<std::size_t>(
                    index.sessionOfEvent(index.itemEvents[static_cast<std::size_t>(p)]));
                for (auto e = index.sessionEventOffset[s]; e < index.sessionEventOffset[s + 1];
                     ++e) {
                    const auto j = index.eventItem[static_cast<std::size_t>(e)];
                    if (cooc[static_cast<std::size_t>(j)] == 0.0)
                        touched.push_back(j);
                    cooc[static_cast<std::size_t>(j)] += 1.0;
                }
            }
            ranked.clear();
            const double normI = std::pow(static_cast<double>(index.itemEventCount[i]) + m_lambda,
                                          m_alpha);
            for (std::int32_t j : touched) {
                const auto ju = static_cast<std::size_t>(j);
                if (ju != i) {
                    double norm = normI * std::pow(static_cast<double>(index.itemEventCount[ju]) +
                                                       m_lambda,
                                                   1.0 - m_alpha);
                    if (norm == 0.0)
                        norm = 1.0;
                    const double sim = cooc[ju] / norm;
                    if (sim > 0.0)
                        ranked.emplace_back(sim, j);
                }
                cooc[ju] = 0.0;
            }
            const auto keep = std::min(ranked.size(), static_cast<std::size_t>(m_nSims));
            auto better = [](const auto& a, const auto& b) {
                return a.first != b.first ? a.first > b.first : a.second < b.second;
            };
            std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                              ranked.end(), better);
            for (std::size_t r = 0; r < keep; ++r) {
                m_item.push_back(ranked[r].second);
                m_value.push_back(ranked[r].first);
            }
            m_offset[i + 1] = static_cast<std::int64_t>(m_item.size());
        }
    }

    std::unique_ptr<SessionScorer> newScorer() const override {
        return std::make_unique<Scorer>(*this);
    }

private:
    class Scorer : public SessionScorer {
    public:
        explicit Scorer(const ItemKnn& model) : m_model(model) {}
        void score(const PrefixView& prefix, ScoreVector& out) override {
            const auto last = static_cast<std::size_t>(prefix.items[prefix.length - 1]);
            if (last + 1 >= m_model.m_offset.size())
                return;
            for (auto p = m_model.m_offset[last]; p < m_model.m_offset[last + 1]; ++p)
                out.set(m_model.m_item[static_cast<std::size_t>(p)],
                        m_model.m_value[static_cast<std::size_t>(p)]);
        }

    private:
        const ItemKnn& m_model;
    };

    ParamMap m_params;
    std::int64_t m_nSims = 100;
    double m_lambda = 20.0;
    double m_alpha = 0.5;
    std::vector<std::int64_t> m_offset;
    std::vector<std::int32_t> m_item;
    std::vector<double> m_value;
};

} // namespace

std::vector<ParamSpec> itemKnnParams() {
    return {{"n_sims", "100", "similar items kept per item"},
            {"lmbd", "20", "regularisation added to the supports (discounts rare items)"},
            {"alpha", "0.5", "0.5: cosine; 1.0: confidence as in association rules"}};
}

std::unique_ptr<Recommender> makeItemKnn(const ParamMap& params) {
    return std::make_unique<ItemKnn>(ParamReader("iknn", itemKnnParams(), params));
}

} // namespace srw
