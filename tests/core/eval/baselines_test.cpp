// pop, spop, iknn, sr, ar on a toy dataset whose scores are computed by hand below, plus the
// factory's parameter handling.
#include "eval_test_support.h"
#include "srw/eval/recommender_factory.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace srw;
using srw::test::scoresFor;
using srw::test::session;

namespace {

// A: 0 1 2   B: 1 2 1 3   C: 0 3      (item 4 never trained)
// events: 0:2 1:3 2:2 3:2; sessions containing: 0:2 1:2 2:2 3:2.
std::vector<SessionSequence> toy() {
    return {session(1, {0, 1, 2}, 1), session(2, {1, 2, 1, 3}, 10), session(3, {0, 3}, 20)};
}
constexpr std::int32_t kItems = 5;

std::unique_ptr<Recommender> fitted(const std::string& name, const ParamMap& params = {}) {
    auto model = createRecommender(name, params);
    model->fit(toy(), kItems);
    return model;
}

void expectScores(const std::vector<double>& actual, const std::vector<double>& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_NEAR(actual[i], expected[i], 1e-12) << "item " << i;
}

} // namespace

TEST(EvalBaselines, PopScoresSupportOverSupportPlusOne) {
    expectScores(scoresFor(*fitted("pop"), kItems, {2}), {2.0 / 3, 3.0 / 4, 2.0 / 3, 2.0 / 3, 0});
    // top_n=1 keeps only the most popular item.
    expectScores(scoresFor(*fitted("pop", {{"top_n", "1"}}), kItems, {2}), {0, 0.75, 0, 0, 0});
    // Support by session: every item is in 2 sessions.
    expectScores(scoresFor(*fitted("pop", {{"support_by_key", "SessionId"}}), kItems, {2}),
                 {2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3, 0});
}

TEST(EvalBaselines, SessionPopAddsSessionCountsToPop) {
    expectScores(scoresFor(*fitted("spop"), kItems, {2, 0, 2}),
                 {1 + 2.0 / 3, 3.0 / 4, 2 + 2.0 / 3, 2.0 / 3, 0});
    // An untrained item in the session scores its count alone.
    expectScores(scoresFor(*fitted("spop", {{"top_n", "1"}}), kItems, {4}), {0, 0.75, 0, 0, 1});
}

TEST(EvalBaselines, ItemKnnUsesRegularisedCosineOfEventCooccurrence) {
    // Item 1 (3 events): with 0 once (A); with 2 once in A and 2x1 in B; with 3 2x1 in B.
    const double n1 = std::sqrt(3.0 + 20);
    auto s = scoresFor(*fitted("iknn"), kItems, {0, 1});
    expectScores(s, {1 / (n1 * std::sqrt(22.0)), 0, 3 / (n1 * std::sqrt(22.0)),
                     2 / (n1 * std::sqrt(22.0)), 0});
    // alpha=1, lmbd=0: confidence cooc / supp_1.
    s = scoresFor(*fitted("iknn", {{"alpha", "1"}, {"lmbd", "0"}}), kItems, {1});
    expectScores(s, {1.0 / 3, 0, 3.0 / 3, 2.0 / 3, 0});
    s = scoresFor(*fitted("iknn", {{"n_sims", "1"}}), kItems, {1});
    expectScores(s, {0, 0, 3 / (n1 * std::sqrt(22.0)), 0, 0});
}

