// RetailRocket: events in epoch milliseconds per visitor, sessions by inactivity gap; item
// property snapshots whose latest categoryid is the category.
#include "format_test_support.h"
#include "srw/data/formats/import_file.h"
#include "srw/data/formats/retailrocket_importer.h"
#include "srw/util/error.h"

#include <algorithm>
#include <nlohmann/json.hpp>

using namespace srw;
using namespace srw::test;

namespace {

const std::string kEvents = "timestamp,visitorid,event,itemid,transactionid\n"
                            "1433221332117,257597,view,355908,\n"
                            "1433224214164,992329,view,248676,\n"
                            "1433221999827,257597,addtocart,355908,\n"
                            "1433223000000,257597,transaction,355908,4000\n"
                            "1433230000000,257597,view,100,";

const std::string kPart1 = "timestamp,itemid,property,value\n"
                           "1435460400000,460429,categoryid,1338\n"
                           "1441508400000,206783,888,1116713 960601 n277.200\n"
                           "1439089200000,395014,400,n552.000 639502 n720.000 424566\n"
                           "1436065200000,285026,available,0\n"
                           "1434250800000,460429,categoryid,1200\n"
                           "1433646000000,281245,categoryid,1277";

const std::string kPart2 = "timestamp,itemid,property,value\n"
                           "1430000000000,460429,categoryid,1500\n"
                           "1440000000000,281245,categoryid,1300\n"
                           "1440000000000,285026,available,1\n";

class RetailRocket : public FormatTest {};

} // namespace

TEST_F(RetailRocket, VisitorsEventsAreSplitAtThirtyMinutesOfInactivity) {
    ImportReport r = importRetailRocket(store, "rr", dir.write("events.csv", kEvents), {});
    EXPECT_EQ(r.rows, 5u);
    EXPECT_EQ(r.events, 5u);
    EXPECT_EQ(r.sessions, 3u);
    std::vector<StoredEvent> want = {
        {"257597#1", "257597", "355908", 1433221332117LL, "view"},
        {"257597#1", "257597", "355908", 1433221999827LL, "addtocart"},
        {"257597#1", "257597", "355908", 1433223000000LL, "transaction"},
        // 7,000 s after the transaction: a new session.
        {"257597#2", "257597", "100", 1433230000000LL, "view"},
        {"992329#1", "992329", "248676", 1433224214164LL, "view"},
    };
    EXPECT_EQ(eventsOf(store, "rr"), want);
}

TEST_F(RetailRocket, TheGapComesFromTheOptions) {
    DelimitedImportOptions o;
    o.sessionGapMinutes = 200;
    ImportReport r = importFile(store, "rr", dir.write("events.csv", kEvents), "auto", o);
    EXPECT_EQ(r.sessions, 2u);
}

TEST_F(RetailRocket, LatestCategoryIdIsTheCategoryWhateverTheFileOrder) {
    ImportReport r =
        importRetailRocket(store, "a", dir.write("item_properties_part1.csv", kPart1), {});
    EXPECT_EQ(r.rows, 6u);
    EXPECT_EQ(r.itemsUpdated, 3u); // items with a categoryid or available row
    EXPECT_EQ(itemCount(store, "a"), 3);
    EXPECT_EQ(itemOf(store, "a", "460429").category, "1338");
    EXPECT_EQ(itemOf(store, "a", "281245").category, "1277");
    EXPECT_EQ(itemOf(store, "a", "285026").category, std::nullopt);
    auto avail = nlohmann::json::parse(*itemOf(store, "a", "285026").attributes);
    EXPECT_EQ(avail.at("available"), "0");

    // Part 2 holds an older category for 460429 and a newer one for 281245.
    std::string p1 = dir.file("item_properties_part1.csv");
    std::string p2 = dir.write("item_properties_part2.csv", kPart2);
    importRetailRocket(store, "a", p2, {});
    importRetailRocket(store, "b", p2, {});
    importRetailRocket(store, "b", p1, {});
    for (const char* d : {"a", "b"}) {
        EXPECT_EQ(itemOf(store, d, "460429").category, "1338") << d;
        EXPECT_EQ(itemOf(store, d, "281245").category, "1300") << d;
        auto attrs = nlohmann::json::parse(*itemOf(store, d, "285026").attributes);
        EXPECT_EQ(attrs.at("available"), "1") << d;
    }
}

