// Analyses of a trained model over the test part (srw-ml only): sweep, bandit, coldstart. The
// work is in core/analysis and core/model/analysis; this file parses, prints and stores.
#include "analysis_support.h"

#include "cli_context.h"

#include "srw/analysis/alpha_sweep.h"
#include "srw/analysis/bandit_replay.h"
#include "srw/analysis/cold_start.h"
#include "srw/analysis/evaluation_run.h"
#include "srw/analysis/recommend_explain.h"
#include "srw/analysis/similarity_matrix.h"
#include "srw/data/corpus_loader.h"
#include "srw/data/item_texts.h"
#include "srw/data/run_store.h"
#include "srw/eval/eval_json.h"
#include "srw/eval/evaluator.h"
#include "srw/eval/recommender_factory.h"
#include "srw/model/bert_mlp_trainer.h"
#include "srw/model/model_analysis.h"
#include "srw/util/atomic_file.h"
#include "srw/util/error.h"
#include "srw/util/file_util.h"
#include "srw/util/text_utils.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <unordered_map>

namespace srw::cli {
namespace {

using namespace analysis;

// ---- sweep ----------------------------------------------------------------------------------

struct SweepArgs {
    std::string dataset, model, alphas, name, cutoffs = "1,5,10,20";
    int bootstrap = 1000;
    std::uint64_t seed = 42;
    bool json = false;
};

void runSweep(CliContext& ctx, const SweepArgs& a) {
    SessionStore& store = ctx.store();
    LoadedModel m = loadModel(ctx, a.dataset, a.model, {}, {});
    BertMlpRecommender& bert = requireBert(m, "sweep");
    if (bert.params().at("blend") != "probability")
        throw UsageError("the sweep blends the parts' probabilities; this model uses the rank blend");
    SweepOptions so;
    if (!a.alphas.empty())
        so.alphas = parseAlphaList(a.alphas);
    so.eval.cutoffs.clear();
    for (const auto& p : split(a.cutoffs, ',')) {
        long long k = 0;
        if (!parseInt64(trim(p), k) || k < 1)
            throw UsageError("--k takes cut-offs like 1,5,10,20");
        so.eval.cutoffs.push_back(int(k));
    }
    so.eval.bootstrapSamples = a.bootstrap;
    so.eval.seed = a.seed;
    so.eval.threads = ctx.effectiveThreads();
    so.eval.lastPositionOnly = m.corpus.leaveLastOut;
    so.eval.progress = ctx.progress("sweep");
    ParamMap base = bert.params();
    const SweepResult r = sweepAlpha("bert-mlp", base, modelBlendParts(bert), m.fitData,
                                     m.corpus.test, m.corpus.numItems, so);
    ctx.endProgress();

    RunStore runs(store);
    const std::int64_t group = runs.newGroupId();
    nlohmann::json points = nlohmann::json::array();
    for (const auto& p : r.points) {
        RunRecord rec = newRun(store, a.dataset, m, "sweep", a.name);
        rec.groupId = group;
        rec.environment = {{"threads", so.eval.threads}};
        const std::int64_t id = runs.create(rec);
        recordEvaluation(runs, id, p.result, m.corpus, so.eval);
        nlohmann::json params = toJson(p.result)["params"];
        params["alpha"] = p.alpha; // numeric: the report charts the group as an α sweep
        if (m.trainRun > 0)
            params["train_run"] = m.trainRun;
        runs.updateParams(id, params);
        points.push_back({{"run", id}, {"alpha", p.alpha}, {"metrics", p.result.metrics}});
    }
    nlohmann::json best = nlohmann::json::object();
    for (const auto& [key, v] : bestAlphas(r))
        best[key] = {{"alpha", v.first}, {"value", v.second}};
    if (a.json) {
        nlohmann::json out = {{"group", group}, {"train_run", m.trainRun}, {"points", points},
                              {"best", best}, {"seconds", r.seconds},
                              {"parts_computed", r.partsComputed}, {"parts_reused", r.partsReused}};
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::printf("α sweep of run %lld: group %lld, %zu runs, %.1f s (parts computed %llu, reused %llu)\n",
                (long long)m.trainRun, (long long)group, r.points.size(), r.seconds,
                (unsigned long long)r.partsComputed, (unsigned long long)r.partsReused);
    std::printf("%6s %10s %10s %10s\n", "alpha", "HitRate@20", "MRR@20", "NDCG@20");
    for (const auto& p : r.points) {
        auto get = [&](const char* k) {
            auto it = p.result.metrics.find(k);
            return it == p.result.metrics.end() ? 0.0 : it->second;
        };
        std::printf("%6.2f %10.4f %10.4f %10.4f\n", p.alpha, get("HitRate@20"), get("MRR@20"),
                    get("NDCG@20"));
    }
    for (const char* k : {"HitRate@20", "MRR@20", "NDCG@20"})
        if (best.contains(k))
            std::printf("best α for %s: %g (%.4f)\n", k, best[k]["alpha"].get<double>(),
                        best[k]["value"].get<double>());
}

// ---- bandit ---------------------------------------------------------------------------------

struct BanditArgs {
    std::string dataset, model, alphas, name;
    int k = 20;
    bool noContext = false, json = false;
    std::uint64_t seed = 42;
};

nlohmann::json banditJson(const BanditResult& r) {
    return {{"alphas", r.alphas},
            {"predictions", r.predictions},
            {"bandit_reward", r.banditReward},
            {"fixed_reward", r.fixedReward},
            {"best_fixed_alpha", r.alphas.empty() ? 0.0 : r.alphas[r.bestFixed]},
            {"best_fixed_reward", r.fixedReward.empty() ? 0.0 : r.fixedReward[r.bestFixed]},
            {"uniform_reward", r.uniformReward},
            {"regret", r.regret},
            {"contexts", r.contextLabels},
            {"pulls", r.pulls},
            {"curve",
             {{"steps", r.curveSteps},
              {"bandit", r.curveBandit},
              {"best_fixed", r.curveBestFixed},
              {"uniform", r.curveUniform}}}};
}

void runBandit(CliContext& ctx, const BanditArgs& a) {
    SessionStore& store = ctx.store();
    LoadedModel m = loadModel(ctx, a.dataset, a.model, {}, {});
    BertMlpRecommender& bert = requireBert(m, "bandit");
    BanditOptions o;
    if (!a.alphas.empty())
        o.alphas = parseAlphaList(a.alphas);
    if (a.k < 1)
        throw UsageError("--k must be positive");
    o.k = a.k;
    if (a.noContext)
        o.contextBounds.clear();
    o.seed = a.seed;
    o.progress = ctx.progress("bandit");
    RunStore runs(store);
    RunRecord rec = newRun(store, a.dataset, m, "bandit", a.name);
    rec.params = {{"train_run", m.trainRun}, {"alphas", o.alphas}, {"k", o.k},
                  {"context_bounds", o.contextBounds}, {"seed", o.seed}};
    const std::int64_t id = runs.create(rec);
    const auto started = Clock::now();
    BanditResult r;
    try {
        r = replayBandit(m.corpus.test, m.catalogue, modelBlendParts(bert), o);
    } catch (const Cancelled&) {
        runs.setStatus(id, "cancelled");
        throw;
    } catch (...) {
        runs.setStatus(id, "failed");
        throw;
    }
    ctx.endProgress();
    nlohmann::json result = banditJson(r);
    runs.finish(id, "finished", {{"bandit", result}}, {{"replay_s", since(started)}});
    if (a.json) {
        std::cout << nlohmann::json{{"run", id}, {"bandit", result}}.dump(2) << "\n";
        return;
    }
    const double n = r.predictions ? double(r.predictions) : 1.0;
    std::printf("bandit replay (run %lld): %llu predictions, reward = next item in the top %d\n",
                (long long)id, (unsigned long long)r.predictions, o.k);
    std::printf("  bandit         %10.0f  (%.4f per prediction)\n", r.banditReward, r.banditReward / n);
    std::printf("  uniform α      %10.1f  (%.4f)\n", r.uniformReward, r.uniformReward / n);
    for (std::size_t i = 0; i < r.alphas.size(); ++i)
        std::printf("  fixed α=%-5g  %10.0f  (%.4f)  regret %+.0f%s\n", r.alphas[i],
                    r.fixedReward[i], r.fixedReward[i] / n, r.fixedReward[i] - r.banditReward,
                    i == r.bestFixed ? "  <- best in hindsight" : "");
    std::printf("  regret against the best fixed α: %.0f\n", r.regret);
}

// ---- coldstart ------------------------------------------------------------------------------

struct ColdArgs {
    std::string dataset, model, modelDir, name;
    long long maxTrainCount = 10;
    bool json = false;
};

void runColdStart(CliContext& ctx, const ColdArgs& a) {
    SessionStore& store = ctx.store();
    LoadedModel m = loadModel(ctx, a.dataset, a.model, a.modelDir, {});
    ColdStartOptions o;
    o.maxTrainCount = a.maxTrainCount;
    o.lastPositionOnly = m.corpus.leaveLastOut;
    // The catalogue is extended to every item with a text: text can score them, CF cannot.
    o.extraCatalogue.assign(std::size_t(m.corpus.numItems), 0);
    std::unordered_map<std::int64_t, bool> hasText;
    for (const auto& t : loadItemTexts(store, a.dataset))
        hasText[t.itemId] = t.hasText;
    for (std::size_t i = 0; i < m.corpus.itemIds.size(); ++i)
        o.extraCatalogue[i] = hasText[m.corpus.itemIds[i]] ? 1 : 0;
    o.progress = ctx.progress("coldstart");
    const auto started = Clock::now();
    const ColdStartResult r =
        evaluateColdStart(*m.model, m.fitData, m.corpus.test, m.corpus.numItems, o);
    ctx.endProgress();
    nlohmann::json j = {{"max_train_count", r.maxTrainCount},
                        {"catalogue_size", r.catalogueSize},
                        {"added_items", r.addedItems},
                        {"predictions", r.predictions},
                        {"unseen_predictions", r.unseenPredictions},
                        {"unscorable", r.unscorable},
                        {"metrics", r.metrics},
                        {"unseen_metrics", r.unseenMetrics},
                        {"rare_metrics", r.rareMetrics},
                        {"seconds", since(started)},
                        {"note", m.bert ? "unseen items are scored through their text (f); s_cf is 0 for them"
                                        : "this baseline scores items unseen in training 0; ties count against the target"}};
    RunStore runs(store);
    long long id = 0;
    std::int64_t run = 0;
    if (a.modelDir.empty() && parseInt64(a.model, id)) {
        // Stored next to the main figures of the run it evaluates.
        RunRecord rec = runs.get(id);
        nlohmann::json metrics = rec.metrics;
        metrics["cold_start"] = j;
        runs.finish(id, rec.status, metrics, rec.timings);
        run = id;
    } else {
        RunRecord rec = newRun(store, a.dataset, m, "coldstart", a.name);
        rec.params = nlohmann::json::object();
        for (auto& [k, v] : m.model->params())
            rec.params[k] = v;
        run = runs.create(rec);
        runs.finish(run, "finished", {{"cold_start", j}}, {{"coldstart_s", since(started)}});
    }
    if (a.json) {
        std::cout << nlohmann::json{{"run", run}, {"cold_start", j}}.dump(2) << "\n";
        return;
    }
    std::printf("cold start of %s (stored in run %lld): targets with at most %lld training events\n",
                m.modelName.c_str(), (long long)run, a.maxTrainCount);
    std::printf("  catalogue %llu items (%llu added for their text), %llu predictions (%llu unseen), %llu unscorable\n",
                (unsigned long long)r.catalogueSize, (unsigned long long)r.addedItems,
                (unsigned long long)r.predictions, (unsigned long long)r.unseenPredictions,
                (unsigned long long)r.unscorable);
    for (const char* k : {"HitRate@20", "MRR@20"})
        std::printf("  %-10s all %.4f   unseen %.4f   rare %.4f\n", k, r.metrics.at(k),
                    r.unseenMetrics.at(k), r.rareMetrics.at(k));
    std::printf("  note: %s\n", j["note"].get<std::string>().c_str());
}

} // namespace

void addAnalysisCommands(CLI::App& app, CliContext& ctx) {
    auto sw = std::make_shared<SweepArgs>();
    CLI::App* s = app.add_subcommand(
        "sweep", "Evaluate a trained bert-mlp model over an α grid without retraining; stores one "
                 "run group (kind sweep) and reports the best α per metric");
    s->add_option("dataset", sw->dataset, "Dataset name")->required();
    s->add_option("--model", sw->model, "Trained bert-mlp run id")->required();
    s->add_option("--alphas", sw->alphas, "α values: 0,0.25,1 or start:stop:step (default 0:1:0.1)");
    s->add_option("--k", sw->cutoffs, "Cut-offs of every metric@K")->capture_default_str();
    s->add_option("--bootstrap", sw->bootstrap, "Bootstrap resamples per α (0: none)")->capture_default_str();
    s->add_option("--seed", sw->seed, "Seed of the bootstrap")->capture_default_str();
    s->add_option("--name", sw->name, "Name of the runs");
    s->add_flag("--json", sw->json, "Print one JSON object");
    s->callback([&ctx, sw] { runSweep(ctx, *sw); });

    auto ba = std::make_shared<BanditArgs>();
    CLI::App* b = app.add_subcommand(
        "bandit", "Replay the test stream in time order with a Beta-Thompson bandit choosing α per "
                  "prediction; reward and regret against every fixed α (stored as kind bandit)");
    b->add_option("dataset", ba->dataset, "Dataset name")->required();
    b->add_option("--model", ba->model, "Trained bert-mlp run id")->required();
    b->add_option("--k", ba->k, "Reward: the next item is in the top K")->capture_default_str();
    b->add_option("--alphas", ba->alphas, "The arms: α values (default 0:1:0.1)");
    b->add_flag("--no-context", ba->noContext, "One context instead of session-length buckets");
    b->add_option("--seed", ba->seed, "Seed of the sampling")->capture_default_str();
    b->add_option("--name", ba->name, "Name of the run");
    b->add_flag("--json", ba->json, "Print one JSON object");
    b->callback([&ctx, ba] { runBandit(ctx, *ba); });

    auto ca = std::make_shared<ColdArgs>();
    CLI::App* c = app.add_subcommand(
        "coldstart", "Evaluate the targets new or rare in training, with the catalogue extended to "
                     "every item with a text; stored in the run's metrics (cold_start)");
    c->add_option("dataset", ca->dataset, "Dataset name")->required();
    c->add_option("--model", ca->model, "A run id (bert-mlp or a baseline's) or a baseline name");
    c->add_option("--model-dir", ca->modelDir, "A folder written by srw export model");
    c->add_option("--max-train-count", ca->maxTrainCount,
                  "Targets with at most this many training events (0: unseen only)")->capture_default_str();
    c->add_option("--name", ca->name, "Name of the run (baseline names)");
    c->add_flag("--json", ca->json, "Print one JSON object");
    c->callback([&ctx, ca] { runColdStart(ctx, *ca); });
}

} // namespace srw::cli
