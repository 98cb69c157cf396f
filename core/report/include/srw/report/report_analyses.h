#pragma once
// The report's plug-in for analyses of a trained model: finds the α sweeps, bandit replays and
// cold-start results that belong to the report's runs and adds them, with a similarity heatmap.
#include "srw/data/run_store.h"
#include "srw/report/report_content.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace srw {

/**
 * @brief The text vectors (numItems × dim, row-major, the dataset's dense item order) of a
 * trained bert-mlp run. Computing them needs LibTorch, which srw_report does not link: the
 * caller that has the model (srw-ml, the GUI) passes this in; empty vectors mean "not available".
 */
using TextVectorsFn = std::function<std::vector<float>(const RunRecord& trainRun, std::size_t& dim)>;

/** @brief What addLinkedAnalyses() looks for. */
struct ReportAnalysisOptions {
    bool linkedRuns = true;          ///< also runs made from the report's runs (by train_run)
    std::size_t heatmapItems = 30;   ///< top items of the heatmap (about 4 kB per item); 0: none
    TextVectorsFn textVectors;       ///< unset or empty result: the heatmap is CF cosine
};

/**
 * @brief Adds to content (made by loadReportContent()):
 *  - the α sweeps: the sweep groups among the report's runs and, for a trained bert-mlp run, its
 *    newest sweep group (params.train_run) — a chart per headline metric for groups not charted
 *    yet, and for every group a table of metric@K per α with the best α per metric;
 *  - the bandit replays: report runs of kind "bandit" and the newest one of each trained run,
 *    with their cumulative reward curves (bandit, best fixed α, uniform) and regret figures;
 *  - the cold-start table: each run's main figures beside its cold-start slice (metrics
 *    cold_start_slice, else computed from its target-popularity slices) and its extended
 *    cold start (metrics cold_start, written by srw coldstart);
 *  - a heatmap of the heatmapItems most popular training items: text cosine of a trained
 *    bert-mlp run's item vectors when options.textVectors gives them, else CF cosine of the
 *    training sessions.
 * Sections stay out when nothing is found. Item titles are kept as they are; the renderer
 * escapes them.
 */
void addLinkedAnalyses(ReportContent& content, SessionStore& store,
                       const ReportAnalysisOptions& options = {});

/** @brief The trained bert-mlp run a run belongs to (itself, or params.train_run); 0: none. */
std::int64_t trainRunOf(const RunRecord& run);

} // namespace srw
