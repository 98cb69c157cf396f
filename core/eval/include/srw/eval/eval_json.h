#pragma once
#include "srw/eval/eval_result.h"
#include "srw/eval/statistics.h"
#include "srw/eval/tuning.h"

#include <nlohmann/json.hpp>

namespace srw {

/**
 * @brief The flat object `srw eval` prints: every "Metric@K" key plus "predictions".
 * The CLI adds "run".
 */
nlohmann::json metricsJson(const EvalResult& result);

/**
 * @brief The full result: metricsJson()'s keys at top level, plus "model", "params",
 * "protocol", "counts", "intervals" ({"MRR@20": [low, high]}), "tie_band", "slices", "timings".
 * Per-session values are left out (they can be large).
 */
nlohmann::json toJson(const EvalResult& result);

/**
 * @brief Per-session values as {"columns": [...], "session_ids": [...], "predictions": [...],
 * "sums": [[...], ...]} so a store can keep them and compare runs later.
 */
nlohmann::json toJson(const PerSessionValues& values);
/** @brief Reads toJson(PerSessionValues)'s shape back; throws UsageError on a bad shape. */
PerSessionValues perSessionFromJson(const nlohmann::json& j);

/** @brief {"sessions", "samples", "metrics": {"MRR@20": {a, b, difference, interval, p_value}}} */
nlohmann::json toJson(const PairedComparison& comparison);

/** @brief {"model", "metric", "best": {params, value}, "trials": [{params, value, metrics}]} */
nlohmann::json toJson(const TuneResult& result);

} // namespace srw
