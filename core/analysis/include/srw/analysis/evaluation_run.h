#pragma once
#include "srw/data/corpus_loader.h"
#include "srw/data/run_store.h"
#include "srw/eval/evaluator.h"

#include <optional>
#include <string>

namespace srw {

/**
 * @brief Stores a finished evaluation as a run: its parameters and protocol, the metrics with
 * intervals and the cold-start slice, per-session values (for paired tests), timings and, when
 * the result kept them, the top lists. The one place that decides how an evaluation becomes a
 * run, for the CLI, the GUI and analyses alike.
 * @param run         the run as created (RunStore::create) before the evaluation started
 * @param options     the protocol it ran with (the rare-target threshold of the cold-start slice)
 * @param extraParams merged into the stored parameters (e.g. the training run of a model)
 * @return the stored metrics JSON (toJson(result) plus "cold_start_slice" when there is one)
 */
nlohmann::json recordEvaluation(RunStore& runs, std::int64_t run, const EvalResult& result,
                                const SessionCorpus& corpus, const EvalOptions& options,
                                const nlohmann::json& extraParams = nlohmann::json::object());

/** @brief What to evaluate and how to label the run. */
struct EvaluationRequest {
    std::string dataset;
    std::string split;      ///< empty: the active split
    std::string model;      ///< a baseline name (see recommenderNames())
    ParamMap params;
    EvalOptions options;
    std::string runName;
    std::string kind = "eval";
    std::optional<std::int64_t> groupId;
};

struct EvaluationOutcome {
    std::int64_t run = 0;
    EvalResult result;
};

/**
 * @brief Loads the split, creates the run, fits and evaluates the model, and records it. A
 * failure or cancel marks the run failed or cancelled and rethrows.
 */
EvaluationOutcome evaluateAndRecord(SessionStore& store, const EvaluationRequest& request);

} // namespace srw
