// The report's analyses plug-in: α sweep, bandit, cold start and similarity sections appear when
// the runs (or the runs made from them) have the data, stay out otherwise, and escape item text.
#include "markup_checker.h"
#include "report_fixture.h"
#include "srw/report/html_report.h"
#include "srw/report/report_analyses.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

using namespace srw;

namespace {

bool hasSection(const std::string& html, const char* id) {
    return html.find(std::string("<section id=\"") + id + "\">") != std::string::npos;
}

} // namespace

class ReportAnalysesTest : public ::testing::Test {
protected:
    void SetUp() override {
        store = std::make_unique<SessionStore>(dir.file("ws.sqlite"));
        test::buildShop(*store, dir.path().string(), test::kHostileDataset);
        pop = test::storeEvaluation(*store, test::kHostileDataset, "pop", "pop");
        RunStore runs(*store);
        const auto datasetId = store->requireDataset(test::kHostileDataset);
        // A trained model (its figures and extended cold start as srw coldstart stores them)...
        RunRecord t;
        t.datasetId = datasetId;
        t.kind = "train";
        t.model = "bert-mlp";
        t.name = "<script>model()</script>";
        train = runs.create(t);
        runs.finish(train, "finished",
                    {{"HitRate@20", 0.5},
                     {"MRR@20", 0.2},
                     {"cold_start",
                      {{"max_train_count", 10}, {"predictions", 12}, {"unseen_predictions", 4},
                       {"added_items", 3}, {"metrics", {{"HitRate@20", 0.25}, {"MRR@20", 0.1}}},
                       {"unseen_metrics", {{"HitRate@20", 0.5}}},
                       {"note", "unseen items are scored through their text"}}}},
                    {});
        // ... its α sweep (one group) ...
        const auto group = runs.newGroupId();
        for (double alpha : {0.0, 0.5, 1.0}) {
            RunRecord r;
            r.datasetId = datasetId;
            r.kind = "sweep";
            r.model = "bert-mlp";
            r.groupId = group;
            r.params = {{"alpha", alpha}, {"train_run", train}};
            const auto id = runs.create(r);
            runs.finish(id, "finished",
                        {{"MRR@20", 0.1 + alpha * (1 - alpha)},
                         {"HitRate@20", 0.3 + 0.1 * alpha},
                         {"NDCG@20", 0.2}},
                        {});
        }
        // ... and a bandit replay of it.
        RunRecord b;
        b.datasetId = datasetId;
        b.kind = "bandit";
        b.model = "bert-mlp";
        b.params = {{"train_run", train}, {"k", 20}};
        bandit = runs.create(b);
        runs.finish(bandit, "finished",
                    {{"bandit",
                      {{"predictions", 100}, {"bandit_reward", 40.0}, {"best_fixed_alpha", 0.5},
                       {"best_fixed_reward", 45.0}, {"uniform_reward", 30.0}, {"regret", 5.0},
                       {"curve",
                        {{"steps", {10, 50, 100}},
                         {"bandit", {3, 20, 40}},
                         {"best_fixed", {4, 22, 45}},
                         {"uniform", {3, 15, 30}}}}}}},
                    {});
    }
    test::TempDir dir;
    std::unique_ptr<SessionStore> store;
    std::int64_t pop = 0, train = 0, bandit = 0;
};

