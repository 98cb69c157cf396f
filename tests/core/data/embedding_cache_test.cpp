#include "../../support/temp_dir.h"
#include "srw/data/csv_importer.h"
#include "srw/data/embedding_cache.h"

#include <gtest/gtest.h>

using namespace srw;

TEST(ItemTexts, ComposeWithFallbacks) {
    EXPECT_EQ(composeItemText("Red mug", "Holds tea", "Kitchen", std::nullopt),
              "Red mug ; Holds tea ; Kitchen");
    // Without title and description (YOOCHOOSE): category and attributes.
    EXPECT_EQ(composeItemText(std::nullopt, std::nullopt, "S", "{\"price\":\"9\"}"), "S ; price 9");
    EXPECT_EQ(composeItemText(std::nullopt, std::nullopt, std::nullopt, std::nullopt), "");
}

TEST(EmbeddingCache, ReturnsOnlyFreshVectors) {
    test::TempDir dir;
    SessionStore store(dir.file("ws.sqlite"));
    importCatalogCsv(store, "d", dir.write("i.csv", "item_id,title\na,Apple\nb,Banana\nc,Cherry\n"),
                     {});
    auto items = loadItemTexts(store, "d");
    ASSERT_EQ(items.size(), 3u);
    EXPECT_TRUE(items[0].hasText);
    EmbeddingCache cache(store, "enc-1");
    std::vector<float> vectors;
    EXPECT_EQ(cache.lookup(items, 2, vectors).size(), 3u); // empty cache
    cache.store(items, {0, 2}, {1, 2, 5, 6}, 2);
    auto missing = cache.lookup(items, 2, vectors);
    EXPECT_EQ(missing, (std::vector<std::size_t>{1}));
    EXPECT_EQ(vectors, (std::vector<float>{1, 2, 0, 0, 5, 6}));

    // A changed text makes its entry stale; another encoder key sees nothing.
    importCatalogCsv(store, "d", dir.write("j.csv", "item_id,title\nc,Cherry pie\n"), {});
    items = loadItemTexts(store, "d");
    EXPECT_EQ(cache.lookup(items, 2, vectors), (std::vector<std::size_t>{1, 2}));
    EmbeddingCache other(store, "enc-2");
    EXPECT_EQ(other.lookup(items, 2, vectors).size(), 3u);
    EXPECT_EQ(cache.lookup(items, 3, vectors).size(), 3u); // other dimension: not these vectors
    store.deleteDataset("d");
    EXPECT_EQ(cache.size(), 0);
}
