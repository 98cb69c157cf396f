// RecSys Challenge 2015 files as published: no header, ISO times in UTC with milliseconds.
#include "format_test_support.h"
#include "srw/data/formats/import_file.h"
#include "srw/data/formats/yoochoose_importer.h"
#include "srw/util/error.h"

using namespace srw;
using namespace srw::test;

namespace {

// The last line has no newline, as a hand-cut sample often does.
const std::string kClicks = "1,2014-04-07T10:51:09.277Z,214536502,0\n"
                            "1,2014-04-07T10:54:09.868Z,214536500,0\n"
                            "1,2014-04-07T10:54:46.998Z,214536506,S\n"
                            "2,2014-04-07T10:57:00.306Z,214662742,0\n"
                            "2,2014-04-06T18:44:58.314Z,214536502,2053\n"
                            "2,2014-04-06T18:44:59.000Z,214536500,1\n"
                            "3,2014-04-06T18:44:59.000Z,214536506,7";

const std::string kBuys = "420374,2014-04-06T18:44:58.314Z,214537888,12462,1\n"
                          "420374,2014-04-06T18:44:58.325Z,214537850,10471,1\n"
                          "281626,2014-04-06T09:40:13.032Z,214535653,1883,1";

class Yoochoose : public FormatTest {};

} // namespace

TEST_F(Yoochoose, ClicksBecomeClickEventsInSessionsWithExactTimes) {
    ImportReport r =
        importYoochoose(store, "rsc15", dir.write("yoochoose-clicks.dat", kClicks), {});
    EXPECT_EQ(r.rows, 7u);
    EXPECT_EQ(r.events, 7u);
    EXPECT_EQ(r.sessions, 3u);
    EXPECT_EQ(r.newItems, 4u);
    EXPECT_FALSE(r.header);
    std::vector<StoredEvent> want = {
        {"1", std::nullopt, "214536502", 1396867869277LL, "click"},
        {"1", std::nullopt, "214536500", 1396868049868LL, "click"},
        {"1", std::nullopt, "214536506", 1396868086998LL, "click"},
        // Session 2's rows are out of time order in the file; events follow time.
        {"2", std::nullopt, "214536502", 1396809898314LL, "click"},
        {"2", std::nullopt, "214536500", 1396809899000LL, "click"},
        {"2", std::nullopt, "214662742", 1396868220306LL, "click"},
        {"3", std::nullopt, "214536506", 1396809899000LL, "click"},
    };
    EXPECT_EQ(eventsOf(store, "rsc15"), want);
}

TEST_F(Yoochoose, ItemCategoryIsTheLatestNonZeroCategory) {
    importYoochoose(store, "rsc15", dir.write("yoochoose-clicks.dat", kClicks), {});
    EXPECT_EQ(itemOf(store, "rsc15", "214536502").category, "2053");
    EXPECT_EQ(itemOf(store, "rsc15", "214536500").category, "1");
    // "S" (special offer) at 10:54 on the 7th is later than "7" on the 6th.
    EXPECT_EQ(itemOf(store, "rsc15", "214536506").category, "S");
    EXPECT_EQ(itemOf(store, "rsc15", "214662742").category, std::nullopt);
}

TEST_F(Yoochoose, BuysBecomePurchaseEvents) {
    ImportReport r = importYoochoose(store, "rsc15", dir.write("yoochoose-buys.dat", kBuys), {});
    EXPECT_EQ(r.events, 3u);
    EXPECT_EQ(r.sessions, 2u);
    std::vector<StoredEvent> want = {
        {"281626", std::nullopt, "214535653", 1396777213032LL, "purchase"},
        {"420374", std::nullopt, "214537888", 1396809898314LL, "purchase"},
        {"420374", std::nullopt, "214537850", 1396809898325LL, "purchase"},
    };
    EXPECT_EQ(eventsOf(store, "rsc15"), want);
    // Prices are not categories.
    EXPECT_EQ(itemOf(store, "rsc15", "214537888").category, std::nullopt);
}

TEST_F(Yoochoose, AHeaderAddedByARedistributionIsSkipped) {
    ImportReport r = importFile(
        store, "d", dir.write("clicks.csv", "session_id,timestamp,item_id,category\n" + kClicks),
        "auto", {});
    EXPECT_TRUE(r.header);
    EXPECT_EQ(r.events, 7u);
}

