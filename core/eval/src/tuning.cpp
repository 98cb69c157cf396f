#include "srw/eval/tuning.h"

#include "srw/eval/evaluator.h"
#include "srw/eval/recommender_factory.h"
#include "srw/util/error.h"

#include <random>
#include <set>

namespace srw {

std::pair<std::string, std::vector<std::string>> parseGridSpec(const std::string& spec) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
        throw UsageError("bad grid '" + spec + "': expected name=value1,value2,...");
    std::vector<std::string> values;
    std::string current;
    for (std::size_t i = eq + 1; i <= spec.size(); ++i) {
        if (i == spec.size() || spec[i] == ',') {
            if (current.empty())
                throw UsageError("bad grid '" + spec + "': empty value");
            values.push_back(current);
            current.clear();
        } else {
            current += spec[i];
        }
    }
    return {spec.substr(0, eq), values};
}

TuneResult tune(const std::string& model, const SessionCorpus& corpus,
                const TuneOptions& options) {
    if (corpus.valid.empty())
        throw UsageError("tuning needs a validation part; the dataset's is empty");
    std::vector<std::pair<std::string, std::vector<std::string>>> axes(options.grid.begin(),
                                                                       options.grid.end());
    std::size_t combinations = 1;
    for (const auto& [name, values] : axes) {
        if (values.empty())
            throw UsageError("grid parameter " + name + " has no values");
        combinations *= values.size();
    }
    // Every combination as a mixed-radix number; random search draws distinct ones.
    std::vector<std::size_t> picks;
    if (options.random && static_cast<std::size_t>(options.samples) < combinations) {
        std::mt19937_64 rng(options.eval.seed);
        std::uniform_int_distribution<std::size_t> pick(0, combinations - 1);
        std::set<std::size_t> seen;
        while (picks.size() < static_cast<std::size_t>(std::max(options.samples, 1))) {
            const std::size_t c = pick(rng);
            if (seen.insert(c).second)
                picks.push_back(c);
        }
    } else {
        for (std::size_t c = 0; c < combinations; ++c)
            picks.push_back(c);
    }

    EvalOptions eval = options.eval;
    eval.bootstrapSamples = 0;
    TuneResult result;
    result.model = model;
    result.metric = options.metric;
    for (std::size_t c : picks) {
        ParamMap params = options.fixed;
        std::size_t rest = c;
        for (const auto& [name, values] : axes) {
            params[name] = values[rest % values.size()];
            rest /= values.size();
        }
        auto recommender = createRecommender(model, params);
        const EvalResult r = fitAndEvaluate(*recommender, corpus, EvalPart::Valid, eval);
        const auto it = r.metrics.find(options.metric);
        if (it == r.metrics.end())
            throw UsageError("unknown tuning metric '" + options.metric +
                             "'; use a key such as MRR@20 or HitRate@10 with an evaluated cut-off");
        TuneTrial trial;
        trial.params = params;
        trial.value = it->second;
        trial.metrics = r.metrics;
        result.trials.push_back(std::move(trial));
        if (result.trials.back().value > result.trials[result.best].value)
            result.best = result.trials.size() - 1;
    }
    return result;
}

} // namespace srw
