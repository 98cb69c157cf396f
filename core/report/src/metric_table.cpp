#include "srw/report/metric_table.h"

#include "srw/util/text_utils.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace srw {

std::vector<std::string> reportMetrics() {
    return {"HitRate", "MRR", "NDCG", "Precision", "Recall", "Coverage", "Popularity"};
}

bool higherIsBetter(const std::string& metric) {
    const auto at = metric.find('@');
    return metric.substr(0, at) != "Popularity";
}

std::vector<int> cutoffsOf(const nlohmann::json& metrics) {
    std::set<int> ks;
    if (!metrics.is_object())
        return {};
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        const auto at = it.key().rfind('@');
        long long k = 0;
        if (at != std::string::npos && it.value().is_number() &&
            parseInt64(std::string_view(it.key()).substr(at + 1), k) && k > 0)
            ks.insert(int(k));
    }
    return {ks.begin(), ks.end()};
}

std::optional<double> metricValue(const nlohmann::json& metrics, const std::string& key) {
    if (!metrics.is_object())
        return std::nullopt;
    const auto it = metrics.find(key);
    if (it == metrics.end() || !it->is_number())
        return std::nullopt;
    return it->get<double>();
}

std::optional<Interval> metricInterval(const nlohmann::json& metrics, const std::string& key) {
    if (!metrics.is_object() || !metrics.contains("intervals"))
        return std::nullopt;
    const auto& values = metrics["intervals"];
    if (!values.is_object() || !values.contains("values") || !values["values"].is_object())
        return std::nullopt;
    const auto it = values["values"].find(key);
    if (it == values["values"].end() || !it->is_array() || it->size() != 2 ||
        !(*it)[0].is_number() || !(*it)[1].is_number())
        return std::nullopt;
    return Interval{(*it)[0].get<double>(), (*it)[1].get<double>()};
}

MetricTable buildMetricTable(const std::vector<nlohmann::json>& runMetrics, int cutoff,
                             const std::vector<std::string>& metrics) {
    MetricTable t;
    t.cutoff = cutoff;
    t.metrics = metrics;
    for (const auto& m : runMetrics) {
        std::vector<MetricCell> row;
        for (const auto& name : metrics) {
            const std::string key = name + "@" + std::to_string(cutoff);
            row.push_back({metricValue(m, key), metricInterval(m, key), false});
        }
        t.rows.push_back(std::move(row));
    }
    for (std::size_t c = 0; c < metrics.size(); ++c) {
        if (!higherIsBetter(metrics[c]))
            continue;
        double best = -INFINITY;
        int present = 0;
        for (const auto& row : t.rows)
            if (row[c].value && std::isfinite(*row[c].value)) {
                best = std::max(best, *row[c].value);
                ++present;
            }
        if (present < 2)
            continue;
        for (auto& row : t.rows)
            row[c].best = row[c].value && std::abs(*row[c].value - best) <= 1e-12;
    }
    return t;
}

Verdict verdictOf(const PairedDifference& d, double alpha) {
    if (!(d.pValue < alpha) || d.difference == 0)
        return Verdict::NoSignificantDifference;
    if (higherIsBetter(d.metric))
        return d.difference > 0 ? Verdict::FirstBetter : Verdict::SecondBetter;
    return d.difference > 0 ? Verdict::FirstHigher : Verdict::SecondHigher;
}

std::string verdictText(Verdict v, const std::string& first, const std::string& second) {
    switch (v) {
    case Verdict::FirstBetter:
        return first + " better";
    case Verdict::SecondBetter:
        return second + " better";
    case Verdict::FirstHigher:
        return first + " higher";
    case Verdict::SecondHigher:
        return second + " higher";
    case Verdict::NoSignificantDifference:
        break;
    }
    return "no significant difference";
}

} // namespace srw
