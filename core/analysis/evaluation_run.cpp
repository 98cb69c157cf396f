#include "srw/analysis/evaluation_run.h"

#include "srw/analysis/cold_start.h"

#include "srw/eval/eval_json.h"
#include "srw/eval/recommender_factory.h"
#include "srw/util/error.h"

namespace srw {

nlohmann::json recordEvaluation(RunStore& runs, std::int64_t run, const EvalResult& result,
                                const SessionCorpus& corpus, const EvalOptions& options,
                                const nlohmann::json& extraParams) {
    nlohmann::json full = toJson(result);
    for (auto& [key, value] : extraParams.items())
        full["params"][key] = value;
    // The cold-start slice beside the main figures, for every model (baselines included).
    const nlohmann::json cold = coldStartSliceSummary(full["slices"], options.rareTargetMaxCount);
    if (!cold.is_null())
        full["cold_start_slice"] = cold;
    runs.updateParams(run, full["params"]);
    runs.setProtocol(run, full["protocol"]);
    runs.setPerSession(run, toJson(result.perSession));
    if (!result.topLists.empty()) {
        std::vector<StoredRecommendation> recs;
        for (const auto& p : result.topLists)
            for (std::size_t i = 0; i < p.top.size(); ++i)
                recs.push_back({p.sessionId, int(p.position), int(i + 1),
                                corpus.itemIds[std::size_t(p.top[i])], 0.0});
        runs.storeRecommendations(run, recs);
    }
    runs.finish(run, "finished", full,
                {{"fit_s", result.fitSeconds},
                 {"eval_s", result.evalSeconds},
                 {"threads", result.threads}});
    return full;
}

EvaluationOutcome evaluateAndRecord(SessionStore& store, const EvaluationRequest& req) {
    auto model = createRecommender(req.model, req.params);
    const SplitRef split = findSplit(store, req.dataset, req.split);
    const SessionCorpus corpus = loadCorpus(store, req.dataset, split.name);
    RunStore runs(store);
    RunRecord rec;
    rec.datasetId = store.requireDataset(req.dataset);
    rec.splitId = split.id;
    rec.groupId = req.groupId;
    rec.name = req.runName;
    rec.kind = req.kind;
    rec.model = req.model;
    rec.dataHash = corpusContentHash(corpus);
    rec.environment = {{"threads", req.options.threads}};
    EvaluationOutcome out;
    out.run = runs.create(rec);
    try {
        out.result = fitAndEvaluate(*model, corpus, EvalPart::Test, req.options);
    } catch (const Cancelled&) {
        runs.setStatus(out.run, "cancelled");
        throw;
    } catch (...) {
        runs.setStatus(out.run, "failed");
        throw;
    }
    recordEvaluation(runs, out.run, out.result, corpus, req.options);
    return out;
}

} // namespace srw
