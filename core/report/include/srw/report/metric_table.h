#pragma once
#include "srw/eval/eval_result.h"
#include "srw/eval/statistics.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace srw {

/** @brief One cell: a run's value of a metric at a cut-off, with its bootstrap interval. */
struct MetricCell {
    std::optional<double> value;
    std::optional<Interval> interval;
    bool best = false; ///< the best value of its column (ties: all of them)
};

/** @brief Runs (rows) x metrics (columns) at one cut-off K. */
struct MetricTable {
    int cutoff = 0;
    std::vector<std::string> metrics;          ///< "HitRate", "MRR", …
    std::vector<std::vector<MetricCell>> rows; ///< one per run, in the order given
};

/** @brief The metrics a report shows, in order: HitRate, MRR, NDCG, Precision, Recall, Coverage,
 * Popularity. */
std::vector<std::string> reportMetrics();

/**
 * @brief true for metrics where more is better; false for Popularity, which describes the
 * recommendations rather than judging them (no best is marked for it).
 */
bool higherIsBetter(const std::string& metric);

/** @brief The cut-offs present in an evaluation's metrics JSON ("MRR@20" -> 20), ascending. */
std::vector<int> cutoffsOf(const nlohmann::json& metrics);

/** @brief A metric value from an evaluation's JSON (flat "Metric@K" keys), if present. */
std::optional<double> metricValue(const nlohmann::json& metrics, const std::string& key);
/** @brief Its bootstrap interval (metrics["intervals"]["values"][key]), if present. */
std::optional<Interval> metricInterval(const nlohmann::json& metrics, const std::string& key);

/**
 * @brief The table of the runs' metrics at cutoff. A column's best is marked only when at least
 * two runs have a value in it; values within 1e-12 of the best are marked too.
 */
MetricTable buildMetricTable(const std::vector<nlohmann::json>& runMetrics, int cutoff,
                             const std::vector<std::string>& metrics = reportMetrics());

/** @brief What a paired difference says at the given level. */
enum class Verdict {
    NoSignificantDifference,
    FirstBetter,
    SecondBetter,
    FirstHigher,
    SecondHigher
};

/**
 * @brief p < alpha decides significance; the sign of a - b decides the direction. For metrics
 * where higher is not better (Popularity) the verdict only says which run is higher.
 */
Verdict verdictOf(const PairedDifference& d, double alpha = 0.05);

/** @brief English text of a verdict with the runs' labels ("pop better"). */
std::string verdictText(Verdict v, const std::string& first, const std::string& second);

} // namespace srw
