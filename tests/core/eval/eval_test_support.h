#pragma once
#include "srw/data/session_data.h"
#include "srw/eval/recommender.h"

#include <functional>
#include <memory>
#include <vector>

namespace srw::test {

/** A session with times 1000 * (base + i) ms. */
inline SessionSequence session(std::int64_t id, std::vector<std::int32_t> items,
                               std::int64_t base = 0) {
    SessionSequence s;
    s.sessionId = id;
    s.items = std::move(items);
    for (std::size_t i = 0; i < s.items.size(); ++i)
        s.times.push_back(1000 * (base + static_cast<std::int64_t>(i)));
    return s;
}

using ScoreFn = std::function<void(const PrefixView&, ScoreVector&)>;

/** A model whose scores the test writes by hand. */
class LambdaModel : public Recommender {
public:
    explicit LambdaModel(ScoreFn fn, std::string name = "lambda")
        : m_fn(std::move(fn)), m_name(std::move(name)) {}
    std::string name() const override { return m_name; }
    ParamMap params() const override { return {}; }
    void fit(const std::vector<SessionSequence>&, std::int32_t) override {}
    std::unique_ptr<SessionScorer> newScorer() const override {
        struct Scorer : SessionScorer {
            const ScoreFn& fn;
            explicit Scorer(const ScoreFn& f) : fn(f) {}
            void score(const PrefixView& p, ScoreVector& out) override { fn(p, out); }
        };
        return std::make_unique<Scorer>(m_fn);
    }

private:
    ScoreFn m_fn;
    std::string m_name;
};

/** Scores of every item for one prefix, through the model's own scorer. */
inline std::vector<double> scoresFor(const Recommender& model, std::int32_t numItems,
                                     const std::vector<std::int32_t>& prefix,
                                     std::int64_t nowMs = 0) {
    auto scorer = model.newScorer();
    ScoreVector sv(numItems);
    std::vector<std::int64_t> times(prefix.size(), 0);
    PrefixView view;
    view.items = prefix.data();
    view.times = times.data();
    view.length = prefix.size();
    view.nowMs = nowMs;
    scorer->score(view, sv);
    std::vector<double> out;
    for (std::int32_t i = 0; i < numItems; ++i)
        out.push_back(sv.get(i));
    return out;
}

} // namespace srw::test
