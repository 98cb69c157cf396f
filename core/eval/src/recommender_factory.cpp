#include "srw/eval/recommender_factory.h"

#include "baselines.h"
#include "srw/util/error.h"

namespace srw {
namespace {

struct Entry {
    const char* name;
    std::vector<ParamSpec> (*params)();
    std::unique_ptr<Recommender> (*make)(const ParamMap&);
};

const std::vector<Entry>& registry() {
    static const std::vector<Entry> entries{
        {"pop", popParams, makePop},
        {"spop", sessionPopParams, makeSessionPop},
        {"iknn", itemKnnParams, makeItemKnn},
        {"sr", sequentialRulesParams, makeSequentialRules},
        {"ar", associationRulesParams, makeAssociationRules},
        {"sknn", sessionKnnParams, makeSessionKnn},
        {"vsknn", vectorSessionKnnParams, makeVectorSessionKnn},
    };
    return entries;
}

const Entry& find(const std::string& model) {
    for (const auto& e : registry())
        if (model == e.name)
            return e;
    std::string valid;
    for (const auto& e : registry())
        valid += (valid.empty() ? "" : ", ") + std::string(e.name);
    throw UsageError("unknown model '" + model + "'; valid models: " + valid);
}

} // namespace

std::vector<std::string> recommenderNames() {
    std::vector<std::string> names;
    for (const auto& e : registry())
        names.emplace_back(e.name);
    return names;
}

std::vector<ParamSpec> recommenderParams(const std::string& model) { return find(model).params(); }

std::unique_ptr<Recommender> createRecommender(const std::string& model, const ParamMap& params) {
    return find(model).make(params);
}

} // namespace srw
