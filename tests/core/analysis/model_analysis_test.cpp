// Analyses of a (small, untrained) BERT+MLP model: the α sweep's points equal evaluations of the
// model at each α, recommend equals the evaluation's top lists, explanations name the true
// nearest session items, and the cold-start slice reaches unseen items only through text.
#include "srw/analysis/alpha_sweep.h"
#include "srw/analysis/cold_start.h"
#include "srw/analysis/recommend_explain.h"
#include "srw/model/model_analysis.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

#include <random>

using namespace srw;

namespace {

constexpr std::int32_t kItems = 40;
constexpr std::int32_t kUnseenFrom = 34; // items 34..39 never occur in training
constexpr std::int64_t kDim = 8;

std::vector<SessionSequence> makeSessions(std::uint64_t seed, int count, std::int32_t items,
                                          std::int64_t firstId) {
    std::mt19937_64 rng(seed);
    std::vector<SessionSequence> out;
    for (int s = 0; s < count; ++s) {
        SessionSequence q;
        q.sessionId = firstId + s;
        const int n = 2 + int(rng() % 5);
        const auto base = std::int32_t(rng() % std::uint64_t(items));
        for (int i = 0; i < n; ++i) {
            q.items.push_back((base + std::int32_t(rng() % 4)) % items);
            q.times.push_back(1000 * (firstId + s) + i);
        }
        out.push_back(q);
    }
    return out;
}

struct Fixture {
    std::vector<float> vectors;
    std::vector<SessionSequence> train = makeSessions(3, 150, kUnseenFrom, 0);
    std::vector<SessionSequence> test = makeSessions(5, 40, kItems, 1000);
    std::unique_ptr<BertMlpRecommender> model;

    explicit Fixture(double alpha = 0.5) {
        std::mt19937_64 rng(11);
        std::normal_distribution<float> n(0.0f, 1.0f);
        vectors.resize(std::size_t(kItems * kDim));
        for (auto& v : vectors)
            v = n(rng);
        BertMlpOptions o;
        o.alpha = alpha;
        o.cfRecencyDecay = 0.5;
        model = BertMlpRecommender::createUntrained(o, vectors, kDim,
                                                    std::vector<std::uint8_t>(kItems, 1));
        model->fit(train, kItems);
    }
    std::vector<std::uint8_t> catalogue() const {
        std::vector<std::uint8_t> c(kItems, 0);
        for (const auto& s : train)
            for (auto i : s.items)
                c[std::size_t(i)] = 1;
        return c;
    }
};

EvalOptions protocol() {
    EvalOptions o;
    o.cutoffs = {1, 5, 10};
    o.bootstrapSamples = 50;
    return o;
}

} // namespace

TEST(AlphaSweep, EveryPointEqualsTheModelEvaluatedAtThatAlpha) {
    Fixture f;
    SweepOptions so;
    so.alphas = {0.0, 0.3, 1.0};
    so.eval = protocol();
    const auto sweep = sweepAlpha("bert-mlp", f.model->params(), modelBlendParts(*f.model),
                                  f.train, f.test, kItems, so);
    ASSERT_EQ(sweep.points.size(), 3u);
    EXPECT_GT(sweep.partsReused, 0u); // the later α blend cached parts
    for (const auto& p : sweep.points) {
        f.model->setAlpha(p.alpha);
        const auto direct = evaluate(*f.model, f.train, f.test, kItems, protocol());
        EXPECT_EQ(p.result.metrics, direct.metrics) << "alpha " << p.alpha;
        EXPECT_EQ(p.result.predictions, direct.predictions);
        EXPECT_EQ(p.result.params.at("alpha"), p.alpha == 0.3 ? "0.3" : p.alpha == 0 ? "0" : "1");
    }
    const auto best = bestAlphas(sweep);
    ASSERT_TRUE(best.count("MRR@10"));
    double top = 0;
    for (const auto& p : sweep.points)
        top = std::max(top, p.result.metrics.at("MRR@10"));
    EXPECT_EQ(best.at("MRR@10").second, top);
}

TEST(AlphaSweep, ParsesListsAndGrids) {
    EXPECT_EQ(parseAlphaList("0,0.25,1"), (std::vector<double>{0, 0.25, 1}));
    EXPECT_EQ(parseAlphaList("0:1:0.5"), (std::vector<double>{0, 0.5, 1}));
    EXPECT_EQ(parseAlphaList("0:1:0.1").size(), 11u);
    EXPECT_THROW(parseAlphaList("0,1.5"), UsageError);
    EXPECT_THROW(parseAlphaList("x"), UsageError);
}

