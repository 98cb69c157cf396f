// s_cf: the documented formula on a hand-counted example.
#include "srw/model/cf_similarity.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace srw;

namespace {

SessionSequence session(std::vector<std::int32_t> items) {
    SessionSequence s;
    s.items = std::move(items);
    s.times.assign(s.items.size(), 0);
    return s;
}

} // namespace

TEST(CfSimilarity, RegularisedCosineOfSessionCounts) {
    // n = {2, 3, 2, 0}; c01 = 2 (the repeat of 1 counts once), c12 = 2, c02 = 1.
    std::vector<SessionSequence> train{session({0, 1, 1}), session({0, 1, 2}), session({1, 2})};
    CfSimilarity cf;
    CfSimilarity::Options o;
    o.shrink = 1.0;
    cf.fit(train, 4, o);
    EXPECT_NEAR(cf.similarity(0, 1), 2.0 / std::sqrt(3.0 * 4.0), 1e-6);
    EXPECT_NEAR(cf.similarity(1, 2), 2.0 / std::sqrt(4.0 * 3.0), 1e-6);
    EXPECT_NEAR(cf.similarity(0, 2), 1.0 / std::sqrt(3.0 * 3.0), 1e-6);
    EXPECT_EQ(cf.similarity(0, 0), 0.0);
    EXPECT_EQ(cf.similarity(3, 0), 0.0);
    EXPECT_EQ(cf.sessionCounts(), (std::vector<std::int64_t>{2, 3, 2, 0}));
}

TEST(CfSimilarity, SessionScoreIsTheRecencyWeightedMean) {
    std::vector<SessionSequence> train{session({0, 1, 1}), session({0, 1, 2}), session({1, 2})};
    CfSimilarity cf;
    CfSimilarity::Options o;
    o.shrink = 0.0;
    o.recencyDecay = 0.5;
    cf.fit(train, 4, o);
    // Most recent first: 2 (weight 1), then 0 (weight 1/1.5); the repeat of 2 counts once.
    const std::vector<std::int32_t> prefix{0, 2, 2};
    std::vector<double> out(4, 0.0);
    cf.score(prefix.data(), prefix.size(), out.data());
    const double w0 = 1.0, w1 = 1.0 / 1.5, total = w0 + w1;
    EXPECT_NEAR(out[1], (w0 * cf.similarity(2, 1) + w1 * cf.similarity(0, 1)) / total, 1e-6);
    EXPECT_NEAR(out[0], w0 * cf.similarity(2, 0) / total, 1e-6);
    for (double v : out) {
        EXPECT_GE(v, 0.0);
        EXPECT_LE(v, 1.0);
    }
}

TEST(CfSimilarity, KeepsOnlyTheMostSimilarNeighbours) {
    std::vector<SessionSequence> train{session({0, 1}), session({0, 1}), session({0, 2})};
    CfSimilarity cf;
    CfSimilarity::Options o;
    o.neighbors = 1;
    cf.fit(train, 3, o);
    EXPECT_GT(cf.similarity(0, 1), 0.0);
    EXPECT_EQ(cf.similarity(0, 2), 0.0);
}
