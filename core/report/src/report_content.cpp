#include "srw/report/report_content.h"

#include "srw/eval/eval_json.h"
#include "srw/report/metric_table.h"
#include "srw/util/error.h"
#include "srw/util/version.h"

#include <algorithm>
#include <map>

namespace srw {
namespace {

std::vector<ReportComparison> pairedComparisons(RunStore& store, const std::vector<ReportRun>& runs,
                                                int samples) {
    std::vector<ReportComparison> out;
    if (runs.size() < 2)
        return out;
    const RunRecord& a = runs.front().record;
    const auto pa = store.perSession(a.id);
    for (std::size_t i = 1; i < runs.size(); ++i) {
        const RunRecord& b = runs[i].record;
        ReportComparison c{a.id, b.id, std::nullopt, {}};
        const auto pb = store.perSession(b.id);
        if (a.dataHash.empty() || a.dataHash != b.dataHash)
            c.problem = "not evaluated on the same data and split";
        else if (!pa || !pb)
            c.problem = "no per-session values stored";
        else {
            try {
                c.comparison =
                    comparePaired(perSessionFromJson(*pa), perSessionFromJson(*pb), samples);
            } catch (const UsageError& e) {
                c.problem = e.what();
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

// Runs with a numeric params.alpha that were made together (one group) form a sweep: one chart
// per headline metric, one line per group.
void addSweepsFromRuns(ReportContent& content) {
    std::map<std::int64_t, std::vector<const RunRecord*>> groups;
    for (const auto& r : content.runs) {
        const auto& p = r.record.params;
        if (r.record.groupId && p.is_object() && p.contains("alpha") && p["alpha"].is_number())
            groups[*r.record.groupId].push_back(&r.record);
    }
    for (const char* metric : {"MRR@20", "HitRate@20"}) {
        std::vector<ChartSeries> series;
        for (auto& [group, members] : groups) {
            if (members.size() < 2)
                continue;
            std::sort(members.begin(), members.end(), [](const RunRecord* x, const RunRecord* y) {
                return x->params["alpha"].get<double>() < y->params["alpha"].get<double>();
            });
            ChartSeries s{
                members.front()->model + " (group " + std::to_string(group) + ")", {}, {}};
            for (const RunRecord* m : members)
                if (auto v = metricValue(m->metrics, metric)) {
                    s.x.push_back(m->params["alpha"].get<double>());
                    s.y.push_back(*v);
                }
            if (s.x.size() >= 2) {
                series.push_back(std::move(s));
                if (std::find(content.sweepGroups.begin(), content.sweepGroups.end(), group) ==
                    content.sweepGroups.end())
                    content.sweepGroups.push_back(group);
            }
        }
        if (!series.empty())
            addAlphaSweep(content, metric, std::move(series));
    }
}

} // namespace

std::string runLabel(const RunRecord& run) {
    return "#" + std::to_string(run.id) + " " + (run.name.empty() ? run.model : run.name);
}

std::vector<int> reportCutoffs(const std::vector<ReportRun>& runs) {
    std::vector<int> ks;
    for (const auto& r : runs)
        for (int k : cutoffsOf(r.record.metrics))
            if (std::find(ks.begin(), ks.end(), k) == ks.end())
                ks.push_back(k);
    std::sort(ks.begin(), ks.end());
    return ks;
}

LineChartSpec metricCurveChart(const std::vector<ReportRun>& runs, const std::string& metric) {
    const auto ks = reportCutoffs(runs);
    LineChartSpec chart;
    chart.title = metric + "@K";
    chart.xLabel = "K";
    chart.yLabel = metric;
    chart.logX = true;
    chart.xTicks.assign(ks.begin(), ks.end());
    for (const auto& r : runs) {
        ChartSeries s{runLabel(r.record), {}, {}};
        for (int k : ks)
            if (auto v = metricValue(r.record.metrics, metric + "@" + std::to_string(k))) {
                s.x.push_back(k);
                s.y.push_back(*v);
            }
        if (!s.x.empty())
            chart.series.push_back(std::move(s));
    }
    return chart;
}

ReportContent loadReportContent(SessionStore& store, const std::vector<std::int64_t>& runIds,
                                const ReportOptions& options) {
    if (runIds.empty())
        throw UsageError("a report needs at least one run");
    ReportContent content;
    if (!options.title.empty())
        content.title = options.title;
    content.generatedAt = SessionStore::nowIso();
    content.programVersion = kVersion;
    RunStore runs(store);
    for (std::int64_t id : runIds) {
        ReportRun r{runs.get(id), runs.epochs(id)};
        content.runs.push_back(std::move(r));
    }
    if (options.datasetStats) {
        std::vector<std::string> seen;
        for (const auto& r : content.runs) {
            const std::string& name = r.record.dataset;
            if (name.empty() || std::find(seen.begin(), seen.end(), name) != seen.end())
                continue;
            seen.push_back(name);
            content.datasets.push_back(computeDatasetStats(store, name));
        }
    }
    content.comparisons = pairedComparisons(runs, content.runs, options.comparisonSamples);
    addSweepsFromRuns(content);
    content.examples =
        loadExampleSessions(store, content.runs, options.exampleSessions, options.exampleTopK);
    return content;
}

void addAlphaSweep(ReportContent& content, const std::string& metric,
                   std::vector<ChartSeries> series) {
    LineChartSpec chart;
    chart.title = metric + " over \xCE\xB1";
    chart.xLabel = "\xCE\xB1 (weight of the collaborative score)";
    chart.yLabel = metric;
    chart.series = std::move(series);
    content.alphaSweeps.push_back(std::move(chart));
}

void addRewardCurves(ReportContent& content, const std::string& title, const std::string& yLabel,
                     std::vector<ChartSeries> series) {
    LineChartSpec chart;
    chart.title = title;
    chart.xLabel = "step";
    chart.yLabel = yLabel;
    chart.markers = false;
    chart.yFromZero = true;
    chart.series = std::move(series);
    content.rewardCurves.push_back(std::move(chart));
}

void addHeatmap(ReportContent& content, HeatmapSpec heatmap) {
    if (heatmap.values.size() != heatmap.rows.size() * heatmap.columns.size())
        throw UsageError("heatmap: the values do not match rows x columns");
    content.heatmaps.push_back(std::move(heatmap));
}

} // namespace srw
