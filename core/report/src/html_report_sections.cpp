// The report's sections about results: metrics, curves, paired tests, slices, analyses, examples.
#include "html_parts.h"
#include "srw/report/metric_table.h"

#include <algorithm>
#include <map>
#include <set>

namespace srw::html {
namespace {

constexpr const char* kTable = "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">";

std::vector<int> allCutoffs(const ReportContent& c) {
    return reportCutoffs(c.runs);
}

const ReportRun* runById(const ReportContent& c, std::int64_t id) {
    for (const auto& r : c.runs)
        if (r.record.id == id)
            return &r;
    return nullptr;
}

std::string itemText(const ReportItem& item) {
    return item.title.empty() ? item.externalId : item.title + " (" + item.externalId + ")";
}

} // namespace

void metricsSection(Page& p, const ReportContent& c) {
    p.sectionStart("metrics", "Metrics");
    const auto ks = allCutoffs(c);
    if (ks.empty())
        p.note("No run has evaluation metrics yet.");
    else
        p.note("Values with their bootstrap confidence intervals; the best value of each column "
               "is marked \xE2\x98\x85 (Popularity describes the lists and is not ranked).");
    std::vector<nlohmann::json> metrics;
    for (const auto& r : c.runs)
        metrics.push_back(r.record.metrics);
    for (int k : ks) {
        const MetricTable t = buildMetricTable(metrics, k);
        p << "<h3>@" << std::to_string(k) << "</h3>\n" << kTable << "<tr><th>Run</th>";
        for (const auto& m : t.metrics)
            p << "<th>" << m << "@" << std::to_string(k) << "</th>";
        p << "</tr>\n";
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            p << "<tr><td>";
            p.text(runLabel(c.runs[i].record)) << "</td>";
            for (const auto& cell : t.rows[i])
                p << (cell.best ? "<td class=\"num best\">" : "<td class=\"num\">")
                  << valueWithInterval(cell.value, cell.interval)
                  << (cell.best ? " \xE2\x98\x85" : "") << "</td>";
            p << "</tr>\n";
        }
        p << "</table>\n";
    }
    p << "</section>\n";
}

void metricCurvesSection(Page& p, const ReportContent& c) {
    p.sectionStart("metric-curves", "Metrics over the cut-off K");
    const auto ks = allCutoffs(c);
    if (ks.size() < 2)
        p.note("The runs were evaluated at fewer than two cut-offs.");
    else
        for (const char* metric : {"HitRate", "MRR", "NDCG", "Recall"}) {
            const LineChartSpec chart = metricCurveChart(c.runs, metric);
            if (!chart.series.empty())
                p.chart(chart.title, renderLineChart(chart), chart.width, chart.height);
        }
    p << "</section>\n";
}

void comparisonSection(Page& p, const ReportContent& c) {
    p.sectionStart("comparison", "Paired comparison with the first run");
    if (c.comparisons.empty())
        p.note("A comparison needs at least two runs.");
    else
        p.note("Per test session, the two runs' values are paired: the difference (first minus "
               "second) with a paired bootstrap interval and a sign-flip randomisation p-value. "
               "Differences with p < 0.05 are called significant.");
    for (const auto& cmp : c.comparisons) {
        const ReportRun* a = runById(c, cmp.first);
        const ReportRun* b = runById(c, cmp.second);
        const std::string la = a ? runLabel(a->record) : std::to_string(cmp.first);
        const std::string lb = b ? runLabel(b->record) : std::to_string(cmp.second);
        p << "<h3>";
        p.text(la + " vs " + lb) << "</h3>\n";
        if (!cmp.comparison) {
            p.note("Not compared: " + cmp.problem + ".");
            continue;
        }
        const PairedComparison& pc = *cmp.comparison;
        p.note(std::to_string(pc.sessions) + " sessions, " + std::to_string(pc.samples) +
               " resamples, " + formatNumber(pc.confidence * 100, 0) + " % intervals.");
        p << kTable
          << "<tr><th>Metric</th><th>First</th><th>Second</th><th>Difference</th>"
             "<th>Interval</th><th>p</th><th>Verdict</th></tr>\n";
        for (const auto& d : pc.metrics) {
            const Verdict v = verdictOf(d);
            p << "<tr><td>";
            p.text(d.metric) << "</td><td class=\"num\">" << formatNumber(d.a)
                             << "</td><td class=\"num\">" << formatNumber(d.b)
                             << "</td><td class=\"num\">" << (d.difference >= 0 ? "+" : "")
                             << formatNumber(d.difference) << "</td><td class=\"num\">["
                             << formatNumber(d.interval.low) << ", "
                             << formatNumber(d.interval.high) << "]</td><td class=\"num\">"
                             << formatNumber(d.pValue)
                             << (v == Verdict::NoSignificantDifference
                                     ? "</td><td>"
                                     : "</td><td class=\"best\">");
            p.text(verdictText(v, la, lb)) << "</td></tr>\n";
        }
        p << "</table>\n";
    }
    p << "</section>\n";
}

