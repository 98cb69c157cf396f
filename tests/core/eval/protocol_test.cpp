// The protocol's corner cases: short sessions, repeats, unseen targets, exclusion, slices.
#include "eval_test_support.h"
#include "srw/eval/evaluator.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

#include <mutex>

using namespace srw;
using srw::test::LambdaModel;
using srw::test::session;

namespace {

// Items 0..4 seen in training (4 once, 0..3 more often); item 5 never trained.
std::vector<SessionSequence> train() {
    return {session(1, {0, 1, 2, 3}), session(2, {1, 2, 1, 4}), session(3, {0, 1})};
}

EvalOptions options() {
    EvalOptions o;
    o.cutoffs = {1, 3};
    o.bootstrapSamples = 0;
    o.rareTargetMaxCount = 1;
    return o;
}

/** Records every prefix it sees (one thread) and scores the last item highest. */
struct Recorder {
    std::vector<std::vector<std::int32_t>> prefixes;
    std::vector<std::int64_t> now;
    LambdaModel model() {
        return LambdaModel([this](const PrefixView& p, ScoreVector& out) {
            prefixes.emplace_back(p.items, p.items + p.length);
            now.push_back(p.nowMs);
            out.set(p.items[p.length - 1], 1.0);
        });
    }
};

} // namespace

TEST(EvalProtocol, EveryPositionOfSessionsWithTwoOrMoreEvents) {
    Recorder rec;
    auto model = rec.model();
    const auto r = evaluate(model, train(), {session(7, {2}), session(8, {0, 1, 2}, 100)}, 6,
                            options());
    EXPECT_EQ(r.sessions, 2u);
    EXPECT_EQ(r.scoredSessions, 1u);
    EXPECT_EQ(r.predictions, 2u);
    ASSERT_EQ(rec.prefixes.size(), 2u);
    EXPECT_EQ(rec.prefixes[0], (std::vector<std::int32_t>{0}));
    EXPECT_EQ(rec.prefixes[1], (std::vector<std::int32_t>{0, 1}));
    // The model is told the target event's time, as session-rec's evaluate_sessions does.
    EXPECT_EQ(rec.now[0], 101000);
    EXPECT_EQ(r.perSession.predictions[0], 0u);
}

TEST(EvalProtocol, RepeatedItemsAreTargetsAndCandidatesUnlessExcluded) {
    Recorder rec;
    auto model = rec.model();
    // Target 1 repeats the prefix's last item, which the model scores highest.
    const auto kept = evaluate(model, train(), {session(8, {1, 1})}, 6, options());
    EXPECT_DOUBLE_EQ(kept.metrics.at("HitRate@1"), 1.0);
    EXPECT_EQ(kept.excludedTargets, 0u);

    auto o = options();
    o.excludeSessionItems = true;
    const auto excluded = evaluate(model, train(), {session(8, {1, 1}), session(9, {1, 0})}, 6, o);
    EXPECT_EQ(excluded.predictions, 2u);
    EXPECT_EQ(excluded.excludedTargets, 1u);
    // Session 9: item 1 (scored 1) is excluded, so target 0 leads the zero-score tie -> rank 1.
    EXPECT_DOUBLE_EQ(excluded.metrics.at("HitRate@1"), 0.5);
    EXPECT_DOUBLE_EQ(excluded.tieBand.at("MRR@3").high, 0.5);
}

TEST(EvalProtocol, UnseenTargetsCountAsMissesByDefault) {
    Recorder rec;
    auto model = rec.model();
    // 0 -> 5 (unseen) -> 5 (unseen, a repeat) -> 1.
    const auto r = evaluate(model, train(), {session(8, {0, 5, 5, 1})}, 6, options());
    EXPECT_EQ(r.predictions, 3u);
    EXPECT_EQ(r.unseenTargets, 2u);
    // Target 1 after 5: the model's only score is on untrained 5, so the zero tie ranks 1
    // second (after 0): a hit at 3, not at 1.
    EXPECT_DOUBLE_EQ(r.metrics.at("HitRate@3"), 1.0 / 3);
    EXPECT_DOUBLE_EQ(r.metrics.at("HitRate@1"), 0.0);
    EXPECT_EQ(r.catalogueSize, 5u);
    // The popularity slice reports the unseen targets separately.
    bool found = false;
    for (const auto& s : r.slices) {
        if (s.dimension == "target_popularity" && s.label == "unseen") {
            EXPECT_EQ(s.predictions, 2u);
            EXPECT_DOUBLE_EQ(s.metrics.at("HitRate@3"), 0.0);
            found = true;
        }
    }
    EXPECT_TRUE(found);
}

