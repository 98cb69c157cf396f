// Evaluation commands: eval, tune, runs, compare.
#include "cli_context.h"
#include "ml_forward.h"

#include "srw/analysis/cold_start.h"
#include "srw/analysis/evaluation_run.h"
#include "srw/data/corpus_loader.h"
#include "srw/data/run_store.h"
#include "srw/eval/eval_json.h"
#include "srw/eval/evaluator.h"
#include "srw/eval/recommender_factory.h"
#include "srw/eval/statistics.h"
#include "srw/eval/tuning.h"
#ifdef SRW_CLI_WITH_ML
#include "srw/model/bert_mlp_trainer.h"
#endif
#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <cstdio>
#include <iostream>

namespace srw::cli {
namespace {

std::vector<int> parseCutoffs(const std::string& text) {
    std::vector<int> out;
    for (const auto& part : split(text, ',')) {
        long long k = 0;
        if (!parseInt64(trim(part), k) || k < 1 || k > 10000)
            throw UsageError("--k takes positive cut-offs like 1,5,10,20, not '" + text + "'");
        out.push_back(int(k));
    }
    return out;
}

ParamMap parseParams(const std::vector<std::string>& items) {
    ParamMap out;
    for (const auto& p : items) {
        auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError("--param takes name=value, not '" + p + "'");
        out[std::string(trim(p.substr(0, eq)))] = std::string(trim(p.substr(eq + 1)));
    }
    return out;
}

struct EvalArgs {
    std::string dataset, model, split, cutoffs = "1,5,10,20", unseen = "count", name;
    std::vector<std::string> params;
    bool excludeSessionItems = false, remainingItems = false, json = false;
    int bootstrap = 1000;
    std::uint64_t seed = 42;
    int storeTop = 0;
    std::string alpha; ///< bert-mlp runs: re-rank with this α
};

EvalOptions protocolOptions(CliContext& ctx, const EvalArgs& a) {
    EvalOptions o;
    o.cutoffs = parseCutoffs(a.cutoffs);
    o.excludeSessionItems = a.excludeSessionItems;
    o.remainingItems = a.remainingItems;
    o.unseenTargets = parseUnseenTargetPolicy(a.unseen);
    o.bootstrapSamples = a.bootstrap;
    o.seed = a.seed;
    o.threads = ctx.effectiveThreads();
    o.keepTopLists = std::size_t(std::max(0, a.storeTop));
    o.progress = ctx.progress("eval");
    return o;
}

void addOption(CLI::App* cmd, EvalArgs& a) {
    cmd->add_option("--split", a.split, "Split to use (default: the active one)");
    cmd->add_option("--k", a.cutoffs, "Cut-offs of every metric@K")->capture_default_str();
    cmd->add_flag("--exclude-session-items", a.excludeSessionItems,
                  "Items already in the session are no candidates");
    cmd->add_option("--unseen", a.unseen,
                    "Targets never seen in training: count (as misses), drop-targets, drop-events")
        ->capture_default_str();
    cmd->add_flag("--remaining-items", a.remainingItems,
                  "Precision/Recall@K against all later items of the session");
    cmd->add_option("--bootstrap", a.bootstrap, "Bootstrap resamples for 95% intervals (0: none)")
        ->capture_default_str();
    cmd->add_option("--seed", a.seed, "Seed of sampling models and the bootstrap")
        ->capture_default_str();
    cmd->add_flag("--json", a.json, "Print one JSON object");
}

void runEval(CliContext& ctx, EvalArgs a) {
    SessionStore& store = ctx.store();
    RunStore runs(store);
    ParamMap params = parseParams(a.params);
    long long runId = 0;
    std::unique_ptr<Recommender> model;
    std::int64_t trainRun = 0;
    if (!a.alpha.empty())
        params["alpha"] = a.alpha;
    if (parseInt64(a.model, runId) && runs.get(runId).model == "bert-mlp") {
        // A trained model: loaded from its checkpoint, never retrained; --alpha re-ranks.
#ifdef SRW_CLI_WITH_ML
        RunRecord old = runs.get(runId);
        trainRun = old.kind == "train" ? old.id : old.params.value("train_run", std::int64_t(0));
        auto trained = loadTrainedModel(store, runId, params);
        a.model = old.model;
        model = std::move(trained);
#else
        throw std::runtime_error(execMl(ctx.args)); // LibTorch lives in srw-ml
#endif
    } else if (parseInt64(a.model, runId)) {
        // A stored run: evaluate the same model again (other protocol options, another split).
        if (!a.alpha.empty())
            throw UsageError("--alpha is for bert-mlp runs");
        RunRecord old = runs.get(runId);
        ParamMap stored;
        for (auto& [k, v] : old.params.items())
            stored[k] = v.is_string() ? v.get<std::string>() : v.dump();
        for (auto& [k, v] : params)
            stored[k] = v;
        params = stored;
        a.model = old.model;
    }
    if (!model)
        model = createRecommender(a.model, params);
    SplitRef split = findSplit(store, a.dataset, a.split);
    SessionCorpus corpus = loadCorpus(store, a.dataset, split.name);
    EvalOptions options = protocolOptions(ctx, a);

    RunRecord rec;
    rec.datasetId = store.requireDataset(a.dataset);
    rec.splitId = split.id;
    rec.name = a.name;
    rec.kind = "eval";
    rec.model = a.model;
    rec.dataHash = corpusContentHash(corpus);
    rec.environment = {{"threads", options.threads}};
    std::int64_t id = runs.create(rec);
    try {
        EvalResult r = fitAndEvaluate(*model, corpus, EvalPart::Test, options);
        ctx.endProgress();
        // train_run: a later `eval RUN` of this run finds the model.
        const nlohmann::json full =
            recordEvaluation(runs, id, r, corpus, options,
                             trainRun > 0 ? nlohmann::json{{"train_run", trainRun}}
                                          : nlohmann::json::object());
        const nlohmann::json cold =
            full.contains("cold_start_slice") ? full["cold_start_slice"] : nlohmann::json();
        // The JSON contract: "Metric@K" keys, "predictions" and "run" only (scripts iterate over
        // it); the cold-start slice is in the stored run and the text output.
        nlohmann::json out = metricsJson(r);
        out["run"] = id;
        if (a.json) {
            std::cout << out.dump(2) << "\n";
            return;
        }
        std::printf("run %lld: %s on '%s' (split %s), %llu predictions, fit %.2f s, eval %.2f s\n",
                    (long long)id, a.model.c_str(), a.dataset.c_str(), split.name.c_str(),
                    (unsigned long long)r.predictions, r.fitSeconds, r.evalSeconds);
        const auto& iv = full["intervals"]["values"];
        for (int k : r.cutoffs) {
            std::printf("  @%-3d", k);
            for (const char* m : {"HitRate", "MRR", "NDCG"}) {
                std::string key = metricKey(m, k);
                std::printf("  %s %.4f", m, out[key].get<double>());
                if (iv.contains(key))
                    std::printf(" [%.4f, %.4f]", iv[key][0].get<double>(), iv[key][1].get<double>());
            }
            std::printf("  Coverage %.3f\n", out[metricKey("Coverage", k)].get<double>());
        }
        if (!cold.is_null()) {
            const int k = r.cutoffs.empty() ? 20 : r.cutoffs.back();
            const auto& cm = cold["metrics"];
            const auto get = [&](const char* m) {
                const std::string key = metricKey(m, k);
                return cm.contains(key) ? cm[key].get<double>() : 0.0;
            };
            std::printf("  cold start (targets unseen or with at most %lld training events): %llu "
                        "predictions (%llu unseen), HitRate@%d %.4f, MRR@%d %.4f\n",
                        (long long)options.rareTargetMaxCount,
                        (unsigned long long)cold["predictions"].get<std::uint64_t>(),
                        (unsigned long long)cold["unseen_predictions"].get<std::uint64_t>(), k,
                        get("HitRate"), k, get("MRR"));
            if (cold["unseen_predictions"].get<std::uint64_t>() > 0)
                std::printf("    unseen targets are misses here for every model (the catalogue is "
                            "the training items; baselines cannot score unseen items); text "
                            "scores them in `srw coldstart`\n");
        }
    } catch (const Cancelled&) {
        runs.setStatus(id, "cancelled");
        throw;
    } catch (...) {
        runs.setStatus(id, "failed");
        throw;
    }
}

} // namespace

void addEvalCommands(CLI::App& app, CliContext& ctx) {
    auto ea = std::make_shared<EvalArgs>();
    std::string models;
    for (const auto& n : recommenderNames())
        models += (models.empty() ? "" : "|") + n;
    CLI::App* ev = app.add_subcommand(
        "eval", "Evaluate a model on the dataset's test part (next-item protocol); stores a run");
    ev->add_option("name", ea->dataset, "Dataset")->required();
    ev->add_option("--model,-m", ea->model, models + " or a stored RUN_ID")->required();
    ev->add_option("--param,-p", ea->params, "Model parameter name=value (session-rec's names)");
    ev->add_option("--store-top", ea->storeTop, "Keep the top-N list of every prediction in the run");
    ev->add_option("--run-name", ea->name, "A name for the stored run");
    ev->add_option("--alpha", ea->alpha, "With a bert-mlp RUN_ID: re-rank with this α in [0, 1]");
    addOption(ev, *ea);
    ev->callback([&ctx, ea] { runEval(ctx, *ea); });

    struct TuneArgs {
        EvalArgs eval;
        std::vector<std::string> grid;
        int random = 0;
        std::string metric = "MRR@20";
    };
    auto ta = std::make_shared<TuneArgs>();
    CLI::App* tu = app.add_subcommand(
        "tune", "Grid or random search of a model's parameters on the validation part");
    tu->add_option("name", ta->eval.dataset, "Dataset")->required();
    tu->add_option("--model,-m", ta->eval.model, models)->required();
    tu->add_option("--grid,-g", ta->grid, "name=v1,v2,… (repeat for more parameters)")->required();
    tu->add_option("--param,-p", ta->eval.params, "Fixed parameter name=value");
    tu->add_option("--random", ta->random, "Try this many random combinations instead of all");
    tu->add_option("--metric", ta->metric, "What best means")->capture_default_str();
    addOption(tu, ta->eval);
    tu->callback([&ctx, ta] {
        SessionStore& store = ctx.store();
        SplitRef split = findSplit(store, ta->eval.dataset, ta->eval.split);
        SessionCorpus corpus = loadCorpus(store, ta->eval.dataset, split.name);
        TuneOptions t;
        for (const auto& g : ta->grid)
            t.grid.insert(parseGridSpec(g));
        t.fixed = parseParams(ta->eval.params);
        t.random = ta->random > 0;
        if (ta->random > 0)
            t.samples = ta->random;
        t.metric = ta->metric;
        t.eval = protocolOptions(ctx, ta->eval);
        t.eval.bootstrapSamples = 0;
        TuneResult r = tune(ta->eval.model, corpus, t);
        ctx.endProgress();
        nlohmann::json j = toJson(r);
        RunStore runs(store);
        RunRecord rec;
        rec.datasetId = store.requireDataset(ta->eval.dataset);
        rec.splitId = split.id;
        rec.kind = "tune";
        rec.model = ta->eval.model;
        rec.params = j["best"]["params"];
        rec.dataHash = corpusContentHash(corpus);
        std::int64_t id = runs.create(rec);
        runs.finish(id, "finished", j, nlohmann::json::object());
        j["run"] = id;
        if (ta->eval.json) {
            std::cout << j.dump(2) << "\n";
            return;
        }
        std::printf("run %lld: best %s = %.4f with", (long long)id, r.metric.c_str(),
                    r.trials[r.best].value);
        for (const auto& [k, v] : r.trials[r.best].params)
            std::printf(" %s=%s", k.c_str(), v.c_str());
        std::printf(" (%zu trials on the validation part)\n", r.trials.size());
    });

    auto ra = std::make_shared<std::pair<std::string, bool>>();
    CLI::App* rl = app.add_subcommand("runs", "List stored runs, newest first");
    rl->add_option("dataset", ra->first, "Only this dataset's runs");
    rl->add_flag("--json", ra->second, "Print JSON");
    rl->callback([&ctx, ra] {
        RunStore runs(ctx.store());
        auto all = runs.list(ra->first);
        if (ra->second) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto& r : all) {
                nlohmann::json flat = nlohmann::json::object();
                for (auto& [k, v] : r.metrics.items())
                    if (v.is_number())
                        flat[k] = v;
                j.push_back({{"id", r.id}, {"dataset", r.dataset}, {"split", r.splitName},
                             {"kind", r.kind}, {"model", r.model}, {"name", r.name},
                             {"status", r.status}, {"created", r.createdAt},
                             {"params", r.params}, {"metrics", flat}, {"timings", r.timings},
                             {"notes", r.notes}});
            }
            std::cout << j.dump(2) << "\n";
            return;
        }
        std::printf("%5s  %-16s %-6s %-8s %-10s %9s %9s  %s\n", "ID", "DATASET", "KIND", "MODEL",
                    "STATUS", "HR@20", "MRR@20", "CREATED");
        for (const auto& r : all) {
            auto num = [&](const char* k) {
                return r.metrics.contains(k) && r.metrics[k].is_number() ? r.metrics[k].get<double>()
                                                                          : -1.0;
            };
            std::printf("%5lld  %-16s %-6s %-8s %-10s %9.4f %9.4f  %s\n", (long long)r.id,
                        r.dataset.c_str(), r.kind.c_str(), r.model.c_str(), r.status.c_str(),
                        num("HitRate@20"), num("MRR@20"), r.createdAt.c_str());
        }
    });

    struct CompareArgs {
        std::int64_t a = 0, b = 0;
        int samples = 1000;
        bool json = false;
    };
    auto ca = std::make_shared<CompareArgs>();
    CLI::App* cmp = app.add_subcommand(
        "compare", "Two runs side by side: differences, paired bootstrap intervals, p-values");
    cmp->add_option("run_a", ca->a, "First run id")->required();
    cmp->add_option("run_b", ca->b, "Second run id")->required();
    cmp->add_option("--samples", ca->samples, "Resamples")->capture_default_str();
    cmp->add_flag("--json", ca->json, "Print JSON");
    cmp->callback([&ctx, ca] {
        RunStore runs(ctx.store());
        RunRecord a = runs.get(ca->a), b = runs.get(ca->b);
        if (a.dataHash.empty() || a.dataHash != b.dataHash)
            throw UsageError("runs " + std::to_string(a.id) + " and " + std::to_string(b.id) +
                             " were not evaluated on the same data and split");
        auto pa = runs.perSession(a.id), pb = runs.perSession(b.id);
        if (!pa || !pb)
            throw UsageError("both runs need stored per-session values (evaluation runs have them)");
        PairedComparison c = comparePaired(perSessionFromJson(*pa), perSessionFromJson(*pb),
                                           ca->samples);
        nlohmann::json j = toJson(c);
        j["run_a"] = a.id;
        j["run_b"] = b.id;
        if (ca->json) {
            std::cout << j.dump(2) << "\n";
            return;
        }
        std::printf("run %lld (%s) vs run %lld (%s), %llu sessions, paired tests\n",
                    (long long)a.id, a.model.c_str(), (long long)b.id, b.model.c_str(),
                    (unsigned long long)c.sessions);
        std::printf("%-14s %9s %9s %10s %22s %8s\n", "METRIC", "A", "B", "A-B", "95% INTERVAL",
                    "P");
        for (const auto& d : c.metrics)
            std::printf("%-14s %9.4f %9.4f %+10.4f   [%+8.4f, %+8.4f] %8.4f%s\n",
                        d.metric.c_str(), d.a, d.b, d.difference, d.interval.low,
                        d.interval.high, d.pValue, d.pValue < 0.05 ? " *" : "");
    });
}

} // namespace srw::cli
