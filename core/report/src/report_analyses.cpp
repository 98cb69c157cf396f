// The analyses plug-in of the report: sweeps, bandit replays, cold start and a heatmap, found
// through the runs' links (group ids, params.train_run) rather than handed in one by one.
#include "srw/report/report_analyses.h"

#include "srw/analysis/cold_start.h"
#include "srw/analysis/similarity_matrix.h"
#include "srw/data/corpus_loader.h"
#include "srw/eval/evaluator.h"
#include "srw/report/metric_table.h"

#include <algorithm>
#include <map>
#include <set>

namespace srw {
namespace {

bool hasNumber(const nlohmann::json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_number();
}

std::string alphaText(double a) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", a);
    return buf;
}

/** The run's evaluation cut-off for summaries: 20 when it has it, else its largest. */
int summaryCutoff(const nlohmann::json& metrics) {
    const auto ks = cutoffsOf(metrics);
    if (ks.empty() || std::find(ks.begin(), ks.end(), 20) != ks.end())
        return 20;
    return ks.back();
}

/** Every run of the report's datasets, newest first (what links are searched in). */
std::vector<RunRecord> candidateRuns(SessionStore& store, const ReportContent& content) {
    RunStore runs(store);
    std::vector<RunRecord> out;
    std::set<std::string> seen;
    for (const auto& r : content.runs)
        if (!r.record.dataset.empty() && seen.insert(r.record.dataset).second) {
            auto list = runs.list(r.record.dataset);
            out.insert(out.end(), std::make_move_iterator(list.begin()),
                       std::make_move_iterator(list.end()));
        }
    std::stable_sort(out.begin(), out.end(),
                     [](const RunRecord& a, const RunRecord& b) { return a.id > b.id; });
    return out;
}

std::vector<std::int64_t> trainRuns(const ReportContent& content) {
    std::vector<std::int64_t> out;
    for (const auto& r : content.runs)
        if (auto t = trainRunOf(r.record); t > 0 && std::find(out.begin(), out.end(), t) == out.end())
            out.push_back(t);
    return out;
}

// ---- α sweeps ---------------------------------------------------------------------------------

void addSweeps(ReportContent& content, const std::vector<RunRecord>& all, bool linked) {
    std::vector<std::int64_t> groups;
    auto addGroup = [&](std::int64_t g) {
        if (std::find(groups.begin(), groups.end(), g) == groups.end())
            groups.push_back(g);
    };
    for (const auto& r : content.runs)
        if (r.record.groupId && hasNumber(r.record.params, "alpha"))
            addGroup(*r.record.groupId);
    if (linked)
        for (std::int64_t t : trainRuns(content))
            for (const auto& r : all) // newest first: the latest sweep of the model
                if (r.kind == "sweep" && r.groupId && trainRunOf(r) == t) {
                    addGroup(*r.groupId);
                    break;
                }
    for (std::int64_t g : groups) {
        std::vector<const RunRecord*> members;
        for (const auto& r : all)
            if (r.groupId && *r.groupId == g && r.status == "finished" &&
                hasNumber(r.params, "alpha"))
                members.push_back(&r);
        if (members.size() < 2)
            continue;
        std::sort(members.begin(), members.end(), [](const RunRecord* a, const RunRecord* b) {
            return a->params["alpha"].get<double>() < b->params["alpha"].get<double>();
        });
        const RunRecord& first = *members.front();
        const std::int64_t t = trainRunOf(first);
        ReportSweepTable table;
        table.group = g;
        table.label = first.model + " sweep" + (t > 0 ? " of #" + std::to_string(t) : "") +
                      " (group " + std::to_string(g) + ")";
        table.k = summaryCutoff(first.metrics);
        for (const char* m : {"HitRate", "MRR", "NDCG", "Recall", "Precision"}) {
            const std::string key = std::string(m) + "@" + std::to_string(table.k);
            if (std::any_of(members.begin(), members.end(),
                            [&](const RunRecord* r) { return metricValue(r->metrics, key); }))
                table.metrics.push_back(key);
        }
        for (const RunRecord* r : members) {
            table.alphas.push_back(r->params["alpha"].get<double>());
            std::vector<std::optional<double>> row;
            for (const auto& key : table.metrics)
                row.push_back(metricValue(r->metrics, key));
            table.values.push_back(std::move(row));
        }
        // A chart for groups loadReportContent() did not chart (linked, or one run in the report).
        if (std::find(content.sweepGroups.begin(), content.sweepGroups.end(), g) ==
            content.sweepGroups.end()) {
            for (const char* metric : {"MRR@20", "HitRate@20"}) {
                ChartSeries s{table.label, {}, {}};
                for (const RunRecord* r : members)
                    if (auto v = metricValue(r->metrics, metric)) {
                        s.x.push_back(r->params["alpha"].get<double>());
                        s.y.push_back(*v);
                    }
                if (s.x.size() < 2)
                    continue;
                const std::string title = std::string(metric) + " over \xCE\xB1";
                auto chart = std::find_if(content.alphaSweeps.begin(), content.alphaSweeps.end(),
                                          [&](const LineChartSpec& c) { return c.title == title; });
                if (chart != content.alphaSweeps.end())
                    chart->series.push_back(std::move(s));
                else
                    addAlphaSweep(content, metric, {std::move(s)});
            }
            content.sweepGroups.push_back(g);
        }
        if (!table.metrics.empty())
            content.sweepTables.push_back(std::move(table));
    }
}

// ---- bandit -----------------------------------------------------------------------------------

std::vector<double> numbers(const nlohmann::json& j) {
    std::vector<double> out;
    if (j.is_array())
        for (const auto& v : j)
            out.push_back(v.is_number() ? v.get<double>() : 0.0);
    return out;
}

void addBandits(ReportContent& content, const std::vector<RunRecord>& all, bool linked) {
    std::vector<const RunRecord*> found;
    auto add = [&](const RunRecord* r) {
        if (std::none_of(found.begin(), found.end(), [&](const RunRecord* x) { return x->id == r->id; }))
            found.push_back(r);
    };
    for (const auto& r : content.runs)
        if (r.record.kind == "bandit")
            add(&r.record);
    if (linked)
        for (std::int64_t t : trainRuns(content))
            for (const auto& r : all)
                if (r.kind == "bandit" && r.status == "finished" && trainRunOf(r) == t) {
                    add(&r);
                    break;
                }
    for (const RunRecord* r : found) {
        if (!r->metrics.is_object() || !r->metrics.contains("bandit"))
            continue;
        const auto& b = r->metrics["bandit"];
        ReportBandit s;
        s.run = r->id;
        s.label = runLabel(*r);
        s.k = r->params.value("k", 20);
        s.predictions = b.value("predictions", std::uint64_t(0));
        s.banditReward = b.value("bandit_reward", 0.0);
        s.bestFixedAlpha = b.value("best_fixed_alpha", 0.0);
        s.bestFixedReward = b.value("best_fixed_reward", 0.0);
        s.uniformReward = b.value("uniform_reward", 0.0);
        s.regret = b.value("regret", s.bestFixedReward - s.banditReward);
        content.bandits.push_back(s);
        const auto curve = b.value("curve", nlohmann::json::object());
        const auto steps = numbers(curve.value("steps", nlohmann::json::array()));
        std::vector<ChartSeries> series;
        const std::pair<const char*, std::string> lines[] = {
            {"bandit", "Thompson sampling over \xCE\xB1"},
            {"best_fixed", "best fixed \xCE\xB1 = " + alphaText(s.bestFixedAlpha)},
            {"uniform", "uniform random \xCE\xB1"}};
        for (const auto& [key, name] : lines) {
            auto y = numbers(curve.value(key, nlohmann::json::array()));
            if (!y.empty() && y.size() == steps.size())
                series.push_back({name, steps, std::move(y)});
        }
        if (!series.empty())
            addRewardCurves(content, "Cumulative reward, " + s.label,
                            "reward (next item in the top " + std::to_string(s.k) + ")",
                            std::move(series));
    }
}

// ---- cold start -------------------------------------------------------------------------------

std::optional<ReportColdStart> coldStartOf(const RunRecord& r) {
    const auto& m = r.metrics;
    if (!m.is_object())
        return std::nullopt;
    nlohmann::json slice = m.value("cold_start_slice", nlohmann::json());
    if (slice.is_null() && m.contains("slices"))
        slice = coldStartSliceSummary(m["slices"], 10); // older runs: the evaluator's default
    const nlohmann::json ext = m.value("cold_start", nlohmann::json());
    if (slice.is_null() && !ext.is_object())
        return std::nullopt;
    ReportColdStart c;
    c.run = r.id;
    c.label = runLabel(r);
    c.k = summaryCutoff(m);
    const std::string hr = "HitRate@" + std::to_string(c.k), mrr = "MRR@" + std::to_string(c.k);
    c.hitRate = metricValue(m, hr);
    c.mrr = metricValue(m, mrr);
    if (slice.is_object()) {
        c.maxTrainCount = slice.value("max_train_count", std::int64_t(10));
        c.slicePredictions = slice.value("predictions", std::uint64_t(0));
        c.sliceUnseen = slice.value("unseen_predictions", std::uint64_t(0));
        const auto sm = slice.value("metrics", nlohmann::json::object());
        c.sliceHitRate = metricValue(sm, hr);
        c.sliceMrr = metricValue(sm, mrr);
    }
    if (ext.is_object()) {
        c.extendedPredictions = ext.value("predictions", std::uint64_t(0));
        c.extendedUnseen = ext.value("unseen_predictions", std::uint64_t(0));
        c.extendedAdded = ext.value("added_items", std::uint64_t(0));
        const auto em = ext.value("metrics", nlohmann::json::object());
        c.extendedHitRate = metricValue(em, hr);
        c.extendedMrr = metricValue(em, mrr);
        c.extendedUnseenHitRate =
            metricValue(ext.value("unseen_metrics", nlohmann::json::object()), hr);
        if (!slice.is_object())
            c.maxTrainCount = ext.value("max_train_count", std::int64_t(10));
        c.note = ext.value("note", "");
    }
    return c;
}

void addColdStarts(ReportContent& content, const std::vector<RunRecord>& all, bool linked) {
    for (const auto& r : content.runs) {
        auto c = coldStartOf(r.record);
        // A trained run keeps no slices; its newest evaluation does.
        if (linked && r.record.kind == "train" && (!c || !c->slicePredictions))
            for (const auto& e : all)
                if (e.kind == "eval" && e.status == "finished" && e.id != r.record.id &&
                    trainRunOf(e) == r.record.id) {
                    if (auto ec = coldStartOf(e)) {
                        if (c && c->extendedPredictions) { // keep the trained run's extended one
                            ec->extendedPredictions = c->extendedPredictions;
                            ec->extendedUnseen = c->extendedUnseen;
                            ec->extendedAdded = c->extendedAdded;
                            ec->extendedHitRate = c->extendedHitRate;
                            ec->extendedMrr = c->extendedMrr;
                            ec->extendedUnseenHitRate = c->extendedUnseenHitRate;
                            ec->note = c->note;
                        }
                        ec->label = runLabel(e) + " (evaluation of " + runLabel(r.record) + ")";
                        c = ec;
                    }
                    break;
                }
        if (c)
            content.coldStarts.push_back(std::move(*c));
    }
}

// ---- heatmap ----------------------------------------------------------------------------------

std::string shortTitle(std::string s, std::size_t maxBytes) {
    if (s.size() <= maxBytes)
        return s;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut; // never split a UTF-8 sequence
    return s.substr(0, cut) + "\xE2\x80\xA6";
}

void addSimilarityHeatmap(ReportContent& content, SessionStore& store,
                          const std::vector<RunRecord>& all, const ReportAnalysisOptions& options) {
    if (options.heatmapItems == 0 || content.runs.empty())
        return;
    // The model's data when a trained bert-mlp run is in the report, else the first run's.
    std::optional<RunRecord> trained;
    for (std::int64_t t : trainRuns(content)) {
        for (const auto& r : content.runs)
            if (r.record.id == t)
                trained = r.record;
        for (const auto& r : all)
            if (!trained && r.id == t)
                trained = r;
        if (trained)
            break;
    }
    const RunRecord& base = trained ? *trained : content.runs.front().record;
    if (base.dataset.empty())
        return;
    SessionCorpus corpus;
    try {
        corpus = loadCorpus(store, base.dataset, base.splitName);
    } catch (const std::exception&) {
        return; // no split any more: no heatmap rather than no report
    }
    const auto fit = fitSessions(corpus, EvalPart::Test);
    const auto items = topPopularItems(fit, corpus.numItems, options.heatmapItems);
    if (items.size() < 2)
        return;
    HeatmapSpec h;
    SimilarityMatrix m;
    std::vector<float> vectors;
    std::size_t dim = 0;
    if (trained && options.textVectors)
        vectors = options.textVectors(*trained, dim);
    if (dim > 0 && vectors.size() == std::size_t(corpus.numItems) * dim) {
        m = textCosineMatrix(vectors, dim, items);
        h.title = "Text cosine of the item vectors of " + runLabel(*trained) + ", top " +
                  std::to_string(items.size()) + " training items";
    } else {
        m = cfCosineMatrix(fit, items);
        h.title = "CF cosine (co-occurrence in training sessions), top " +
                  std::to_string(items.size()) + " training items";
        h.min = 0.0;
        h.max = 1.0;
    }
    h.legendLabel = "cosine";
    Statement st = store.db().prepare("SELECT external_id, title FROM items WHERE id = ?1");
    for (auto i : items) {
        st.bind(1, corpus.itemIds[std::size_t(i)]);
        std::string label = corpus.itemExternalIds[std::size_t(i)];
        if (st.step()) {
            const auto title = st.getOptText(1);
            if (title && !title->empty())
                label = shortTitle(*title, 24); // every cell repeats two labels: keep the SVG small
        }
        st.reset();
        h.rows.push_back(label);
    }
    h.columns = h.rows;
    h.values.assign(m.values.begin(), m.values.end());
    addHeatmap(content, std::move(h));
}

} // namespace

std::int64_t trainRunOf(const RunRecord& run) {
    if (run.model == "bert-mlp" && run.kind == "train")
        return run.id;
    if (run.params.is_object() && run.params.contains("train_run") &&
        run.params["train_run"].is_number_integer())
        return run.params["train_run"].get<std::int64_t>();
    return 0;
}

void addLinkedAnalyses(ReportContent& content, SessionStore& store,
                       const ReportAnalysisOptions& options) {
    const auto all = candidateRuns(store, content);
    addSweeps(content, all, options.linkedRuns);
    addBandits(content, all, options.linkedRuns);
    addColdStarts(content, all, options.linkedRuns);
    addSimilarityHeatmap(content, store, all, options);
}

} // namespace srw
