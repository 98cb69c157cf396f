// Session-kNN (SKNN) after session-rec's algorithms/knn/sknn.py (ContextKNN):
// neighbours are the training sessions sharing an item with the prefix (the sample_size most
// recent, or random ones), similarity on item sets, the k most similar kept, and
//   score(i) = sum of similarities of the neighbours containing i.
// Similarities of neighbour set N and prefix set P (li = |N & P|, la = |N|, lb = |P|):
//   jaccard = tanimoto = li / (la + lb - li), binary = 2 li / (2 li + la + lb), and
//   cosine = li / sqrt(la) * sqrt(lb), which is session-rec's formula as written (operator
//   precedence makes it li * sqrt(lb) / sqrt(la), not the textbook cosine); kept for parity.
// remind: for each of the last 3 prefix events in order (cnt 1..3) the item's score becomes
//   (score + 5) * 5 + cnt / 100. pop_boost: adds pop_boost * (share of neighbours with the item,
//   relative to the most frequent one) to every scored item.
#include "baselines.h"

#include "neighbor_sampler.h"
#include "param_reader.h"
#include "srw/util/error.h"
#include "train_index.h"

#include <cmath>

namespace srw {
namespace {

enum class SetSimilarity { Jaccard, Cosine, Binary, Tanimoto };

class SessionKnn : public Recommender {
public:
    explicit SessionKnn(const ParamReader& reader) : m_params(reader.effective()) {
        m_k = reader.integer("k", 1);
        m_sampleSize = reader.integer("sample_size", 0);
        m_recent = reader.choice("sampling", {"recent", "random"}) == "recent";
        const auto sim = reader.choice("similarity", {"jaccard", "cosine", "binary", "tanimoto"});
        m_similarity = sim == "cosine"   ? SetSimilarity::Cosine
                       : sim == "binary" ? SetSimilarity::Binary
                       : sim == "tanimoto" ? SetSimilarity::Tanimoto
                                           : SetSimilarity::Jaccard;
        m_remind = reader.boolean("remind");
        m_popBoost = reader.real("pop_boost");
        reader.boolean("normalize"); // validated only: dividing by the maximum keeps the ranking
        if (reader.boolean("extend"))
            throw UsageError("sknn: extend=true (adding test sessions while evaluating) is not "
                             "supported; it makes results depend on the evaluation order");
    }

    std::string name() const override { return "sknn"; }
    ParamMap params() const override { return m_params; }

    void fit(const std::vector<SessionSequence>& train, std::int32_t numItems) override {
        m_index.build(train, numItems, true);
    }

    std::unique_ptr<SessionScorer> newScorer() const override {
        return std::make_unique<Scorer>(*this);
    }

private:
    class Scorer : public SessionScorer {
    public:
        explicit Scorer(const SessionKnn& model)
            : m_model(model), m_sampler(model.m_index),
              m_inPrefix(static_cast<std::size_t>(model.m_index.numItems), 0),
              m_popCount(model.m_popBoost > 0 ? static_cast<std::size_t>(model.m_index.numItems)
                                              : 0,
                         0.0) {}

