#include "../../support/temp_dir.h"
#include "srw/data/csv_importer.h"
#include "srw/data/dataset_stats.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace srw;

namespace {

struct Event {
    std::string session, item;
    long long ts;
    std::string type;
    bool operator==(const Event& o) const {
        return session == o.session && item == o.item && ts == o.ts && type == o.type;
    }
};

// Events of a dataset in session-id then position order, with external ids.
std::vector<Event> eventsOf(SessionStore& s, const std::string& dataset) {
    Statement st = s.db().prepare(
        "SELECT coalesce(se.external_id, ''), i.external_id, e.ts, coalesce(e.event_type, '')"
        " FROM events e JOIN sessions se ON se.id = e.session_id JOIN items i ON i.id = e.item_id"
        " JOIN datasets d ON d.id = se.dataset_id WHERE d.name = ? ORDER BY se.id, e.pos");
    st.bind(1, dataset);
    std::vector<Event> out;
    while (st.step())
        out.push_back({st.getText(0), st.getText(1), st.getInt(2), st.getText(3)});
    return out;
}

class CsvImport : public ::testing::Test {
protected:
    test::TempDir dir;
    SessionStore store{dir.file("ws.sqlite")};
};

} // namespace

TEST_F(CsvImport, HeaderNamesMapRolesAndEventsAreOrderedByTimeThenFileOrder) {
    auto path = dir.write("log.csv", "session_id,item_id,timestamp,event_type\n"
                                     "s1,A,100,view\n"
                                     "s2,B,50,view\n"
                                     "s1,C,90,cart\n"
                                     "s1,D,100,view\n");
    ImportReport r = importEventsCsv(store, "d", path, {});
    EXPECT_EQ(r.events, 4u);
    EXPECT_EQ(r.sessions, 2u);
    EXPECT_EQ(r.newItems, 4u);
    EXPECT_TRUE(r.header);
    EXPECT_EQ(r.timeFormat, "s");
    std::vector<Event> want = {{"s1", "C", 90000, "cart"},
                               {"s1", "A", 100000, "view"},
                               {"s1", "D", 100000, "view"},
                               {"s2", "B", 50000, "view"}};
    EXPECT_EQ(eventsOf(store, "d"), want);
}

TEST_F(CsvImport, SemicolonHeaderlessWithIndicesAndMillis) {
    auto path = dir.write("log.txt", "7;x;1433221332117\n7;y;1433221332118\n8;x;1433221332000\n");
    DelimitedImportOptions o;
    o.columns = ColumnMapping::parse("session=0,item=1,time=2", {"session", "item", "time"});
    ImportReport r = importEventsCsv(store, "d", path, o);
    EXPECT_FALSE(r.header);
    EXPECT_EQ(r.delimiter, ';');
    EXPECT_EQ(r.timeFormat, "ms");
    EXPECT_EQ(r.events, 3u);
    EXPECT_EQ(eventsOf(store, "d")[0].ts, 1433221332117LL);
}

TEST_F(CsvImport, DateTimePatternAndNullUsers) {
    auto path = dir.write("log.csv", "sessionId,userId,itemId,time\n"
                                     "1,NA,i1,2016/05/09 10:00:00\n"
                                     "1,,i2,2016/05/09 10:01:00\n"
                                     "2,u9,i1,2016/05/10 00:00:00\n");
    DelimitedImportOptions o;
    o.timeFormat = "yyyy/MM/dd HH:mm:ss";
    importEventsCsv(store, "d", path, o);
    DatasetStats s = computeDatasetStats(store, "d");
    EXPECT_EQ(s.all.users.value_or(-1), 1); // NA and empty are null, u9 is the only user
    EXPECT_EQ(s.all.firstTsMs.value_or(0), 1462788000000LL);
}