void slicesSection(Page& p, const ReportContent& c) {
    p.sectionStart("slices", "Slices");
    // dimension -> labels in first-seen order; (run, dimension, label) -> slice
    std::vector<std::string> dims;
    std::map<std::string, std::vector<std::string>> labels;
    std::map<std::tuple<std::size_t, std::string, std::string>, const nlohmann::json*> at;
    for (std::size_t i = 0; i < c.runs.size(); ++i) {
        const auto& m = c.runs[i].record.metrics;
        if (!m.is_object() || !m.contains("slices") || !m["slices"].is_array())
            continue;
        for (const auto& s : m["slices"]) {
            if (!s.is_object() || !s.contains("dimension") || !s.contains("label"))
                continue;
            const std::string d = plain(s["dimension"]), l = plain(s["label"]);
            if (std::find(dims.begin(), dims.end(), d) == dims.end())
                dims.push_back(d);
            auto& ls = labels[d];
            if (std::find(ls.begin(), ls.end(), l) == ls.end())
                ls.push_back(l);
            at[{i, d, l}] = &s;
        }
    }
    if (dims.empty())
        p.note("The runs have no slices.");
    const auto ks = allCutoffs(c);
    const std::string k = ks.empty() ? "20" : std::to_string(ks.back());
    for (const auto& d : dims) {
        p << "<h3>";
        p.text(d) << "</h3>\n" << kTable << "<tr><th>Slice</th>";
        for (const auto& r : c.runs) {
            p << "<th>";
            p.text(runLabel(r.record)) << "<br>HitRate@" << k << " / MRR@" << k << " (n)</th>";
        }
        p << "</tr>\n";
        for (const auto& l : labels[d]) {
            p << "<tr><td>";
            p.text(l) << "</td>";
            for (std::size_t i = 0; i < c.runs.size(); ++i) {
                const auto it = at.find({i, d, l});
                p << "<td class=\"num\">";
                if (it != at.end()) {
                    const auto& s = *it->second;
                    const auto& m = s.value("metrics", nlohmann::json::object());
                    p << formatNumber(metricValue(m, "HitRate@" + k).value_or(NAN)) << " / "
                      << formatNumber(metricValue(m, "MRR@" + k).value_or(NAN)) << " ("
                      << plain(s.value("predictions", nlohmann::json(0))) << ")";
                }
                p << "</td>";
            }
            p << "</tr>\n";
        }
        p << "</table>\n";
    }
    p << "</section>\n";
}

void trainingSection(Page& p, const ReportContent& c) {
    std::vector<std::string> keys{"train loss"};
    for (const auto& r : c.runs)
        for (const auto& e : r.epochs)
            if (e.metrics.is_object())
                for (auto it = e.metrics.begin(); it != e.metrics.end(); ++it)
                    if (it.value().is_number() && keys.size() < 4 &&
                        std::find(keys.begin(), keys.end(), it.key()) == keys.end())
                        keys.push_back(it.key());
    std::vector<LineChartSpec> charts;
    for (const auto& key : keys) {
        LineChartSpec chart;
        chart.title = key + " per epoch";
        chart.xLabel = "epoch";
        chart.yLabel = key;
        for (const auto& r : c.runs) {
            ChartSeries s{runLabel(r.record), {}, {}};
            for (const auto& e : r.epochs) {
                std::optional<double> v =
                    key == "train loss" ? e.trainLoss : metricValue(e.metrics, key);
                if (v) {
                    s.x.push_back(e.epoch);
                    s.y.push_back(*v);
                }
            }
            if (!s.x.empty())
                chart.series.push_back(std::move(s));
        }
        if (!chart.series.empty())
            charts.push_back(std::move(chart));
    }
    if (charts.empty())
        return; // only trained models have curves; evaluations of baselines do not
    p.sectionStart("training", "Training curves");
    for (const auto& chart : charts)
        p.chart(chart.title, renderLineChart(chart), chart.width, chart.height);
    p << "</section>\n";
}

