// Scoring of the BERT+MLP model without training: the split first layer against the naive MLP
// (with f's calibration applied on both), and the blend's ends (α = 1: s_cf alone, α = 0: f alone).
#include "srw/eval/score_vector.h"
#include "srw/model/bert_mlp_recommender.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

using namespace srw;

namespace {

constexpr std::int32_t kItems = 40;
constexpr std::int64_t kDim = 8;

std::vector<SessionSequence> sessions() {
    std::mt19937_64 rng(3);
    std::vector<SessionSequence> out;
    for (int s = 0; s < 120; ++s) {
        SessionSequence q;
        q.sessionId = s;
        const int n = 2 + int(rng() % 5);
        const auto base = std::int32_t(rng() % kItems);
        for (int i = 0; i < n; ++i) {
            q.items.push_back((base + std::int32_t(rng() % 4)) % kItems);
            q.times.push_back(i);
        }
        out.push_back(q);
    }
    return out;
}

std::unique_ptr<BertMlpRecommender> model(const BertMlpOptions& o) {
    std::mt19937_64 rng(11);
    std::normal_distribution<float> n(0.0f, 1.0f);
    std::vector<float> vectors(std::size_t(kItems * kDim));
    for (auto& v : vectors)
        v = n(rng);
    std::vector<std::uint8_t> hasText(kItems, 1);
    auto m = BertMlpRecommender::createUntrained(o, vectors, kDim, hasText);
    m->fit(sessions(), kItems);
    return m;
}

std::vector<double> blended(const BertMlpRecommender& m, const std::vector<std::int32_t>& prefix) {
    std::vector<std::int64_t> times(prefix.size(), 0);
    PrefixView view;
    view.items = prefix.data();
    view.times = times.data();
    view.length = prefix.size();
    ScoreVector out(kItems);
    m.newScorer()->score(view, out);
    std::vector<double> v(kItems);
    for (std::int32_t i = 0; i < kItems; ++i)
        v[std::size_t(i)] = out.get(i);
    return v;
}

std::vector<std::int32_t> ranking(const std::vector<double>& scores) {
    std::vector<std::int32_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
        return scores[std::size_t(a)] > scores[std::size_t(b)];
    });
    return order;
}

const std::vector<std::vector<std::int32_t>> kPrefixes{{3}, {5, 6, 7}, {1, 2, 1, 30, 31, 9, 10, 11, 12, 13, 14, 15}};

} // namespace

class SplitFirstLayer : public ::testing::TestWithParam<std::vector<int>> {};

TEST_P(SplitFirstLayer, EqualsTheNaivePerItemMlp) {
    for (const char* pooling : {"attention", "mean"}) {
        BertMlpOptions o;
        o.mlpWidths = GetParam();
        o.sessionPooling = pooling;
        o.maxSessionItems = 6;
        auto m = model(o);
        m->setCalibration(2.5, -0.7); // f = σ(2.5·logit − 0.7) on both paths
        for (const auto& p : kPrefixes) {
            const auto fast = m->neuralScores(p);
            const auto naive = m->neuralScoresNaive(p);
            ASSERT_EQ(fast.size(), std::size_t(kItems));
            for (std::size_t i = 0; i < fast.size(); ++i) {
                EXPECT_NEAR(fast[i], naive[i], 1e-5) << "item " << i << ", " << pooling;
                EXPECT_GT(fast[i], 0.0);
                EXPECT_LT(fast[i], 1.0);
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Widths, SplitFirstLayer,
                         ::testing::Values(std::vector<int>{16}, std::vector<int>{12, 6},
                                           std::vector<int>{9, 7, 5}));

TEST(BertMlpBlend, AlphaOneIsPureCfAndAlphaZeroPureF) {
    BertMlpOptions o;
    o.mlpWidths = {16, 8};
    auto m = model(o);
    for (const auto& p : kPrefixes) {
        m->setAlpha(1.0);
        const auto cf = m->cfScores(p);
        EXPECT_EQ(blended(*m, p), cf);
        m->setAlpha(0.0);
        const auto f = m->neuralScores(p);
        EXPECT_EQ(blended(*m, p), f);
        EXPECT_NE(ranking(cf), ranking(f)); // the two ends differ, so the checks mean something
        m->setAlpha(0.3);
        const auto mix = blended(*m, p);
        for (std::size_t i = 0; i < mix.size(); ++i)
            EXPECT_NEAR(mix[i], 0.3 * cf[i] + 0.7 * f[i], 1e-12);
    }
}

TEST(BertMlpBlend, RankBlendEndsFollowEachPartsRanking) {
    BertMlpOptions o;
    o.mlpWidths = {16};
    auto m = model(o);
    m->setBlend(BlendMode::Rank);
    for (const auto& p : kPrefixes) {
        m->setAlpha(0.0);
        EXPECT_EQ(ranking(blended(*m, p)), ranking(m->neuralScores(p)));
        m->setAlpha(1.0);
        const auto cf = m->cfScores(p);
        const auto r = blended(*m, p);
        for (double v : r) {
            EXPECT_GE(v, 0.0);
            EXPECT_LE(v, 1.0);
        }
        EXPECT_EQ(ranking(r), ranking(cf));
    }
}

TEST(BertMlpBlend, RefusesAlphaOutsideTheUnitInterval) {
    BertMlpOptions o;
    auto m = model(o);
    EXPECT_THROW(m->setAlpha(1.5), std::exception);
    EXPECT_THROW(m->setAlpha(-0.1), std::exception);
    EXPECT_EQ(m->name(), "bert-mlp");
    EXPECT_EQ(m->params().at("alpha"), "0.6");
}
