// Each metric on rankings computed by hand, ties included.
#include "eval_test_support.h"
#include "srw/eval/evaluator.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace srw;
using srw::test::LambdaModel;
using srw::test::session;

namespace {

// Train counts: item 0:1, 1:3, 2:2, 3:1, 4:1, 5:1 (max 3). Six catalogue items.
std::vector<SessionSequence> train() {
    return {session(1, {0, 1, 2, 3, 4, 5}), session(2, {1, 1, 2})};
}

// Prefix ending in 0 (session 10): 1 -> 0.9; 2, 3, 4 -> 0.5 (a tie); 0 and 5 -> 0.
// Target 3 ranks 3rd (ties by index: 2, 3, 4), tie band 2..4.
// Prefixes ending in 5 or 1 (session 11): item 1 scores 1 -> target 1 ranks 1st.
void handScores(const PrefixView& p, ScoreVector& out) {
    if (p.items[p.length - 1] == 0) {
        out.set(1, 0.9);
        out.set(2, 0.5);
        out.set(3, 0.5);
        out.set(4, 0.5);
    } else {
        out.set(1, 1.0);
    }
}

EvalOptions options(std::vector<int> cutoffs) {
    EvalOptions o;
    o.cutoffs = std::move(cutoffs);
    o.bootstrapSamples = 0;
    return o;
}

} // namespace

TEST(EvalMetrics, SinglePredictionWithTieMatchesHandComputation) {
    LambdaModel model(handScores);
    const auto r = evaluate(model, train(), {session(10, {0, 3})}, 6, options({1, 3, 5}));
    ASSERT_EQ(r.predictions, 1u);
    EXPECT_DOUBLE_EQ(r.metrics.at("HitRate@1"), 0.0);
    EXPECT_DOUBLE_EQ(r.metrics.at("HitRate@3"), 1.0);
    EXPECT_DOUBLE_EQ(r.metrics.at("MRR@3"), 1.0 / 3);
    EXPECT_DOUBLE_EQ(r.metrics.at("MRR@5"), 1.0 / 3);
    EXPECT_DOUBLE_EQ(r.metrics.at("NDCG@5"), 1.0 / std::log2(4.0)); // rank 3: 1/log2(3+1) = 0.5
    EXPECT_DOUBLE_EQ(r.metrics.at("NDCG@1"), 0.0);
    EXPECT_DOUBLE_EQ(r.metrics.at("Precision@5"), 1.0 / 5);
    EXPECT_DOUBLE_EQ(r.metrics.at("Recall@5"), 1.0);
    // Top 5: 1, 2, 3, 4, then 0 (zero scores by index). Popularity = count / 3.
    EXPECT_DOUBLE_EQ(r.metrics.at("Popularity@1"), 1.0);
    EXPECT_NEAR(r.metrics.at("Popularity@5"), (3.0 + 2 + 1 + 1 + 1) / 3 / 5, 1e-12);
    EXPECT_DOUBLE_EQ(r.metrics.at("Coverage@1"), 1.0 / 6);
    EXPECT_DOUBLE_EQ(r.metrics.at("Coverage@5"), 5.0 / 6);
    // Tie band: worst rank 4, best rank 2.
    EXPECT_DOUBLE_EQ(r.tieBand.at("MRR@5").low, 1.0 / 4);
    EXPECT_DOUBLE_EQ(r.tieBand.at("MRR@5").high, 1.0 / 2);
    EXPECT_DOUBLE_EQ(r.tieBand.at("HitRate@3").low, 0.0);
    EXPECT_DOUBLE_EQ(r.tieBand.at("HitRate@3").high, 1.0);
    EXPECT_DOUBLE_EQ(r.tieBand.at("NDCG@5").low, 1.0 / std::log2(5.0));
}

TEST(EvalMetrics, AveragesOverPredictionsNotSessions) {
    LambdaModel model(handScores);
    // Session 11 gives two predictions (target 1 twice, a repeat), both at rank 1.
    const auto r = evaluate(model, train(), {session(10, {0, 3}), session(11, {5, 1, 1})}, 6,
                            options({1, 5}));
    ASSERT_EQ(r.predictions, 3u);
    EXPECT_DOUBLE_EQ(r.metrics.at("HitRate@1"), 2.0 / 3);
    EXPECT_DOUBLE_EQ(r.metrics.at("MRR@5"), (1.0 / 3 + 1 + 1) / 3);
    EXPECT_DOUBLE_EQ(r.metrics.at("NDCG@5"), (0.5 + 1 + 1) / 3);
    EXPECT_DOUBLE_EQ(r.metrics.at("Precision@1"), 2.0 / 3);
    ASSERT_EQ(r.perSession.sessionCount(), 2u);
    EXPECT_EQ(r.perSession.predictions[1], 2u);
}