TEST_F(ReportAnalysesTest, LinkedRunsBringEverySectionAndTextStaysEscaped) {
    ReportOptions o;
    o.datasetStats = false;
    ReportContent content = loadReportContent(*store, {train, pop}, o);
    ReportAnalysisOptions ao;
    std::size_t asked = 0;
    ao.textVectors = [&](const RunRecord& run, std::size_t& dim) {
        EXPECT_EQ(run.id, train);
        ++asked;
        const auto n = loadCorpus(*store, test::kHostileDataset).numItems;
        dim = 2;
        std::vector<float> v(std::size_t(n) * dim);
        for (std::size_t i = 0; i < v.size(); ++i)
            v[i] = float((i * 7) % 5) - 2.0f;
        return v;
    };
    addLinkedAnalyses(content, *store, ao);
    EXPECT_EQ(asked, 1u);
    ASSERT_EQ(content.sweepTables.size(), 1u);
    EXPECT_EQ(content.sweepTables[0].alphas, (std::vector<double>{0, 0.5, 1}));
    ASSERT_EQ(content.bandits.size(), 1u);
    EXPECT_DOUBLE_EQ(content.bandits[0].regret, 5.0);
    ASSERT_EQ(content.rewardCurves.size(), 1u);
    EXPECT_EQ(content.rewardCurves[0].series.size(), 3u);
    ASSERT_EQ(content.heatmaps.size(), 1u);
    EXPECT_EQ(content.heatmaps[0].title.rfind("Text cosine", 0), 0u);
    EXPECT_LE(content.heatmaps[0].rows.size(), 30u);
    // The pop evaluation's slices and the trained run's extended cold start.
    ASSERT_EQ(content.coldStarts.size(), 2u);

    const std::string html = renderHtmlReport(content).html;
    EXPECT_EQ(test::checkMarkup(html, true), "");
    for (const char* id : {"alpha-sweep", "bandit", "cold-start", "similarity"})
        EXPECT_TRUE(hasSection(html, id)) << id;
    // Best α per metric: MRR@20 peaks at 0.5, HitRate@20 at 1.
    EXPECT_NE(html.find("MRR@20 0.50"), std::string::npos);
    EXPECT_NE(html.find("HitRate@20 1.00"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;model()&lt;/script&gt;"), std::string::npos);
    // Item 0's hostile title is among the popular items of the heatmap: escaped there too.
    EXPECT_NE(html.find("&lt;script&gt;alert("), std::string::npos);
}

TEST_F(ReportAnalysesTest, WithoutTheModelTheHeatmapIsCfCosine) {
    ReportOptions o;
    o.datasetStats = false;
    ReportContent content = loadReportContent(*store, {pop}, o);
    addLinkedAnalyses(content, *store, {});
    ASSERT_EQ(content.heatmaps.size(), 1u);
    EXPECT_EQ(content.heatmaps[0].title.rfind("CF cosine", 0), 0u);
    const auto& h = content.heatmaps[0];
    for (std::size_t i = 0; i < h.rows.size(); ++i)
        EXPECT_DOUBLE_EQ(h.values[i * h.rows.size() + i], 1.0);
    const std::string html = renderHtmlReport(content).html;
    EXPECT_EQ(test::checkMarkup(html, true), "");
    EXPECT_TRUE(hasSection(html, "similarity"));
    EXPECT_TRUE(hasSection(html, "cold-start")); // every model: the evaluation's slices
    for (const char* id : {"alpha-sweep", "bandit"})
        EXPECT_FALSE(hasSection(html, id)) << id;
    EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST_F(ReportAnalysesTest, NoDataNoSections) {
    RunStore runs(*store);
    RunRecord bare;
    bare.datasetId = store->requireDataset(test::kHostileDataset);
    bare.model = "pop";
    const auto id = runs.create(bare);
    runs.finish(id, "finished", {{"HitRate@20", 0.1}}, {});
    ReportOptions o;
    o.datasetStats = false;
    ReportContent content = loadReportContent(*store, {id}, o);
    ReportAnalysisOptions ao;
    ao.heatmapItems = 0;
    addLinkedAnalyses(content, *store, ao);
    const std::string html = renderHtmlReport(content).html;
    EXPECT_EQ(test::checkMarkup(html, true), "");
    for (const char* id : {"alpha-sweep", "bandit", "cold-start", "similarity"})
        EXPECT_FALSE(hasSection(html, id)) << id;
    // The trained run alone, without following its links: only its own cold start.
    ReportContent own = loadReportContent(*store, {train}, o);
    ao.linkedRuns = false;
    addLinkedAnalyses(own, *store, ao);
    EXPECT_TRUE(own.sweepTables.empty());
    EXPECT_TRUE(own.bandits.empty());
    EXPECT_EQ(own.coldStarts.size(), 1u);
}
