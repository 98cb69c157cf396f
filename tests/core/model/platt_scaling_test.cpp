// Platt scaling of f: the fit recovers a known miscalibration, never makes the log-loss worse,
// leaves calibrated scores alone, and stays finite on separable data.
#include "srw/model/platt_scaling.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace srw;

namespace {

struct Sample {
    std::vector<double> z, w;
    std::vector<std::uint8_t> y;
};

/** Labels drawn from P(y = 1 | z) = σ(a·z + b). */
Sample draw(double a, double b, std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> logit(0.0, 2.0);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Sample s;
    for (std::size_t i = 0; i < n; ++i) {
        const double z = logit(rng);
        s.z.push_back(z);
        s.y.push_back(u(rng) < 1.0 / (1.0 + std::exp(-(a * z + b))) ? 1 : 0);
        s.w.push_back(1.0);
    }
    return s;
}

} // namespace

TEST(PlattScaling, RecoversAKnownMiscalibration) {
    // An overconfident scorer: its logits are 2.5 times too large and shifted.
    const Sample s = draw(0.4, -0.8, 40000, 7);
    const PlattScaling p = fitPlattScaling(s.z, s.y, s.w);
    EXPECT_NEAR(p.scale, 0.4, 0.03);
    EXPECT_NEAR(p.bias, -0.8, 0.05);
    EXPECT_LT(p.lossAfter, p.lossBefore - 0.01);
    EXPECT_EQ(p.pairs, s.z.size());
    EXPECT_NEAR(p.apply(0.0), 1.0 / (1.0 + std::exp(-p.bias)), 1e-12);
}

TEST(PlattScaling, LeavesACalibratedScorerAlone) {
    const Sample s = draw(1.0, 0.0, 40000, 8);
    const PlattScaling p = fitPlattScaling(s.z, s.y, s.w);
    EXPECT_NEAR(p.scale, 1.0, 0.05);
    EXPECT_NEAR(p.bias, 0.0, 0.05);
    EXPECT_LE(p.lossAfter, p.lossBefore + 1e-12);
}

TEST(PlattScaling, WeightsCountLikeRepeatedPairs) {
    Sample s = draw(0.7, 0.3, 2000, 9);
    Sample doubled = s;
    for (std::size_t i = 0; i < s.z.size(); i += 3) { // every third pair twice…
        doubled.z.push_back(s.z[i]);
        doubled.y.push_back(s.y[i]);
        doubled.w.push_back(1.0);
        s.w[i] = 2.0; // …is the same as weight 2
    }
    const PlattScaling a = fitPlattScaling(s.z, s.y, s.w);
    const PlattScaling b = fitPlattScaling(doubled.z, doubled.y, doubled.w);
    EXPECT_NEAR(a.scale, b.scale, 1e-6);
    EXPECT_NEAR(a.bias, b.bias, 1e-6);
}

TEST(PlattScaling, SeparableDataStaysFinite) {
    const std::vector<double> z{-3, -2, -1, 1, 2, 3};
    const std::vector<std::uint8_t> y{0, 0, 0, 1, 1, 1};
    const std::vector<double> w(6, 1.0);
    const PlattScaling p = fitPlattScaling(z, y, w);
    EXPECT_TRUE(std::isfinite(p.scale));
    EXPECT_TRUE(std::isfinite(p.bias));
    EXPECT_GT(p.scale, 1.0); // sharper than given: the data allow it
    EXPECT_LT(p.lossAfter, p.lossBefore);
}

TEST(PlattScaling, EmptyInputIsTheIdentity) {
    const PlattScaling p = fitPlattScaling({}, {}, {});
    EXPECT_EQ(p.scale, 1.0);
    EXPECT_EQ(p.bias, 0.0);
    EXPECT_THROW(fitPlattScaling({1.0}, {}, {}), std::invalid_argument);
}
