// The HTML report: well formed, self-contained, every section present, untrusted text escaped.
#include "markup_checker.h"
#include "report_fixture.h"
#include "srw/report/html_report.h"
#include "srw/report/metric_table.h"
#include "srw/util/error.h"
#include "support/temp_dir.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

using namespace srw;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1))
        ++n;
    return n;
}

} // namespace

class HtmlReportTest : public ::testing::Test {
protected:
    void SetUp() override {
        store = std::make_unique<SessionStore>(dir.file("ws.sqlite"));
        test::buildShop(*store, dir.path().string(), test::kHostileDataset);
        a = test::storeEvaluation(*store, test::kHostileDataset, "pop", "<script>run()</script>");
        b = test::storeEvaluation(*store, test::kHostileDataset, "sr", "it's \"sr\" 中文");
        RunStore(*store).annotate(b, "notes with <i>markup</i> & \x01 control");
    }
    test::TempDir dir;
    std::unique_ptr<SessionStore> store;
    std::int64_t a = 0, b = 0;
};

TEST_F(HtmlReportTest, IsWellFormedSelfContainedAndHasEverySection) {
    const ReportContent content = loadReportContent(*store, {a, b});
    ASSERT_EQ(content.runs.size(), 2u);
    ASSERT_EQ(content.datasets.size(), 1u);
    ASSERT_EQ(content.comparisons.size(), 1u);
    ASSERT_TRUE(content.comparisons[0].comparison) << content.comparisons[0].problem;
    ASSERT_FALSE(content.examples.empty());
    const std::string html = renderHtmlReport(content).html;
    EXPECT_EQ(test::checkMarkup(html, true), "");
    for (const char* id :
         {"datasets", "runs", "metrics", "metric-curves", "comparison", "slices", "examples"})
        EXPECT_NE(html.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
    // Nothing is fetched from elsewhere: no scripts, links, sources, or URLs but SVG's namespace.
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("src="), std::string::npos);
    EXPECT_EQ(html.find("url("), std::string::npos);
    EXPECT_EQ(count(html, "http"), count(html, "http://www.w3.org/2000/svg"));
    EXPECT_GE(count(html, "<svg "), 5u); // session lengths + four metric@K charts
}

