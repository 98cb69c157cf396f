// Bootstrap intervals and the paired test: sanity on runs whose answer is known.
#include "eval_test_support.h"
#include "srw/eval/eval_json.h"
#include "srw/eval/evaluator.h"
#include "srw/eval/recommender_factory.h"
#include "srw/eval/statistics.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

using namespace srw;
using srw::test::LambdaModel;
using srw::test::session;

namespace {

struct Data {
    std::vector<SessionSequence> train, test;
    std::int32_t numItems = 30;
};

/** Random sessions over 30 items, a popular head; seeded so the test is stable. */
Data randomData(std::size_t trainSessions, std::size_t testSessions) {
    Data d;
    std::mt19937_64 rng(123);
    std::geometric_distribution<int> item(0.15);
    std::uniform_int_distribution<int> length(1, 6);
    auto make = [&](std::int64_t id) {
        std::vector<std::int32_t> items;
        const int n = length(rng);
        for (int i = 0; i < n; ++i)
            items.push_back(std::min(item(rng), d.numItems - 1));
        return session(id, items, id * 10);
    };
    for (std::size_t i = 0; i < trainSessions; ++i)
        d.train.push_back(make(static_cast<std::int64_t>(i)));
    for (std::size_t i = 0; i < testSessions; ++i)
        d.test.push_back(make(static_cast<std::int64_t>(trainSessions + i)));
    return d;
}

/** Knows every test session and puts the true next item first: HitRate@1 = 1. */
LambdaModel oracle(const std::vector<SessionSequence>& test) {
    auto bySession = std::make_shared<std::map<std::int64_t, std::vector<std::int32_t>>>();
    for (const auto& s : test)
        (*bySession)[s.sessionId] = s.items;
    return LambdaModel([bySession](const PrefixView& p, ScoreVector& out) {
        const auto& items = bySession->at(p.sessionId);
        out.set(items[p.length], 100.0);
    });
}

EvalOptions options() {
    EvalOptions o;
    o.cutoffs = {1, 10};
    o.bootstrapSamples = 400;
    return o;
}

} // namespace

TEST(EvalStatistics, BootstrapIntervalBracketsTheEstimate) {
    const Data d = randomData(300, 200);
    auto pop = createRecommender("pop", {});
    pop->fit(d.train, d.numItems);
    const auto r = evaluate(*pop, d.train, d.test, d.numItems, options());
    for (const auto& key : {"HitRate@10", "MRR@10", "NDCG@10", "Precision@1"}) {
        const Interval iv = r.intervals.at(key);
        const double m = r.metrics.at(key);
        EXPECT_LE(iv.low, m) << key;
        EXPECT_GE(iv.high, m) << key;
        EXPECT_LT(iv.low, iv.high) << key; // the data vary, so the interval has width
        EXPECT_LT(iv.high - iv.low, 0.3) << key;
    }
    // pop recommends the same list every time: its Popularity@10 interval is a point.
    EXPECT_NEAR(r.intervals.at("Popularity@10").low, r.metrics.at("Popularity@10"), 1e-12);
    EXPECT_NEAR(r.intervals.at("Popularity@10").high, r.metrics.at("Popularity@10"), 1e-12);
    // Same seed, same interval; the interval depends on the seed only through resampling.
    const auto again = evaluate(*pop, d.train, d.test, d.numItems, options());
    EXPECT_EQ(again.intervals.at("MRR@10").low, r.intervals.at("MRR@10").low);
}

TEST(EvalStatistics, ConstantPerSessionValuesGiveAPointInterval) {
    const Data d = randomData(100, 50);
    auto model = oracle(d.test);
    auto o = options();
    o.unseenTargets = UnseenTargetPolicy::DropTargets; // the oracle cannot rank untrained items
    const auto r = evaluate(model, d.train, d.test, d.numItems, o);
    EXPECT_DOUBLE_EQ(r.metrics.at("HitRate@1"), 1.0);
    EXPECT_DOUBLE_EQ(r.intervals.at("HitRate@1").low, 1.0);
    EXPECT_DOUBLE_EQ(r.intervals.at("HitRate@1").high, 1.0);
}

