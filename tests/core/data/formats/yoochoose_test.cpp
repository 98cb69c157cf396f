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
