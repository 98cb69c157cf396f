#include "srw/eval/eval_json.h"

#include "srw/eval/evaluator.h"
#include "srw/util/error.h"

namespace srw {

nlohmann::json metricsJson(const EvalResult& r) {
    nlohmann::json j = nlohmann::json::object();
    // Metric by metric, each over the cut-offs, so a reader sees HitRate@1..@20 together.
    for (const auto& name : metricNames())
        for (int k : r.cutoffs) {
            const auto key = metricKey(name, k);
            const auto it = r.metrics.find(key);
            if (it != r.metrics.end())
                j[key] = it->second;
        }
    j["predictions"] = r.predictions;
    return j;
}

nlohmann::json toJson(const EvalResult& r) {
    nlohmann::json j = metricsJson(r);
    j["model"] = r.model;
    j["params"] = r.params;
    j["protocol"] = {
        {"cutoffs", r.cutoffs},
        {"exclude_session_items", r.excludeSessionItems},
        {"unseen_targets", toString(r.unseenPolicy)},
        {"remaining_items", r.remainingItems},
        {"last_position_only", r.lastPositionOnly},
        {"tie_break", "item index ascending"},
        {"ndcg", "gain 1/log2(rank+1), one relevant item (session-rec's NDCG differs)"},
        {"seed", r.seed},
    };
    j["counts"] = {
        {"sessions", r.sessions},
        {"scored_sessions", r.scoredSessions},
        {"predictions", r.predictions},
        {"unseen_targets", r.unseenTargets},
        {"dropped_targets", r.droppedTargets},
        {"excluded_targets", r.excludedTargets},
        {"catalogue_items", r.catalogueSize},
    };
    nlohmann::json intervals = nlohmann::json::object();
    for (const auto& [key, iv] : r.intervals)
        intervals[key] = {iv.low, iv.high};
    j["intervals"] = {{"confidence", r.confidence},
                      {"bootstrap_samples", r.bootstrapSamples},
                      {"values", intervals}};
    nlohmann::json band = nlohmann::json::object();
    for (const auto& [key, iv] : r.tieBand)
        band[key] = {{"worst", iv.low}, {"best", iv.high}};
    j["tie_band"] = band;
    nlohmann::json slices = nlohmann::json::array();
    for (const auto& s : r.slices)
        slices.push_back({{"dimension", s.dimension},
                          {"label", s.label},
                          {"predictions", s.predictions},
                          {"metrics", s.metrics}});
    j["slices"] = slices;
    j["timings"] = {{"fit_s", r.fitSeconds}, {"eval_s", r.evalSeconds}, {"threads", r.threads}};
    return j;
}

nlohmann::json toJson(const PerSessionValues& v) {
    nlohmann::json sums = nlohmann::json::array();
    for (std::size_t s = 0; s < v.sessionCount(); ++s) {
        const auto begin = v.sums.begin() + static_cast<std::ptrdiff_t>(s * v.columns.size());
        sums.push_back(std::vector<double>(begin, begin + static_cast<std::ptrdiff_t>(v.columns.size())));
    }
    return {{"columns", v.columns},
            {"session_ids", v.sessionIds},
            {"predictions", v.predictions},
            {"sums", sums}};
}

PerSessionValues perSessionFromJson(const nlohmann::json& j) {
    PerSessionValues v;
    try {
        v.columns = j.at("columns").get<std::vector<std::string>>();
        v.sessionIds = j.at("session_ids").get<std::vector<std::int64_t>>();
        v.predictions = j.at("predictions").get<std::vector<std::uint32_t>>();
        for (const auto& row : j.at("sums")) {
            const auto values = row.get<std::vector<double>>();
            if (values.size() != v.columns.size())
                throw UsageError("per-session values: a row does not match the columns");
            v.sums.insert(v.sums.end(), values.begin(), values.end());
        }
    } catch (const nlohmann::json::exception& e) {
        throw UsageError(std::string("per-session values: ") + e.what());
    }
    if (v.sessionIds.size() != v.predictions.size() ||
        v.sums.size() != v.sessionIds.size() * v.columns.size())
        throw UsageError("per-session values: sessions, predictions and rows differ in number");
    return v;
}

nlohmann::json toJson(const PairedComparison& c) {
    nlohmann::json metrics = nlohmann::json::object();
    for (const auto& d : c.metrics)
        metrics[d.metric] = {{"a", d.a},
                             {"b", d.b},
                             {"difference", d.difference},
                             {"interval", {d.interval.low, d.interval.high}},
                             {"p_value", d.pValue}};
    return {{"sessions", c.sessions},
            {"samples", c.samples},
            {"confidence", c.confidence},
            {"test", "paired sign-flip randomisation over sessions; paired bootstrap interval"},
            {"metrics", metrics}};
}

nlohmann::json toJson(const TuneResult& r) {
    nlohmann::json trials = nlohmann::json::array();
    for (const auto& t : r.trials)
        trials.push_back({{"params", t.params}, {"value", t.value}, {"metrics", t.metrics}});
    nlohmann::json j = {{"model", r.model}, {"metric", r.metric}, {"trials", trials}};
    if (!r.trials.empty())
        j["best"] = {{"params", r.trials[r.best].params}, {"value", r.trials[r.best].value}};
    return j;
}

} // namespace srw
