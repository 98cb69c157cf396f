#include "srw/parsers/column_mapping.h"
#include "srw/util/error.h"

#include <gtest/gtest.h>

using namespace srw;

namespace {
const std::vector<std::string> kRoles = {"session", "user", "item", "time", "event"};
}

TEST(ColumnMapping, ByIndexAndByName) {
    auto m = ColumnMapping::parse("user=0, item=ItemId ,time=2", kRoles);
    auto r = m.resolve({"u", "itemid", "t"}, 3, {});
    EXPECT_EQ(r.at("user"), 0);
    EXPECT_EQ(r.at("item"), 1); // names match case-insensitively
    EXPECT_EQ(r.at("time"), 2);
    EXPECT_FALSE(r.count("session"));
}

TEST(ColumnMapping, SynonymsFillUnmappedRoles) {
    ColumnMapping m;
    auto r = m.resolve({"SessionId", "ItemId", "Time"}, 3, eventColumnSynonyms());
    EXPECT_EQ(r.at("session"), 0);
    EXPECT_EQ(r.at("item"), 1);
    EXPECT_EQ(r.at("time"), 2);
    // RecBole's typed headers.
    auto rb = m.resolve({"user_id:token", "item_id:token", "timestamp:float"}, 3,
                        eventColumnSynonyms());
    EXPECT_EQ(rb.at("user"), 0);
    EXPECT_EQ(rb.at("time"), 2);
}

TEST(ColumnMapping, ErrorsNameTheProblem) {
    EXPECT_THROW(ColumnMapping::parse("colour=1", kRoles), UsageError);
    EXPECT_THROW(ColumnMapping::parse("item", kRoles), UsageError);
    auto m = ColumnMapping::parse("item=5", kRoles);
    try {
        m.resolve({}, 3, {});
        FAIL();
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("out of range"), std::string::npos);
    }
    EXPECT_THROW(ColumnMapping::parse("item=nope", kRoles).resolve({"a"}, 1, {}), UsageError);
}
