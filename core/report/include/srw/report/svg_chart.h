#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace srw {

/** @brief One named line (or bar group) of a chart; x and y have the same length. */
struct ChartSeries {
    std::string name;
    std::vector<double> x;
    std::vector<double> y;
};

/**
 * @brief A line chart: metric@K over K, training curves over epochs, an α sweep over α, a
 * bandit's cumulative reward over steps. Names and labels are escaped when drawn.
 */
struct LineChartSpec {
    std::string title;
    std::string xLabel;
    std::string yLabel;
    std::vector<ChartSeries> series;
    int width = 640;
    int height = 340;
    bool logX = false;      ///< e.g. K = 1, 5, 10, 20 spread evenly
    bool markers = true;    ///< dots on the points (off for long curves)
    bool yFromZero = false; ///< the y axis starts at 0 rather than near the smallest value
    /** x values that get a tick label (e.g. the cut-offs); empty: evenly spaced nice numbers */
    std::vector<double> xTicks;
};

/** @brief Grouped bars: one group per category, one bar per series (y[i] is category i). */
struct BarChartSpec {
    std::string title;
    std::string xLabel;
    std::string yLabel;
    std::vector<std::string> categories;
    std::vector<ChartSeries> series; ///< x is ignored
    int width = 640;
    int height = 320;
};

/**
 * @brief An item x item matrix (similarities): values row-major, rows.size() x columns.size().
 * Drawn as one rectangle per cell, so it is meant for up to a few hundred items; labels are
 * written when there are at most 40 rows.
 */
struct HeatmapSpec {
    std::string title;
    std::string legendLabel;       ///< e.g. "cosine"
    std::vector<std::string> rows; ///< item titles (untrusted)
    std::vector<std::string> columns;
    std::vector<double> values;
    std::optional<double> min; ///< colour scale; default: the data's range
    std::optional<double> max;
    int cellSize = 0; ///< 0: fit into about 560 px
};

/** @brief The colour of series i (Okabe–Ito, distinguishable for colour-blind readers). */
std::string seriesColor(std::size_t i);

/** @brief A standalone <svg> element (with xmlns) for inline HTML or a .svg file. */
std::string renderLineChart(const LineChartSpec& spec);
std::string renderBarChart(const BarChartSpec& spec);
/** @brief Throws UsageError when values does not match rows x columns. */
std::string renderHeatmap(const HeatmapSpec& spec);
/** @brief The width and height renderHeatmap() gives the chart (it sizes itself to the data). */
std::pair<int, int> heatmapSize(const HeatmapSpec& spec);

} // namespace srw
