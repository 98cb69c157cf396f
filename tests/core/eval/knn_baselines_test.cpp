// sknn and vsknn on the toy dataset, scores computed by hand below.
#include "eval_test_support.h"
#include "srw/eval/recommender_factory.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace srw;
using srw::test::scoresFor;
using srw::test::session;

namespace {

// A: 0 1 2 (last event at 3 s)   B: 1 2 1 3 (13 s)   C: 0 3 (21 s)
std::vector<SessionSequence> toy() {
    return {session(1, {0, 1, 2}, 1), session(2, {1, 2, 1, 3}, 10), session(3, {0, 3}, 20)};
}
constexpr std::int32_t kItems = 5;

std::vector<double> knn(const std::string& name, const ParamMap& params,
                        const std::vector<std::int32_t>& prefix, std::int64_t nowMs = 0) {
    auto model = createRecommender(name, params);
    model->fit(toy(), kItems);
    return scoresFor(*model, kItems, prefix, nowMs);
}

void expectScores(const std::vector<double>& actual, const std::vector<double>& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_NEAR(actual[i], expected[i], 1e-12) << "item " << i;
}

} // namespace

TEST(EvalKnnBaselines, SessionKnnSumsNeighbourSimilarities) {
    // Prefix {1, 2}: neighbours A {0,1,2} and B {1,2,3}, each sharing 2 of 3 items:
    // jaccard 2 / (3 + 2 - 2) = 2/3.
    const double j = 2.0 / 3;
    expectScores(knn("sknn", {}, {1, 2}), {j, 2 * j, 2 * j, j, 0});
    // session-rec's cosine as written: li / sqrt(la) * sqrt(lb) = 2 / sqrt(3) * sqrt(2).
    const double c = 2 / std::sqrt(3.0) * std::sqrt(2.0);
    expectScores(knn("sknn", {{"similarity", "cosine"}}, {1, 2}), {c, 2 * c, 2 * c, c, 0});
    // binary: 2 li / (2 li + la + lb) = 4 / 9.
    const double b = 4.0 / 9;
    expectScores(knn("sknn", {{"similarity", "binary"}}, {1, 2}), {b, 2 * b, 2 * b, b, 0});
    // k=1: A and B tie; the more recent B wins.
    expectScores(knn("sknn", {{"k", "1"}}, {1, 2}), {0, j, j, j, 0});
    // sample_size=1: only the most recent candidate (B) is considered.
    expectScores(knn("sknn", {{"sample_size", "1"}}, {1, 2}), {0, j, j, j, 0});
}

TEST(EvalKnnBaselines, SessionKnnRemindAndPopBoost) {
    const double j = 2.0 / 3;
    // remind: last 3 events 1, 2 (cnt 1, 2): (score + 5) * 5 + cnt / 100.
    expectScores(knn("sknn", {{"remind", "true"}}, {1, 2}),
                 {j, (2 * j + 5) * 5 + 0.01, (2 * j + 5) * 5 + 0.02, j, 0});
    // pop_boost 2: neighbour counts 0:1 1:2 2:2 3:1, max 2.
    expectScores(knn("sknn", {{"pop_boost", "2"}}, {1, 2}),
                 {j + 2 * 0.5, 2 * j + 2, 2 * j + 2, j + 2 * 0.5, 0});
}

TEST(EvalKnnBaselines, SessionKnnRandomSamplingIsSeeded) {
    auto model = createRecommender("sknn", {{"sample_size", "1"}, {"sampling", "random"}});
    model->fit(toy(), kItems);
    auto scorer = model->newScorer();
    const std::vector<std::int32_t> prefix{1, 2};
    const std::vector<std::int64_t> times{0, 0};
    auto run = [&](std::uint64_t seed) {
        ScoreVector sv(kItems);
        PrefixView p;
        p.items = prefix.data();
        p.times = times.data();
        p.length = 2;
        p.seed = seed;
        scorer->score(p, sv);
        return std::vector<double>{sv.get(0), sv.get(3)};
    };
    EXPECT_EQ(run(7), run(7));
    // One neighbour, A or B: exactly one of items 0 (only in A) and 3 (only in B) scores.
    const auto s = run(7);
    EXPECT_TRUE((s[0] > 0) != (s[1] > 0)) << s[0] << " " << s[1];
}