void coldStartSection(Page& p, const ReportContent& c) {
    if (c.coldStarts.empty())
        return;
    p.sectionStart("cold-start", "Cold start");
    const std::int64_t rare = c.coldStarts.front().maxTrainCount;
    p.note("Targets new to training or rare in it (at most " + std::to_string(rare) +
           " training events), beside each run's main figures. In the evaluation the catalogue is "
           "the items with a training event, so unseen targets are misses for every model: "
           "baselines cannot score items they never saw. The extended cold start (srw coldstart) "
           "adds every item with a text to the catalogue, which only the text model can score.");
    p << kTable
      << "<tr><th>Run</th><th>HitRate / MRR (all)</th><th>Cold slice HitRate / MRR (n, unseen)"
         "</th><th>Extended catalogue HitRate / MRR (n, unseen)</th>"
         "<th>Extended, unseen only HitRate</th></tr>\n";
    auto pair = [](const std::optional<double>& a, const std::optional<double>& b) {
        return formatNumber(a.value_or(NAN)) + " / " + formatNumber(b.value_or(NAN));
    };
    for (const auto& r : c.coldStarts) {
        const std::string k = std::to_string(r.k);
        p << "<tr><td>";
        p.text(r.label + " @" + k) << "</td><td class=\"num\">" << pair(r.hitRate, r.mrr)
                                   << "</td><td class=\"num\">";
        if (r.slicePredictions)
            p << pair(r.sliceHitRate, r.sliceMrr) << " (" << std::to_string(*r.slicePredictions)
              << ", " << std::to_string(r.sliceUnseen.value_or(0)) << ")";
        p << "</td><td class=\"num\">";
        if (r.extendedPredictions)
            p << pair(r.extendedHitRate, r.extendedMrr) << " ("
              << std::to_string(*r.extendedPredictions) << ", "
              << std::to_string(r.extendedUnseen.value_or(0)) << ")";
        p << "</td><td class=\"num\">";
        if (r.extendedPredictions)
            p << formatNumber(r.extendedUnseenHitRate.value_or(NAN));
        p << "</td></tr>\n";
    }
    p << "</table>\n";
    for (const auto& r : c.coldStarts)
        if (!r.note.empty())
            p.note(r.label + ": " + r.note + ".");
    p << "</section>\n";
}

namespace {

void sweepTables(Page& p, const ReportContent& c) {
    for (const auto& t : c.sweepTables) {
        p << "<h3>";
        p.text(t.label) << "</h3>\n" << kTable << "<tr><th>\xCE\xB1</th>";
        std::vector<std::size_t> best(t.metrics.size(), t.alphas.size());
        for (std::size_t m = 0; m < t.metrics.size(); ++m) {
            p << "<th>";
            p.text(t.metrics[m]) << "</th>";
            for (std::size_t a = 0; a < t.alphas.size(); ++a)
                if (t.values[a][m] &&
                    (best[m] == t.alphas.size() || *t.values[a][m] > *t.values[best[m]][m]))
                    best[m] = a;
        }
        p << "</tr>\n";
        for (std::size_t a = 0; a < t.alphas.size(); ++a) {
            p << "<tr><td class=\"num\">" << formatNumber(t.alphas[a], 2) << "</td>";
            for (std::size_t m = 0; m < t.metrics.size(); ++m) {
                const bool b = best[m] == a;
                p << (b ? "<td class=\"num best\">" : "<td class=\"num\">")
                  << formatNumber(t.values[a][m].value_or(NAN)) << (b ? " \xE2\x98\x85" : "")
                  << "</td>";
            }
            p << "</tr>\n";
        }
        p << "</table>\n<p class=\"note\">Best \xCE\xB1:";
        for (std::size_t m = 0; m < t.metrics.size(); ++m)
            if (best[m] < t.alphas.size()) {
                p << (m ? "; " : " ");
                p.text(t.metrics[m]) << " " << formatNumber(t.alphas[best[m]], 2);
            }
        p << "</p>\n";
    }
}

void banditTable(Page& p, const ReportContent& c) {
    if (c.bandits.empty())
        return;
    p.note("Per prediction, a Beta-Thompson bandit chooses \xCE\xB1 and earns 1 when the true next "
           "item is in its top K. Regret is the best fixed \xCE\xB1 in hindsight minus the bandit.");
    p << kTable
      << "<tr><th>Run</th><th>Predictions</th><th>Bandit</th><th>Best fixed \xCE\xB1</th>"
         "<th>Best fixed reward</th><th>Uniform \xCE\xB1</th><th>Regret</th>"
         "<th>Bandit \xE2\x88\x92 uniform</th></tr>\n";
    for (const auto& b : c.bandits) {
        p << "<tr><td>";
        p.text(b.label + " (top " + std::to_string(b.k) + ")")
            << "</td><td class=\"num\">" << std::to_string(b.predictions)
            << "</td><td class=\"num\">" << formatNumber(b.banditReward, 0)
            << "</td><td class=\"num\">" << formatNumber(b.bestFixedAlpha, 2)
            << "</td><td class=\"num\">" << formatNumber(b.bestFixedReward, 0)
            << "</td><td class=\"num\">" << formatNumber(b.uniformReward, 1)
            << "</td><td class=\"num\">" << formatNumber(b.regret, 0)
            << "</td><td class=\"num\">" << formatNumber(b.banditReward - b.uniformReward, 1)
            << "</td></tr>\n";
    }
    p << "</table>\n";
}

} // namespace

