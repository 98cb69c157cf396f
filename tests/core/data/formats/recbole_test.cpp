// RecBole atomic files: tab-separated, typed headers, the kind told by the extension.
#include "format_test_support.h"
#include "srw/data/formats/import_file.h"
#include "srw/data/formats/recbole_importer.h"
#include "srw/util/error.h"

#include <algorithm>
#include <nlohmann/json.hpp>

using namespace srw;
using namespace srw::test;

namespace {

class RecBole : public FormatTest {};

} // namespace

TEST_F(RecBole, InterWithoutSessionsIsSplitPerUserAtTheGap) {
    auto path = dir.write("ml-100k.inter", "user_id:token\titem_id:token\trating:float\t"
                                           "timestamp:float\n"
                                           "196\t242\t3\t881250949\n"
                                           "186\t302\t3\t891717742\n"
                                           "196\t377\t1\t881251949");
    ImportReport r = importRecBole(store, "ml", path, {});
    EXPECT_EQ(r.events, 3u);
    EXPECT_EQ(r.sessions, 2u);
    EXPECT_EQ(r.timeFormat, "s");
    std::vector<StoredEvent> want = {
        {"186#1", "186", "302", 891717742000LL, ""},
        {"196#1", "196", "242", 881250949000LL, ""},
        {"196#1", "196", "377", 881251949000LL, ""},
    };
    EXPECT_EQ(eventsOf(store, "ml"), want);
}

TEST_F(RecBole, InterWithSessionIdKeepsSessionsAndFractionalSeconds) {
    auto path = dir.write("diginetica.inter", "session_id:token\titem_id:token\ttimestamp:float\n"
                                              "1\t9654\t1462752000.5\n"
                                              "1\t33043\t1462752100\n"
                                              "2\t9654\t1462752000\n");
    ImportReport r = importFile(store, "dn", path, "auto", {});
    EXPECT_EQ(r.sessions, 2u);
    std::vector<StoredEvent> want = {
        {"1", std::nullopt, "9654", 1462752000500LL, ""},
        {"1", std::nullopt, "33043", 1462752100000LL, ""},
        {"2", std::nullopt, "9654", 1462752000000LL, ""},
    };
    EXPECT_EQ(eventsOf(store, "dn"), want);
}

TEST_F(RecBole, ItemTokenSequencesBecomeText) {
    auto path = dir.write("ml-1m.item", "item_id:token\tmovie_title:token_seq\trelease_year:token\t"
                                        "genre:token_seq\n"
                                        "1\tToy Story\t1995\tAnimation Children's Comedy\n"
                                        "2\tGoldenEye\t1995\tAction Adventure Thriller");
    ImportReport r = importRecBole(store, "ml", path, {});
    EXPECT_EQ(r.itemsUpdated, 2u);
    StoredItem toy = itemOf(store, "ml", "1");
    EXPECT_EQ(toy.title, "Toy Story");
    EXPECT_EQ(toy.description, "Animation Children's Comedy");
    EXPECT_EQ(toy.category, std::nullopt);
    ASSERT_TRUE(toy.attributes);
    EXPECT_EQ(nlohmann::json::parse(*toy.attributes), nlohmann::json({{"release_year", "1995"}}));
    EXPECT_EQ(itemOf(store, "ml", "2").title, "GoldenEye");
}

TEST_F(RecBole, ItemCategoriesFloatsAndSeveralTextFields) {
    auto path = dir.write("amazon.item", "item_id:token\ttitle:token\tprice:float\t"
                                         "categories:token_seq\tdescription:token_seq\t"
                                         "tags:token_seq\n"
                                         "B01\tA mug\t12.5\tKitchen Cups\tA white mug\tgift\n"
                                         "B02\tA pan\t\t\t\t\n");
    importRecBole(store, "am", path, {});
    StoredItem mug = itemOf(store, "am", "B01");
    EXPECT_EQ(mug.title, "A mug");
    EXPECT_EQ(mug.category, "Kitchen Cups");
    EXPECT_EQ(mug.description, "A white mug\ngift");
    EXPECT_EQ(nlohmann::json::parse(*mug.attributes), nlohmann::json({{"price", 12.5}}));
    StoredItem pan = itemOf(store, "am", "B02");
    EXPECT_EQ(pan.title, "A pan");
    EXPECT_EQ(pan.description, std::nullopt);
    EXPECT_EQ(pan.attributes, std::nullopt);
}

