// Analyses of a trained model (srw-ml only): sweep, bandit, coldstart, recommend, similarity,
// export model. The work is in core/analysis and core/model/analysis; this file parses,
// prints and stores.
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

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

/** A fitted model of any kind with the data it was fitted on. */
struct LoadedModel {
    std::unique_ptr<Recommender> model;
    BertMlpRecommender* bert = nullptr; ///< set for bert-mlp models
    std::string modelName;
    std::int64_t trainRun = 0;
    std::string split;
    SessionCorpus corpus;
    std::vector<SessionSequence> fitData; ///< train + valid, as `srw eval` fits
    std::vector<std::uint8_t> catalogue;  ///< items with an event in fitData
};

ParamMap storedParams(const RunRecord& run) {
    ParamMap out;
    for (auto& [k, v] : run.params.items())
        out[k] = v.is_string() ? v.get<std::string>() : v.dump();
    return out;
}

/** --model RUN_ID (bert-mlp or a stored baseline run), a baseline name, or --model-dir DIR. */
LoadedModel loadModel(CliContext& ctx, const std::string& dataset, const std::string& spec,
                      const std::string& modelDir, const ParamMap& overrides, bool fit = true) {
    SessionStore& store = ctx.store();
    RunStore runs(store);
    LoadedModel m;
    long long id = 0;
    if (!modelDir.empty()) {
        auto b = loadModelDir(store, dataset, modelDir, overrides);
        m.bert = b.get();
        m.model = std::move(b);
        m.modelName = "bert-mlp";
    } else if (parseInt64(spec, id)) {
        RunRecord run = runs.get(id);
        m.split = run.splitName;
        if (run.model == "bert-mlp") {
            m.trainRun = run.kind == "train" ? run.id : run.params.value("train_run", std::int64_t(0));
            auto b = loadTrainedModel(store, id, overrides);
            m.bert = b.get();
            m.model = std::move(b);
        } else {
            if (overrides.count("alpha"))
                throw UsageError("--alpha is for bert-mlp models");
            m.model = createRecommender(run.model, storedParams(run));
        }
        m.modelName = run.model;
    } else if (!spec.empty()) {
        if (overrides.count("alpha"))
            throw UsageError("--alpha is for bert-mlp models");
        m.model = createRecommender(spec, {});
        m.modelName = spec;
    } else {
        throw UsageError("name the model: --model RUN_ID|BASELINE or --model-dir DIR");
    }
    m.corpus = loadCorpus(store, dataset, m.split);
    m.fitData = fitSessions(m.corpus, EvalPart::Test);
    m.catalogue.assign(std::size_t(m.corpus.numItems), 0);
    for (const auto& s : m.fitData)
        for (auto i : s.items)
            m.catalogue[std::size_t(i)] = 1;
    if (fit) {
        auto bar = ctx.progress("fit");
        if (bar)
            bar(Progress{"fitting", 0, 0, m.modelName});
        m.model->fit(m.fitData, m.corpus.numItems);
        ctx.endProgress();
    }
    return m;
}

BertMlpRecommender& requireBert(const LoadedModel& m, const char* what) {
    if (!m.bert)
        throw UsageError(std::string(what) + " needs a trained bert-mlp model (--model RUN_ID)");
    return *m.bert;
}

std::vector<std::int32_t> parseItems(const SessionCorpus& c, const std::string& text) {
    std::unordered_map<std::string, std::int32_t> index;
    for (std::size_t i = 0; i < c.itemExternalIds.size(); ++i)
        index.emplace(c.itemExternalIds[i], std::int32_t(i));
    std::vector<std::int32_t> out;
    for (const auto& p : split(text, ',')) {
        const std::string id(trim(p));
        if (id.empty())
            continue;
        auto it = index.find(id);
        if (it == index.end())
            throw UsageError("unknown item " + quoteForMessage(id));
        out.push_back(it->second);
    }
    if (out.empty())
        throw UsageError("--items takes external item ids: ID,ID,…");
    return out;
}

std::vector<std::string> denseTexts(SessionStore& store, const std::string& dataset,
                                    const SessionCorpus& c) {
    std::unordered_map<std::int64_t, std::string> byId;
    for (auto& t : loadItemTexts(store, dataset))
        byId.emplace(t.itemId, std::move(t.text));
    std::vector<std::string> out;
    for (auto id : c.itemIds) {
        auto it = byId.find(id);
        out.push_back(it == byId.end() ? std::string() : it->second);
    }
    return out;
}

