#include "srw/report/exports.h"

#include "srw/data/database.h"
#include "srw/report/metric_table.h"
#include "srw/util/atomic_file.h"

#include <cstdio>

namespace srw {
namespace {

// Shortest text that reads back as the same double (nlohmann's number output).
std::string number(double v) {
    return nlohmann::json(v).dump();
}

// Every stored record of a run, in session, position, rank order, handed to fn as CSV text.
template <typename Fn>
std::size_t forEachRecommendation(SessionStore& store, std::int64_t runId, Fn fn) {
    Statement st = store.db().prepare(
        "SELECT COALESCE(s.external_id, CAST(r.session_id AS TEXT)), r.pos, r.rank, i.external_id, "
        "i.title, r.score FROM recommendations r JOIN items i ON i.id = r.item_id "
        "LEFT JOIN sessions s ON s.id = r.session_id WHERE r.run_id = ?1 "
        "ORDER BY r.session_id, r.pos, r.rank");
    st.bind(1, runId);
    fn(csvRecord({"session", "position", "rank", "item", "title", "score"}));
    std::size_t n = 0;
    while (st.step()) {
        fn(csvRecord({st.getText(0), std::to_string(st.getInt(1)), std::to_string(st.getInt(2)),
                      st.getText(3), st.getOptText(4).value_or(std::string()),
                      st.isNull(5) ? std::string() : number(st.getDouble(5))}));
        ++n;
    }
    return n;
}

} // namespace

std::string csvField(std::string_view v) {
    const bool quote = v.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!v.empty() && (v.front() == ' ' || v.back() == ' '));
    if (!quote)
        return std::string(v);
    std::string out = "\"";
    for (char c : v) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csvRecord(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        out += csvField(fields[i]);
    }
    return out + "\r\n";
}

std::string runMetricsCsv(const std::vector<RunRecord>& runs) {
    std::string out = csvRecord({"run_id", "run_name", "dataset", "split", "model", "metric", "k",
                                 "value", "ci_low", "ci_high"});
    for (const auto& r : runs)
        for (int k : cutoffsOf(r.metrics))
            for (const auto& m : reportMetrics()) {
                const std::string key = m + "@" + std::to_string(k);
                const auto v = metricValue(r.metrics, key);
                if (!v)
                    continue;
                const auto iv = metricInterval(r.metrics, key);
                out += csvRecord({std::to_string(r.id), r.name, r.dataset, r.splitName, r.model, m,
                                  std::to_string(k), number(*v), iv ? number(iv->low) : "",
                                  iv ? number(iv->high) : ""});
            }
    return out;
}

nlohmann::json runMetricsJson(const std::vector<RunRecord>& runs) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : runs) {
        nlohmann::json values = nlohmann::json::object(), intervals = nlohmann::json::object();
        if (r.metrics.is_object())
            for (auto it = r.metrics.begin(); it != r.metrics.end(); ++it)
                if (it.value().is_number() && it.key().find('@') != std::string::npos) {
                    values[it.key()] = it.value();
                    if (auto iv = metricInterval(r.metrics, it.key()))
                        intervals[it.key()] = {iv->low, iv->high};
                }
        const auto part = [&](const char* key) {
            return r.metrics.is_object() && r.metrics.contains(key) ? r.metrics[key]
                                                                    : nlohmann::json();
        };
        out.push_back({{"id", r.id},
                       {"name", r.name},
                       {"dataset", r.dataset},
                       {"split", r.splitName},
                       {"kind", r.kind},
                       {"model", r.model},
                       {"status", r.status},
                       {"created", r.createdAt},
                       {"params", r.params},
                       {"protocol", r.protocol},
                       {"metrics", values},
                       {"intervals", intervals},
                       {"counts", part("counts")},
                       {"slices", part("slices")},
                       {"notes", r.notes}});
    }
    return out;
}

std::string recommendationsCsv(SessionStore& store, std::int64_t runId) {
    std::string out;
    forEachRecommendation(store, runId, [&](const std::string& rec) { out += rec; });
    return out;
}

std::size_t writeRecommendationsCsv(SessionStore& store, std::int64_t runId,
                                    const std::string& path) {
    // Built in memory, then written in one go so a reader never sees half a file; a top-20 list
    // for 100k predictions is ~100 MB, which is fine for the workstation this runs on.
    std::string out;
    const std::size_t n =
        forEachRecommendation(store, runId, [&](const std::string& rec) { out += rec; });
    writeFileAtomically(path, out);
    return n;
}

} // namespace srw
