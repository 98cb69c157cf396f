// CSV and JSON exports: RFC 4180 quoting that the project's own reader reads back unchanged.
#include "report_fixture.h"
#include "srw/parsers/delimited_reader.h"
#include "srw/report/exports.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

using namespace srw;

namespace {

std::vector<std::vector<std::string>> readCsv(const std::string& path) {
    DelimitedReader reader(path, {',', true});
    std::vector<std::vector<std::string>> rows;
    Record r;
    while (reader.next(r))
        rows.emplace_back(r.fields.begin(), r.fields.end());
    return rows;
}

} // namespace

TEST(CsvExport, QuotesOnlyWhereNeeded) {
    EXPECT_EQ(csvField("plain"), "plain");
    EXPECT_EQ(csvField("a,b"), "\"a,b\"");
    EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csvField("cr\r"), "\"cr\r\"");
    EXPECT_EQ(csvField(" padded "), "\" padded \"");
    EXPECT_EQ(csvField(""), "");
    EXPECT_EQ(csvRecord({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

TEST(CsvExport, HostileFieldsRoundTrip) {
    test::TempDir dir;
    const std::vector<std::vector<std::string>> rows = {{"id", "text"},
                                                        {"1", test::kHostileTitle},
                                                        {"2", "multi\nline, \"quoted\""},
                                                        {"3", "中文，逗号"},
                                                        {"4", ""}};
    std::string csv;
    for (const auto& r : rows)
        csv += csvRecord(r);
    const std::string path = dir.write("rows.csv", csv);
    EXPECT_EQ(readCsv(path), rows);
}

class StoredRunsExport : public ::testing::Test {
protected:
    void SetUp() override {
        store = std::make_unique<SessionStore>(dir.file("ws.sqlite"));
        test::buildShop(*store, dir.path().string(), "shop");
        a = test::storeEvaluation(*store, "shop", "pop", "popular, \"baseline\"");
        b = test::storeEvaluation(*store, "shop", "sr", "");
    }
    test::TempDir dir;
    std::unique_ptr<SessionStore> store;
    std::int64_t a = 0, b = 0;
};

TEST_F(StoredRunsExport, MetricsCsvHasOneRowPerRunMetricAndCutoff) {
    RunStore runs(*store);
    const std::vector<RunRecord> records{runs.get(a), runs.get(b)};
    const std::string path = dir.write("metrics.csv", runMetricsCsv(records));
    const auto rows = readCsv(path);
    ASSERT_EQ(rows.size(), 1u + 2u * 7u * 4u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"run_id", "run_name", "dataset", "split", "model",
                                                 "metric", "k", "value", "ci_low", "ci_high"}));
    int checked = 0;
    for (const auto& r : rows) {
        if (r[0] != std::to_string(a) || r[5] != "MRR" || r[6] != "20")
            continue;
        EXPECT_EQ(r[1], "popular, \"baseline\"");
        EXPECT_DOUBLE_EQ(std::stod(r[7]), records[0].metrics["MRR@20"].get<double>());
        const auto iv = records[0].metrics["intervals"]["values"]["MRR@20"];
        EXPECT_DOUBLE_EQ(std::stod(r[8]), iv[0].get<double>());
        EXPECT_DOUBLE_EQ(std::stod(r[9]), iv[1].get<double>());
        ++checked;
    }
    EXPECT_EQ(checked, 1);
    const auto j = runMetricsJson(records);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["name"], "popular, \"baseline\"");
    EXPECT_EQ(j[1]["metrics"]["HitRate@5"], records[1].metrics["HitRate@5"]);
    EXPECT_EQ(j[1]["intervals"]["MRR@20"].size(), 2u);
    EXPECT_FALSE(j[0]["metrics"].contains("predictions"));
}

TEST_F(StoredRunsExport, RecommendationsCsvCarriesTitlesQuoted) {
    const std::string path = dir.file("recs.csv");
    const std::size_t n = writeRecommendationsCsv(*store, a, path);
    const auto rows = readCsv(path);
    ASSERT_GT(n, 0u);
    ASSERT_EQ(rows.size(), n + 1);
    EXPECT_EQ(rows[0],
              (std::vector<std::string>{"session", "position", "rank", "item", "title", "score"}));
    bool hostile = false;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 6u);
        EXPECT_EQ(rows[i][0].substr(0, 1), "s"); // the external session id
        EXPECT_GE(std::stoi(rows[i][2]), 1);
        EXPECT_LE(std::stoi(rows[i][2]), 5);
        hostile |= rows[i][4] == test::kHostileTitle && rows[i][3] == "i0";
    }
    EXPECT_TRUE(hostile); // pop ranks the most popular item, i0, first everywhere
    EXPECT_EQ(recommendationsCsv(*store, b).substr(0, 40),
              "session,position,rank,item,title,score\r\n");
    RunStore runs(*store);
    RunRecord empty;
    empty.datasetId = store->requireDataset("shop");
    empty.model = "pop";
    const auto none = runs.create(empty);
    EXPECT_EQ(writeRecommendationsCsv(*store, none, dir.file("none.csv")), 0u);
    EXPECT_EQ(readCsv(dir.file("none.csv")).size(), 1u);
}