TEST_F(RetailRocket, EventsAndPropertiesShareItems) {
    importRetailRocket(store, "rr", dir.write("events.csv", kEvents), {});
    importRetailRocket(store, "rr",
                       dir.write("item_properties.csv",
                                 "timestamp,itemid,property,value\n1433221332117,355908,"
                                 "categoryid,42\n"),
                       {});
    EXPECT_EQ(itemOf(store, "rr", "355908").category, "42");
    EXPECT_EQ(itemCount(store, "rr"), 3);
}

namespace {
// An events file of n data rows (file lines 2..n+1), one second apart over 50 visitors (one
// session each), items cycling over 89 ids; lines in bad get a timestamp that is no number.
// Large enough to cross the parsing thread's batches.
std::string manyEvents(int n, const std::vector<int>& bad) {
    std::string s = "timestamp,visitorid,event,itemid,transactionid\n";
    for (int line = 2; line <= n + 1; ++line) {
        const int i = line - 1;
        const bool isBad = std::find(bad.begin(), bad.end(), line) != bad.end();
        s += (isBad ? std::string("x1433221332117") : std::to_string(1433221332117LL + i * 1000LL)) +
             "," + std::to_string(i % 50) + "," + (i % 4 ? "view" : "addtocart") + "," +
             std::to_string(355000 + (i * 31) % 89) + ",\n";
    }
    return s;
}
} // namespace

TEST_F(RetailRocket, LenientRowsAcrossBatchesAreCountedAndReportedInFileOrder) {
    DelimitedImportOptions o;
    o.lenient = true;
    const std::vector<int> bad = {2, 4098, 8195, 12000, 16500, 20001, 29000};
    ImportReport r =
        importRetailRocket(store, "rr", dir.write("events.csv", manyEvents(30000, bad)), o);
    EXPECT_EQ(r.rows, 30000u);
    EXPECT_EQ(r.skipped, bad.size());
    EXPECT_EQ(r.events, 30000u - bad.size());
    EXPECT_EQ(r.sessions, 50u);
    EXPECT_EQ(r.newItems, 89u);
    ASSERT_EQ(r.firstErrors.size(), 5u);
    for (std::size_t k = 0; k < 5; ++k)
        EXPECT_NE(r.firstErrors[k].find(":" + std::to_string(bad[k]) + ":1:"), std::string::npos)
            << r.firstErrors[k];
    const auto events = eventsOf(store, "rr");
    ASSERT_EQ(events.size(), 30000u - bad.size());
    // Visitor 0's first event is row 50 (line 51); its event type comes from its own row.
    EXPECT_EQ(events[0].session, "0#1");
    EXPECT_EQ(events[0].ts, 1433221332117LL + 50 * 1000LL);
    EXPECT_EQ(events[0].type, "view");
    EXPECT_EQ(events[1].type, "addtocart");
}

TEST_F(RetailRocket, ABadRowFarIntoTheFileFailsAtItsLineAndWritesNothing) {
    for (int badLine : {5000, 20000, 30001}) {
        std::string path = dir.write("events.csv", manyEvents(30000, {badLine}));
        try {
            importRetailRocket(store, "rr", path, {});
            FAIL() << "line " << badLine;
        } catch (const InputError& e) {
            EXPECT_EQ(e.line(), std::uint64_t(badLine));
            EXPECT_NE(std::string(e.what()).find(":" + std::to_string(badLine) + ":1:"),
                      std::string::npos)
                << e.what();
        }
        EXPECT_FALSE(store.findDataset("rr"));
        EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM events"), 0);
        EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM items"), 0);
    }
}
