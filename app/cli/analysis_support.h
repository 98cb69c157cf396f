#pragma once
// Shared by the srw-ml analysis commands (commands_analysis.cpp, commands_recommend.cpp): loading
// a model of any kind with the data it was fitted on, and small parsing/printing helpers.
#include "cli_context.h"

#include "srw/analysis/recommend_explain.h"
#include "srw/data/corpus_loader.h"
#include "srw/data/run_store.h"
#include "srw/eval/recommender.h"
#include "srw/model/bert_mlp_recommender.h"

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace srw::cli::analysis {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t);

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

ParamMap storedParams(const RunRecord& run);
/** --model RUN_ID (bert-mlp or a stored baseline run), a baseline name, or --model-dir DIR. */
LoadedModel loadModel(CliContext& ctx, const std::string& dataset, const std::string& spec,
                      const std::string& modelDir, const ParamMap& overrides, bool fit = true);
BertMlpRecommender& requireBert(const LoadedModel& m, const char* what);
std::vector<std::int32_t> parseItems(const SessionCorpus& c, const std::string& text);
std::vector<std::string> denseTexts(SessionStore& store, const std::string& dataset,
                                    const SessionCorpus& c);
nlohmann::json nearJson(const std::vector<NearItem>& near, const SessionCorpus& c);
std::string csvField(const std::string& s);
RunRecord newRun(SessionStore& store, const std::string& dataset, const LoadedModel& m,
                 const std::string& kind, const std::string& name);

} // namespace srw::cli::analysis
