#pragma once
// A small workspace with evaluated runs, built through core as `srw import/prepare/split/eval`
// would, with hostile item titles and names to check escaping. Shared by the report and UI tests.
#include "srw/analysis/evaluation_run.h"
#include "srw/data/corpus_loader.h"
#include "srw/data/formats/import_file.h"
#include "srw/data/preparation.h"
#include "srw/data/run_store.h"
#include "srw/data/splitter.h"
#include "srw/eval/eval_json.h"
#include "srw/eval/evaluator.h"
#include "srw/eval/recommender_factory.h"

#include <fstream>
#include <string>

namespace srw::test {

inline const std::string kHostileTitle = "<script>alert(\"x\")</script> & 'quoted', \"mug\"";
inline const std::string kHostileDataset = "shop \"<b>\" & <script>";

/** @brief Writes events (30 sessions of 2-5 clicks over 6 days) and a catalogue into dir. */
inline void writeShopFiles(const std::string& dir) {
    std::ofstream ev(dir + "/events.csv");
    ev << "session_id,item_id,timestamp\n";
    std::uint32_t x = 7;
    auto next = [&] { return x = x * 1103515245u + 12345u, (x >> 16) % 1000u; };
    for (int s = 0; s < 30; ++s) {
        const int len = 2 + int(next() % 4);
        for (int i = 0; i < len; ++i) // items 0..9, skewed so popularity means something
            ev << "s" << s << ",i" << (next() % 10) * (next() % 2) << ","
               << 1709251300 + s * 20000 + i * 60 << "\n";
    }
    std::ofstream it(dir + "/items.csv");
    it << "item_id,title\n";
    for (int i = 0; i < 10; ++i) {
        std::string title = i == 0   ? kHostileTitle
                            : i == 1 ? "陶瓷杯 Ceramic cup"
                                     : "Item " + std::to_string(i);
        std::string quoted;
        for (char c : title)
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        it << "i" << i << ",\"" << quoted << "\"\n";
    }
}

/** @brief Evaluates model on the dataset's active split and stores the run like `srw eval`. */
inline std::int64_t storeEvaluation(SessionStore& store, const std::string& dataset,
                                    const std::string& model, const std::string& runName,
                                    int storeTop = 5) {
    EvaluationRequest req;
    req.dataset = dataset;
    req.model = model;
    req.runName = runName;
    req.options.cutoffs = {1, 5, 10, 20};
    req.options.bootstrapSamples = 100;
    req.options.keepTopLists = std::size_t(storeTop);
    return evaluateAndRecord(store, req).run;
}

/** @brief The shop imported, prepared (no item threshold) and split leave-last-out. */
inline void buildShop(SessionStore& store, const std::string& dir, const std::string& dataset) {
    writeShopFiles(dir);
    importFile(store, dataset, dir + "/events.csv", "csv", {});
    importFile(store, dataset, dir + "/items.csv", "catalog", {});
    PrepareOptions prep;
    prep.minItemSupport = 1;
    prepareDataset(store, dataset, prep, false);
    SplitOptions split;
    split.method = "leave_last_out";
    splitDataset(store, dataset, split);
}

} // namespace srw::test
