#pragma once
#include "srw/data/run_store.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace srw {

/**
 * @brief One CSV field after RFC 4180: quoted (with doubled quotes) when it holds a comma,
 * a quote, CR or LF, or starts or ends with a space; as is otherwise.
 */
std::string csvField(std::string_view value);
/** @brief The fields joined by commas and ended by CRLF, as RFC 4180 writes records. */
std::string csvRecord(const std::vector<std::string>& fields);

/**
 * @brief The runs' metrics, one record per run x metric x K:
 * run_id,run_name,dataset,split,model,metric,k,value,ci_low,ci_high (empty when no interval).
 * Counts (predictions) and metrics without a cut-off are left out.
 */
std::string runMetricsCsv(const std::vector<RunRecord>& runs);

/**
 * @brief [{id, name, dataset, split, kind, model, status, created, params, protocol,
 * metrics: {"MRR@20": v, …}, intervals: {"MRR@20": [lo, hi]}, counts, slices, notes}]
 */
nlohmann::json runMetricsJson(const std::vector<RunRecord>& runs);

/**
 * @brief Writes a run's stored top lists to path (atomically, built in memory first):
 * session,position,rank,item,title,score, where session is the session's external id (the
 * internal id when it has none), position the target's index, item the external item id.
 * Returns the number of records written (0 when the run stored none).
 */
std::size_t writeRecommendationsCsv(SessionStore& store, std::int64_t runId,
                                    const std::string& path);

/** @brief The same as a string (for tests and small runs). */
std::string recommendationsCsv(SessionStore& store, std::int64_t runId);

} // namespace srw
