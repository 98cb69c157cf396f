#pragma once
#include "srw/data/dataset_stats.h"
#include "srw/data/run_store.h"
#include "srw/eval/statistics.h"
#include "srw/report/svg_chart.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace srw {

/** @brief A run as the report shows it, with its training curve when it has one. */
struct ReportRun {
    RunRecord record;
    std::vector<EpochRecord> epochs;
};

/** @brief The paired test of the first run against another one; problem says why it is missing. */
struct ReportComparison {
    std::int64_t first = 0;
    std::int64_t second = 0;
    std::optional<PairedComparison> comparison;
    std::string problem;
};

/** @brief One item of an example session; texts are untrusted. */
struct ReportItem {
    std::string externalId;
    std::string title;
};

/** @brief One recommended item of an example. */
struct ReportRecommendation {
    int rank = 0;
    ReportItem item;
    double score = 0;
    bool isTarget = false; ///< the true next item
};

/** @brief A test prefix with each run's stored top list for it. */
struct ExampleSession {
    std::int64_t sessionId = 0;
    std::string sessionLabel; ///< the external session id when there is one
    int position = 0;         ///< the target's index in the session
    std::vector<ReportItem> prefix;
    std::optional<ReportItem> target;
    /** run id -> its list, in the order of ReportContent::runs (runs without one are left out) */
    std::vector<std::pair<std::int64_t, std::vector<ReportRecommendation>>> lists;
};

/** @brief An α sweep (one run group) as a table: metric@K per α, for the best α per metric. */
struct ReportSweepTable {
    std::string label; ///< e.g. "bert-mlp sweep of #3 (group 7)"
    std::int64_t group = 0;
    int k = 20;
    std::vector<std::string> metrics;                    ///< "HitRate@20", …
    std::vector<double> alphas;                          ///< ascending
    std::vector<std::vector<std::optional<double>>> values; ///< [alpha][metric]
};

/** @brief A bandit replay's totals: reward of the bandit, the best fixed α and uniform choice. */
struct ReportBandit {
    std::int64_t run = 0;
    std::string label;
    int k = 20;
    std::uint64_t predictions = 0;
    double banditReward = 0;
    double bestFixedAlpha = 0;
    double bestFixedReward = 0;
    double uniformReward = 0;
    double regret = 0; ///< best fixed − bandit
};

/** @brief A run's main figures beside its cold-start slice (from the evaluation's slices) and
 * the extended-catalogue cold start (srw coldstart), whichever it has. */
struct ReportColdStart {
    std::int64_t run = 0;
    std::string label;
    int k = 20;
    std::optional<double> hitRate, mrr; ///< the main figures at k
    std::int64_t maxTrainCount = 10;
    // The evaluation's target-popularity slices (unseen + rare; unseen targets are misses).
    std::optional<std::uint64_t> slicePredictions, sliceUnseen;
    std::optional<double> sliceHitRate, sliceMrr;
    // srw coldstart: the catalogue extended to items with a text.
    std::optional<std::uint64_t> extendedPredictions, extendedUnseen, extendedAdded;
    std::optional<double> extendedHitRate, extendedMrr, extendedUnseenHitRate;
    std::string note;
};

/**
 * @brief Everything a report shows, gathered once: the HTML writer, the CLI and the GUI's PDF
 * export all render this same content.
 *
 * Analyses of the text model plug in through alphaSweeps, rewardCurves and heatmaps (see
 * addAlphaSweep(), addRewardCurves(), addHeatmap()); a section whose list is empty is left out.
 */
struct ReportContent {
    std::string title = "SessionRec Workbench report";
    std::string generatedAt;
    std::string programVersion;
    std::vector<DatasetStats> datasets; ///< each dataset of the runs, once
    std::vector<ReportRun> runs;        ///< in the order asked for; the first is the reference
    std::vector<ReportComparison> comparisons;
    std::vector<ExampleSession> examples;
    std::vector<LineChartSpec> alphaSweeps;
    std::vector<LineChartSpec> rewardCurves;
    std::vector<HeatmapSpec> heatmaps;
    std::vector<ReportSweepTable> sweepTables; ///< see addLinkedAnalyses() (report_analyses.h)
    std::vector<ReportBandit> bandits;
    std::vector<ReportColdStart> coldStarts;
    std::vector<std::int64_t> sweepGroups; ///< groups already charted in alphaSweeps
};

/** @brief What loadReportContent() gathers. */
struct ReportOptions {
    std::string title;            ///< empty: the default title
    int exampleSessions = 3;      ///< test prefixes shown with their stored recommendations
    int exampleTopK = 10;         ///< items shown per list
    int comparisonSamples = 1000; ///< resamples of the paired tests
    bool datasetStats = true;     ///< off: skip computing them (they scan every event)
};

/**
 * @brief Reads the runs (throws DatabaseError for an unknown id, UsageError for none), their
 * datasets' statistics, training curves, the paired comparisons of the first run with each
 * other one (when both have per-session values on the same data), the α sweeps found among
 * runs with a numeric params.alpha, and example sessions from stored top lists.
 */
ReportContent loadReportContent(SessionStore& store, const std::vector<std::int64_t>& runIds,
                                const ReportOptions& options = {});

/** @brief "#12 name" or "#12 model" when the run has no name. */
std::string runLabel(const RunRecord& run);

/** @brief The cut-offs any of the runs was evaluated at, ascending. */
std::vector<int> reportCutoffs(const std::vector<ReportRun>& runs);

/** @brief metric@K over K (log-spaced, ticks at the cut-offs), one line per run that has it. */
LineChartSpec metricCurveChart(const std::vector<ReportRun>& runs, const std::string& metric);

/**
 * @brief Adds an α sweep chart: metric (e.g. "MRR@20") over α, one series per model or run.
 * Series x are the α values, y the metric's values.
 */
void addAlphaSweep(ReportContent& content, const std::string& metric,
                   std::vector<ChartSeries> series);

/** @brief Adds a bandit chart: cumulative reward (or regret) over the replayed steps. */
void addRewardCurves(ReportContent& content, const std::string& title, const std::string& yLabel,
                     std::vector<ChartSeries> series);

/** @brief Adds an item x item similarity heatmap. Throws UsageError on a size mismatch. */
void addHeatmap(ReportContent& content, HeatmapSpec heatmap);

/** @brief Example sessions from the stored top lists (used by loadReportContent()). */
std::vector<ExampleSession> loadExampleSessions(SessionStore& store,
                                                const std::vector<ReportRun>& runs, int sessions,
                                                int topK);

} // namespace srw
