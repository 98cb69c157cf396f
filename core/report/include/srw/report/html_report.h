#pragma once
#include "srw/report/report_content.h"

#include <string>
#include <vector>

namespace srw {

/** @brief How charts go into the HTML. */
enum class ChartMode {
    InlineSvg,      ///< <svg> elements in the page: the self-contained HTML report
    ImageReferences ///< <img src="srw-chart-N.svg">: for renderers without inline SVG (Qt's PDF)
};

/** @brief One chart of a rendered report, for ImageReferences (and for saving charts alone). */
struct RenderedChart {
    std::string name; ///< the <img> source, "srw-chart-3.svg"
    std::string title;
    std::string svg;
    int width = 0;
    int height = 0;
};

struct HtmlReport {
    std::string html;
    std::vector<RenderedChart> charts; ///< every chart, in page order, in either mode
};

/**
 * @brief The report as one HTML5 page with its style inside and no external reference:
 * sections "datasets", "runs", "metrics", "metric-curves", "comparison", "slices", "examples"
 * always (with a note when there is nothing to show), "training", "alpha-sweep", "bandit" and
 * "similarity" when the content has them. Every text from the workspace is escaped.
 */
HtmlReport renderHtmlReport(const ReportContent& content, ChartMode mode = ChartMode::InlineSvg);

/** @brief Renders with inline SVG and writes the file atomically. */
void writeHtmlReport(const ReportContent& content, const std::string& path);

} // namespace srw
