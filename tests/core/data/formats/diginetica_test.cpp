// CIKM Cup 2016 (DIGINETICA) files: ';'-separated with a header; time = event date + timeframe.
#include "format_test_support.h"
#include "srw/data/formats/diginetica_importer.h"
#include "srw/data/formats/import_file.h"
#include "srw/util/error.h"

#include <algorithm>
#include <nlohmann/json.hpp>

using namespace srw;
using namespace srw::test;

namespace {

const std::string kViewRows = "1;NA;81766;526309;2016-05-09\n"
                              "1;NA;31331;1031018;2016-05-09\n"
                              "2;5;32118;243569;2016-05-10\n"
                              "2;5;9654;0;2016-05-10";

const std::vector<StoredEvent> kViewEvents = {
    {"1", std::nullopt, "81766", 1462752000000LL + 526309, "view"},
    {"1", std::nullopt, "31331", 1462752000000LL + 1031018, "view"},
    {"2", "5", "9654", 1462838400000LL, "view"},
    {"2", "5", "32118", 1462838400000LL + 243569, "view"},
};

class Diginetica : public FormatTest {};

} // namespace

TEST_F(Diginetica, ItemViewsWithTheOriginalHeader) {
    auto path = dir.write("train-item-views.csv",
                          "sessionId;userId;itemId;timeframe;eventdate\n" + kViewRows);
    ImportReport r = importDiginetica(store, "dn", path, {});
    EXPECT_EQ(r.rows, 4u);
    EXPECT_EQ(r.events, 4u);
    EXPECT_EQ(r.sessions, 2u);
    EXPECT_EQ(r.delimiter, ';');
    EXPECT_EQ(eventsOf(store, "dn"), kViewEvents);
    // NA is no user at all, not a user named "NA".
    EXPECT_EQ(countOf(store,
                      "SELECT count(*) FROM users u JOIN datasets d ON d.id = u.dataset_id"
                      " WHERE d.name = ?",
                      "dn"),
              1);
}

TEST_F(Diginetica, ItemViewsWithTheSnakeCaseHeader) {
    auto path = dir.write("views.csv",
                          "session_id;user_id;item_id;timeframe;eventdate\n" + kViewRows + "\n");
    importFile(store, "dn", path, "auto", {});
    EXPECT_EQ(eventsOf(store, "dn"), kViewEvents);
}

TEST_F(Diginetica, PurchasesBecomePurchaseEvents) {
    auto path =
        dir.write("train-purchases.csv", "sessionId;userId;timeframe;eventdate;ordernumber;itemId\n"
                                         "150;18278;1;2016-05-09;668;31\n");
    importDiginetica(store, "dn", path, {});
    std::vector<StoredEvent> want = {{"150", "18278", "31", 1462752000001LL, "purchase"}};
    EXPECT_EQ(eventsOf(store, "dn"), want);
}

TEST_F(Diginetica, ProductsGiveTitleTokensAndPriceAndCategoriesGiveCategory) {
    importDiginetica(store, "dn",
                     dir.write("train-item-views.csv",
                               "sessionId;userId;itemId;timeframe;eventdate\n" + kViewRows),
                     {});
    ImportReport p = importDiginetica(store, "dn",
                                      dir.write("products.csv", "itemId;pricelog2;product.name."
                                                                "tokens\n81766;10;4,5,6\n"
                                                                "31331;NA;7\n99;3;8,9"),
                                      {});
    EXPECT_EQ(p.itemsUpdated, 3u);
    EXPECT_EQ(p.newItems, 1u); // only 99 was not seen in the views
    ImportReport c = importDiginetica(
        store, "dn", dir.write("product-categories.csv", "itemId;categoryId\n81766;1096\n31331;56"),
        {});
    EXPECT_EQ(c.itemsUpdated, 2u);

    StoredItem a = itemOf(store, "dn", "81766");
    EXPECT_EQ(a.title, "4 5 6");
    EXPECT_EQ(a.category, "1096");
    ASSERT_TRUE(a.attributes);
    EXPECT_DOUBLE_EQ(nlohmann::json::parse(*a.attributes).at("pricelog2").get<double>(), 10.0);
    StoredItem b = itemOf(store, "dn", "31331");
    EXPECT_EQ(b.title, "7");
    EXPECT_EQ(b.attributes, std::nullopt);
    EXPECT_EQ(b.category, "56");
    EXPECT_EQ(itemOf(store, "dn", "99").category, std::nullopt);
    EXPECT_EQ(itemCount(store, "dn"), 5);
}

