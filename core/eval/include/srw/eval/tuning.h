#pragma once
#include "srw/data/session_data.h"
#include "srw/eval/eval_options.h"
#include "srw/eval/eval_result.h"
#include "srw/eval/recommender.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace srw {

/** @brief A search over named parameters on the validation part. */
struct TuneOptions {
    std::map<std::string, std::vector<std::string>> grid; ///< name -> values to try
    ParamMap fixed;                  ///< parameters every trial shares
    bool random = false;             ///< sample combinations instead of trying them all
    int samples = 20;                ///< combinations tried when random
    std::string metric = "MRR@20";   ///< what "best" means (a key of EvalResult::metrics)
    EvalOptions eval;                ///< protocol of every trial (bootstrap is turned off)
};

/** @brief One tried combination. */
struct TuneTrial {
    ParamMap params; ///< fixed + grid values
    double value = 0;
    std::map<std::string, double> metrics;
};

struct TuneResult {
    std::string model;
    std::string metric;
    std::vector<TuneTrial> trials; ///< in the order tried
    std::size_t best = 0;          ///< index in trials (first of equals)
};

/** @brief Parses "k=50,100,200" into ("k", {"50","100","200"}); throws UsageError. */
std::pair<std::string, std::vector<std::string>> parseGridSpec(const std::string& spec);

/**
 * @brief Fits each combination on train and scores valid; keeps the best by options.metric.
 * Throws UsageError for an empty grid value list, an unknown metric or an empty valid part.
 */
TuneResult tune(const std::string& model, const SessionCorpus& corpus, const TuneOptions& options);

} // namespace srw
