// Using a model on chosen sessions and items (srw-ml only): recommend (with explanations),
// similarity matrices, export model.
#include "analysis_support.h"

#include "cli_context.h"

#include "srw/analysis/alpha_sweep.h"
#include "srw/analysis/bandit_replay.h"
#include "srw/analysis/cold_start.h"
#include "srw/analysis/evaluation_run.h"
#include "srw/analysis/recommend_explain.h"
#include "srw/analysis/similarity_matrix.h"
#include "srw/data/corpus_loader.h"
#include "srw/data/item_texts.h"
#include "srw/data/run_store.h"
#include "srw/eval/eval_json.h"
#include "srw/eval/evaluator.h"
#include "srw/eval/recommender_factory.h"
#include "srw/model/bert_mlp_trainer.h"
#include "srw/model/model_analysis.h"
#include "srw/parsers/delimited_reader.h"
#include "srw/util/atomic_file.h"
#include "srw/util/error.h"
#include "srw/util/file_util.h"
#include "srw/util/text_utils.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <unordered_map>

namespace srw::cli {
namespace {

using namespace analysis;

// ---- recommend ------------------------------------------------------------------------------

struct RecommendArgs {
    std::string dataset, model, modelDir, items, alpha, part, sessionsFile, csv;
    int k = 20;
    bool json = false;
};

/** Writes session_id,rank,item_id,score for each session the source yields, to a temporary file
 * renamed over csv at the end (a cancelled or failed batch leaves no half file behind). */
class BatchCsv {
public:
    BatchCsv(const RecommendArgs& a, LoadedModel& m) : m_a(a), m_m(m), m_tmp(a.csv + ".partial") {
        m_out.open(m_tmp, std::ios::binary);
        if (!m_out)
            throw UsageError("cannot write " + a.csv);
        m_out << "session_id,rank,item_id,score\n";
    }
    ~BatchCsv() {
        if (!m_done) {
            m_out.close();
            removeFileIfExists(m_tmp);
        }
    }
    void add(const std::string& sessionId, const std::vector<std::int32_t>& items) {
        ++m_sessions;
        if (items.empty())
            return;
        const auto recs = recommendTop(*m_m.model, items, m_m.catalogue, std::size_t(m_a.k));
        for (const auto& r : recs)
            m_out << csvField(sessionId) << ',' << r.rank << ','
                  << csvField(m_m.corpus.itemExternalIds[std::size_t(r.item)]) << ',' << r.score
                  << '\n';
    }
    std::size_t sessions() const { return m_sessions; }
    void finish() {
        m_out.close();
        if (!m_out)
            throw std::runtime_error("writing " + m_tmp + " failed");
        renameFile(m_tmp, m_a.csv);
        m_done = true;
    }

private:
    const RecommendArgs& m_a;
    LoadedModel& m_m;
    std::string m_tmp;
    std::ofstream m_out;
    std::size_t m_sessions = 0;
    bool m_done = false;
};

/** Column index of the first header name found, or throws naming the file. */
std::size_t findColumn(const Record& header, std::initializer_list<const char*> names,
                       const std::string& path) {
    for (const char* n : names)
        for (std::size_t c = 0; c < header.fields.size(); ++c)
            if (trim(header.fields[c]) == n)
                return c;
    throw InputError(path, 1, 0, "the header needs a column " + quoteForMessage(*names.begin()));
}

/** Batch: the next items after every session of a part, or of a file, streamed to CSV. */
void runBatch(CliContext& ctx, const RecommendArgs& a, LoadedModel& m) {
    if (a.csv.empty())
        throw UsageError("--part and --sessions need --csv OUT");
    BatchCsv out(a, m);
    auto bar = ctx.progress("recommend");
    const auto started = Clock::now();
    std::size_t unknown = 0;
    if (!a.part.empty()) {
        const auto& sessions = a.part == "test"    ? m.corpus.test
                               : a.part == "valid" ? m.corpus.valid
                               : a.part == "train" ? m.corpus.train
                                                   : throw UsageError("--part is train, valid or test");
        for (std::size_t i = 0; i < sessions.size(); ++i) {
            out.add(std::to_string(sessions[i].sessionId), sessions[i].items);
            if (bar && i % 64 == 0 && !bar(Progress{"sessions", i, sessions.size(), {}}))
                throw Cancelled();
        }
    } else {
        // A file of session_id,item_id rows, each session's rows together and oldest first:
        // streamed one session at a time, in bounded memory.
        std::unordered_map<std::string, std::int32_t> index;
        for (std::size_t i = 0; i < m.corpus.itemExternalIds.size(); ++i)
            index.emplace(m.corpus.itemExternalIds[i], std::int32_t(i));
        DelimitedReader reader(a.sessionsFile);
        Record rec;
        if (!reader.next(rec))
            throw InputError(a.sessionsFile, 0, 0, "empty file");
        const std::size_t sc = findColumn(rec, {"session_id", "session"}, a.sessionsFile);
        const std::size_t ic = findColumn(rec, {"item_id", "item"}, a.sessionsFile);
        std::string current;
        std::vector<std::int32_t> items;
        std::unordered_map<std::string, std::uint64_t> finished; // session -> its first line
        bool any = false;
        while (reader.next(rec)) {
            if (rec.fields.size() <= std::max(sc, ic))
                throw InputError(a.sessionsFile, rec.line, 0,
                                 "expected " + std::to_string(std::max(sc, ic) + 1) +
                                     " fields, found " + std::to_string(rec.fields.size()));
            const std::string_view session = trim(rec.fields[sc]);
            if (!any || session != current) {
                if (any) {
                    out.add(current, items);
                    finished.emplace(current, rec.line);
                }
                current.assign(session);
                if (finished.count(current))
                    throw InputError(a.sessionsFile, rec.line, 0,
                                     "session " + quoteForMessage(current) +
                                         " appears again after other sessions; keep each "
                                         "session's rows together");
                items.clear();
                any = true;
                if (bar && out.sessions() % 64 == 0 &&
                    !bar(Progress{"sessions", reader.bytesRead(), reader.fileSize(), {}}))
                    throw Cancelled();
            }
            const auto it = index.find(std::string(trim(rec.fields[ic])));
            if (it == index.end())
                ++unknown; // not in the model's catalogue: nothing to score it by
            else
                items.push_back(it->second);
        }
        if (any)
            out.add(current, items);
    }
    out.finish();
    ctx.endProgress();
    std::printf("wrote %s (%zu sessions, %.1f ms per session", a.csv.c_str(), out.sessions(),
                1000.0 * since(started) / double(std::max<std::size_t>(out.sessions(), 1)));
    if (unknown > 0)
        std::printf("; %zu events of items outside the model's catalogue skipped", unknown);
    std::printf(")\n");
}

void runRecommend(CliContext& ctx, const RecommendArgs& a) {
    SessionStore& store = ctx.store();
    ParamMap overrides;
    if (!a.alpha.empty())
        overrides["alpha"] = a.alpha;
    LoadedModel m = loadModel(ctx, a.dataset, a.model, a.modelDir, overrides);
    if (a.k < 1)
        throw UsageError("--k must be positive");
    if (!a.part.empty() || !a.sessionsFile.empty()) {
        runBatch(ctx, a, m);
        return;
    }
    const auto prefix = parseItems(m.corpus, a.items);
    const auto started = Clock::now();
    auto recs = recommendTop(*m.model, prefix, m.catalogue, std::size_t(a.k));
    std::vector<float> vectors;
    if (m.bert)
        explainRecommendations(recs, prefix, modelExplainSources(*m.bert, vectors));
    const double ms = 1000.0 * since(started);
    const auto texts = denseTexts(store, a.dataset, m.corpus);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : recs) {
        nlohmann::json e = {{"rank", r.rank},
                            {"item", m.corpus.itemExternalIds[std::size_t(r.item)]},
                            {"text", texts[std::size_t(r.item)]},
                            {"p", r.score}};
        if (r.hasParts) {
            e["s_cf"] = r.cf;
            e["f"] = r.neural;
            e["nearest_cf"] = nearJson(r.nearestCf, m.corpus);
            e["nearest_text"] = nearJson(r.nearestText, m.corpus);
        }
        list.push_back(e);
    }
    if (a.json) {
        nlohmann::json out = {{"model", m.modelName}, {"latency_ms", ms}, {"recommendations", list}};
        if (m.bert)
            out["alpha"] = std::stod(m.bert->params().at("alpha"));
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::printf("top %zu of %s for %zu items (%.1f ms)\n", recs.size(), m.modelName.c_str(),
                prefix.size(), ms);
    for (const auto& e : list) {
        std::string title = e["text"].get<std::string>();
        if (title.size() > 50)
            title = title.substr(0, 47) + "...";
        std::printf("%3d %-12s p=%.4f", e["rank"].get<int>(), e["item"].get<std::string>().c_str(),
                    e["p"].get<double>());
        if (e.contains("s_cf"))
            std::printf(" s_cf=%.4f f=%.4f", e["s_cf"].get<double>(), e["f"].get<double>());
        std::printf("  %s\n", title.c_str());
        for (const char* key : {"nearest_cf", "nearest_text"})
            if (e.contains(key) && !e[key].empty()) {
                std::printf("      %s:", key + 8);
                for (const auto& n : e[key])
                    std::printf(" %s (%.3f)", n["item"].get<std::string>().c_str(),
                                n["similarity"].get<double>());
                std::printf("\n");
            }
    }
}

// ---- similarity -----------------------------------------------------------------------------

struct SimilarityArgs {
    std::string dataset, model, modelDir, kind = "blend", items, category, csv;
    int top = 50;
    double alpha = -1;
    double shrink = 0;
    bool json = false;
};

void runSimilarity(CliContext& ctx, const SimilarityArgs& a) {
    if (a.kind != "text" && a.kind != "cf" && a.kind != "blend")
        throw UsageError("--kind is text, cf or blend");
    const bool needModel = a.kind != "cf";
    LoadedModel m;
    if (needModel || !a.model.empty() || !a.modelDir.empty())
        m = loadModel(ctx, a.dataset, a.model, a.modelDir, {}, false);
    else {
        m.corpus = loadCorpus(ctx.store(), a.dataset);
        m.fitData = fitSessions(m.corpus, EvalPart::Test);
    }
    std::vector<std::int32_t> items;
    if (a.top < 1 || a.top > 5000)
        throw UsageError("--top takes 1 to 5000 items");
    if (!a.items.empty())
        items = parseItems(m.corpus, a.items);
    else if (!a.category.empty()) {
        items = categoryItems(ctx.store(), a.dataset, m.corpus, m.fitData, a.category,
                              std::size_t(a.top));
        if (items.empty())
            throw UsageError("no item of dataset '" + a.dataset + "' has the category " +
                             quoteForMessage(a.category));
    } else
        items = topPopularItems(m.fitData, m.corpus.numItems, std::size_t(a.top));
    const auto started = Clock::now();
    SimilarityMatrix result;
    SimilarityMatrix cf, text;
    if (a.kind != "text")
        cf = cfCosineMatrix(m.fitData, items, a.shrink);
    if (a.kind != "cf") {
        BertMlpRecommender& bert = requireBert(m, "a text or blend similarity");
        std::size_t dim = 0;
        const auto vectors = modelTextVectors(bert, dim);
        text = textCosineMatrix(vectors, dim, items);
    }
    if (a.kind == "cf")
        result = cf;
    else if (a.kind == "text")
        result = text;
    else {
        double alpha = a.alpha;
        if (alpha < 0)
            alpha = std::stod(m.bert->params().at("alpha"));
        result = blendMatrix(cf, text, alpha);
    }
    const double ms = 1000.0 * since(started);
    const std::size_t n = items.size();
    if (!a.csv.empty()) {
        std::string out = "item";
        for (auto i : items)
            out += "," + csvField(m.corpus.itemExternalIds[std::size_t(i)]);
        out += "\n";
        for (std::size_t r = 0; r < n; ++r) {
            out += csvField(m.corpus.itemExternalIds[std::size_t(items[r])]);
            for (std::size_t c = 0; c < n; ++c) {
                char buf[32];
                std::snprintf(buf, sizeof buf, ",%.6g", double(result.at(r, c)));
                out += buf;
            }
            out += "\n";
        }
        writeFileAtomically(a.csv, out);
    }
    if (a.json) {
        nlohmann::json ids = nlohmann::json::array();
        for (auto i : items)
            ids.push_back(m.corpus.itemExternalIds[std::size_t(i)]);
        nlohmann::json out = {{"kind", result.kind}, {"items", ids}, {"milliseconds", ms}};
        if (a.csv.empty())
            out["values"] = result.values;
        else
            out["csv"] = a.csv;
        std::cout << out.dump() << "\n";
        return;
    }
    std::printf("%s similarity of %zu items: %.1f ms%s%s\n", result.kind.c_str(), n, ms,
                a.csv.empty() ? "" : ", wrote ", a.csv.c_str());
    if (a.csv.empty()) {
        const std::size_t show = std::min<std::size_t>(n, 8);
        for (std::size_t r = 0; r < show; ++r) {
            std::printf("%-12s", m.corpus.itemExternalIds[std::size_t(items[r])].c_str());
            for (std::size_t c = 0; c < show; ++c)
                std::printf(" %6.3f", double(result.at(r, c)));
            std::printf("\n");
        }
        if (show < n)
            std::printf("(first %zu of %zu; --csv OUT or --json for all)\n", show, n);
    }
}

} // namespace

void addRecommendCommands(CLI::App& app, CliContext& ctx) {
    auto ra = std::make_shared<RecommendArgs>();
    CLI::App* r = app.add_subcommand(
        "recommend", "Top K for an item sequence, with s_cf, f, p and the session items most "
                     "similar to each recommendation; or every session of a part to CSV");
    r->add_option("dataset", ra->dataset, "Dataset name")->required();
    r->add_option("--model", ra->model, "A run id (bert-mlp or a baseline's) or a baseline name");
    r->add_option("--model-dir", ra->modelDir, "A folder written by srw export model");
    r->add_option("--items", ra->items, "The session: external item ids, oldest first");
    r->add_option("--alpha", ra->alpha, "Re-rank a bert-mlp model with this α");
    r->add_option("--k", ra->k, "List length")->capture_default_str();
    r->add_option("--part", ra->part, "Batch: recommend after every session of train, valid or test");
    r->add_option("--sessions", ra->sessionsFile,
                  "Batch: recommend after every session of a CSV file with columns session_id "
                  "and item_id (each session's rows together, oldest first)");
    r->add_option("--csv", ra->csv, "Batch output: session_id,rank,item_id,score");
    r->add_flag("--json", ra->json, "Print one JSON object");
    r->callback([&ctx, ra] {
        const int modes = int(!ra->items.empty()) + int(!ra->part.empty()) +
                          int(!ra->sessionsFile.empty());
        if (modes != 1)
            throw UsageError("recommend takes one of --items ID,…, --part PART --csv OUT or "
                             "--sessions FILE --csv OUT");
        runRecommend(ctx, *ra);
    });

    auto sa = std::make_shared<SimilarityArgs>();
    CLI::App* si = app.add_subcommand(
        "similarity", "Item x item similarity (text cosine of the model's item vectors, CF cosine "
                      "of the training sessions, or their blend) for the top-N items, a category's "
                      "items or given items");
    si->add_option("dataset", sa->dataset, "Dataset name")->required();
    si->add_option("--model", sa->model, "Trained bert-mlp run id (text and blend)");
    si->add_option("--model-dir", sa->modelDir, "A folder written by srw export model");
    si->add_option("--top", sa->top, "The N most popular training items")->capture_default_str();
    auto* itemsOpt = si->add_option("--items", sa->items, "Explicit external item ids instead");
    si->add_option("--category", sa->category,
                   "The items of this category (exact match), most popular first, at most --top")
        ->excludes(itemsOpt);
    si->add_option("--kind", sa->kind, "text, cf or blend")->capture_default_str();
    si->add_option("--alpha", sa->alpha, "Blend weight of CF (default: the model's α)");
    si->add_option("--shrink", sa->shrink, "CF cosine shrink")->capture_default_str();
    si->add_option("--csv", sa->csv, "Write the matrix as CSV");
    si->add_flag("--json", sa->json, "Print one JSON object (the values unless --csv)");
    si->callback([&ctx, sa] { runSimilarity(ctx, *sa); });

    CLI::App* ex = nullptr;
    try {
        ex = app.get_subcommand("export");
    } catch (const CLI::OptionNotFound&) {
        ex = app.add_subcommand("export", "Export runs and models");
        ex->require_subcommand(1);
    }
    auto ea = std::make_shared<std::pair<std::int64_t, std::string>>();
    CLI::App* em = ex->add_subcommand(
        "model", "A trained bert-mlp model as a folder: model.json + model.safetensors (the "
                 "scorer), encoder/ (Hugging Face layout), items.json; load it with --model-dir");
    em->add_option("run", ea->first, "Trained bert-mlp run id")->required();
    em->add_option("--out", ea->second, "Output folder")->required();
    em->callback([&ctx, ea] {
        const auto files = exportTrainedModel(ctx.store(), ea->first, ea->second);
        std::printf("wrote %s (%zu files)\n", ea->second.c_str(), files.size());
    });
}

} // namespace srw::cli