nlohmann::json nearJson(const std::vector<NearItem>& near, const SessionCorpus& c) {
    auto out = nlohmann::json::array();
    for (const auto& n : near)
        out.push_back({{"item", c.itemExternalIds[std::size_t(n.item)]}, {"similarity", n.similarity}});
    return out;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

RunRecord newRun(SessionStore& store, const std::string& dataset, const LoadedModel& m,
                 const std::string& kind, const std::string& name) {
    RunRecord rec;
    rec.datasetId = store.requireDataset(dataset);
    rec.splitId = findSplit(store, dataset, m.split).id;
    rec.kind = kind;
    rec.model = m.modelName;
    rec.name = name;
    rec.dataHash = corpusContentHash(m.corpus);
    return rec;
}

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

// ---- recommend ------------------------------------------------------------------------------

struct RecommendArgs {
    std::string dataset, model, modelDir, items, alpha, part, csv;
    int k = 20;
    bool json = false;
};

void runRecommend(CliContext& ctx, const RecommendArgs& a) {
    SessionStore& store = ctx.store();
    ParamMap overrides;
    if (!a.alpha.empty())
        overrides["alpha"] = a.alpha;
    LoadedModel m = loadModel(ctx, a.dataset, a.model, a.modelDir, overrides);
    if (a.k < 1)
        throw UsageError("--k must be positive");
    if (!a.part.empty()) {
        // Batch: the next items after every session of a part, streamed to CSV.
        if (a.csv.empty())
            throw UsageError("--part needs --csv OUT");
        const auto& sessions = a.part == "test"    ? m.corpus.test
                               : a.part == "valid" ? m.corpus.valid
                               : a.part == "train" ? m.corpus.train
                                                   : throw UsageError("--part is train, valid or test");
        const std::string tmp = a.csv + ".partial";
        std::ofstream out(tmp, std::ios::binary);
        if (!out)
            throw UsageError("cannot write " + a.csv);
        out << "session_id,rank,item_id,score\n";
        auto bar = ctx.progress("recommend");
        const auto started = Clock::now();
        for (std::size_t i = 0; i < sessions.size(); ++i) {
            const auto recs = recommendTop(*m.model, sessions[i].items, m.catalogue, std::size_t(a.k));
            for (const auto& r : recs)
                out << sessions[i].sessionId << ',' << r.rank << ','
                    << csvField(m.corpus.itemExternalIds[std::size_t(r.item)]) << ',' << r.score
                    << '\n';
            if (bar && i % 64 == 0 && !bar(Progress{"sessions", i, sessions.size(), {}}))
                throw Cancelled();
        }
        out.close();
        if (!out)
            throw std::runtime_error("writing " + tmp + " failed");
        renameFile(tmp, a.csv);
        ctx.endProgress();
        std::printf("wrote %s (%zu sessions, %.1f ms per session)\n", a.csv.c_str(),
                    sessions.size(), 1000.0 * since(started) / double(std::max<std::size_t>(sessions.size(), 1)));
        return;
    }
    const auto prefix = parseItems(m.corpus, a.items);
    const auto started = Clock::now();
    auto recs = recommendTop(*m.model, prefix, m.catalogue, std::size_t(a.k));
    std::vector<float> vectors;
    if (m.bert)
        explainRecommendations(recs, prefix, modelExplainSources(*m.bert, vectors));
    const double ms = 1000.0 * since(started);
    const auto texts = denseTexts(store, a.dataset, m.corpus);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : recs) {
        nlohmann::json e = {{"rank", r.rank},
                            {"item", m.corpus.itemExternalIds[std::size_t(r.item)]},
                            {"text", texts[std::size_t(r.item)]},
                            {"p", r.score}};
        if (r.hasParts) {
            e["s_cf"] = r.cf;
            e["f"] = r.neural;
            e["nearest_cf"] = nearJson(r.nearestCf, m.corpus);
            e["nearest_text"] = nearJson(r.nearestText, m.corpus);
        }
        list.push_back(e);
    }
    if (a.json) {
        nlohmann::json out = {{"model", m.modelName}, {"latency_ms", ms}, {"recommendations", list}};
        if (m.bert)
            out["alpha"] = std::stod(m.bert->params().at("alpha"));
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::printf("top %zu of %s for %zu items (%.1f ms)\n", recs.size(), m.modelName.c_str(),
                prefix.size(), ms);
    for (const auto& e : list) {
        std::string title = e["text"].get<std::string>();
        if (title.size() > 50)
            title = title.substr(0, 47) + "...";
        std::printf("%3d %-12s p=%.4f", e["rank"].get<int>(), e["item"].get<std::string>().c_str(),
                    e["p"].get<double>());
        if (e.contains("s_cf"))
            std::printf(" s_cf=%.4f f=%.4f", e["s_cf"].get<double>(), e["f"].get<double>());
        std::printf("  %s\n", title.c_str());
        for (const char* key : {"nearest_cf", "nearest_text"})
            if (e.contains(key) && !e[key].empty()) {
                std::printf("      %s:", key + 8);
                for (const auto& n : e[key])
                    std::printf(" %s (%.3f)", n["item"].get<std::string>().c_str(),
                                n["similarity"].get<double>());
                std::printf("\n");
            }
    }
}

// ---- similarity -----------------------------------------------------------------------------

struct SimilarityArgs {
    std::string dataset, model, modelDir, kind = "blend", items, category, csv;
    int top = 50;
    double alpha = -1;
    double shrink = 0;
    bool json = false;
};

void runSimilarity(CliContext& ctx, const SimilarityArgs& a) {
    if (a.kind != "text" && a.kind != "cf" && a.kind != "blend")
        throw UsageError("--kind is text, cf or blend");
    const bool needModel = a.kind != "cf";
    LoadedModel m;
    if (needModel || !a.model.empty() || !a.modelDir.empty())
        m = loadModel(ctx, a.dataset, a.model, a.modelDir, {}, false);
    else {
        m.corpus = loadCorpus(ctx.store(), a.dataset);
        m.fitData = fitSessions(m.corpus, EvalPart::Test);
    }
    std::vector<std::int32_t> items;
    if (a.top < 1 || a.top > 5000)
        throw UsageError("--top takes 1 to 5000 items");
    if (!a.items.empty())
        items = parseItems(m.corpus, a.items);
    else if (!a.category.empty()) {
        items = categoryItems(ctx.store(), a.dataset, m.corpus, m.fitData, a.category,
                              std::size_t(a.top));
        if (items.empty())
            throw UsageError("no item of dataset '" + a.dataset + "' has the category " +
                             quoteForMessage(a.category));
    } else
        items = topPopularItems(m.fitData, m.corpus.numItems, std::size_t(a.top));
    const auto started = Clock::now();
    SimilarityMatrix result;
    SimilarityMatrix cf, text;
    if (a.kind != "text")
        cf = cfCosineMatrix(m.fitData, items, a.shrink);
    if (a.kind != "cf") {
        BertMlpRecommender& bert = requireBert(m, "a text or blend similarity");
        std::size_t dim = 0;
        const auto vectors = modelTextVectors(bert, dim);
        text = textCosineMatrix(vectors, dim, items);
    }
    if (a.kind == "cf")
        result = cf;
    else if (a.kind == "text")
        result = text;
    else {
        double alpha = a.alpha;
        if (alpha < 0)
            alpha = std::stod(m.bert->params().at("alpha"));
        result = blendMatrix(cf, text, alpha);
    }
    const double ms = 1000.0 * since(started);
    const std::size_t n = items.size();
    if (!a.csv.empty()) {
        std::string out = "item";
        for (auto i : items)
            out += "," + csvField(m.corpus.itemExternalIds[std::size_t(i)]);
        out += "\n";
        for (std::size_t r = 0; r < n; ++r) {
            out += csvField(m.corpus.itemExternalIds[std::size_t(items[r])]);
            for (std::size_t c = 0; c < n; ++c) {
                char buf[32];
                std::snprintf(buf, sizeof buf, ",%.6g", double(result.at(r, c)));
                out += buf;
            }
            out += "\n";
        }
        writeFileAtomically(a.csv, out);
    }
    if (a.json) {
        nlohmann::json ids = nlohmann::json::array();
        for (auto i : items)
            ids.push_back(m.corpus.itemExternalIds[std::size_t(i)]);
        nlohmann::json out = {{"kind", result.kind}, {"items", ids}, {"milliseconds", ms}};
        if (a.csv.empty())
            out["values"] = result.values;
        else
            out["csv"] = a.csv;
        std::cout << out.dump() << "\n";
        return;
    }
    std::printf("%s similarity of %zu items: %.1f ms%s%s\n", result.kind.c_str(), n, ms,
                a.csv.empty() ? "" : ", wrote ", a.csv.c_str());
    if (a.csv.empty()) {
        const std::size_t show = std::min<std::size_t>(n, 8);
        for (std::size_t r = 0; r < show; ++r) {
            std::printf("%-12s", m.corpus.itemExternalIds[std::size_t(items[r])].c_str());
            for (std::size_t c = 0; c < show; ++c)
                std::printf(" %6.3f", double(result.at(r, c)));
            std::printf("\n");
        }
        if (show < n)
            std::printf("(first %zu of %zu; --csv OUT or --json for all)\n", show, n);
    }
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

    auto ra = std::make_shared<RecommendArgs>();
    CLI::App* r = app.add_subcommand(
        "recommend", "Top K for an item sequence, with s_cf, f, p and the session items most "
                     "similar to each recommendation; or every session of a part to CSV");
    r->add_option("dataset", ra->dataset, "Dataset name")->required();
    r->add_option("--model", ra->model, "A run id (bert-mlp or a baseline's) or a baseline name");
    r->add_option("--model-dir", ra->modelDir, "A folder written by srw export model");
    r->add_option("--items", ra->items, "The session: external item ids, oldest first");
    r->add_option("--alpha", ra->alpha, "Re-rank a bert-mlp model with this α");
    r->add_option("--k", ra->k, "List length")->capture_default_str();
    r->add_option("--part", ra->part, "Batch: recommend after every session of train, valid or test");
    r->add_option("--csv", ra->csv, "Batch output: session_id,rank,item_id,score");
    r->add_flag("--json", ra->json, "Print one JSON object");
    r->callback([&ctx, ra] {
        if (ra->items.empty() == ra->part.empty())
            throw UsageError("recommend takes --items ID,… or --part PART --csv OUT");
        runRecommend(ctx, *ra);
    });

    auto sa = std::make_shared<SimilarityArgs>();
    CLI::App* si = app.add_subcommand(
        "similarity", "Item x item similarity (text cosine of the model's item vectors, CF cosine "
                      "of the training sessions, or their blend) for the top-N items, a category's "
                      "items or given items");
    si->add_option("dataset", sa->dataset, "Dataset name")->required();
    si->add_option("--model", sa->model, "Trained bert-mlp run id (text and blend)");
    si->add_option("--model-dir", sa->modelDir, "A folder written by srw export model");
    si->add_option("--top", sa->top, "The N most popular training items")->capture_default_str();
    auto* itemsOpt = si->add_option("--items", sa->items, "Explicit external item ids instead");
    si->add_option("--category", sa->category,
                   "The items of this category (exact match), most popular first, at most --top")
        ->excludes(itemsOpt);
    si->add_option("--kind", sa->kind, "text, cf or blend")->capture_default_str();
    si->add_option("--alpha", sa->alpha, "Blend weight of CF (default: the model's α)");
    si->add_option("--shrink", sa->shrink, "CF cosine shrink")->capture_default_str();
    si->add_option("--csv", sa->csv, "Write the matrix as CSV");
    si->add_flag("--json", sa->json, "Print one JSON object (the values unless --csv)");
    si->callback([&ctx, sa] { runSimilarity(ctx, *sa); });

    CLI::App* ex = nullptr;
    try {
        ex = app.get_subcommand("export");
    } catch (const CLI::OptionNotFound&) {
        ex = app.add_subcommand("export", "Export runs and models");
        ex->require_subcommand(1);
    }
    auto ea = std::make_shared<std::pair<std::int64_t, std::string>>();
    CLI::App* em = ex->add_subcommand(
        "model", "A trained bert-mlp model as a folder: model.json + model.safetensors (the "
                 "scorer), encoder/ (Hugging Face layout), items.json; load it with --model-dir");
    em->add_option("run", ea->first, "Trained bert-mlp run id")->required();
    em->add_option("--out", ea->second, "Output folder")->required();
    em->callback([&ctx, ea] {
        const auto files = exportTrainedModel(ctx.store(), ea->first, ea->second);
        std::printf("wrote %s (%zu files)\n", ea->second.c_str(), files.size());
    });
}

} // namespace srw::cli
