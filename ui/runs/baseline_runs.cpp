#include "runs/baseline_runs.h"

#include "srw/analysis/evaluation_run.h"
#include "srw/data/corpus_loader.h"
#include "srw/data/preparation.h"
#include "srw/data/splitter.h"

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
    std::vector<std::int64_t> ids;
    for (const auto& name : models) {
        EvaluationRequest req;
        req.dataset = dataset;
        req.split = split.name;
        req.model = name;
        req.options.keepTopLists = 10;
        req.options.threads = int(std::max(1u, std::thread::hardware_concurrency()));
        ids.push_back(evaluateAndRecord(store, req).run);
    }
    return ids;
}

} // namespace srw::ui
