#include "../../support/db_digest.h"
#include "../../support/temp_dir.h"
#include "srw/data/csv_importer.h"
#include "srw/data/dataset_stats.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <map>
#include <set>

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

// External ids of the dataset's items in id order.
std::vector<std::string> itemsById(SessionStore& s, const std::string& dataset) {
    Statement st = s.db().prepare("SELECT i.external_id FROM items i JOIN datasets d ON"
                                  " d.id = i.dataset_id WHERE d.name = ? ORDER BY i.id");
    st.bind(1, dataset);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.getText(0));
    return out;
}

// A log written line by line, remembering where each line ends (what the reader's progress
// reports as bytes read) and which items the accepted rows name, in file order.
struct LogBuilder {
    std::string text;
    std::vector<std::uint64_t> lineEnd{0}; // lineEnd[k]: bytes through line k (1-based)
    std::vector<std::string> firstSeen;
    std::set<std::string> seen;

    void line(const std::string& l) {
        text += l;
        text += '\n';
        lineEnd.push_back(text.size());
    }
    void row(const std::string& l, const std::string& item) {
        line(l);
        if (seen.insert(item).second)
            firstSeen.push_back(item);
    }
    std::uint64_t lines() const { return lineEnd.size() - 1; }
};

// Many batches of the parsing thread (4096 rows each) with a session key.
LogBuilder sessionLog(int rows) {
    LogBuilder log;
    log.line("session,item,time");
    for (int i = 0; i < rows; ++i) {
        std::string item = "i" + std::to_string((i * 37) % 1009);
        log.row(std::to_string(i / 9) + "," + item + "," + std::to_string(1000 + i), item);
    }
    return log;
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

// Gap sessions get their ids in the order of their keys "user#n" as text (users by "user#", a
// user's sessions "#1" < "#10" < "#11" < "#2"), users theirs by first appearance, and a user key
// with '#' (whose keys could interleave with another user's) is assembled the same way.
TEST_F(CsvImport, GapSessionIdsFollowTheirKeysAsText) {
    std::string log = "user,item,time\n";
    for (const char* u : {"b", "a#1", "a", "a!"})
        for (int k = 0; k < 12; ++k) // twelve sessions each: an hour apart
            log += std::string(u) + ",i" + std::to_string(k) + "," + std::to_string(k * 3600) +
                   "\n";
    ImportReport r = importEventsCsv(store, "d", dir.write("log.csv", log), {});
    EXPECT_EQ(r.sessions, 48u);
    Statement st = store.db().prepare("SELECT external_id FROM sessions ORDER BY id");
    std::vector<std::string> keys;
    while (st.step())
        keys.push_back(st.getText(0));
    std::vector<std::string> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(keys, sorted);
    ASSERT_EQ(keys.size(), 48u);
    EXPECT_EQ(keys[0], "a!#1");
    EXPECT_EQ(keys[1], "a!#10");
    Statement users = store.db().prepare("SELECT external_id FROM users ORDER BY id");
    std::vector<std::string> names;
    while (users.step())
        names.push_back(users.getText(0));
    EXPECT_EQ(names, (std::vector<std::string>{"b", "a#1", "a", "a!"}));
    // Without the '#' key the single-sort assembly runs; the same rules hold.
    std::string plain;
    for (const char* u : {"b", "a", "a!"})
        for (int k = 0; k < 12; ++k)
            plain += std::string(u) + ",i" + std::to_string(k) + "," + std::to_string(k * 3600) +
                     "\n";
    importEventsCsv(store, "p", dir.write("plain.csv", "user,item,time\n" + plain), {});
    Statement st2 = store.db().prepare("SELECT s.external_id, u.external_id FROM sessions s"
                                       " JOIN datasets d ON d.id = s.dataset_id"
                                       " JOIN users u ON u.id = s.user_id"
                                       " WHERE d.name = 'p' ORDER BY s.id");
    std::vector<std::string> pkeys;
    while (st2.step()) {
        pkeys.push_back(st2.getText(0));
        EXPECT_EQ(pkeys.back().substr(0, pkeys.back().find('#')), st2.getText(1));
    }
    std::vector<std::string> psorted = pkeys;
    std::sort(psorted.begin(), psorted.end());
    EXPECT_EQ(pkeys, psorted);
    ASSERT_EQ(pkeys.size(), 36u);
    EXPECT_EQ(pkeys[2], "a!#11");
    EXPECT_EQ(pkeys[3], "a!#12");
    EXPECT_EQ(pkeys[4], "a!#2");
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

TEST_F(CsvImport, StrictErrorAfterManyBatchesNamesItsRowAfterTheRowsBeforeItAndChangesNothing) {
    {
        importEventsCsv(store, "base", dir.write("ok.csv", "session,item,time\n1,a,1\n1,b,2\n"),
                        {});
    }
    const std::string before = test::workspaceDigest(dir.file("ws.sqlite"));
    struct Bad {
        std::string row;
        std::uint64_t column;
        const char* reason;
    };
    for (const Bad& bad : {Bad{"7,x,yesterday", 3, "cannot parse time \"yesterday\""},
                           Bad{"7,x", 0, "expected 3 columns, found 2"},
                           Bad{"7,,5", 2, "empty item id"}, Bad{"NA,x,5", 1, "empty session id"}}) {
        // 40000 good rows (two progress ticks), the bad one on line 40002, then more good rows.
        LogBuilder log = sessionLog(40000);
        log.line(bad.row);
        for (int i = 0; i < 5000; ++i)
            log.line("z,a," + std::to_string(i));
        auto path = dir.write("bad.csv", log.text);
        for (const char* target : {"base", "fresh"}) {
            std::vector<std::string> ticks;
            try {
                importEventsCsv(store, target, path, {}, [&](const Progress& p) {
                    ticks.push_back(p.detail);
                    return true;
                });
                FAIL() << bad.row << ": expected InputError";
            } catch (const InputError& e) {
                EXPECT_EQ(e.file(), path);
                EXPECT_EQ(e.line(), 40002u) << e.what();
                EXPECT_EQ(e.column(), bad.column) << e.what();
                EXPECT_NE(e.reason().find(bad.reason), std::string::npos) << e.what();
            }
            // The rows before the bad one went through the writer first, in order.
            EXPECT_EQ(ticks, (std::vector<std::string>{"16384 rows", "32768 rows"})) << bad.row;
            EXPECT_FALSE(store.findDataset("fresh").has_value());
        }
    }
    EXPECT_EQ(test::workspaceDigest(dir.file("ws.sqlite")), before);
}

TEST_F(CsvImport, LenientCountsAndReportsErrorsInFileOrderAcrossBatches) {
    // Bad rows spread over the file, each in a different batch of the parsing thread; the
    // ragged one is rejected by the reader's width check rather than the row checks.
    const std::map<int, std::pair<std::string, std::string>> bad = {
        {10, {"3,i1,notatime", ":12:3: cannot parse time"}},
        {4500, {"3,i1", ":4502: expected 3 columns, found 2"}},
        {9000, {"3,,7", ":9002:2: empty item id"}},
        {13000, {",i2,7", ":13002:1: empty session id"}},
        {20000, {"3,\xff,7", ":20002:"}},
        {29000, {"3,i1,", ":29002:3: empty time"}},
    };
    LogBuilder log;
    log.line("session,item,time");
    for (int i = 0; i < 30000; ++i) {
        auto b = bad.find(i);
        if (b != bad.end()) {
            log.line(b->second.first);
            continue;
        }
        std::string item = "i" + std::to_string((i * 37) % 1009);
        log.row(std::to_string(i / 9) + "," + item + "," + std::to_string(1000 + i), item);
    }
    auto path = dir.write("log.csv", log.text);
    DelimitedImportOptions o;
    o.lenient = true;
    std::vector<Progress> ticks;
    ImportReport r = importEventsCsv(store, "d", path, o, [&](const Progress& p) {
        if (p.stage == "reading")
            ticks.push_back(p);
        return true;
    });
    EXPECT_EQ(r.rows, 30000u);
    EXPECT_EQ(r.skipped, 6u);
    EXPECT_EQ(r.events, 30000u - 6u);
    ASSERT_EQ(r.firstErrors.size(), 5u);
    auto b = bad.begin();
    for (const std::string& e : r.firstErrors) {
        EXPECT_NE(e.find(path + b->second.second), std::string::npos) << e;
        ++b;
    }
    EXPECT_NE(r.firstErrors[4].find("UTF-8"), std::string::npos) << r.firstErrors[4];
    // Progress as the single-threaded import reported it: bytes through the 16384th data row.
    ASSERT_EQ(ticks.size(), 1u);
    EXPECT_EQ(ticks[0].detail, "16384 rows");
    EXPECT_EQ(ticks[0].done, log.lineEnd[16385]);
    EXPECT_EQ(ticks[0].total, log.text.size());
    // Items are numbered by first appearance among the accepted rows, in file order.
    EXPECT_EQ(itemsById(store, "d"), log.firstSeen);
    EXPECT_EQ(eventsOf(store, "d").size(), 30000u - 6u);
}

TEST_F(CsvImport, CancelMidFileStopsTheParserPromptlyAndLeavesNothing) {
    importEventsCsv(store, "base", dir.write("ok.csv", "session,item,time\n1,a,1\n1,b,2\n"), {});
    const std::string before = test::workspaceDigest(dir.file("ws.sqlite"));
    // Far longer than the batches in flight: the parser is blocked on a full pipe, or still
    // reading, when the importing thread stops.
    auto path = dir.write("log.csv", sessionLog(300000).text);
    for (int cancelAt : {1, 2, 5}) {
        for (const char* target : {"base", "fresh"}) {
            int calls = 0;
            auto t0 = std::chrono::steady_clock::now();
            auto done = std::async(std::launch::async, [&] {
                importEventsCsv(store, target, path, {}, [&](const Progress& p) {
                    return p.stage != "reading" || ++calls < cancelAt;
                });
            });
            if (done.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
                std::fprintf(stderr, "the import did not return after cancelling: deadlock\n");
                std::abort(); // the future's destructor would wait forever
            }
            EXPECT_THROW(done.get(), Cancelled) << cancelAt;
            EXPECT_EQ(calls, cancelAt) << "progress after the cancel";
            EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                      20.0);
            EXPECT_FALSE(store.findDataset("fresh").has_value());
        }
    }
    EXPECT_EQ(test::workspaceDigest(dir.file("ws.sqlite")), before);
}

TEST_F(CsvImport, UserGapSessionsAcrossBatches) {
    // 7 users, one event a minute in turn (7 min apart per user), a 2-hour pause every 5000 rows:
    // each user has 4 sessions. Two rows without a user are skipped (lenient).
    LogBuilder log;
    log.line("user,item,time");
    for (int i = 0; i < 20000; ++i) {
        std::string item = "p" + std::to_string((i * 53) % 2003);
        std::string time = std::to_string(std::int64_t(i) * 60 + (i / 5000) * 7200);
        log.row("u" + std::to_string(i % 7) + "," + item + "," + time, item);
        if (i == 6000 || i == 17000)
            log.line("NA,p1," + time);
    }
    DelimitedImportOptions o;
    o.lenient = true;
    ImportReport r = importEventsCsv(store, "d", dir.write("users.csv", log.text), o);
    EXPECT_EQ(r.rows, 20002u);
    EXPECT_EQ(r.skipped, 2u);
    ASSERT_EQ(r.firstErrors.size(), 2u);
    EXPECT_NE(r.firstErrors[0].find(":6003:1: empty user id"), std::string::npos)
        << r.firstErrors[0];
    EXPECT_EQ(r.events, 20000u);
    EXPECT_EQ(r.sessions, 28u);
    std::map<std::string, std::size_t> perSession;
    for (const Event& e : eventsOf(store, "d"))
        ++perSession[e.session];
    ASSERT_EQ(perSession.size(), 28u);
    for (int u = 0; u < 7; ++u)
        for (int k = 1; k <= 4; ++k)
            EXPECT_GT(perSession["u" + std::to_string(u) + "#" + std::to_string(k)], 700u);
    EXPECT_EQ(itemsById(store, "d"), log.firstSeen);
}
