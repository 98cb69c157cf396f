// ItemKeyMap: the importer's external item id -> item id map (private to core/data).
#include "item_key_map.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

using srw::ItemKeyMap;

TEST(ItemKeyMap, FindsWhatWasInsertedAndNothingElse) {
    ItemKeyMap m;
    EXPECT_FALSE(m.find("a"));
    // Keys that differ only in length, trailing zero bytes, or past the eighth byte.
    const std::vector<std::string> keys = {"",
                                           std::string(1, '\0'),
                                           std::string(2, '\0'),
                                           "a",
                                           "ab",
                                           "abcdefgh",
                                           "abcdefgi",
                                           "abcdefgh1",
                                           "abcdefgh2",
                                           "0",
                                           "00",
                                           "214536502",
                                           std::string(16, 'k'),
                                           std::string(17, 'k'),
                                           std::string(200, 'k'),
                                           std::string(200, 'k') + "x"};
    for (std::size_t i = 0; i < keys.size(); ++i)
        m.insert(keys[i], std::int64_t(i) * 10 - 30); // negative ids too
    EXPECT_EQ(m.size(), keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        auto id = m.find(keys[i]);
        ASSERT_TRUE(id) << i;
        EXPECT_EQ(*id, std::int64_t(i) * 10 - 30) << i;
    }
    EXPECT_FALSE(m.find("abcdefg"));
    EXPECT_FALSE(m.find(std::string(3, '\0')));
    EXPECT_FALSE(m.find("214536503"));
}

TEST(ItemKeyMap, AgreesWithStdMapThroughGrowth) {
    std::mt19937_64 rng(7);
    ItemKeyMap m;
    std::map<std::string, std::int64_t> want;
    for (int i = 0; i < 100000; ++i) {
        std::string k = std::to_string(rng() % 200000);
        if (rng() % 4 == 0)
            k += std::string(rng() % 12, char('a' + rng() % 3));
        auto found = m.find(k);
        auto it = want.find(k);
        ASSERT_EQ(bool(found), it != want.end()) << k;
        if (found) {
            EXPECT_EQ(*found, it->second);
        } else {
            m.insert(k, i);
            want.emplace(k, i);
        }
    }
    EXPECT_EQ(m.size(), want.size());
    for (const auto& [k, id] : want)
        ASSERT_EQ(m.find(k).value_or(-1), id) << k;
}
