#include "runs/baseline_runs.h"

#include "srw/data/corpus_loader.h"
#include "srw/data/database.h"
#include "srw/data/preparation.h"
#include "srw/data/run_store.h"
#include "srw/data/splitter.h"
#include "srw/eval/eval_json.h"
#include "srw/eval/evaluator.h"
#include "srw/eval/recommender_factory.h"

#include <thread>

namespace srw::ui {

std::vector<std::int64_t> makeBaselineRuns(SessionStore& store, const std::string& dataset,
                                           const std::vector<std::string>& models) {
    SplitRef split;
    try {
        split = findSplit(store, dataset, "");
    } catch (const std::exception&) {
        prepareDataset(store, dataset, PrepareOptions{}, false);
        splitDataset(store, dataset, SplitOptions{});
        split = findSplit(store, dataset, "");
    }
    const SessionCorpus corpus = loadCorpus(store, dataset, split.name);
    RunStore runs(store);
    std::vector<std::int64_t> ids;
    for (const auto& name : models) {
        auto model = createRecommender(name, {});
        EvalOptions o;
        o.keepTopLists = 10;
        o.threads = int(std::max(1u, std::thread::hardware_concurrency()));
        RunRecord r;
        r.datasetId = store.requireDataset(dataset);
        r.splitId = split.id;
        r.model = name;
        r.dataHash = corpusContentHash(corpus);
        const std::int64_t id = runs.create(r);
        const EvalResult result = fitAndEvaluate(*model, corpus, EvalPart::Test, o);
        const nlohmann::json full = toJson(result);
        runs.updateParams(id, full["params"]);
        // RunStore has no setter for the protocol; `srw eval` stores it the same way.
        store.db()
            .prepare("UPDATE runs SET protocol = ? WHERE id = ?")
            .bind(1, full["protocol"].dump())
            .bind(2, id)
            .run();
        runs.setPerSession(id, toJson(result.perSession));
        std::vector<StoredRecommendation> recs;
        for (const auto& p : result.topLists)
            for (std::size_t i = 0; i < p.top.size(); ++i)
                recs.push_back({p.sessionId, int(p.position), int(i + 1),
                                corpus.itemIds[std::size_t(p.top[i])], 0.0});
        runs.storeRecommendations(id, recs);
        runs.finish(id, "finished", full,
                    {{"fit_s", result.fitSeconds}, {"eval_s", result.evalSeconds}});
        ids.push_back(id);
    }
    return ids;
}

} // namespace srw::ui
