// Vector-multiplied session-kNN (V-SKNN) after session-rec's algorithms/knn/vsknn.py
// (VMContextKNN). The prefix (its last last_n_clicks events) of length L is a vector: the event
// at position c (1-based) gives its item the weight weighting(c, L), a later repeat overwriting
// an earlier one:
//   div c/L, same 1, quadratic (c/L)^2, log 1/log10(L-c+1.7),
//   linear 1-0.1(L-c) for c <= 10 else 0 (session-rec's condition, as written);
// idf_weighting_session replaces the weights by the items' idf = log(sessions / events).
// sim(N) = sum of the weights of the prefix items in neighbour N / number of distinct prefix
// items, times (7/8)^round(days between the target event and N's last event) when
// weighting_time. The k best neighbours score their items with
//   sim * (1 + idf(i) * idf_weighting) * weighting_score(step),
// step being the distance from the prefix end to the most recent prefix event N shares
// (div 1/step, same 1, linear 1-0.1 step for step<=100, log 1/log10(step+1.7), quadratic
// 1/step^2). remind=false drops prefix items from the scores; push_reminders multiplies the
// score of each prefix item by its count in the session + 1.
#include "baselines.h"

#include "neighbor_sampler.h"
#include "param_reader.h"
#include "srw/util/error.h"
#include "train_index.h"

#include <cmath>

namespace srw {
namespace {

enum class Decay { Div, Linear, Same, Log, Quadratic };

Decay parseDecay(const std::string& name) {
    return name == "linear" ? Decay::Linear
           : name == "same" ? Decay::Same
           : name == "log"  ? Decay::Log
           : name == "quadratic" ? Decay::Quadratic
                                 : Decay::Div;
}

double positionWeight(Decay w, double c, double length) {
    switch (w) {
    case Decay::Same:
        return 1.0;
    case Decay::Quadratic:
        return (c / length) * (c / length);
    case Decay::Log:
        return 1.0 / std::log10((length - c) + 1.7);
    case Decay::Linear:
        return c <= 10 ? 1.0 - 0.1 * (length - c) : 0.0;
    case Decay::Div:
        break;
    }
    return c / length;
}

double stepWeight(Decay w, double step) {
    switch (w) {
    case Decay::Same:
        return 1.0;
    case Decay::Quadratic:
        return 1.0 / (step * step);
    case Decay::Log:
        return 1.0 / std::log10(step + 1.7);
    case Decay::Linear:
        return step <= 100 ? 1.0 - 0.1 * step : 0.0;
    case Decay::Div:
        break;
    }
    return 1.0 / step;
}

void reject(const ParamReader& reader, const std::string& name, const std::string& why) {
    if (reader.boolean(name))
        throw UsageError("vsknn: " + name + "=true is not supported: " + why);
}

class VectorSessionKnn : public Recommender {
public:
    explicit VectorSessionKnn(const ParamReader& reader) : m_params(reader.effective()) {
        const std::vector<std::string> decays{"div", "linear", "same", "log", "quadratic"};
        m_k = reader.integer("k", 1);
        m_sampleSize = reader.integer("sample_size", 0);
        m_recent = reader.choice("sampling", {"recent", "random"}) == "recent";
        // session-rec accepts a similarity for V-SKNN but always uses its vector product.
        reader.choice("similarity", {"jaccard", "cosine", "binary", "tanimoto", "vec"});
        m_weighting = parseDecay(reader.choice("weighting", decays));
        m_weightingScore = parseDecay(reader.choice("weighting_score", decays));
        m_weightingTime = reader.boolean("weighting_time");
        m_lastNDays = reader.optionalInteger("last_n_days", 0);
        m_lastNClicks = reader.optionalInteger("last_n_clicks", 1);
        m_remind = reader.boolean("remind");
        m_pushReminders = reader.boolean("push_reminders");
        m_idfWeighting = reader.real("idf_weighting");
        m_idfSession = reader.boolean("idf_weighting_session");
        reader.boolean("normalize");
        reject(reader, "dwelling_time", "session-rec derives it from the target times");
        reject(reader, "add_reminders", "it depends on the pandas sort of all scores");
        reject(reader, "extend", "it makes results depend on the evaluation order");
    }

