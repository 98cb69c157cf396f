// Report and export commands: report (HTML), export metrics (CSV/JSON), export recommendations.
#include "cli_context.h"
#include "ml_forward.h"

#include "srw/data/run_store.h"
#include "srw/report/exports.h"
#include "srw/report/html_report.h"
#include "srw/report/report_analyses.h"
#include "srw/util/atomic_file.h"
#include "srw/util/error.h"

#ifdef SRW_CLI_WITH_ML
#include "srw/model/bert_mlp_trainer.h"
#include "srw/model/model_analysis.h"
#endif

#include <cstdio>
#include <unistd.h>

namespace srw::cli {
namespace {

std::vector<RunRecord> readRuns(SessionStore& store, const std::vector<std::int64_t>& ids) {
    RunStore runs(store);
    std::vector<RunRecord> out;
    for (auto id : ids)
        out.push_back(runs.get(id));
    return out;
}

/** The heatmap's text vectors: the trained model's item vectors (srw-ml only). */
TextVectorsFn textVectorsFn(CliContext& ctx) {
#ifdef SRW_CLI_WITH_ML
    return [&ctx](const RunRecord& run, std::size_t& dim) {
        try {
            const auto model = loadTrainedModel(ctx.store(), run.id, {});
            return modelTextVectors(*model, dim);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "note: the heatmap uses CF cosine: the model of run %lld did not "
                                 "load (%s)\n", (long long)run.id, e.what());
            dim = 0;
            return std::vector<float>();
        }
    };
#else
    (void)ctx;
    return {};
#endif
}

/** True when one of the runs is (or is made from) a trained bert-mlp model that still exists. */
bool reportHasTrainedModel(SessionStore& store, const std::vector<std::int64_t>& ids) {
    RunStore runs(store);
    for (auto id : ids) {
        const std::int64_t t = trainRunOf(runs.get(id));
        if (t <= 0)
            continue;
        try {
            const RunRecord trained = runs.get(t);
            const std::string file = trained.params.value("model_file", "");
            if (!file.empty() && ::access(file.c_str(), R_OK) == 0)
                return true;
        } catch (const std::exception&) {
        }
    }
    return false;
}

} // namespace

void addReportCommands(CLI::App& app, CliContext& ctx) {
    struct ReportArgs {
        std::vector<std::int64_t> runs;
        std::string html;
        int examples = 3;
        int samples = 1000;
        int heatmapItems = 30;
        bool noLinked = false;
    };
    auto ra = std::make_shared<ReportArgs>();
    CLI::App* rep = app.add_subcommand(
        "report",
        "Write a self-contained HTML report of runs: dataset statistics, configuration, "
        "metrics with intervals, paired comparisons with the first run, charts, examples.\n"
        "PDF is made by the desktop application: srw-gui --export-report RUN... --pdf OUT");
    rep->add_option("runs", ra->runs, "Run ids; the first is the reference of the comparisons")
        ->required();
    rep->add_option("--html", ra->html, "Output HTML file")->required();
    rep->add_option("--examples", ra->examples, "Example sessions with stored recommendations")
        ->capture_default_str()
        ->check(CLI::Range(0, 100));
    rep->add_option("--samples", ra->samples, "Resamples of the paired tests")
        ->capture_default_str()
        ->check(CLI::Range(10, 100000));
    rep->add_option("--heatmap-items", ra->heatmapItems,
                    "Items of the similarity heatmap (the most popular; 0: none)")
        ->capture_default_str()
        ->check(CLI::Range(0, 200));
    rep->add_flag("--no-linked", ra->noLinked,
                  "Only the given runs: no sweeps, bandit replays or evaluations made from them");
    rep->callback([&ctx, ra] {
#ifndef SRW_CLI_WITH_ML
        // The text heatmap reads the trained model's item vectors, which needs LibTorch: hand
        // the report to srw-ml when it is there, else draw the CF heatmap.
        if (ra->heatmapItems > 0 && reportHasTrainedModel(ctx.store(), ra->runs)) {
            const std::string why = execMl(ctx.args);
            std::fprintf(stderr, "note: the heatmap uses CF cosine: %s\n", why.c_str());
        }
#endif
        ReportOptions o;
        o.exampleSessions = ra->examples;
        o.comparisonSamples = ra->samples;
        ReportContent content = loadReportContent(ctx.store(), ra->runs, o);
        ReportAnalysisOptions ao;
        ao.linkedRuns = !ra->noLinked;
        ao.heatmapItems = std::size_t(ra->heatmapItems);
        ao.textVectors = textVectorsFn(ctx);
        addLinkedAnalyses(content, ctx.store(), ao);
        writeHtmlReport(content, ra->html);
        std::printf("wrote %s (%zu runs, %zu comparisons, %zu example sessions, %zu α sweeps, "
                    "%zu bandit replays, %zu cold-start rows, %zu heatmaps)\n",
                    ra->html.c_str(), content.runs.size(), content.comparisons.size(),
                    content.examples.size(), content.sweepTables.size(), content.bandits.size(),
                    content.coldStarts.size(), content.heatmaps.size());
        for (const auto& c : content.comparisons)
            if (!c.comparison)
                std::fprintf(stderr, "note: runs %lld and %lld not compared: %s\n",
                             (long long)c.first, (long long)c.second, c.problem.c_str());
    });

    CLI::App* ex = app.add_subcommand("export", "Export runs' metrics or stored recommendations");
    ex->require_subcommand(1);
    struct MetricArgs {
        std::vector<std::int64_t> runs;
        std::string csv, json;
    };
    auto ma = std::make_shared<MetricArgs>();
    CLI::App* em = ex->add_subcommand(
        "metrics", "Metrics of runs: CSV with one row per run x metric x K (value and interval), "
                   "or JSON");
    em->add_option("runs", ma->runs, "Run ids")->required();
    auto* csv = em->add_option("--csv", ma->csv, "Output CSV file");
    auto* json = em->add_option("--json", ma->json, "Output JSON file");
    csv->excludes(json);
    em->callback([&ctx, ma] {
        if (ma->csv.empty() && ma->json.empty())
            throw UsageError("export metrics needs --csv OUT or --json OUT");
        const auto runs = readRuns(ctx.store(), ma->runs);
        if (!ma->csv.empty())
            writeFileAtomically(ma->csv, runMetricsCsv(runs));
        else
            writeFileAtomically(ma->json, runMetricsJson(runs).dump(2) + "\n");
        std::printf("wrote %s (%zu runs)\n", (ma->csv.empty() ? ma->json : ma->csv).c_str(),
                    runs.size());
    });

    auto ea = std::make_shared<std::pair<std::int64_t, std::string>>();
    CLI::App* er = ex->add_subcommand(
        "recommendations", "A run's stored top lists (srw eval --store-top N) as CSV: session, "
                           "position, rank, item, title, score");
    er->add_option("run", ea->first, "Run id")->required();
    er->add_option("--csv", ea->second, "Output CSV file")->required();
    er->callback([&ctx, ea] {
        RunStore(ctx.store()).get(ea->first); // an unknown run is an error, not an empty file
        const std::size_t n = writeRecommendationsCsv(ctx.store(), ea->first, ea->second);
        std::printf("wrote %s (%zu recommendations)\n", ea->second.c_str(), n);
        if (n == 0)
            std::fprintf(stderr,
                         "note: run %lld stored no recommendations; evaluate with "
                         "--store-top N to keep them\n",
                         (long long)ea->first);
    });
}

} // namespace srw::cli