TEST_F(RecBole, QuotesAreDataBecauseAtomicFilesHaveNoQuoting) {
    auto path = dir.write("shop.item", "item_id:token\ttitle:token_seq\n"
                                       "1\t12\" Vinyl \"Blue\" edition\n"
                                       "2\t\"Quoted\"\r\n");
    importRecBole(store, "s", path, {});
    EXPECT_EQ(itemOf(store, "s", "1").title, "12\" Vinyl \"Blue\" edition");
    EXPECT_EQ(itemOf(store, "s", "2").title, "\"Quoted\"");
}

TEST_F(RecBole, UserFileIsAcceptedAndStoresNothing) {
    auto path = dir.write("ml-100k.user", "user_id:token\tage:token\tgender:token\n1\t24\tM\n"
                                          "2\t53\tF");
    ImportReport r = importFile(store, "ml", path, "auto", {});
    EXPECT_EQ(r.rows, 2u);
    EXPECT_EQ(r.events, 0u);
    EXPECT_FALSE(store.findDataset("ml"));
}

TEST_F(RecBole, KindComesFromTheHeaderWhenTheExtensionIsOther) {
    auto path = dir.write("interactions.tsv", "user_id:token\titem_id:token\ttimestamp:float\n"
                                              "1\ta\t100\n");
    EXPECT_EQ(detectFormat(path), "recbole");
    ImportReport r = importFile(store, "x", path, "auto", {});
    EXPECT_EQ(r.events, 1u);
}

namespace {
// A session-keyed .inter of n data rows (file lines 2..n+1), three per session, items cycling
// over 89 ids; lines in bad get a timestamp that does not parse. Large enough to cross the
// parsing thread's batches.
std::string manyInteractions(int n, const std::vector<int>& bad) {
    std::string s = "session_id:token\titem_id:token\ttimestamp:float\n";
    for (int line = 2; line <= n + 1; ++line) {
        const int i = line - 1;
        const bool isBad = std::find(bad.begin(), bad.end(), line) != bad.end();
        s += std::to_string(1 + (i - 1) / 3) + "\t" + std::to_string(9000 + (i * 31) % 89) + "\t" +
             (isBad ? std::string("soon") : std::to_string(1462752000 + i)) + "\n";
    }
    return s;
}
} // namespace

TEST_F(RecBole, LenientRowsAcrossBatchesAreCountedAndReportedInFileOrder) {
    DelimitedImportOptions o;
    o.lenient = true;
    const std::vector<int> bad = {3, 4100, 8200, 12000, 16500, 20001, 29000};
    ImportReport r = importRecBole(store, "rb", dir.write("x.inter", manyInteractions(30000, bad)), o);
    EXPECT_EQ(r.rows, 30000u);
    EXPECT_EQ(r.skipped, bad.size());
    EXPECT_EQ(r.events, 30000u - bad.size());
    EXPECT_EQ(r.sessions, 10000u);
    EXPECT_EQ(r.newItems, 89u);
    EXPECT_EQ(r.timeFormat, "s");
    ASSERT_EQ(r.firstErrors.size(), 5u);
    for (std::size_t k = 0; k < 5; ++k)
        EXPECT_NE(r.firstErrors[k].find(":" + std::to_string(bad[k]) + ":3:"), std::string::npos)
            << r.firstErrors[k];
    const auto events = eventsOf(store, "rb");
    ASSERT_EQ(events.size(), 30000u - bad.size());
    EXPECT_EQ(events[0].item, "9031");
    EXPECT_EQ(events[1].item, "9004"); // line 3 was skipped: line 4 follows line 2
}

TEST_F(RecBole, ABadRowFarIntoTheFileFailsAtItsLineAndWritesNothing) {
    for (int badLine : {5000, 20000, 30001}) {
        std::string path = dir.write("x.inter", manyInteractions(30000, {badLine}));
        try {
            importRecBole(store, "rb", path, {});
            FAIL() << "line " << badLine;
        } catch (const InputError& e) {
            EXPECT_EQ(e.line(), std::uint64_t(badLine));
            EXPECT_NE(std::string(e.what()).find(":" + std::to_string(badLine) + ":3:"),
                      std::string::npos)
                << e.what();
        }
        EXPECT_FALSE(store.findDataset("rb"));
        EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM events"), 0);
        EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM items"), 0);
    }
}
