// The SVG charts: well formed, escaped, and robust to empty or degenerate data.
#include "markup_checker.h"
#include "srw/report/svg_chart.h"
#include "srw/util/error.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace srw;

TEST(SvgChart, LineChartIsWellFormedAndEscapesNames) {
    LineChartSpec spec;
    spec.title = "MRR@K <script>";
    spec.xLabel = "K";
    spec.yLabel = "MRR";
    spec.logX = true;
    spec.xTicks = {1, 5, 10, 20};
    spec.series = {{"pop \"quoted\"", {1, 5, 10, 20}, {0.1, 0.2, 0.25, 0.3}},
                   {"<b>iknn</b>", {1, 5, 10, 20}, {0.15, 0.22, 0.24, NAN}}};
    const std::string svg = renderLineChart(spec);
    EXPECT_EQ(test::checkMarkup(svg, false), "");
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
    EXPECT_NE(svg.find("&lt;b&gt;iknn&lt;/b&gt;"), std::string::npos);
    EXPECT_NE(svg.find("pop &quot;quoted&quot;"), std::string::npos);
    EXPECT_EQ(svg.find("nan"), std::string::npos); // a NaN point is skipped, not drawn
    std::size_t lines = 0;
    for (auto p = svg.find("<polyline"); p != std::string::npos; p = svg.find("<polyline", p + 1))
        ++lines;
    EXPECT_EQ(lines, 2u);
}

TEST(SvgChart, EmptyAndFlatDataStillDraw) {
    LineChartSpec empty;
    EXPECT_EQ(test::checkMarkup(renderLineChart(empty), false), "");
    LineChartSpec flat;
    flat.series = {{"flat", {1, 2, 3}, {0.5, 0.5, 0.5}}};
    const std::string svg = renderLineChart(flat);
    EXPECT_EQ(test::checkMarkup(svg, false), "");
    EXPECT_EQ(svg.find("inf"), std::string::npos);
    BarChartSpec bars;
    bars.categories = {"1", "2", "3"};
    bars.series = {{"sessions", {}, {3, 0, 7}}};
    EXPECT_EQ(test::checkMarkup(renderBarChart(bars), false), "");
}

TEST(SvgChart, HeatmapHasOneCellPerValueAndChecksItsShape) {
    HeatmapSpec h;
    h.title = "cosine";
    h.rows = h.columns = {"a<", "b&", "c\""};
    h.values = {1, 0.5, -0.2, 0.5, 1, 0.1, -0.2, 0.1, 1};
    const std::string svg = renderHeatmap(h);
    EXPECT_EQ(test::checkMarkup(svg, false), "");
    std::size_t titles = 0;
    for (auto p = svg.find("<title>"); p != std::string::npos; p = svg.find("<title>", p + 1))
        ++titles;
    EXPECT_EQ(titles, 9u);
    EXPECT_NE(svg.find("#ffffff"), std::string::npos); // white background and white for zero
    const auto [w, hgt] = heatmapSize(h);
    EXPECT_NE(svg.find("width=\"" + std::to_string(w) + "\""), std::string::npos);
    EXPECT_GT(hgt, 0);
    h.values.pop_back();
    EXPECT_THROW(renderHeatmap(h), UsageError);
}

TEST(SvgChart, SeriesColoursCycle) {
    EXPECT_EQ(seriesColor(0), seriesColor(8));
    EXPECT_NE(seriesColor(0), seriesColor(1));
}
