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

namespace srw::cli::analysis {

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }


ParamMap storedParams(const RunRecord& run) {
    ParamMap out;
    for (auto& [k, v] : run.params.items())
        out[k] = v.is_string() ? v.get<std::string>() : v.dump();
    return out;
}

/** --model RUN_ID (bert-mlp or a stored baseline run), a baseline name, or --model-dir DIR. */
LoadedModel loadModel(CliContext& ctx, const std::string& dataset, const std::string& spec,
                      const std::string& modelDir, const ParamMap& overrides, bool fit) {
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

} // namespace srw::cli::analysis