void analysisSections(Page& p, const ReportContent& c) {
    if (!c.alphaSweeps.empty() || !c.sweepTables.empty()) {
        p.sectionStart("alpha-sweep", "\xCE\xB1 sweep");
        for (const auto& chart : c.alphaSweeps) {
            p.chart(chart.title, renderLineChart(chart), chart.width, chart.height);
            p << kTable << "<tr><th>Series</th><th>Best \xCE\xB1</th><th>";
            p.text(chart.yLabel) << "</th></tr>\n";
            for (const auto& s : chart.series) {
                if (s.y.empty())
                    continue;
                const auto best =
                    std::size_t(std::max_element(s.y.begin(), s.y.end()) - s.y.begin());
                p << "<tr><td>";
                p.text(s.name) << "</td><td class=\"num\">" << formatNumber(s.x[best], 2)
                               << "</td><td class=\"num\">" << formatNumber(s.y[best])
                               << "</td></tr>\n";
            }
            p << "</table>\n";
        }
        sweepTables(p, c);
        p << "</section>\n";
    }
    if (!c.rewardCurves.empty() || !c.bandits.empty()) {
        p.sectionStart("bandit", "Online adaptation");
        for (const auto& chart : c.rewardCurves)
            p.chart(chart.title, renderLineChart(chart), chart.width, chart.height);
        banditTable(p, c);
        p << "</section>\n";
    }
    if (!c.heatmaps.empty()) {
        p.sectionStart("similarity", "Item similarities");
        for (const auto& h : c.heatmaps) {
            const auto [width, height] = heatmapSize(h);
            p.chart(h.title, renderHeatmap(h), width, height);
        }
        p << "</section>\n";
    }
}

void examplesSection(Page& p, const ReportContent& c) {
    p.sectionStart("examples", "Example sessions");
    if (c.examples.empty())
        p.note("No run has stored recommendations; evaluate with --store-top N to keep them.");
    for (const auto& ex : c.examples) {
        p << "<h3>";
        p.text("Session " + ex.sessionLabel + ", next item at position " +
               std::to_string(ex.position + 1))
            << "</h3>\n<p>";
        std::string seq;
        for (const auto& item : ex.prefix)
            seq += (seq.empty() ? "" : " \xE2\x86\x92 ") + itemText(item);
        p.text("Session so far: " + (seq.empty() ? std::string("(empty)") : seq)) << "<br>";
        p.text("True next item: " + (ex.target ? itemText(*ex.target) : std::string("unknown")))
            << "</p>\n";
        std::size_t depth = 0;
        for (const auto& l : ex.lists)
            depth = std::max(depth, l.second.size());
        p << kTable << "<tr><th>Rank</th>";
        for (const auto& l : ex.lists) {
            const ReportRun* r = runById(c, l.first);
            p << "<th>";
            p.text(r ? runLabel(r->record) : std::to_string(l.first)) << "</th>";
        }
        p << "</tr>\n";
        for (std::size_t i = 0; i < depth; ++i) {
            p << "<tr><td class=\"num\">" << std::to_string(i + 1) << "</td>";
            for (const auto& l : ex.lists) {
                if (i >= l.second.size()) {
                    p << "<td></td>";
                    continue;
                }
                const auto& rec = l.second[i];
                p << (rec.isTarget ? "<td class=\"hit\">" : "<td>");
                p.text(itemText(rec.item)) << (rec.isTarget ? " \xE2\x9C\x93" : "") << "</td>";
            }
            p << "</tr>\n";
        }
        p << "</table>\n";
    }
    p << "</section>\n";
}

} // namespace srw::html