TEST_F(HtmlReportTest, EscapesTitlesNamesAndNotes) {
    const std::string html = renderHtmlReport(loadReportContent(*store, {a, b})).html;
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<i>markup"), std::string::npos);
    EXPECT_EQ(html.find('\x01'), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;run()&lt;/script&gt;"), std::string::npos); // run name
    EXPECT_NE(html.find("it&#39;s &quot;sr&quot;"), std::string::npos);
    EXPECT_NE(html.find("shop &quot;&lt;b&gt;&quot; &amp; &lt;script&gt;"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;"),
              std::string::npos); // the item title in the example sessions
    EXPECT_NE(html.find("中文"), std::string::npos);
}

TEST_F(HtmlReportTest, MarksTheBestValueOfEachColumn) {
    const ReportContent content = loadReportContent(*store, {a, b});
    const MetricTable t =
        buildMetricTable({content.runs[0].record.metrics, content.runs[1].record.metrics}, 20);
    const auto hr =
        std::size_t(std::find(t.metrics.begin(), t.metrics.end(), "HitRate") - t.metrics.begin());
    const double va = *t.rows[0][hr].value, vb = *t.rows[1][hr].value;
    EXPECT_EQ(t.rows[0][hr].best, va >= vb);
    EXPECT_EQ(t.rows[1][hr].best, vb >= va);
    const auto pop = std::size_t(std::find(t.metrics.begin(), t.metrics.end(), "Popularity") -
                                 t.metrics.begin());
    EXPECT_FALSE(t.rows[0][pop].best || t.rows[1][pop].best);
    const std::string html = renderHtmlReport(content).html;
    EXPECT_GE(count(html, "<td class=\"num best\">"), 4u * 6u); // six ranked metrics at four K
}

TEST(MetricTable, BestNeedsTwoValuesAndMarksTies) {
    const nlohmann::json x = {{"MRR@5", 0.3}, {"HitRate@5", 0.5}};
    const nlohmann::json y = {{"MRR@5", 0.3}, {"HitRate@5", 0.4}};
    const nlohmann::json z = {{"HitRate@5", 0.1}};
    const MetricTable t = buildMetricTable({x, y, z}, 5, {"HitRate", "MRR"});
    EXPECT_TRUE(t.rows[0][0].best);
    EXPECT_FALSE(t.rows[1][0].best);
    EXPECT_TRUE(t.rows[0][1].best && t.rows[1][1].best); // a tie: both
    EXPECT_FALSE(t.rows[2][1].value.has_value());
    EXPECT_FALSE(buildMetricTable({x}, 5).rows[0][0].best);
    EXPECT_EQ(cutoffsOf(nlohmann::json{{"MRR@20", 1}, {"HitRate@5", 1}, {"predictions", 3}}),
              (std::vector<int>{5, 20}));
}

TEST(MetricTable, VerdictFollowsPValueAndDirection) {
    PairedDifference d{"MRR@20", 0.3, 0.2, 0.1, {0.05, 0.15}, 0.01};
    EXPECT_EQ(verdictOf(d), Verdict::FirstBetter);
    d.difference = -0.1;
    EXPECT_EQ(verdictOf(d), Verdict::SecondBetter);
    d.pValue = 0.2;
    EXPECT_EQ(verdictOf(d), Verdict::NoSignificantDifference);
    PairedDifference pop{"Popularity@20", 0.5, 0.2, 0.3, {0.2, 0.4}, 0.001};
    EXPECT_EQ(verdictOf(pop), Verdict::FirstHigher);
    EXPECT_EQ(verdictText(Verdict::SecondBetter, "a", "b"), "b better");
}

TEST_F(HtmlReportTest, AnalysisSectionsAppearWhenDataIsPluggedIn) {
    ReportContent content = loadReportContent(*store, {a});
    EXPECT_TRUE(content.comparisons.empty());
    std::string html = renderHtmlReport(content).html;
    for (const char* id : {"alpha-sweep", "bandit", "similarity", "training"})
        EXPECT_EQ(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
    addAlphaSweep(content, "MRR@20", {{"bert-mlp <v1>", {0, 0.5, 1}, {0.1, 0.3, 0.2}}});
    addRewardCurves(content, "Cumulative reward", "reward",
                    {{"Thompson", {1, 2, 3}, {0, 1, 2}}, {"best fixed α", {1, 2, 3}, {1, 1, 2}}});
    HeatmapSpec h;
    h.title = "Text cosine";
    h.rows = h.columns = {test::kHostileTitle, "b"};
    h.values = {1, 0.2, 0.2, 1};
    addHeatmap(content, h);
    RunStore runs(*store);
    runs.addEpoch(a, {1, 0.9, {{"MRR@20", 0.1}}, 1.0});
    runs.addEpoch(a, {2, 0.7, {{"MRR@20", 0.2}}, 1.0});
    content.runs[0].epochs = runs.epochs(a);
    const HtmlReport report = renderHtmlReport(content);
    html = report.html;
    EXPECT_EQ(test::checkMarkup(html, true), "");
    for (const char* id : {"alpha-sweep", "bandit", "similarity", "training"})
        EXPECT_NE(html.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
    EXPECT_NE(html.find("bert-mlp &lt;v1&gt;</td><td class=\"num\">0.50</td>"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    HeatmapSpec bad = h;
    bad.values.pop_back();
    EXPECT_THROW(addHeatmap(content, bad), UsageError);

    // The PDF flavour: the same charts as image references, with their SVG alongside.
    const HtmlReport refs = renderHtmlReport(content, ChartMode::ImageReferences);
    EXPECT_EQ(refs.html.find("<svg"), std::string::npos);
    ASSERT_EQ(refs.charts.size(), report.charts.size());
    for (const auto& c : refs.charts) {
        EXPECT_NE(refs.html.find("src=\"" + c.name + "\""), std::string::npos);
        EXPECT_EQ(test::checkMarkup(c.svg, false), "") << c.name;
    }
}

TEST_F(HtmlReportTest, SweepRunsOfOneGroupBecomeAChartAndTheFileIsWritten) {
    RunStore runs(*store);
    const auto group = runs.newGroupId();
    std::vector<std::int64_t> ids;
    for (double alpha : {0.0, 0.5, 1.0}) {
        RunRecord r;
        r.datasetId = store->requireDataset(test::kHostileDataset);
        r.model = "bert-mlp";
        r.kind = "sweep";
        r.groupId = group;
        r.params = {{"alpha", alpha}};
        const auto id = runs.create(r);
        runs.finish(id, "finished", {{"MRR@20", 0.1 + alpha * (1 - alpha)}, {"HitRate@20", 0.4}},
                    {});
        ids.push_back(id);
    }
    ReportOptions o;
    o.datasetStats = false;
    const ReportContent content = loadReportContent(*store, ids, o);
    ASSERT_EQ(content.alphaSweeps.size(), 2u);
    EXPECT_EQ(content.alphaSweeps[0].series[0].x, (std::vector<double>{0, 0.5, 1}));
    const std::string path = dir.file("report.html");
    writeHtmlReport(content, path);
    std::stringstream s;
    s << std::ifstream(path).rdbuf();
    EXPECT_EQ(test::checkMarkup(s.str(), true), "");
    EXPECT_NE(s.str().find("<section id=\"alpha-sweep\">"), std::string::npos);
    EXPECT_THROW(loadReportContent(*store, {}), UsageError);
}
