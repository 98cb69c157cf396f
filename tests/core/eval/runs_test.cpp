// Whole runs: determinism across threads, JSON shape, fit-and-evaluate on a corpus, tuning.
#include "eval_test_support.h"
#include "srw/eval/eval_json.h"
#include "srw/eval/evaluator.h"
#include "srw/eval/recommender_factory.h"
#include "srw/eval/tuning.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

#include <random>

using namespace srw;
using srw::test::session;

namespace {

SessionCorpus randomCorpus(std::uint64_t seed) {
    SessionCorpus c;
    c.numItems = 60;
    std::mt19937_64 rng(seed);
    std::geometric_distribution<int> item(0.08);
    std::uniform_int_distribution<int> length(1, 8);
    auto make = [&](std::int64_t id) {
        std::vector<std::int32_t> items;
        const int n = length(rng);
        for (int i = 0; i < n; ++i)
            items.push_back(std::min(item(rng), c.numItems - 1));
        return session(id, items, id * 5);
    };
    for (int i = 0; i < 400; ++i)
        c.train.push_back(make(i));
    for (int i = 400; i < 500; ++i)
        c.valid.push_back(make(i));
    for (int i = 500; i < 800; ++i) // 300 test sessions: several blocks of 64
        c.test.push_back(make(i));
    return c;
}

nlohmann::json withoutTimings(const EvalResult& r) {
    auto j = toJson(r);
    j.erase("timings");
    return j;
}

} // namespace

class EvalDeterminism : public ::testing::TestWithParam<std::string> {};

TEST_P(EvalDeterminism, OneAndTwoThreadsGiveIdenticalFigures) {
    const SessionCorpus c = randomCorpus(5);
    ParamMap params;
    if (GetParam() == "sknn")
        params = {{"sampling", "random"}, {"sample_size", "30"}, {"k", "10"}};
    auto model = createRecommender(GetParam(), params);
    EvalOptions o;
    o.bootstrapSamples = 200;
    o.threads = 1;
    const auto one = fitAndEvaluate(*model, c, EvalPart::Test, o);
    o.threads = 2;
    const auto two = fitAndEvaluate(*model, c, EvalPart::Test, o);
    EXPECT_EQ(two.threads, 2);
    EXPECT_GT(one.predictions, 500u);
    EXPECT_EQ(withoutTimings(one).dump(), withoutTimings(two).dump());
    EXPECT_EQ(one.perSession.sums, two.perSession.sums);
}

INSTANTIATE_TEST_SUITE_P(AllBaselines, EvalDeterminism,
                         ::testing::Values("pop", "spop", "iknn", "sr", "ar", "sknn", "vsknn"));

TEST(EvalRuns, MetricsJsonHasExactlyTheMetricKeysAndPredictions) {
    const SessionCorpus c = randomCorpus(6);
    auto model = createRecommender("sr", {});
    EvalOptions o;
    o.bootstrapSamples = 50;
    const auto r = fitAndEvaluate(*model, c, EvalPart::Test, o);
    const auto flat = metricsJson(r);
    EXPECT_EQ(flat.size(), 7u * 4u + 1u);
    for (const char* key : {"HitRate@20", "MRR@20", "NDCG@20", "Precision@5", "Recall@10",
                            "Coverage@1", "Popularity@20", "predictions"})
        EXPECT_TRUE(flat.contains(key)) << key;
    EXPECT_EQ(flat["predictions"].get<std::uint64_t>(), r.predictions);

    const auto full = toJson(r);
    EXPECT_EQ(full["model"], "sr");
    EXPECT_EQ(full["params"]["steps"], "10");
    EXPECT_EQ(full["intervals"]["values"]["MRR@20"].size(), 2u);
    EXPECT_TRUE(full["tie_band"].contains("HitRate@20"));
    EXPECT_EQ(full["slices"].size(), 5u + 3u);
    EXPECT_EQ(full["counts"]["predictions"], r.predictions);
    EXPECT_EQ(full["protocol"]["unseen_targets"], "count");
}