    std::string name() const override { return "vsknn"; }
    ParamMap params() const override { return m_params; }

    void fit(const std::vector<SessionSequence>& train, std::int32_t numItems) override {
        m_index.build(m_lastNDays ? lastNDays(train, *m_lastNDays) : train, numItems, true);
        m_idf.assign(static_cast<std::size_t>(numItems), 0.0);
        for (std::size_t i = 0; i < m_idf.size(); ++i)
            if (m_index.catalogue[i])
                m_idf[i] = std::log(static_cast<double>(m_index.numSessions) /
                                    static_cast<double>(m_index.itemEventCount[i]));
    }

    std::unique_ptr<SessionScorer> newScorer() const override {
        return std::make_unique<Scorer>(*this);
    }

private:
    class Scorer : public SessionScorer {
    public:
        explicit Scorer(const VectorSessionKnn& model)
            : m_model(model), m_sampler(model.m_index) {
            const auto n = static_cast<std::size_t>(model.m_index.numItems);
            m_weight.assign(n, 0.0);
            m_lastPos.assign(n, -1);
            m_count.assign(n, 0);
            m_step.assign(static_cast<std::size_t>(model.m_index.numSessions), 1);
        }

        void score(const PrefixView& prefix, ScoreVector& out) override {
            const TrainIndex& index = m_model.m_index;
            const std::size_t length = prefix.length;
            std::size_t first = 0;
            if (m_model.m_lastNClicks && length > static_cast<std::size_t>(*m_model.m_lastNClicks))
                first = length - static_cast<std::size_t>(*m_model.m_lastNClicks);
            const std::size_t used = length - first;

            // Candidates come from every prefix item (session-rec accumulates relevant_sessions
            // over all inputs), the vector from the last `used` ones.
            m_all.clear();
            for (std::size_t i = 0; i < length; ++i) {
                auto& c = m_count[static_cast<std::size_t>(prefix.items[i])];
                if (c++ == 0)
                    m_all.push_back(prefix.items[i]);
            }
            m_vector.clear();
            for (std::size_t i = first; i < length; ++i) {
                const auto item = static_cast<std::size_t>(prefix.items[i]);
                if (m_lastPos[item] < 0)
                    m_vector.push_back(prefix.items[i]);
                m_lastPos[item] = static_cast<std::int64_t>(i - first);
                m_weight[item] = positionWeight(m_model.m_weighting,
                                                static_cast<double>(i - first + 1),
                                                static_cast<double>(used));
            }
            if (m_model.m_idfSession)
                for (std::int32_t item : m_vector)
                    m_weight[static_cast<std::size_t>(item)] = m_model.m_idf[static_cast<std::size_t>(item)];
            const double distinct = static_cast<double>(m_vector.size());

            const auto& candidates =
                m_sampler.sample(m_all, m_model.m_sampleSize, m_model.m_recent, prefix.seed,
                                 &m_weight, &m_lastPos);
            m_neighbors.clear();
            for (std::int32_t s : candidates) {
                const auto su = static_cast<std::size_t>(s);
                const double sum = m_sampler.weight(s);
                const std::int64_t latest = m_sampler.latest(s);
                double sim = sum / distinct;
                if (sim > 0) {
                    if (m_model.m_weightingTime) {
                        // session-rec's times are seconds; round() in Python 3 rounds half to even.
                        const double diffSeconds =
                            static_cast<double>(prefix.nowMs - index.sessionTime[su]) / 1000.0;
                        sim *= std::pow(7.0 / 8.0, std::nearbyint(diffSeconds / 86400.0));
                    }
                    m_neighbors.emplace_back(sim, s);
                    m_step[su] = static_cast<std::int64_t>(used) - latest;
                }
            }
            keepTopNeighbors(m_neighbors, m_model.m_k, index);

            for (const auto& [sim, s] : m_neighbors) {
                const auto su = static_cast<std::size_t>(s);
                const double decay =
                    stepWeight(m_model.m_weightingScore, static_cast<double>(m_step[su]));
                for (auto p = index.sessionItemOffset[su]; p < index.sessionItemOffset[su + 1]; ++p) {
                    const auto item = index.sessionItems[static_cast<std::size_t>(p)];
                    const auto iu = static_cast<std::size_t>(item);
                    if (!m_model.m_remind && m_lastPos[iu] >= 0)
                        continue;
                    double v = sim;
                    if (m_model.m_idfWeighting != 0)
                        v += v * m_model.m_idf[iu] * m_model.m_idfWeighting;
                    out.add(item, v * decay);
                }
            }
            if (m_model.m_pushReminders)
                for (std::int32_t item : m_all)
                    if (out.isTouched(item))
                        out.multiply(item, static_cast<double>(m_count[static_cast<std::size_t>(item)] + 1));

            for (std::int32_t item : m_all)
                m_count[static_cast<std::size_t>(item)] = 0;
            for (std::int32_t item : m_vector)
                m_lastPos[static_cast<std::size_t>(item)] = -1;
        }

