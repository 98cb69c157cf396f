#include "../../support/temp_dir.h"
#include "srw/data/corpus_loader.h"
#include "srw/data/csv_importer.h"
#include "srw/data/preparation.h"
#include "srw/data/splitter.h"
#include "srw/util/error.h"

#include <climits>
#include <gtest/gtest.h>

using namespace srw;

namespace {
constexpr long long kDay = 86400;

class Split : public ::testing::Test {
protected:
    void SetUp() override {
        // Ten days; session k starts on day k. The last two days bring item "new".
        std::string log = "session,item,time\n";
        for (int k = 0; k < 10; ++k) {
            long long t = k * kDay + 3600;
            log += std::to_string(k) + ",a," + std::to_string(t) + "\n";
            log += std::to_string(k) + ",b," + std::to_string(t + 60) + "\n";
            if (k >= 8)
                log += std::to_string(k) + ",new," + std::to_string(t + 120) + "\n";
        }
        importEventsCsv(store, "d", dir.write("l.csv", log), {});
    }
    test::TempDir dir;
    SessionStore store{dir.file("ws.sqlite")};
};
} // namespace

TEST_F(Split, TemporalPutsTheLastDaysInTestAndFlagsUnseenItems) {
    SplitOptions o;
    o.testDays = 1.5; // sessions 8 and 9 end within 1.5 days of the last event
    o.validDays = 1;
    SplitSummary s = splitDataset(store, "d", o);
    EXPECT_EQ(s.test.sessions, 2);
    EXPECT_EQ(s.valid.sessions, 1);
    EXPECT_EQ(s.train.sessions, 7);
    EXPECT_EQ(s.testEventsUnseen, 2); // "new" twice, kept and flagged
    EXPECT_EQ(s.testItemsUnseen, 1);

    SessionCorpus c = loadCorpus(store, "d");
    ASSERT_EQ(c.test.size(), 2u);
    EXPECT_EQ(c.test[0].items.size(), 3u); // unseen items are not silently dropped
    std::int64_t lastTrainEnd = 0, firstTestEnd = LLONG_MAX;
    for (const auto& t : c.train)
        lastTrainEnd = std::max(lastTrainEnd, t.times.back());
    for (const auto& t : c.test)
        firstTestEnd = std::min(firstTestEnd, t.times.back());
    EXPECT_LT(lastTrainEnd, firstTestEnd); // no test session ends before a training session
    EXPECT_EQ(c.numItems, 3);
    EXPECT_TRUE(std::is_sorted(c.train.begin(), c.train.end(), [](const auto& a, const auto& b) {
        return a.times.front() < b.times.front();
    }));
}

TEST_F(Split, LeaveLastOutTrainsOnPrefixes) {
    SplitOptions o;
    o.method = "leave_last_out";
    SplitSummary s = splitDataset(store, "d", o);
    EXPECT_EQ(s.test.sessions, 10);
    EXPECT_EQ(s.testEventsUnseen, 2); // "new" is only ever a last event: never in a prefix
    SessionCorpus c = loadCorpus(store, "d");
    EXPECT_TRUE(c.leaveLastOut);
    ASSERT_EQ(c.train.size(), 10u);
    for (std::size_t i = 0; i < c.train.size(); ++i)
        EXPECT_EQ(c.train[i].items.size() + 1, c.test[i].items.size());
}

TEST_F(Split, ExcludedSessionsStayOutAndSplitsAreReplacedByName) {
    PrepareOptions p;
    p.minItemSupport = 3; // "new" (2 events) is dropped
    prepareDataset(store, "d", p, false);
    SplitOptions o;
    o.testDays = 1.5;
    o.validDays = 0;
    SplitSummary s = splitDataset(store, "d", o);
    EXPECT_EQ(s.testEventsUnseen, 0);
    EXPECT_EQ(s.valid.sessions, 0);
    splitDataset(store, "d", o); // again, same name: replaced, not duplicated
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM splits"), 1);
    SessionCorpus c = loadCorpus(store, "d");
    for (const auto& t : c.test)
        EXPECT_EQ(t.items.size(), 2u);
}

TEST_F(Split, ErrorsAreClear) {
    EXPECT_THROW(loadCorpus(store, "d"), UsageError); // no split yet
    SplitOptions bad;
    bad.method = "random";
    EXPECT_THROW(splitDataset(store, "d", bad), UsageError);
    bad.method = "temporal";
    bad.testDays = 0;
    EXPECT_THROW(splitDataset(store, "d", bad), UsageError);
}

// A temporal split with few test or validation sessions says so, with what to change; a split
// with enough says nothing, and leave-last-out (every session in test) never warns.
TEST(SplitWarnings, FewEvaluationSessionsAreNamedWithTheOptionToChange) {
    SplitOptions o;
    o.testDays = 1;
    o.validDays = 2.5;
    SplitSummary s;
    s.method = "temporal";
    s.train.sessions = 3127;
    s.valid.sessions = 11;
    s.test.sessions = 10;
    auto w = splitWarnings(s, o);
    ASSERT_EQ(w.size(), 2u);
    EXPECT_EQ(w[0].part, SplitWarning::Part::Test);
    EXPECT_EQ(w[0].sessions, 10);
    EXPECT_NE(w[0].text.find("only 10 test sessions (0.3% of 3148)"), std::string::npos)
        << w[0].text;
    EXPECT_NE(w[0].text.find("--test-days (now 1)"), std::string::npos) << w[0].text;
    EXPECT_EQ(w[1].part, SplitWarning::Part::Valid);
    EXPECT_NE(w[1].text.find("--valid-days (now 2.5)"), std::string::npos) << w[1].text;

    o.validDays = 0; // no validation part asked for: nothing to say about it
    EXPECT_EQ(splitWarnings(s, o).size(), 1u);
    s.test.sessions = kFewEvaluationSessions;
    EXPECT_TRUE(splitWarnings(s, o).empty());
    s.test.sessions = 3;
    s.method = "leave_last_out";
    EXPECT_TRUE(splitWarnings(s, o).empty());
}