TEST_F(Yoochoose, LenientModeSkipsBadRowsAndCountsThem) {
    DelimitedImportOptions o;
    o.lenient = true;
    ImportReport r = importYoochoose(
        store, "d",
        dir.write("c.dat", "1,2014-04-07T10:51:09.277Z,1,0\n1,not-a-time,2,0\n1,2014-04-07T10:"
                           "51:10.000Z,3,0\n"),
        o);
    EXPECT_EQ(r.rows, 3u);
    EXPECT_EQ(r.skipped, 1u);
    EXPECT_EQ(r.events, 2u);
    ASSERT_EQ(r.firstErrors.size(), 1u);
    EXPECT_NE(r.firstErrors[0].find(":2:2:"), std::string::npos) << r.firstErrors[0];
}

TEST_F(Yoochoose, AShapeOfNeitherFileIsRejectedAtItsLine) {
    std::string path = dir.write("x.dat", "1,2014-04-07T10:51:09.277Z,1\n");
    try {
        importYoochoose(store, "d", path, {});
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.line(), 1u);
        EXPECT_NE(e.reason().find("expected 4 columns"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(store.findDataset("d"));
}

namespace {
// A clicks file of n rows, four per session, items cycling over 97 ids, with a bad time at
// badLine (1-based; 0 for none). Large enough to cross the parsing thread's batches.
std::string manyClicks(int n, int badLine) {
    std::string s;
    for (int i = 1; i <= n; ++i) {
        s += std::to_string(1 + (i - 1) / 4) + ",";
        s += i == badLine ? std::string("2014-13-45T99:00:00Z") : "2014-04-07T10:51:09.277Z";
        s += "," + std::to_string(214000000 + (i * 31) % 97) + "," + std::to_string(i % 5) + "\n";
    }
    return s;
}
} // namespace

TEST_F(Yoochoose, ABadRowFarIntoTheFileFailsAtItsLineAndWritesNothing) {
    for (int badLine : {5000, 20000, 29999}) {
        std::string path = dir.write("c.dat", manyClicks(30000, badLine));
        try {
            importYoochoose(store, "d", path, {});
            FAIL() << "line " << badLine;
        } catch (const InputError& e) {
            EXPECT_EQ(e.line(), std::uint64_t(badLine));
            EXPECT_NE(std::string(e.what()).find(":" + std::to_string(badLine) + ":2:"),
                      std::string::npos)
                << e.what();
        }
        EXPECT_FALSE(store.findDataset("d"));
        EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM events"), 0);
    }
}

TEST_F(Yoochoose, LenientRowsAcrossBatchesMatchTheFile) {
    DelimitedImportOptions o;
    o.lenient = true;
    ImportReport r = importYoochoose(store, "d", dir.write("c.dat", manyClicks(30000, 12345)), o);
    EXPECT_EQ(r.rows, 30000u);
    EXPECT_EQ(r.skipped, 1u);
    EXPECT_EQ(r.events, 29999u);
    EXPECT_EQ(r.sessions, 7500u);
    EXPECT_EQ(r.newItems, 97u);
    ASSERT_EQ(r.firstErrors.size(), 1u);
    EXPECT_NE(r.firstErrors[0].find(":12345:2:"), std::string::npos) << r.firstErrors[0];
    // Item ids follow first appearance in the file, as with one thread.
    const auto events = eventsOf(store, "d");
    ASSERT_EQ(events.size(), 29999u);
    EXPECT_EQ(events[0].item, "214000031");
    EXPECT_EQ(countOf(store,
                      "SELECT count(*) FROM items i JOIN datasets d ON d.id = i.dataset_id"
                      " WHERE d.name = ?1 AND i.category IS NOT NULL",
                      "d"),
              97);
}

TEST_F(Yoochoose, CancellingWhileReadingWritesNothing) {
    std::string path = dir.write("c.dat", manyClicks(60000, 0));
    int ticks = 0;
    std::uint64_t lastDone = 0;
    auto progress = [&](const Progress& p) {
        if (p.stage != "reading")
            return true;
        EXPECT_GE(p.done, lastDone);
        lastDone = p.done;
        return ++ticks < 2;
    };
    EXPECT_THROW(importYoochoose(store, "d", path, {}, progress), Cancelled);
    EXPECT_EQ(ticks, 2);
    EXPECT_FALSE(store.findDataset("d"));
    EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM sessions"), 0);
    // The workspace is usable afterwards: the same file imports whole.
    ImportReport r = importYoochoose(store, "d", path, {});
    EXPECT_EQ(r.events, 60000u);
}