TEST(EvalKnnBaselines, VectorSessionKnnWeightsPositionsAndSteps) {
    // Prefix 0, 1 (L = 2): weights 0 -> 1/2, 1 -> 2/2. Distinct items 2.
    // sim A {0,1,2} = 1.5/2, B {1,2,3} = 1/2, C {0,3} = 0.5/2.
    // Steps to the most recent shared prefix event: A 1, B 1, C 2 -> div decay 1, 1, 1/2.
    const double a = 0.75, b = 0.5, c = 0.25 * 0.5;
    expectScores(knn("vsknn", {}, {0, 1}), {a + c, a + b, a + b, b + c, 0});
    // remind=false drops the prefix items.
    expectScores(knn("vsknn", {{"remind", "false"}}, {0, 1}), {0, 0, a + b, b + c, 0});
    // push_reminders multiplies prefix items by count + 1.
    expectScores(knn("vsknn", {{"push_reminders", "true"}}, {0, 1}),
                 {2 * (a + c), 2 * (a + b), a + b, b + c, 0});
    // weighting=same: sims A 1, B 1/2, C 1/2; weighting_score=same: no decay.
    expectScores(knn("vsknn", {{"weighting", "same"}, {"weighting_score", "same"}}, {0, 1}),
                 {1.5, 1.5, 1.5, 1.0, 0});
    // quadratic weights: 0 -> 1/4, 1 -> 1; sims A 1.25/2, B 1/2, C 0.25/2; quadratic decay
    // 1/step^2: C gets 1/4.
    expectScores(knn("vsknn", {{"weighting", "quadratic"}, {"weighting_score", "quadratic"}},
                     {0, 1}),
                 {0.625 + 0.125 / 4, 0.625 + 0.5, 0.625 + 0.5, 0.5 + 0.125 / 4, 0});
}

TEST(EvalKnnBaselines, VectorSessionKnnRepeatsLastNClicksAndK) {
    // Prefix 1, 0, 1 (L = 3): positions 1, 2, 3; item 1's weight comes from its last
    // occurrence (3/3), item 0's is 2/3. Distinct 2. sim A = (1 + 2/3)/2, B = 1/2, C = 1/3.
    // Steps: A 1 (item 1 last), B 1, C 2 (item 0 at position 2).
    const double a = (1 + 2.0 / 3) / 2, b = 0.5, c = (2.0 / 3) / 2 / 2;
    expectScores(knn("vsknn", {}, {1, 0, 1}), {a + c, a + b, a + b, b + c, 0});
    // last_n_clicks=1: vector {1: 1}; sims A 1, B 1, C 0 (dropped); candidates still come
    // from all prefix items.
    expectScores(knn("vsknn", {{"last_n_clicks", "1"}}, {1, 0, 1}), {1, 2, 2, 1, 0});
    // k=1: A (sim 0.83) alone.
    expectScores(knn("vsknn", {{"k", "1"}}, {1, 0, 1}), {a, a, a, 0, 0});
}

TEST(EvalKnnBaselines, VectorSessionKnnIdfAndTimeWeighting) {
    // idf = log(3 sessions / events): items 0, 2, 3 -> log 1.5, item 1 -> 0.
    const double l = std::log(1.5);
    const double a = 0.75, b = 0.5, c = 0.125;
    // idf_weighting=2: each contribution times (1 + idf(item) * 2).
    const double f = 1 + 2 * l;
    expectScores(knn("vsknn", {{"idf_weighting", "2"}}, {0, 1}),
                 {(a + c) * f, a + b, (a + b) * f, (b + c) * f, 0});
    // weighting_time: (7/8)^round(days since the neighbour's last event). Now = 1.4 days after
    // 0: A (3 s) and B (13 s) are 1 day old, C (21 s) too -> everything times 7/8.
    const std::int64_t now = static_cast<std::int64_t>(1.4 * 86400000);
    expectScores(knn("vsknn", {{"weighting_time", "true"}}, {0, 1}, now),
                 {(a + c) * 0.875, (a + b) * 0.875, (a + b) * 0.875, (b + c) * 0.875, 0});
}