TEST_F(Diginetica, OtherFilesOfTheCompetitionAreNamedAsUnsupported) {
    auto path = dir.write("train-clicks.csv", "queryId;timeframe;itemId\n1;10;5\n");
    try {
        importDiginetica(store, "dn", path, {});
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.line(), 1u);
        EXPECT_NE(e.reason().find("not a supported DIGINETICA file"), std::string::npos);
    }
}

namespace {
// An item-views file of n data rows (file lines 2..n+1), three per session, items cycling over
// 89 ids; lines in bad get a date that does not parse. Large enough to cross the parsing
// thread's batches.
std::string manyViews(int n, const std::vector<int>& bad) {
    std::string s = "sessionId;userId;itemId;timeframe;eventdate\n";
    for (int line = 2; line <= n + 1; ++line) {
        const int i = line - 1;
        const bool isBad = std::find(bad.begin(), bad.end(), line) != bad.end();
        s += std::to_string(1 + (i - 1) / 3) + ";" + (i % 2 ? "NA" : std::to_string(i % 7)) + ";" +
             std::to_string(9000 + (i * 31) % 89) + ";" + std::to_string(i) + ";" +
             (isBad ? "2016-13-45" : "2016-05-09") + "\n";
    }
    return s;
}
} // namespace

TEST_F(Diginetica, LenientRowsAcrossBatchesAreCountedAndReportedInFileOrder) {
    DelimitedImportOptions o;
    o.lenient = true;
    const std::vector<int> bad = {3, 4100, 8200, 12000, 16500, 20001, 29000};
    ImportReport r =
        importDiginetica(store, "dn", dir.write("views.csv", manyViews(30000, bad)), o);
    EXPECT_EQ(r.rows, 30000u);
    EXPECT_EQ(r.skipped, bad.size());
    EXPECT_EQ(r.events, 30000u - bad.size());
    EXPECT_EQ(r.newItems, 89u);
    ASSERT_EQ(r.firstErrors.size(), 5u);
    for (std::size_t k = 0; k < 5; ++k)
        EXPECT_NE(r.firstErrors[k].find(":" + std::to_string(bad[k]) + ":5:"), std::string::npos)
            << r.firstErrors[k];
    const auto events = eventsOf(store, "dn");
    ASSERT_EQ(events.size(), 30000u - bad.size());
    EXPECT_EQ(events[0].item, "9031");
    EXPECT_EQ(events[0].type, "view");
}

TEST_F(Diginetica, ABadRowFarIntoTheFileFailsAtItsLineAndWritesNothing) {
    for (int badLine : {5000, 20000, 30001}) {
        std::string path = dir.write("views.csv", manyViews(30000, {badLine}));
        try {
            importDiginetica(store, "dn", path, {});
            FAIL() << "line " << badLine;
        } catch (const InputError& e) {
            EXPECT_EQ(e.line(), std::uint64_t(badLine));
            EXPECT_NE(std::string(e.what()).find(":" + std::to_string(badLine) + ":5:"),
                      std::string::npos)
                << e.what();
        }
        EXPECT_FALSE(store.findDataset("dn"));
        EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM events"), 0);
        EXPECT_EQ(store.db().queryInt("SELECT count(*) FROM items"), 0);
    }
}
