#include "srw/report/html_report.h"

#include "html_parts.h"
#include "srw/report/metric_table.h"
#include "srw/util/atomic_file.h"

#include <ctime>

namespace srw {
namespace html {
namespace {

// Simple rules that Qt's rich-text engine (the PDF export) understands as well as browsers.
constexpr const char* kStyle = R"css(
body { font-family: "Noto Sans", "Noto Sans CJK SC", "DejaVu Sans", sans-serif; color: #222;
       max-width: 1100px; margin: 24px auto; padding: 0 16px; line-height: 1.4; }
h1 { font-size: 22px; margin-bottom: 4px; }
h2 { font-size: 18px; border-bottom: 1px solid #ccc; padding-bottom: 2px; margin-top: 28px; }
h3 { font-size: 15px; margin-top: 18px; }
table { border-collapse: collapse; margin: 6px 0 14px 0; }
th, td { border: 1px solid #c8c8c8; padding: 3px 8px; vertical-align: top; }
th { background-color: #eef2f7; text-align: left; }
td.num { text-align: right; }
td.best { background-color: #dff0d8; font-weight: bold; }
td.hit { background-color: #fff3c4; font-weight: bold; }
span.iv { color: #666; font-size: 85%; }
p.meta, p.note { color: #666; }
)css";

std::string isoDay(std::int64_t ms) {
    const std::time_t t = std::time_t(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

void row(Page& p, const std::string& key, const std::string& value) {
    p << "<tr><th>";
    p.text(key) << "</th><td>";
    p.text(value) << "</td></tr>";
}

void partRow(Page& p, const std::string& name, const PartStats& s) {
    p << "<tr><td>";
    p.text(name) << "</td><td class=\"num\">" << std::to_string(s.sessions)
                 << "</td><td class=\"num\">" << std::to_string(s.events)
                 << "</td><td class=\"num\">" << std::to_string(s.items)
                 << "</td><td class=\"num\">"
                 << (s.unseenInTrainEvents ? std::to_string(*s.unseenInTrainEvents) : "")
                 << "</td></tr>";
}

} // namespace

void Page::chart(const std::string& title, std::string svg, int width, int height) {
    RenderedChart c{"srw-chart-" + std::to_string(charts.size() + 1) + ".svg", title,
                    std::move(svg), width, height};
    if (mode == ChartMode::InlineSvg)
        out += "<div class=\"chart\">" + c.svg + "</div>\n";
    else
        out += "<p><img src=\"" + c.name + "\" width=\"" + std::to_string(width) + "\" height=\"" +
               std::to_string(height) + "\" alt=\"" + escapeHtml(title) + "\"></p>\n";
    charts.push_back(std::move(c));
}

void Page::sectionStart(const char* id, const std::string& heading) {
    out += std::string("<section id=\"") + id + "\">\n<h2>";
    text(heading);
    out += "</h2>\n";
}

void Page::note(const std::string& s) {
    out += "<p class=\"note\">";
    text(s);
    out += "</p>\n";
}

std::string valueWithInterval(const std::optional<double>& v, const std::optional<Interval>& iv) {
    if (!v)
        return "";
    std::string s = formatNumber(*v);
    if (iv)
        s += "<br><span class=\"iv\">[" + formatNumber(iv->low) + ", " + formatNumber(iv->high) +
             "]</span>";
    return s;
}

std::string plain(const nlohmann::json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump();
}

void datasetsSection(Page& p, const ReportContent& content) {
    p.sectionStart("datasets", "Dataset statistics");
    if (content.datasets.empty())
        p.note("Dataset statistics were not computed for this report.");
    for (const auto& d : content.datasets) {
        p << "<h3>";
        p.text(d.dataset) << "</h3>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">";
        row(p, "Events", std::to_string(d.all.events));
        row(p, "Sessions", std::to_string(d.all.sessions));
        row(p, "Items with events", std::to_string(d.all.items));
        row(p, "Catalogue items", std::to_string(d.catalogItems));
        row(p, "Items with text", std::to_string(d.itemsWithText));
        row(p, "Users", d.all.users ? std::to_string(*d.all.users) : "none in the data");
        if (d.all.firstTsMs && d.all.lastTsMs)
            row(p, "Time span (UTC)",
                isoDay(*d.all.firstTsMs) + " \xE2\x80\x93 " + isoDay(*d.all.lastTsMs));
        row(p, "Share of events on the top 1% of items",
            formatNumber(d.all.topOnePercentShare * 100, 1) + " %");
        p << "</table>\n";
        if (!d.parts.empty()) {
            p << "<p>Split ";
            p.text(d.splitName) << ":</p>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">"
                                   "<tr><th>Part</th><th>Sessions</th><th>Events</th><th>Items</th>"
                                   "<th>Events with items unseen in training</th></tr>";
            for (const auto& [name, part] : d.parts)
                partRow(p, name, part);
            p << "</table>\n";
        }
        BarChartSpec lengths;
        lengths.title = "Session lengths: " + d.dataset;
        lengths.xLabel = "events per session";
        lengths.yLabel = "sessions";
        ChartSeries s{"sessions", {}, {}};
        for (const auto& [len, n] : d.all.sessionLengths) {
            if (len > 30)
                break; // the long tail would squeeze the readable part into a few pixels
            lengths.categories.push_back(std::to_string(len));
            s.y.push_back(double(n));
        }
        lengths.series.push_back(std::move(s));
        if (!lengths.categories.empty())
            p.chart(lengths.title, renderBarChart(lengths), lengths.width, lengths.height);
    }
    p << "</section>\n";
}

void runsSection(Page& p, const ReportContent& content) {
    p.sectionStart("runs", "Runs and their configuration");
    for (const auto& r : content.runs) {
        const RunRecord& run = r.record;
        p << "<h3>";
        p.text(runLabel(run)) << "</h3>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">";
        row(p, "Model", run.model);
        row(p, "Kind", run.kind);
        row(p, "Status", run.status);
        row(p, "Dataset", run.dataset);
        row(p, "Split", run.splitName);
        row(p, "Created", run.createdAt);
        row(p, "Finished", run.finishedAt);
        for (const auto& [label, obj] :
             {std::pair<const char*, const nlohmann::json*>{"Parameters", &run.params},
              {"Protocol", &run.protocol},
              {"Timings", &run.timings}}) {
            std::string text;
            if (obj->is_object())
                for (auto it = obj->begin(); it != obj->end(); ++it)
                    text += (text.empty() ? "" : "; ") + it.key() + " = " + plain(it.value());
            row(p, label, text.empty() ? "\xE2\x80\x93" : text);
        }
        row(p, "Data hash", run.dataHash.substr(0, 16));
        row(p, "Program version", run.programVersion);
        if (!run.notes.empty())
            row(p, "Notes", run.notes);
        p << "</table>\n";
    }
    p << "</section>\n";
}

} // namespace html

HtmlReport renderHtmlReport(const ReportContent& content, ChartMode mode) {
    html::Page p;
    p.mode = mode;
    p << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
    p.text(content.title) << "</title>\n<style>" << html::kStyle
                          << "</style>\n</head>\n<body>\n<h1>";
    p.text(content.title) << "</h1>\n<p class=\"meta\">";
    std::string runs;
    for (const auto& r : content.runs)
        runs += (runs.empty() ? "" : ", ") + runLabel(r.record);
    p.text("Runs " + runs + ". Generated " + content.generatedAt + " by SessionRec Workbench " +
           content.programVersion + ".")
        << "</p>\n";
    html::datasetsSection(p, content);
    html::runsSection(p, content);
    html::metricsSection(p, content);
    html::coldStartSection(p, content);
    html::metricCurvesSection(p, content);
    html::comparisonSection(p, content);
    html::slicesSection(p, content);
    html::trainingSection(p, content);
    html::analysisSections(p, content);
    html::examplesSection(p, content);
    p << "</body>\n</html>\n";
    return {std::move(p.out), std::move(p.charts)};
}

void writeHtmlReport(const ReportContent& content, const std::string& path) {
    writeFileAtomically(path, renderHtmlReport(content).html);
}

} // namespace srw