    private:
        const VectorSessionKnn& m_model;
        NeighborSampler m_sampler;
        std::vector<double> m_weight;
        std::vector<std::int64_t> m_lastPos;
        std::vector<std::int32_t> m_count;
        std::vector<std::int32_t> m_all;
        std::vector<std::int32_t> m_vector;
        std::vector<std::pair<double, std::int32_t>> m_neighbors;
        std::vector<std::int64_t> m_step; ///< per training session, written before read
    };

    ParamMap m_params;
    std::int64_t m_k = 100;
    std::int64_t m_sampleSize = 1000;
    bool m_recent = true;
    Decay m_weighting = Decay::Div;
    Decay m_weightingScore = Decay::Div;
    bool m_weightingTime = false;
    std::optional<std::int64_t> m_lastNDays, m_lastNClicks;
    bool m_remind = true;
    bool m_pushReminders = false;
    double m_idfWeighting = 0;
    bool m_idfSession = false;
    TrainIndex m_index;
    std::vector<double> m_idf;
};

} // namespace

std::vector<ParamSpec> vectorSessionKnnParams() {
    return {{"k", "100", "neighbour sessions that score items"},
            {"sample_size", "1000", "candidate sessions considered (0: all sharing an item)"},
            {"sampling", "recent", "which candidates when there are more: recent, random"},
            {"similarity", "cosine", "accepted for parity; V-SKNN always uses its vector product"},
            {"weighting", "div", "position weight in the prefix: div, linear, same, log, quadratic"},
            {"weighting_score", "div", "decay by step of the shared item: div, linear, same, log, quadratic"},
            {"weighting_time", "false", "decay similarity by (7/8)^days since the neighbour"},
            {"dwelling_time", "false", "not supported (must stay false)"},
            {"last_n_days", "none", "train on the last N days only (UTC days)"},
            {"last_n_clicks", "none", "use only the last N events of the prefix"},
            {"remind", "true", "keep prefix items as candidates"},
            {"push_reminders", "false", "multiply prefix items' scores by their count + 1"},
            {"add_reminders", "false", "not supported (must stay false)"},
            {"extend", "false", "not supported (must stay false)"},
            {"normalize", "true", "divide by the maximum (no effect on ranking)"},
            {"idf_weighting", "0", "score factor (1 + idf * idf_weighting); 0 or false: off"},
            {"idf_weighting_session", "false", "use idf instead of position weights"}};
}

std::unique_ptr<Recommender> makeVectorSessionKnn(const ParamMap& params) {
    return std::make_unique<VectorSessionKnn>(
        ParamReader("vsknn", vectorSessionKnnParams(), params));
}

} // namespace srw