TEST(Recommend, EqualsTheEvaluationsTopListForTheSamePrefix) {
    Fixture f;
    EvalOptions o = protocol();
    o.keepTopLists = 10;
    o.bootstrapSamples = 0;
    const auto r = evaluate(*f.model, f.train, f.test, kItems, o);
    ASSERT_FALSE(r.topLists.empty());
    std::size_t checked = 0;
    for (const auto& rec : r.topLists) {
        const auto& s = *std::find_if(f.test.begin(), f.test.end(),
                                      [&](const SessionSequence& q) { return q.sessionId == rec.sessionId; });
        std::vector<std::int32_t> prefix(s.items.begin(), s.items.begin() + rec.position);
        const auto top = recommendTop(*f.model, prefix, f.catalogue(), 10);
        ASSERT_EQ(top.size(), rec.top.size());
        for (std::size_t i = 0; i < top.size(); ++i)
            EXPECT_EQ(top[i].item, rec.top[i]);
        ++checked;
    }
    EXPECT_GT(checked, 20u);
}

TEST(Recommend, ExplanationsNameTheTrulyNearestSessionItems) {
    Fixture f;
    const std::vector<std::int32_t> prefix{3, 4, 5, 7, 4};
    auto recs = recommendTop(*f.model, prefix, f.catalogue(), 8);
    std::vector<float> vectors;
    ExplainSources src = modelExplainSources(*f.model, vectors);
    src.nearest = 1;
    EXPECT_EQ(vectors, f.vectors); // the text space is the item tower's text vectors
    explainRecommendations(recs, prefix, src);
    const auto cf = f.model->cfScores(prefix), fn = f.model->neuralScores(prefix);
    for (const auto& r : recs) {
        ASSERT_TRUE(r.hasParts);
        EXPECT_DOUBLE_EQ(r.score, 0.5 * r.cf + 0.5 * r.neural);
        EXPECT_EQ(r.cf, cf[std::size_t(r.item)]);
        ASSERT_EQ(r.nearestCf.size(), 1u);
        ASSERT_EQ(r.nearestText.size(), 1u);
        for (std::int32_t i : {3, 4, 5, 7}) {
            EXPECT_GE(r.nearestCf[0].similarity, modelCfSimilarity(*f.model, i, r.item));
            EXPECT_GE(r.nearestText[0].similarity + 1e-12, rowCosine(f.vectors, kDim, i, r.item));
        }
        EXPECT_DOUBLE_EQ(r.nearestText[0].similarity,
                         rowCosine(f.vectors, kDim, r.nearestText[0].item, r.item));
    }
}

TEST(ColdStart, UnseenItemsAreScoredOnlyThroughText) {
    Fixture f;
    const std::vector<std::int32_t> prefix{1, 2, 3};
    const auto cf = f.model->cfScores(prefix);
    for (std::int32_t i = kUnseenFrom; i < kItems; ++i)
        EXPECT_EQ(cf[std::size_t(i)], 0.0) << "CF knows nothing of unseen item " << i;

    ColdStartOptions o;
    o.cutoffs = {1, 5, 10};
    o.maxTrainCount = 0;
    o.extraCatalogue.assign(kItems, 1); // every item has a text
    f.model->setAlpha(1.0);             // CF alone: unseen targets can never be reached
    const auto pureCf = evaluateColdStart(*f.model, f.train, f.test, kItems, o);
    ASSERT_GT(pureCf.unseenPredictions, 0u);
    EXPECT_EQ(pureCf.addedItems, std::uint64_t(kItems - kUnseenFrom));
    for (const auto& [k, v] : pureCf.unseenMetrics)
        EXPECT_EQ(v, 0.0) << k;
    f.model->setAlpha(0.0); // text alone reaches them
    const auto text = evaluateColdStart(*f.model, f.train, f.test, kItems, o);
    EXPECT_EQ(text.unseenPredictions, pureCf.unseenPredictions);
    EXPECT_GT(text.unseenMetrics.at("HitRate@10"), 0.0);

    // Without the extension the unseen targets are outside the catalogue: unscorable.
    o.extraCatalogue.clear();
    const auto plain = evaluateColdStart(*f.model, f.train, f.test, kItems, o);
    EXPECT_EQ(plain.predictions, 0u);
    EXPECT_EQ(plain.unscorable, pureCf.unseenPredictions);
}