TEST(EvalRuns, TestPartIsFittedOnTrainAndValid) {
    SessionCorpus c;
    c.numItems = 4;
    c.train = {session(1, {0, 1})};
    c.valid = {session(2, {2, 3})}; // item 3 only in valid
    c.test = {session(3, {2, 3})};
    auto model = createRecommender("sr", {});
    EvalOptions o;
    o.bootstrapSamples = 0;
    const auto onTest = fitAndEvaluate(*model, c, EvalPart::Test, o);
    EXPECT_EQ(onTest.unseenTargets, 0u);
    EXPECT_DOUBLE_EQ(onTest.metrics.at("HitRate@1"), 1.0); // rule 2 -> 3 learnt from valid
    const auto onValid = fitAndEvaluate(*model, c, EvalPart::Valid, o);
    EXPECT_EQ(onValid.unseenTargets, 1u);
    c.test.clear();
    EXPECT_THROW(fitAndEvaluate(*model, c, EvalPart::Test, o), UsageError);
}

TEST(EvalRuns, GridSearchKeepsTheBestOnValidation) {
    const SessionCorpus c = randomCorpus(7);
    TuneOptions t;
    t.grid = {parseGridSpec("k=1,50"), parseGridSpec("sample_size=10,500")};
    t.metric = "HitRate@10";
    t.eval.cutoffs = {10};
    const auto r = tune("sknn", c, t);
    ASSERT_EQ(r.trials.size(), 4u);
    for (const auto& trial : r.trials)
        EXPECT_LE(trial.value, r.trials[r.best].value);
    EXPECT_EQ(r.trials[0].params.at("k"), "1");
    EXPECT_EQ(r.trials[1].params.at("k"), "50");
    EXPECT_EQ(r.trials[3].params.at("sample_size"), "500");
    // The trials differ, so the search had something to choose.
    EXPECT_NE(r.trials[0].value, r.trials[3].value);
    const auto j = toJson(r);
    EXPECT_EQ(j["trials"].size(), 4u);
    EXPECT_EQ(j["best"]["params"]["k"], r.trials[r.best].params.at("k"));
    EXPECT_EQ(j["best"]["value"].get<double>(), r.trials[r.best].value);

    t.random = true;
    t.samples = 2;
    EXPECT_EQ(tune("sknn", c, t).trials.size(), 2u);
    t.metric = "MRR@99";
    EXPECT_THROW(tune("sknn", c, t), UsageError);
    EXPECT_THROW(parseGridSpec("k="), UsageError);
    EXPECT_THROW(parseGridSpec("k=1,,2"), UsageError);
}

namespace {

/** Wraps a model and hands its scores over as a dense vector: the brute-force reference. */
class Densified : public Recommender {
public:
    explicit Densified(const Recommender& inner) : m_inner(inner) {}
    std::string name() const override { return m_inner.name(); }
    ParamMap params() const override { return m_inner.params(); }
    void fit(const std::vector<SessionSequence>&, std::int32_t) override {}
    std::unique_ptr<SessionScorer> newScorer() const override {
        struct Scorer : SessionScorer {
            std::unique_ptr<SessionScorer> inner;
            void score(const PrefixView& p, ScoreVector& out) override {
                ScoreVector sparse(out.numItems());
                inner->score(p, sparse);
                double* v = out.dense();
                for (std::int32_t i = 0; i < out.numItems(); ++i)
                    v[i] = sparse.get(i);
            }
        };
        auto s = std::make_unique<Scorer>();
        s->inner = m_inner.newScorer();
        return s;
    }

private:
    const Recommender& m_inner;
};

} // namespace

class EvalSparseRanking : public ::testing::TestWithParam<std::string> {};

TEST_P(EvalSparseRanking, MatchesBruteForceDenseRanking) {
    const SessionCorpus c = randomCorpus(8);
    auto model = createRecommender(GetParam(), GetParam() == "pop" ? ParamMap{{"top_n", "10"}}
                                                                   : ParamMap{});
    const auto fitData = fitSessions(c, EvalPart::Test);
    model->fit(fitData, c.numItems);
    Densified dense(*model);
    for (bool exclude : {false, true}) {
        EvalOptions o;
        o.bootstrapSamples = 0;
        o.excludeSessionItems = exclude;
        o.remainingItems = exclude; // also exercises the top lists
        const auto a = evaluate(*model, fitData, c.test, c.numItems, o);
        const auto b = evaluate(dense, fitData, c.test, c.numItems, o);
        EXPECT_EQ(a.metrics, b.metrics) << "exclude=" << exclude;
        for (const auto& [key, band] : a.tieBand) {
            EXPECT_EQ(band.low, b.tieBand.at(key).low) << key;
            EXPECT_EQ(band.high, b.tieBand.at(key).high) << key;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(BaseAndSparseModels, EvalSparseRanking,
                         ::testing::Values("pop", "spop", "sr", "sknn", "vsknn"));
