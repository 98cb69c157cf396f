#include "../../support/temp_dir.h"
#include "srw/data/csv_importer.h"
#include "srw/data/dataset_stats.h"
#include "srw/data/preparation.h"
#include "srw/data/splitter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace srw;

// A fixture small enough to count by hand:
//   s1 (day 0): a b a      s2 (day 0): a c      s3 (day 1): b      s4 (day 3): a d d
// 9 events, 4 sessions, items a=4 b=2 c=1 d=2, users u1 (s1, s3), u2 (s2), none for s4.
TEST(DatasetStats, HandCountedFixture) {
    test::TempDir dir;
    SessionStore store(dir.file("ws.sqlite"));
    const long long d = 86400;
    std::string log = "session,user,item,time\n";
    auto add = [&](const char* s, const char* u, const char* i, long long t) {
        log += std::string(s) + "," + u + "," + i + "," + std::to_string(t) + "\n";
    };
    add("s1", "u1", "a", 10);
    add("s1", "u1", "b", 20);
    add("s1", "u1", "a", 30);
    add("s2", "u2", "a", 40);
    add("s2", "u2", "c", 50);
    add("s3", "u1", "b", d + 5);
    add("s4", "NA", "a", 3 * d);
    add("s4", "NA", "d", 3 * d + 1);
    add("s4", "NA", "d", 3 * d + 2);
    importEventsCsv(store, "h", dir.write("l.csv", log), {});
    importCatalogCsv(store, "h", dir.write("i.csv", "item_id,title\na,Apple\nb,\nz,Zed\n"), {});

    DatasetStats s = computeDatasetStats(store, "h");
    EXPECT_EQ(s.all.events, 9);
    EXPECT_EQ(s.all.sessions, 4);
    EXPECT_EQ(s.all.items, 4);
    EXPECT_EQ(*s.all.users, 2);
    EXPECT_EQ(s.catalogItems, 5);  // a b c d from the log, z from the catalogue
    EXPECT_EQ(s.itemsWithText, 2); // a, z
    using Pairs = std::vector<std::pair<std::int64_t, std::int64_t>>;
    EXPECT_EQ(s.all.sessionLengths, (Pairs{{1, 1}, {2, 1}, {3, 2}}));
    EXPECT_EQ(s.all.eventsPerDay, (Pairs{{0, 5}, {1, 1}, {3, 3}}));
    EXPECT_EQ(s.all.itemPopularity, (std::vector<std::int64_t>{4, 2, 2, 1}));
    EXPECT_DOUBLE_EQ(s.all.topOnePercentShare, 4.0 / 9.0); // ceil(1% of 4) = 1 item
    EXPECT_TRUE(s.parts.empty());

    // Split: test = sessions ending in the last day (s4); valid none.
    SplitOptions o;
    o.validDays = 0;
    splitDataset(store, "h", o);
    s = computeDatasetStats(store, "h");
    ASSERT_EQ(s.parts.size(), 2u);
    const PartStats& test = s.parts[1].second;
    EXPECT_EQ(s.parts[1].first, "test");
    EXPECT_EQ(test.events, 3);
    EXPECT_FALSE(test.users.has_value());
    EXPECT_EQ(*test.unseenInTrainEvents, 2); // d twice; a is in training
    auto j = datasetStatsToJson(s);
    EXPECT_DOUBLE_EQ(j["parts"]["test"]["unseen_in_train_share"].get<double>(), 2.0 / 3.0);
    EXPECT_EQ(j["session_length_histogram"][2], nlohmann::json({3, 2}));
    EXPECT_EQ(j["events_per_day"][0], nlohmann::json({"1970-01-01", 5}));
    EXPECT_TRUE(j["users"].is_number());
}