        void score(const PrefixView& prefix, ScoreVector& out) override {
            const TrainIndex& index = m_model.m_index;
            m_distinct.clear();
            for (std::size_t i = 0; i < prefix.length; ++i) {
                const auto item = prefix.items[i];
                if (!m_inPrefix[static_cast<std::size_t>(item)]) {
                    m_inPrefix[static_cast<std::size_t>(item)] = 1;
                    m_distinct.push_back(item);
                }
            }
            const double lb = static_cast<double>(m_distinct.size());

            const auto& candidates = m_sampler.sample(m_distinct, m_model.m_sampleSize,
                                                      m_model.m_recent, prefix.seed);
            m_neighbors.clear();
            for (std::int32_t s : candidates) {
                const auto su = static_cast<std::size_t>(s);
                const double la = static_cast<double>(index.sessionItemOffset[su + 1] -
                                                      index.sessionItemOffset[su]);
                const double sim =
                    similarity(static_cast<double>(m_sampler.overlap(s)), la, lb);
                if (sim > 0)
                    m_neighbors.emplace_back(sim, s);
            }
            for (std::int32_t item : m_distinct)
                m_inPrefix[static_cast<std::size_t>(item)] = 0;
            keepTopNeighbors(m_neighbors, m_model.m_k, index);

            double maxPop = 0;
            for (const auto& [sim, s] : m_neighbors) {
                const auto su = static_cast<std::size_t>(s);
                for (auto p = index.sessionItemOffset[su]; p < index.sessionItemOffset[su + 1]; ++p) {
                    const auto item = index.sessionItems[static_cast<std::size_t>(p)];
                    out.add(item, sim);
                    if (!m_popCount.empty()) {
                        double& c = m_popCount[static_cast<std::size_t>(item)];
                        c += 1;
                        maxPop = std::max(maxPop, c);
                    }
                }
            }
            if (m_model.m_remind) {
                const std::size_t first = prefix.length > 3 ? prefix.length - 3 : 0;
                for (std::size_t i = first, cnt = 1; i < prefix.length; ++i, ++cnt) {
                    const auto item = prefix.items[i];
                    out.set(item, (out.get(item) + 5.0) * 5.0 + static_cast<double>(cnt) / 100.0);
                }
            }
            if (!m_popCount.empty()) {
                for (std::int32_t item : out.touched()) {
                    const double c = m_popCount[static_cast<std::size_t>(item)];
                    if (c > 0)
                        out.add(item, m_model.m_popBoost * c / maxPop);
                }
                for (const auto& [sim, s] : m_neighbors) {
                    const auto su = static_cast<std::size_t>(s);
                    for (auto p = index.sessionItemOffset[su]; p < index.sessionItemOffset[su + 1]; ++p)
                        m_popCount[static_cast<std::size_t>(index.sessionItems[static_cast<std::size_t>(p)])] = 0;
                }
            }
        }

    private:
        double similarity(double li, double la, double lb) const {
            switch (m_model.m_similarity) {
            case SetSimilarity::Cosine:
                return li / std::sqrt(la) * std::sqrt(lb);
            case SetSimilarity::Binary:
                return (2 * li) / (2 * li + la + lb);
            case SetSimilarity::Jaccard:
            case SetSimilarity::Tanimoto:
                break;
            }
            return li / (la + lb - li);
        }

        const SessionKnn& m_model;
        NeighborSampler m_sampler;
        std::vector<std::uint8_t> m_inPrefix;
        std::vector<double> m_popCount;
        std::vector<std::int32_t> m_distinct;
        std::vector<std::pair<double, std::int32_t>> m_neighbors;
    };

    ParamMap m_params;
    std::int64_t m_k = 100;
    std::int64_t m_sampleSize = 1000;
    bool m_recent = true;
    SetSimilarity m_similarity = SetSimilarity::Jaccard;
    bool m_remind = false;
    double m_popBoost = 0;
    TrainIndex m_index;
};

} // namespace

std::vector<ParamSpec> sessionKnnParams() {
    return {{"k", "100", "neighbour sessions that score items"},
            {"sample_size", "1000", "candidate sessions considered (0: all sharing an item)"},
            {"sampling", "recent", "which candidates when there are more: recent, random"},
            {"similarity", "jaccard", "jaccard, cosine, binary, tanimoto"},
            {"remind", "false", "boost the last 3 items of the session"},
            {"pop_boost", "0", "add this factor times the item's popularity among neighbours"},
            {"extend", "false", "not supported (must stay false)"},
            {"normalize", "true", "divide by the maximum (no effect on ranking)"}};
}

std::unique_ptr<Recommender> makeSessionKnn(const ParamMap& params) {
    return std::make_unique<SessionKnn>(ParamReader("sknn", sessionKnnParams(), params));
}

} // namespace srw
