#pragma once
// The HTML writer's shared state and the section renderers (private to srw_report).
#include "srw/report/html_escape.h"
#include "srw/report/html_report.h"

#include <string>

namespace srw::html {

/** @brief The page being written and its charts. */
struct Page {
    ChartMode mode = ChartMode::InlineSvg;
    std::string out;
    std::vector<RenderedChart> charts;

    Page& operator<<(const std::string& s) {
        out += s;
        return *this;
    }
    /** @brief Escaped text. */
    Page& text(const std::string& s) {
        out += escapeHtml(s);
        return *this;
    }
    /** @brief Adds a chart in the page's mode. */
    void chart(const std::string& title, std::string svg, int width, int height);
    void sectionStart(const char* id, const std::string& heading);
    void note(const std::string& s);
};

/** @brief A value with its interval under it, for metric tables. */
std::string valueWithInterval(const std::optional<double>& v, const std::optional<Interval>& iv);
/** @brief A JSON value as plain text (strings without quotes). */
std::string plain(const nlohmann::json& v);

void datasetsSection(Page& page, const ReportContent& content);
void runsSection(Page& page, const ReportContent& content);
void metricsSection(Page& page, const ReportContent& content);
void coldStartSection(Page& page, const ReportContent& content);
void metricCurvesSection(Page& page, const ReportContent& content);
void comparisonSection(Page& page, const ReportContent& content);
void slicesSection(Page& page, const ReportContent& content);
void trainingSection(Page& page, const ReportContent& content);
void analysisSections(Page& page, const ReportContent& content);
void examplesSection(Page& page, const ReportContent& content);

} // namespace srw::html