TEST_F(CsvImport, NoUserColumnMeansUsersNull) {
    auto path = dir.write("log.csv", "session,item,time\n1,a,1\n1,b,2\n");
    importEventsCsv(store, "d", path, {});
    EXPECT_FALSE(computeDatasetStats(store, "d").all.users.has_value());
}

TEST_F(CsvImport, SessionGapSplitsEachUsersEvents) {
    // u1: 0, 10 min, 41 min (gap 31 > 30: new session), 70 min (gap 29: same); u2 interleaved.
    auto path = dir.write("log.csv", "user,item,time\n"
                                     "u1,a,0\n"
                                     "u2,z,60\n"
                                     "u1,b,600\n"
                                     "u1,c,2460\n"
                                     "u1,d,4200\n"
                                     "u2,y,1860\n");
    ImportReport r = importEventsCsv(store, "d", path, {});
    EXPECT_EQ(r.sessions, 3u); // u1: {a,b}, {c,d}; u2: {z,y} (gap exactly 30 min stays)
    auto ev = eventsOf(store, "d");
    ASSERT_EQ(ev.size(), 6u);
    std::map<std::string, std::vector<std::string>> bySession;
    for (const auto& e : ev)
        bySession[e.session].push_back(e.item);
    EXPECT_EQ(bySession.size(), 3u);
    EXPECT_EQ(bySession["u1#1"], (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(bySession["u1#2"], (std::vector<std::string>{"c", "d"}));
    EXPECT_EQ(bySession["u2#1"], (std::vector<std::string>{"z", "y"}));
}

TEST_F(CsvImport, CustomGap) {
    auto path = dir.write("log.csv", "user,item,time\nu,a,0\nu,b,120\nu,c,400\n");
    DelimitedImportOptions o;
    o.sessionGapMinutes = 4; // 120 s stays, 280 s splits
    EXPECT_EQ(importEventsCsv(store, "d", path, o).sessions, 2u);
}

TEST_F(CsvImport, SplitPartMarksSessionsAndStatsReportParts) {
    auto train = dir.write("train.tsv", "SessionId\tItemId\tTime\n1\t10\t1.0\n1\t11\t2.0\n2\t10\t3\n");
    auto test = dir.write("test.tsv", "SessionId\tItemId\tTime\n3\t11\t9\n3\t12\t10\n");
    DelimitedImportOptions o;
    o.splitPart = "train";
    importEventsCsv(store, "d", train, o);
    o.splitPart = "test";
    importEventsCsv(store, "d", test, o);
    DatasetStats s = computeDatasetStats(store, "d");
    EXPECT_EQ(s.all.events, 5);
    EXPECT_EQ(s.all.items, 3);
    ASSERT_EQ(s.parts.size(), 2u);
    EXPECT_EQ(s.parts[0].first, "train");
    EXPECT_EQ(s.parts[0].second.events, 3);
    EXPECT_EQ(s.parts[0].second.sessions, 2);
    EXPECT_EQ(s.parts[1].first, "test");
    EXPECT_EQ(s.parts[1].second.items, 2);
    auto j = datasetStatsToJson(s);
    EXPECT_EQ(j["parts"]["test"]["events"], 2);
}

TEST_F(CsvImport, CatalogueKeepsOtherColumnsAsAttributesAndCountsText) {
    auto log = dir.write("log.csv", "session,item,time\n1,a,1\n1,b,2\n");
    importEventsCsv(store, "d", log, {});
    auto cat = dir.write("items.csv", "item_id,title,price,category\n"
                                      "a,\"Red \"\"Pro\"\" mug\",9.5,Kitchen\n"
                                      "c,Blue cup,NA,Kitchen\n");
    ImportReport r = importCatalogCsv(store, "d", cat, {});
    EXPECT_EQ(r.itemsUpdated, 2u);
    EXPECT_EQ(r.newItems, 1u); // c is new; a existed from the log
    Statement st = store.db().prepare(
        "SELECT title, category, attributes FROM items WHERE external_id = 'a'");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.getText(0), "Red \"Pro\" mug");
    EXPECT_EQ(st.getText(1), "Kitchen");
    EXPECT_EQ(st.getText(2), "{\"price\":\"9.5\"}");
    DatasetStats s = computeDatasetStats(store, "d");
    EXPECT_EQ(s.catalogItems, 3);
    EXPECT_EQ(s.itemsWithText, 2);
    EXPECT_EQ(s.all.items, 2);
}

TEST_F(CsvImport, LenientModeSkipsAndReportsBadRows) {
    auto path = dir.write("log.csv", "session,item,time\n1,a,1\n1,b,notatime\n1,c\n2,\xff,5\n2,d,6\n");
    DelimitedImportOptions o;
    o.lenient = true;
    ImportReport r = importEventsCsv(store, "d", path, o);
    EXPECT_EQ(r.events, 2u);
    EXPECT_EQ(r.skipped, 3u);
    ASSERT_EQ(r.firstErrors.size(), 3u);
    EXPECT_NE(r.firstErrors[0].find(":3:3:"), std::string::npos) << r.firstErrors[0];
    EXPECT_NE(r.firstErrors[1].find(":4:"), std::string::npos) << r.firstErrors[1];
    EXPECT_NE(r.firstErrors[2].find("UTF-8"), std::string::npos) << r.firstErrors[2];
}

TEST_F(CsvImport, CancelRollsBackEverything) {
    std::string content = "session,item,time\n";
    for (int i = 0; i < 50000; ++i)
        content += std::to_string(i / 5) + ",i" + std::to_string(i % 97) + "," + std::to_string(i) + "\n";
    auto path = dir.write("log.csv", content);
    int calls = 0;
    EXPECT_THROW(importEventsCsv(store, "d", path, {},
                                 [&](const Progress&) { return ++calls < 2; }),
                 Cancelled);
    EXPECT_FALSE(store.findDataset("d").has_value());
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM items"), 0);
}

TEST_F(CsvImport, AppendingToADatasetReusesItems) {
    importEventsCsv(store, "d", dir.write("a.csv", "session,item,time\n1,a,1\n1,b,2\n"), {});
    ImportReport r =
        importEventsCsv(store, "d", dir.write("b.csv", "session,item,time\n9,a,3\n9,c,4\n"), {});
    EXPECT_EQ(r.newItems, 1u);
    EXPECT_EQ(computeDatasetStats(store, "d").all.sessions, 2);
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM dataset_sources"), 2);
}

TEST_F(CsvImport, SessionKeysMergeWithinAFileAndAcrossImports) {
    // Session 1 comes back after session 2 in the same file, then again in a second file
    // (like YOOCHOOSE's buys after its clicks): one session, in time order.
    importEventsCsv(store, "d",
                    dir.write("a.csv", "session,item,time,event\n1,a,10,click\n2,x,5,click\n"
                                       "1,b,30,click\n"),
                    {});
    ImportReport r = importEventsCsv(
        store, "d", dir.write("b.csv", "session,item,time,event\n1,c,20,buy\n"), {});
    EXPECT_EQ(r.sessions, 0u);
    std::vector<Event> want = {{"1", "a", 10000, "click"},
                               {"1", "c", 20000, "buy"},
                               {"1", "b", 30000, "click"},
                               {"2", "x", 5000, "click"}};
    EXPECT_EQ(eventsOf(store, "d"), want);
    DatasetStats s = computeDatasetStats(store, "d");
    EXPECT_EQ(s.all.sessions, 2);
    EXPECT_EQ(s.all.events, 4);
    Statement st = store.db().prepare("SELECT start_ts, end_ts, n_events FROM sessions WHERE"
                                      " external_id = '1'");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.getInt(0), 10000);
    EXPECT_EQ(st.getInt(1), 30000);
    EXPECT_EQ(st.getInt(2), 3);
}
