#include "srw/analysis/similarity_matrix.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>
#include <cmath>

using namespace srw;

namespace {
SessionSequence seq(std::vector<std::int32_t> items) {
    SessionSequence s;
    s.items = std::move(items);
    s.times.assign(s.items.size(), 0);
    return s;
}
} // namespace

TEST(SimilarityMatrix, CfCosineByHand) {
    // Sessions: {0,1}, {0,1,2}, {0,0,3}, {2}. n0=3, n1=2, n2=2; c01=2, c02=1, c12=1.
    std::vector<SessionSequence> s{seq({0, 1}), seq({0, 1, 2}), seq({0, 0, 3}), seq({2})};
    SimilarityMatrix m = cfCosineMatrix(s, {2, 0, 1});
    EXPECT_FLOAT_EQ(m.at(1, 2), float(2 / std::sqrt(6.0))); // (0,1)
    EXPECT_FLOAT_EQ(m.at(0, 1), float(1 / std::sqrt(6.0))); // (2,0)
    EXPECT_FLOAT_EQ(m.at(0, 2), 0.5f);                      // (2,1)
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_FLOAT_EQ(m.at(i, i), 1.0f);
        for (std::size_t j = 0; j < 3; ++j)
            EXPECT_FLOAT_EQ(m.at(i, j), m.at(j, i));
    }
    SimilarityMatrix shrunk = cfCosineMatrix(s, {0, 1}, 10.0);
    EXPECT_FLOAT_EQ(shrunk.at(0, 1), float(2 / std::sqrt(13.0 * 12.0)));
}

TEST(SimilarityMatrix, TextCosineAndBlend) {
    // Item vectors (dim 2): 0 → (1,0), 1 → (0,2), 2 → (1,1), 3 → (0,0).
    std::vector<float> v{1, 0, 0, 2, 1, 1, 0, 0};
    SimilarityMatrix t = textCosineMatrix(v, 2, {0, 1, 2, 3});
    EXPECT_FLOAT_EQ(t.at(0, 1), 0.0f);
    EXPECT_NEAR(t.at(0, 2), 1 / std::sqrt(2.0), 1e-6);
    EXPECT_FLOAT_EQ(t.at(3, 0), 0.0f);
    EXPECT_FLOAT_EQ(t.at(3, 3), 1.0f);
    std::vector<SessionSequence> s{seq({0, 1}), seq({0, 2})};
    SimilarityMatrix c = cfCosineMatrix(s, {0, 1, 2, 3});
    SimilarityMatrix b = blendMatrix(c, t, 0.25);
    EXPECT_NEAR(b.at(0, 1), 0.25 * c.at(0, 1) + 0.75 * t.at(0, 1), 1e-6);
    EXPECT_FLOAT_EQ(b.at(2, 2), 1.0f);
    EXPECT_THROW(blendMatrix(c, textCosineMatrix(v, 2, {0, 1}), 0.5), UsageError);
    EXPECT_THROW(textCosineMatrix(v, 2, {9}), UsageError);
}

TEST(SimilarityMatrix, TopPopular) {
    std::vector<SessionSequence> s{seq({3, 3, 1}), seq({1, 2}), seq({3})};
    EXPECT_EQ(topPopularItems(s, 5, 2), (std::vector<std::int32_t>{3, 1}));
    EXPECT_EQ(topPopularItems(s, 5, 10), (std::vector<std::int32_t>{3, 1, 2})); // no zero-count items
}