TEST(EvalProtocol, UnseenTargetsCanBeDroppedAsPredictionsOrAsEvents) {
    Recorder dropT;
    auto modelT = dropT.model();
    auto o = options();
    o.unseenTargets = UnseenTargetPolicy::DropTargets;
    const auto a = evaluate(modelT, train(), {session(8, {0, 5, 1})}, 6, o);
    EXPECT_EQ(a.predictions, 1u);
    EXPECT_EQ(a.droppedTargets, 1u);
    EXPECT_EQ(a.unseenTargets, 0u);
    ASSERT_EQ(dropT.prefixes.size(), 1u);
    EXPECT_EQ(dropT.prefixes[0], (std::vector<std::int32_t>{0, 5})); // the prefix keeps it

    Recorder dropE;
    auto modelE = dropE.model();
    o.unseenTargets = UnseenTargetPolicy::DropEvents;
    const auto b = evaluate(modelE, train(), {session(8, {0, 5, 1}), session(9, {5, 2})}, 6, o);
    EXPECT_EQ(b.predictions, 1u);
    EXPECT_EQ(b.droppedTargets, 2u);
    EXPECT_EQ(b.scoredSessions, 1u); // session 9 became too short
    ASSERT_EQ(dropE.prefixes.size(), 1u);
    EXPECT_EQ(dropE.prefixes[0], (std::vector<std::int32_t>{0})); // as session-rec's split
}

TEST(EvalProtocol, SlicesBySessionLengthAndTargetPopularity) {
    Recorder rec;
    auto model = rec.model();
    auto o = options();
    o.lengthSliceBounds = {2, 3};
    // Session 8 (length 2): target 4 (1 training event: rare). Session 9 (length 3): targets 1
    // and 1 (frequent), the second a hit (the prefix's last item scores highest).
    const auto r =
        evaluate(model, train(), {session(8, {0, 4}), session(9, {2, 1, 1})}, 6, o);
    ASSERT_EQ(r.slices.size(), 5u);
    EXPECT_EQ(r.slices[0].label, "2");
    EXPECT_EQ(r.slices[0].predictions, 1u);
    EXPECT_EQ(r.slices[1].label, "3+");
    EXPECT_EQ(r.slices[1].predictions, 2u);
    EXPECT_DOUBLE_EQ(r.slices[1].metrics.at("HitRate@1"), 0.5);
    EXPECT_EQ(r.slices[3].label, "rare");
    EXPECT_EQ(r.slices[3].predictions, 1u);
    EXPECT_EQ(r.slices[4].label, "frequent");
    EXPECT_EQ(r.slices[4].predictions, 2u);
}

TEST(EvalProtocol, ProgressCancelsWithCancelled) {
    Recorder rec;
    auto model = rec.model();
    auto o = options();
    o.progress = [](const Progress&) { return false; };
    EXPECT_THROW(evaluate(model, train(), {session(8, {0, 1, 2})}, 6, o), Cancelled);
}

TEST(EvalProtocol, RejectsBadCutoffsAndItemsOutsideTheCorpus) {
    Recorder rec;
    auto model = rec.model();
    auto o = options();
    o.cutoffs = {0};
    EXPECT_THROW(evaluate(model, train(), {session(8, {0, 1})}, 6, o), UsageError);
    EXPECT_THROW(evaluate(model, train(), {session(8, {0, 9})}, 6, options()), UsageError);
    EXPECT_THROW(parseUnseenTargetPolicy("ignore"), UsageError);
    EXPECT_EQ(parseUnseenTargetPolicy("drop-events"), UnseenTargetPolicy::DropEvents);
}

TEST(EvalProtocol, LastPositionOnlyScoresEachSessionOnce) {
    Recorder rec;
    auto model = rec.model();
    EvalOptions o = options();
    o.lastPositionOnly = true;
    const auto r = evaluate(model, train(), {session(8, {0, 1, 2}), session(9, {3, 1})}, 6, o);
    EXPECT_EQ(r.predictions, 2u);
    ASSERT_EQ(rec.prefixes.size(), 2u);
    EXPECT_EQ(rec.prefixes[0], (std::vector<std::int32_t>{0, 1})); // target 2, the last event
    EXPECT_EQ(rec.prefixes[1], (std::vector<std::int32_t>{3}));
}

TEST(EvalProtocol, LeaveLastOutCorpusImpliesLastPositionOnly) {
    Recorder rec;
    auto model = rec.model();
    SessionCorpus corpus;
    corpus.numItems = 6;
    corpus.train = {session(1, {0, 1}), session(2, {3})};  // the prefixes
    corpus.test = {session(1, {0, 1, 2}), session(2, {3, 1})};
    corpus.leaveLastOut = true;
    const auto r = fitAndEvaluate(model, corpus, EvalPart::Test, options());
    EXPECT_EQ(r.predictions, 2u);
    EXPECT_TRUE(r.lastPositionOnly);
}
