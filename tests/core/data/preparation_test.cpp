#include "../../support/temp_dir.h"
#include "srw/data/csv_importer.h"
#include "srw/data/preparation.h"
#include "srw/data/session_stream.h"

#include <gtest/gtest.h>
#include <map>
#include <sstream>

using namespace srw;

namespace {

// Builds a log from "session: item item item" lines; events one minute apart.
std::string logOf(const std::vector<std::pair<std::string, std::string>>& sessions) {
    std::string out = "session,item,time\n";
    long long t = 1000000;
    for (const auto& [s, items] : sessions) {
        std::istringstream in(items);
        std::string item;
        while (in >> item) {
            out += s + "," + item + "," + std::to_string(t) + "\n";
            t += 60;
        }
    }
    return out;
}

std::map<std::int64_t, std::vector<std::int64_t>> kept(SessionStore& store, const std::string& ds) {
    std::map<std::int64_t, std::vector<std::int64_t>> out;
    forEachStoredSession(store.db(), *store.findDataset(ds), true,
                         [&](const StoredSession& s) { out[s.id] = s.items; });
    return out;
}

class Prepare : public ::testing::Test {
protected:
    test::TempDir dir;
    SessionStore store{dir.file("ws.sqlite")};
};

} // namespace

TEST_F(Prepare, FiltersRunInTheStandardOrder) {
    // Support counts: a=5 (in sessions 1-4 and the short session 5), b=3, c=2.
    // Order matters: session 5 (length 1) is dropped first, so a's support falls to 4... here a
    // appears 5 times in sessions 1-4, so it survives; b and c are rare at min support 4; then
    // session 4 ("a c") becomes length 1 and is dropped by the second length filter.
    importEventsCsv(store, "d",
                    dir.write("l.csv", logOf({{"1", "a b a"},
                                              {"2", "a b"},
                                              {"3", "a b c"},
                                              {"4", "a c"},
                                              {"5", "a"}})),
                    {});
    PrepareOptions o;
    o.minItemSupport = 4;
    PrepareSummary s = prepareDataset(store, "d", o, false);
    EXPECT_EQ(s.sessionsBefore, 5);
    EXPECT_EQ(s.shortSessionsFirst, 1);  // session 5
    EXPECT_EQ(s.rareItems, 2);           // b (3), c (2)
    EXPECT_EQ(s.rareItemEvents, 5);
    EXPECT_EQ(s.shortSessionsAfter, 3);  // 2, 3 and 4 are left with one "a" each
    EXPECT_EQ(s.sessionsAfter, 1);
    EXPECT_EQ(s.eventsAfter, 2);
    auto k = kept(store, "d");
    ASSERT_EQ(k.size(), 1u);
    EXPECT_EQ(k.begin()->second.size(), 2u);
}

TEST_F(Prepare, OnePassVersusFixedPoint) {
    // q is rare, which leaves session 3 as "y" alone (dropped); that lowers y's support to 2,
    // below the threshold, which only a second pass sees.
    importEventsCsv(store, "d",
                    dir.write("l.csv",
                              logOf({{"1", "a a a"}, {"2", "a y"}, {"3", "y q"}, {"4", "y a"}})),
                    {});
    PrepareOptions o;
    o.minItemSupport = 3;
    PrepareSummary one = prepareDataset(store, "d", o, true);
    EXPECT_EQ(one.passes, 1);
    EXPECT_EQ(one.sessionsAfter, 3);
    o.iterate = true;
    PrepareSummary fixed = prepareDataset(store, "d", o, true);
    EXPECT_GT(fixed.passes, 1);
    EXPECT_EQ(fixed.sessionsAfter, 1); // only "a a a" is left (a keeps support 3)
}

TEST_F(Prepare, PreviewChangesNothingAndRerunStartsFromRawData) {
    importEventsCsv(store, "d", dir.write("l.csv", logOf({{"1", "a b"}, {"2", "a"}})), {});
    PrepareOptions strict;
    strict.minItemSupport = 1;
    strict.minSessionLength = 2;
    auto before = kept(store, "d");
    prepareDataset(store, "d", strict, true);
    EXPECT_EQ(kept(store, "d"), before);
    prepareDataset(store, "d", strict, false);
    EXPECT_EQ(kept(store, "d").size(), 1u);
    PrepareOptions loose = strict;
    loose.minSessionLength = 1;
    prepareDataset(store, "d", loose, false);
    EXPECT_EQ(kept(store, "d").size(), 2u); // the dropped session is back
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM events"), 3); // nothing was deleted
}

TEST_F(Prepare, DuplicatesAreCountedAndOptionallyCollapsed) {
    importEventsCsv(store, "d",
                    dir.write("l.csv", "session,item,time\n1,a,10\n1,a,10\n1,a,11\n1,b,12\n"
                                       "2,a,5\n2,b,6\n"),
                    {});
    PrepareOptions o;
    o.minItemSupport = 1;
    EXPECT_EQ(prepareDataset(store, "d", o, true).duplicateEvents, 1); // same time only
    o.collapseDuplicates = true;
    PrepareSummary s = prepareDataset(store, "d", o, false);
    EXPECT_EQ(s.duplicatesCollapsed, 1);
    EXPECT_EQ(s.eventsAfter, 5);
}

TEST_F(Prepare, BotFilterFlagsLongAndFastSessions) {
    std::string log = "session,item,time\n";
    for (int i = 0; i < 101; ++i) // too long, human pace
        log += "long,i" + std::to_string(i % 7) + "," + std::to_string(1000 + i * 30) + "\n";
    for (int i = 0; i < 12; ++i) // short but one click a second
        log += "fast,i" + std::to_string(i % 7) + "," + std::to_string(9000 + i) + "\n";
    for (int i = 0; i < 12; ++i) // human
        log += "human,i" + std::to_string(i % 7) + "," + std::to_string(20000 + i * 20) + "\n";
    importEventsCsv(store, "d", dir.write("l.csv", log), {});
    PrepareOptions o;
    o.minItemSupport = 1;
    PrepareSummary s = prepareDataset(store, "d", o, false);
    EXPECT_EQ(s.botSessions, 2);
    EXPECT_EQ(s.botEvents, 113);
    EXPECT_EQ(s.sessionsAfter, 1);
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM sessions WHERE flags = 1"), 2);
    o.botFilter = false;
    EXPECT_EQ(prepareDataset(store, "d", o, true).sessionsAfter, 3);
}