TEST(EvalMetrics, DenseScoresRankLikeSparseOnes) {
    LambdaModel sparse(handScores);
    LambdaModel dense([](const PrefixView& p, ScoreVector& out) {
        ScoreVector tmp(out.numItems());
        handScores(p, tmp);
        double* v = out.dense();
        for (std::int32_t i = 0; i < out.numItems(); ++i)
            v[i] = tmp.get(i);
    });
    const std::vector<SessionSequence> test{session(10, {0, 3}), session(11, {5, 1, 1})};
    const auto a = evaluate(sparse, train(), test, 6, options({1, 3, 5}));
    const auto b = evaluate(dense, train(), test, 6, options({1, 3, 5}));
    EXPECT_EQ(a.metrics, b.metrics);
    EXPECT_DOUBLE_EQ(b.tieBand.at("MRR@5").low, a.tieBand.at("MRR@5").low);
}

TEST(EvalMetrics, AllZeroScoresRankByItemIndexWithFullTieBand) {
    LambdaModel nothing([](const PrefixView&, ScoreVector&) {});
    // Target 3: items 0, 1, 2 come first by index -> rank 4; the tie spans all 6 items.
    const auto r = evaluate(nothing, train(), {session(10, {0, 3})}, 6, options({5, 10}));
    EXPECT_DOUBLE_EQ(r.metrics.at("MRR@5"), 1.0 / 4);
    EXPECT_DOUBLE_EQ(r.tieBand.at("MRR@10").high, 1.0);
    EXPECT_DOUBLE_EQ(r.tieBand.at("MRR@10").low, 1.0 / 6);
    EXPECT_DOUBLE_EQ(r.metrics.at("Coverage@5"), 5.0 / 6);
}

TEST(EvalMetrics, NegativeScoresRankBelowUntouchedItems) {
    LambdaModel negative([](const PrefixView&, ScoreVector& out) { out.set(0, -1.0); });
    // Target 0 is the only item below zero: last of 6.
    const auto r = evaluate(negative, train(), {session(10, {5, 0})}, 6, options({5, 6}));
    EXPECT_DOUBLE_EQ(r.metrics.at("HitRate@5"), 0.0);
    EXPECT_DOUBLE_EQ(r.metrics.at("MRR@6"), 1.0 / 6);
}

TEST(EvalMetrics, RemainingItemsModeScoresAllLaterItems) {
    // Session 0, 1, 2, 1: the first prediction's remaining items are {1, 2}, the second's {2, 1},
    // the third's {1}. The model always ranks 1, 2, 3, 4, ... (scores descending by index).
    LambdaModel model([](const PrefixView&, ScoreVector& out) {
        out.set(1, 0.9);
        out.set(2, 0.8);
        out.set(3, 0.7);
    });
    auto o = options({1, 2});
    o.remainingItems = true;
    const auto r = evaluate(model, train(), {session(10, {0, 1, 2, 1})}, 6, o);
    ASSERT_EQ(r.predictions, 3u);
    // @1: top {1}: hits 1, 1, 1 -> precision 1, recall (1/2 + 1/2 + 1/1) / 3.
    EXPECT_DOUBLE_EQ(r.metrics.at("Precision@1"), 1.0);
    EXPECT_DOUBLE_EQ(r.metrics.at("Recall@1"), (0.5 + 0.5 + 1.0) / 3);
    // @2: top {1, 2}: hits 2, 2, 1 -> precision (1 + 1 + 0.5) / 3, recall (1 + 1 + 1) / 3.
    EXPECT_DOUBLE_EQ(r.metrics.at("Precision@2"), (1.0 + 1.0 + 0.5) / 3);
    EXPECT_DOUBLE_EQ(r.metrics.at("Recall@2"), 1.0);
    // Hit rate stays next-item: targets 1, 2, 1 rank 1, 2, 1.
    EXPECT_DOUBLE_EQ(r.metrics.at("HitRate@1"), 2.0 / 3);
}