TEST(EvalBaselines, SequentialRulesWeightByDistance) {
    // Rules of 1: A 1->2 (1); B 1->2 (1), 1->1 at distance 2 (1/2), 1->3 at 3 (1/3) and
    // 1->3 at 1 (1).
    expectScores(scoresFor(*fitted("sr"), kItems, {0, 1}), {0, 0.5, 2, 1 + 1.0 / 3, 0});
    expectScores(scoresFor(*fitted("sr", {{"steps", "1"}}), kItems, {1}), {0, 0, 2, 1, 0});
    expectScores(scoresFor(*fitted("sr", {{"weighting", "same"}}), kItems, {1}), {0, 1, 2, 2, 0});
    expectScores(scoresFor(*fitted("sr", {{"weighting", "quadratic"}}), kItems, {1}),
                 {0, 0.25, 2, 1 + 1.0 / 9, 0});
    // Rules of 0: 0->1 (1, created first), 0->2 at distance 2 (1/2), 0->3 (1, created in C).
    expectScores(scoresFor(*fitted("sr"), kItems, {0}), {0, 1, 0.5, 1, 0});
    // Pruning keeps the strongest; a tie keeps the rule created first (0->1 before 0->3).
    expectScores(scoresFor(*fitted("sr", {{"pruning", "1"}}), kItems, {0}), {0, 1, 0, 0, 0});
    expectScores(scoresFor(*fitted("sr", {{"pruning", "2"}}), kItems, {0}), {0, 1, 0, 1, 0});
    // A fraction drops that share: 3 rules - int(3 * 0.5) = 2 kept.
    expectScores(scoresFor(*fitted("sr", {{"pruning", "0.5"}}), kItems, {0}), {0, 1, 0, 1, 0});
    // Item 3 ends every session: no rules, all zero.
    expectScores(scoresFor(*fitted("sr"), kItems, {3}), {0, 0, 0, 0, 0});
}

TEST(EvalBaselines, SequentialRulesIdfWeighting) {
    // idf = log(3 sessions / events), scaled to [0,1]: items with 2 events -> 1, item 1 -> 0.
    // idf_weight=1 multiplies the weight by idf(antecedent): rules of 1 vanish, of 0 stay.
    expectScores(scoresFor(*fitted("sr", {{"idf_weight", "1"}}), kItems, {1}), {0, 0, 0, 0, 0});
    expectScores(scoresFor(*fitted("sr", {{"idf_weight", "1"}}), kItems, {0}), {0, 1, 0.5, 1, 0});
    // idf_weight=2 adds it to each contribution: 0->2 = 1/2 + 1.
    expectScores(scoresFor(*fitted("sr", {{"idf_weight", "2"}}), kItems, {0}), {0, 2, 1.5, 2, 0});
}

TEST(EvalBaselines, AssociationRulesCountPairsInBothDirections) {
    // Rules of 1: A pairs (0,1), (1,2); B pairs 1a-2, 2-1b (2 to item 2), 1a-1b (2 to item 1),
    // 1a-3, 1b-3 (2 to item 3).
    expectScores(scoresFor(*fitted("ar"), kItems, {1}), {1, 2, 3, 2, 0});
    // pruning 2 keeps 1->2 (3) and, of the tie at 2, 1->1 (created at B's 3rd event) rather
    // than 1->3 (created at B's 4th event).
    expectScores(scoresFor(*fitted("ar", {{"pruning", "2"}}), kItems, {1}), {0, 2, 3, 0, 0});
    expectScores(scoresFor(*fitted("ar"), kItems, {3}), {1, 2, 1, 0, 0});
}

TEST(EvalBaselines, FactoryRejectsUnknownNamesAndValuesClearly) {
    EXPECT_EQ(recommenderNames(),
              (std::vector<std::string>{"pop", "spop", "iknn", "sr", "ar", "sknn", "vsknn"}));
    try {
        createRecommender("gru4rec", {});
        FAIL() << "expected UsageError";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("pop, spop, iknn, sr, ar, sknn, vsknn"),
                  std::string::npos);
    }
    try {
        createRecommender("sknn", {{"neighbours", "5"}});
        FAIL() << "expected UsageError";
    } catch (const UsageError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("neighbours"), std::string::npos);
        EXPECT_NE(msg.find("sample_size"), std::string::npos);
    }
    EXPECT_THROW(createRecommender("sknn", {{"k", "many"}}), UsageError);
    EXPECT_THROW(createRecommender("sknn", {{"similarity", "euclid"}}), UsageError);
    EXPECT_THROW(createRecommender("vsknn", {{"extend", "true"}}), UsageError);
    EXPECT_THROW(createRecommender("vsknn", {{"dwelling_time", "True"}}), UsageError);
    EXPECT_EQ(createRecommender("vsknn", {})->params().at("weighting_score"), "div");
    EXPECT_EQ(createRecommender("sr", {{"steps", "3"}})->params().at("steps"), "3");
    for (const auto& name : recommenderNames())
        for (const auto& spec : recommenderParams(name))
            EXPECT_FALSE(spec.help.empty()) << name << "." << spec.name;
}
