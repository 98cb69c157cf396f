// CIKM Cup 2016 (DIGINETICA) files: ';'-separated with a header; time = event date + timeframe.
#include "format_test_support.h"
#include "srw/data/formats/diginetica_importer.h"
#include "srw/data/formats/import_file.h"
#include "srw/util/error.h"

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
