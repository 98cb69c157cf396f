#pragma once
#include "srw/eval/recommender_factory.h"

#include <memory>
#include <vector>

// Factories of the baselines, one pair per model; recommender_factory.cpp dispatches by name.
// Each model follows the definitions of session-rec (Ludewig & Jannach, github.com/rn5l/session-rec,
// algorithms/baselines and algorithms/knn), re-implemented on flat arrays.
namespace srw {

std::vector<ParamSpec> popParams();
std::unique_ptr<Recommender> makePop(const ParamMap& params);
std::vector<ParamSpec> sessionPopParams();
std::unique_ptr<Recommender> makeSessionPop(const ParamMap& params);
std::vector<ParamSpec> itemKnnParams();
std::unique_ptr<Recommender> makeItemKnn(const ParamMap& params);
std::vector<ParamSpec> sequentialRulesParams();
std::unique_ptr<Recommender> makeSequentialRules(const ParamMap& params);
std::vector<ParamSpec> associationRulesParams();
std::unique_ptr<Recommender> makeAssociationRules(const ParamMap& params);
std::vector<ParamSpec> sessionKnnParams();
std::unique_ptr<Recommender> makeSessionKnn(const ParamMap& params);
std::vector<ParamSpec> vectorSessionKnnParams();
std::unique_ptr<Recommender> makeVectorSessionKnn(const ParamMap& params);

} // namespace srw
