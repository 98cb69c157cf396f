#include "srw/analysis/bandit_replay.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>
#include <random>

using namespace srw;

namespace {

// A stream where α = 0.5 is clearly best: the target has middling s_cf and f, one distractor has
// high s_cf and no f, another high f and no s_cf. With K = 1 the target wins only for α near 0.5;
// noise makes each prediction uncertain, so the bandit has to learn.
struct Synthetic {
    static constexpr std::int32_t kItems = 40;
    std::vector<SessionSequence> test;
    std::vector<std::uint8_t> catalogue = std::vector<std::uint8_t>(kItems, 1);

    explicit Synthetic(int sessions) {
        for (int s = 0; s < sessions; ++s) {
            SessionSequence seq;
            seq.sessionId = s;
            for (int p = 0; p < 4; ++p) {
                seq.items.push_back((s * 7 + p * 3) % (kItems - 2) + 2); // items 2.. are targets
                seq.times.push_back(std::int64_t(s) * 1000 + p);
            }
            test.push_back(seq);
        }
    }
    BlendPartsFn parts() const {
        return [](const PrefixView& p, std::vector<double>& cf, std::vector<double>& f) {
            std::mt19937_64 g(p.seed);
            std::uniform_real_distribution<double> noise(-0.08, 0.08);
            cf.assign(kItems, 0.0);
            f.assign(kItems, 0.0);
            const std::int32_t target = p.items[p.length]; // the evaluation hides nothing here
            cf[std::size_t(target)] = 0.6 + noise(g);
            f[std::size_t(target)] = 0.6 + noise(g);
            cf[0] = 1.0; // the CF distractor
            f[1] = 1.0;  // the text distractor
        };
    }
};

} // namespace

TEST(BanditReplay, BlendRankBreaksTiesByItemIndex) {
    std::vector<double> cf{0.5, 0.5, 0.1}, f{0.0, 0.0, 0.9};
    std::vector<std::uint8_t> all{1, 1, 1};
    EXPECT_EQ(blendRank(cf, f, 1.0, all, 1), 2u); // tie with item 0, which comes first
    EXPECT_EQ(blendRank(cf, f, 1.0, all, 0), 1u);
    EXPECT_EQ(blendRank(cf, f, 0.0, all, 2), 1u);
    std::vector<std::uint8_t> noZero{0, 1, 1};
    EXPECT_EQ(blendRank(cf, f, 1.0, noZero, 1), 1u); // outside the catalogue: not a competitor
}

TEST(BanditReplay, ConvergesToTheBestAlphaAndBeatsUniformChoice) {
    Synthetic data(700);
    BanditOptions o;
    o.k = 1;
    o.contextBounds = {};
    BanditResult r = replayBandit(data.test, data.catalogue, data.parts(), o);
    EXPECT_EQ(r.predictions, 2100u);
    EXPECT_EQ(o.alphas[r.bestFixed], 0.5);
    EXPECT_GT(r.banditReward, r.uniformReward * 1.5);
    EXPECT_LT(r.regret, 0.15 * r.fixedReward[r.bestFixed]);
    // Most pulls go to the best arm or its neighbours.
    std::uint64_t near = r.pulls[0][4] + r.pulls[0][5] + r.pulls[0][6], total = 0;
    for (auto n : r.pulls[0])
        total += n;
    EXPECT_GT(double(near) / double(total), 0.7);
    ASSERT_FALSE(r.curveSteps.empty());
    EXPECT_EQ(r.curveSteps.back(), 2100u);
    EXPECT_DOUBLE_EQ(r.curveBestFixed.back(), r.fixedReward[r.bestFixed]);
    EXPECT_DOUBLE_EQ(r.curveBandit.back(), r.banditReward);
}

TEST(BanditReplay, SeededAndReproducible) {
    Synthetic data(100);
    BanditOptions o;
    o.k = 1;
    BanditResult a = replayBandit(data.test, data.catalogue, data.parts(), o);
    BanditResult b = replayBandit(data.test, data.catalogue, data.parts(), o);
    EXPECT_EQ(a.banditReward, b.banditReward);
    EXPECT_EQ(a.pulls, b.pulls);
    ASSERT_EQ(a.contextLabels.size(), 4u);
    EXPECT_EQ(a.contextLabels[0], "length 1");
    EXPECT_EQ(a.contextLabels[2], "length 4-7");
    EXPECT_EQ(a.contextLabels[3], "length 8+");
    o.alphas = {1.5};
    EXPECT_THROW(replayBandit(data.test, data.catalogue, data.parts(), o), UsageError);
}