TEST(EvalStatistics, IdenticalRunsShowNoDifference) {
    const Data d = randomData(300, 200);
    auto sknn = createRecommender("sknn", {{"k", "20"}});
    sknn->fit(d.train, d.numItems);
    const auto a = evaluate(*sknn, d.train, d.test, d.numItems, options());
    const auto b = evaluate(*sknn, d.train, d.test, d.numItems, options());
    const auto cmp = comparePaired(a, b, 500);
    ASSERT_FALSE(cmp.metrics.empty());
    for (const auto& m : cmp.metrics) {
        EXPECT_EQ(m.difference, 0.0) << m.metric;
        EXPECT_DOUBLE_EQ(m.pValue, 1.0) << m.metric;
        EXPECT_EQ(m.interval.low, 0.0) << m.metric;
        EXPECT_EQ(m.interval.high, 0.0) << m.metric;
    }
}

TEST(EvalStatistics, ARealDifferenceIsSignificant) {
    const Data d = randomData(300, 200);
    auto pop = createRecommender("pop", {});
    pop->fit(d.train, d.numItems);
    auto best = oracle(d.test);
    const auto a = evaluate(best, d.train, d.test, d.numItems, options());
    const auto b = evaluate(*pop, d.train, d.test, d.numItems, options());
    const auto cmp = comparePaired(a, b, 500);
    for (const auto& m : cmp.metrics) {
        if (m.metric != "HitRate@1" && m.metric != "MRR@10")
            continue;
        EXPECT_GT(m.difference, 0.3) << m.metric;
        EXPECT_LT(m.pValue, 0.01) << m.metric;
        EXPECT_GT(m.interval.low, 0.0) << m.metric;
        EXPECT_NEAR(m.difference, m.a - m.b, 1e-12);
    }
    // Swapping the runs flips the sign and keeps the p-value.
    const auto back = comparePaired(b, a, 500);
    EXPECT_NEAR(back.metrics[0].difference, -cmp.metrics[0].difference, 1e-12);
    EXPECT_DOUBLE_EQ(back.metrics[0].pValue, cmp.metrics[0].pValue);
}

TEST(EvalStatistics, PairedTestRefusesDifferentSplits) {
    const Data d = randomData(100, 60);
    auto pop = createRecommender("pop", {});
    pop->fit(d.train, d.numItems);
    const auto a = evaluate(*pop, d.train, d.test, d.numItems, options());
    std::vector<SessionSequence> fewer(d.test.begin(), d.test.end() - 1);
    const auto b = evaluate(*pop, d.train, fewer, d.numItems, options());
    EXPECT_THROW(comparePaired(a, b), UsageError);
}

TEST(EvalStatistics, PerSessionValuesRoundTripThroughJsonForStoredComparisons) {
    const Data d = randomData(200, 80);
    auto pop = createRecommender("pop", {});
    pop->fit(d.train, d.numItems);
    auto sr = createRecommender("sr", {});
    sr->fit(d.train, d.numItems);
    const auto a = evaluate(*pop, d.train, d.test, d.numItems, options());
    const auto b = evaluate(*sr, d.train, d.test, d.numItems, options());
    const auto back = perSessionFromJson(nlohmann::json::parse(toJson(a.perSession).dump()));
    EXPECT_EQ(back.columns, a.perSession.columns);
    EXPECT_EQ(back.sums, a.perSession.sums);
    const auto direct = comparePaired(a, b, 200);
    const auto stored = comparePaired(back, b.perSession, 200);
    ASSERT_EQ(direct.metrics.size(), stored.metrics.size());
    EXPECT_EQ(direct.metrics[2].pValue, stored.metrics[2].pValue);
    EXPECT_EQ(direct.metrics[2].difference, stored.metrics[2].difference);
    EXPECT_THROW(perSessionFromJson(nlohmann::json::object()), UsageError);
}
