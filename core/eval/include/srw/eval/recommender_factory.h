#pragma once
#include "srw/eval/recommender.h"

#include <memory>
#include <string>
#include <vector>

namespace srw {

/** @brief One settable parameter of a model: its session-rec name, default and meaning. */
struct ParamSpec {
    std::string name;
    std::string defaultValue; ///< as text; "none" for session-rec's None
    std::string help;
};

/** @brief The baseline names createRecommender() knows: pop spop iknn sr ar sknn vsknn. */
std::vector<std::string> recommenderNames();

/** @brief The parameters of a baseline; throws UsageError for an unknown model name. */
std::vector<ParamSpec> recommenderParams(const std::string& model);

/**
 * @brief Creates an unfitted baseline by name with session-rec's parameter names and defaults.
 *
 * Unknown model or parameter names and bad values throw UsageError naming the valid choices.
 */
std::unique_ptr<Recommender> createRecommender(const std::string& model, const ParamMap& params);

} // namespace srw
