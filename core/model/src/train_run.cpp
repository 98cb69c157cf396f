// The store side of training (torch-free): the run record, item texts, the encoder and its cached
// item vectors, checkpoints' bookkeeping, the final test evaluation; and loading stored models.
#include "trainer_core.h"

#include "srw/data/corpus_loader.h"
#include "srw/data/database.h"
#include "srw/data/embedding_cache.h"
#include "srw/data/item_texts.h"
#include "srw/data/run_store.h"
#include "srw/eval/eval_json.h"
#include "srw/eval/evaluator.h"
#include "srw/text/mlm_pretrain.h"
#include "srw/text/wordpiece_trainer.h"
#include "srw/util/error.h"
#include "srw/util/file_util.h"
#include "srw/util/process_identity.h"
#include "srw/util/text_utils.h"

#include <algorithm>
#include <dirent.h>
#include <unistd.h>
#include <chrono>
#include <unordered_map>

namespace srw {

namespace {

struct DenseTexts {
    std::vector<ItemText> items; ///< dense order
    std::vector<std::string> texts;
    std::vector<std::uint8_t> hasText;
};

DenseTexts denseTexts(SessionStore& store, const std::string& dataset, const SessionCorpus& corpus) {
    std::unordered_map<std::int64_t, ItemText> byId;
    for (auto& t : loadItemTexts(store, dataset))
        byId.emplace(t.itemId, std::move(t));
    DenseTexts d;
    for (std::size_t i = 0; i < corpus.itemIds.size(); ++i) {
        auto it = byId.find(corpus.itemIds[i]);
        ItemText t;
        if (it != byId.end())
            t = it->second;
        t.itemId = corpus.itemIds[i];
        d.texts.push_back(t.text);
        d.hasText.push_back(t.hasText ? 1 : 0);
        d.items.push_back(std::move(t));
    }
    return d;
}

/** Removes a folder of plain files (a saved encoder) and the folder. */
void removeFlatFolder(const std::string& dir) {
    if (DIR* d = ::opendir(dir.c_str())) {
        std::vector<std::string> files;
        while (const dirent* e = ::readdir(d))
            if (std::string(e->d_name) != "." && std::string(e->d_name) != "..")
                files.push_back(dir + "/" + e->d_name);
        ::closedir(d);
        for (const auto& f : files)
            removeFileIfExists(f);
    }
    ::rmdir(dir.c_str());
}

/** Removes "NAME.tmp.PID" files (writeFileAtomically) and folders (a saved encoder) that a killed
 * process left (the pid no longer runs): they are never renamed into place. */
void removeStaleTemporaries(const std::string& dir) {
    DIR* d = ::opendir(dir.c_str());
    if (!d)
        return;
    std::vector<std::string> stale;
    while (const dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        const auto at = name.rfind(".tmp.");
        long long pid = 0;
        if (at == std::string::npos || !parseInt64(name.substr(at + 5), pid) || pid <= 0)
            continue;
        if (pidIsGone(pid))
            stale.push_back(dir + "/" + name);
    }
    ::closedir(d);
    for (const auto& f : stale)
        if (isDirectory(f))
            removeFlatFolder(f);
        else
            removeFileIfExists(f);
}

/** Keys the run's params add to the options (stripped again by loadTrainedModel). */
const char* const kExtraParams[] = {"model_file", "run_dir", "item_text_share", "encoder_key",
                                    "num_items", "train_run"};


/** The encoder a configuration names, and the folder it can be reloaded from. */
BertEncoder obtainEncoder(SessionStore& store, const std::string& dataset,
                          const BertMlpOptions& o, const std::vector<std::string>& texts,
                          const std::string& runEncoderDir, const ProgressFn& progress) {
    BertLoadOptions lo;
    lo.device = o.device;
    // A resumed run keeps its own encoder. The folder appears whole or not at all (it is saved
    // aside and renamed); one with no weights is from before that, cut short by a kill.
    if (pathExists(runEncoderDir + "/config.json") && pathExists(runEncoderDir + "/model.safetensors"))
        return BertEncoder::load(runEncoderDir, lo);
    BertEncoder enc = [&] {
        if (o.encoder != "embedded")
            return BertEncoder::load(o.encoder, lo);
        const std::string pre = datasetEncoderDir(store, dataset);
        if (pathExists(pre + "/config.json"))
            return BertEncoder::load(pre, lo);
        // No pre-trained encoder: an embedded-size BERT over a vocabulary learned from the item
        // texts, initialised from the seed. Frozen, its mean-pooled vectors still place texts
        // sharing words near each other; `srw pretrain` makes them better.
        if (progress) {
            Progress p;
            p.stage = "vocabulary";
            progress(p);
        }
        WordPieceTrainerOptions wo;
        wo.vocabSize = 4000;
        Tokenizer tok = trainWordPieceTokenizer(texts, wo);
        auto config = BertConfig::embeddedDefault(std::int64_t(tok.vocabSize()));
        return BertEncoder::create(config, std::move(tok), false, o.seed, lo);
    }();
    // The run can always be reloaded, whatever happens to the source.
    const std::string aside = runEncoderDir + ".tmp." + std::to_string(::getpid());
    removeFlatFolder(aside);
    enc.save(aside);
    if (isDirectory(runEncoderDir))
        removeFlatFolder(runEncoderDir); // an incomplete one
    renameFile(aside, runEncoderDir);
    return enc;
}

} // namespace

BertMlpOptions storedTrainOptions(SessionStore& store, std::int64_t runId) {
    RunRecord run = RunStore(store).get(runId);
    if (run.model != "bert-mlp")
        throw UsageError("run " + std::to_string(runId) + " is not a bert-mlp run");
    auto j = run.params;
    for (const char* k : kExtraParams)
        j.erase(k);
    return BertMlpOptions::fromJson(j);
}

std::string workspaceDataDir(const SessionStore& store) {
    std::string p = store.path();
    if (p.empty() || p == ":memory:" || startsWith(p, "file::memory:"))
        throw UsageError("an in-memory workspace has no folder for models and checkpoints");
    if (p[0] != '/' && !startsWith(p, "file:")) {
        // Runs store these paths: relative ones would break when the workspace is opened from
        // another directory.
        char cwd[4096];
        if (::getcwd(cwd, sizeof cwd))
            p = std::string(cwd) + "/" + p;
    }
    if (endsWith(p, ".sqlite"))
        p.resize(p.size() - 7);
    else if (endsWith(p, ".db"))
        p.resize(p.size() - 3);
    p += "-data";
    makeDirectories(p);
    return p;
}

std::string datasetEncoderDir(SessionStore& store, const std::string& dataset) {
    return workspaceDataDir(store) + "/encoders/" + std::to_string(store.requireDataset(dataset));
}

TrainOutcome trainBertMlp(SessionStore& store, const TrainRequest& request,
                          const ProgressFn& progress) {
    BertMlpOptions options = request.options;
    options.validate();
    RunStore runs(store);
    const std::int64_t datasetId = store.requireDataset(request.dataset);

    RunRecord resumed;
    if (request.resumeRun > 0) {
        resumed = runs.get(request.resumeRun);
        if (resumed.kind != "train" || resumed.model != "bert-mlp")
            throw UsageError("run " + std::to_string(resumed.id) + " is not a bert-mlp training run");
        if (resumed.datasetId != datasetId)
            throw UsageError("run " + std::to_string(resumed.id) + " trained on dataset '" +
                             resumed.dataset + "', not '" + request.dataset + "'");
        if (resumed.status == "finished")
            throw UsageError("run " + std::to_string(resumed.id) + " has finished; nothing to resume");
        // RunStore reads a run whose process died as "interrupted"; "running" with an owner means
        // that process still runs (or runs on another host): two writers would corrupt the run.
        const auto owner = resumed.environment.value("process", nlohmann::json::object());
        if (resumed.status == "running" && owner.contains("pid"))
            throw UsageError("run " + std::to_string(resumed.id) + " is still training (process " +
                             owner["pid"].dump() + " on " + owner.value("host", "?") +
                             "); cancel it there before resuming it");
    }
    const SplitRef split = findSplit(store, request.dataset,
                                     request.resumeRun > 0 ? resumed.splitName : request.split);
    const SessionCorpus corpus = loadCorpus(store, request.dataset, split.name);
    const std::string dataHash = corpusContentHash(corpus);

    std::int64_t runId = request.resumeRun;
    std::string runDir;
    if (runId > 0) {
        runDir = resumed.params.value("run_dir", "");
        if (runDir.empty()) // a run stored before its folder was recorded with it
            runDir = workspaceDataDir(store) + "/runs/" + std::to_string(runId);
        if (resumed.dataHash != dataHash)
            throw UsageError("refusing to resume run " + std::to_string(runId) +
                             ": the data of its split changed since it was trained");
        runs.setStatus(runId, "running");
    } else {
        RunRecord rec;
        rec.datasetId = datasetId;
        rec.splitId = split.id;
        rec.name = request.runName;
        rec.kind = "train";
        rec.model = "bert-mlp";
        rec.params = options.toJson();
        rec.dataHash = dataHash;
        rec.environment = model::torchEnvironment(options);
        const std::string root =
            request.runsDir.empty() ? workspaceDataDir(store) + "/runs" : request.runsDir;
        // The run and its folder appear together: a process killed right after the insert must
        // still leave a run that --resume can find the folder of.
        Transaction tx(store.db());
        runId = runs.create(rec);
        runDir = root + "/" + std::to_string(runId);
        rec.params["run_dir"] = runDir;
        runs.updateParams(runId, rec.params);
        tx.commit();
    }

    TrainOutcome out;
    out.runId = runId;
    try {
        makeDirectories(runDir);
        removeStaleTemporaries(runDir);
        DenseTexts texts = denseTexts(store, request.dataset, corpus);
        model::TrainData data;
        data.corpus = &corpus;
        data.itemTexts = texts.texts;
        data.hasText = texts.hasText;
        data.runDir = runDir;
        data.dataHash = dataHash;
        data.encoderDir = "encoder";
        out.itemTextShare = corpus.numItems > 0
                                ? double(std::count(texts.hasText.begin(), texts.hasText.end(),
                                                    std::uint8_t(1))) / double(corpus.numItems)
                                : 0.0;

        BertEncoder encoder = obtainEncoder(store, request.dataset, options, texts.texts,
                                            runDir + "/encoder", progress);
        data.hidden = encoder.hiddenSize();
        data.encoderKey = encoder.fingerprint() + "|mean|" + std::to_string(options.itemTextTokens);
        // Item vectors come from the cache; only missing or changed texts are encoded.
        EmbeddingCache cache(store, data.encoderKey);
        const auto dim = std::size_t(data.hidden);
        const auto missing = cache.lookup(texts.items, dim, data.itemVectors);
        if (!missing.empty()) {
            if (progress) {
                Progress p;
                p.stage = "item vectors";
                p.total = missing.size();
                p.detail = std::to_string(missing.size()) + " texts to encode";
                if (!progress(p))
                    throw Cancelled();
            }
            std::vector<std::string> todo;
            for (auto i : missing)
                todo.push_back(texts.texts[i]);
            const auto rows = encoder.encode(todo, Pooling::Mean, 64, std::size_t(options.itemTextTokens));
            cache.store(texts.items, missing, rows, dim);
            for (std::size_t k = 0; k < missing.size(); ++k)
                std::copy_n(rows.begin() + std::ptrdiff_t(k * dim), dim,
                            data.itemVectors.begin() + std::ptrdiff_t(missing[k] * dim));
        }
        if (options.sessionEncoder == "text" || options.tunedLayers() != 0)
            data.encoder = std::move(encoder);
        if (request.resumeRun > 0)
            data.resumeCheckpoint = runs.lastCheckpoint(runId).value_or("");

        nlohmann::json params = options.toJson();
        params["run_dir"] = runDir;
        params["model_file"] = runDir + "/best.json";
        params["item_text_share"] = out.itemTextShare;
        params["encoder_key"] = data.encoderKey;
        params["num_items"] = corpus.numItems;
        runs.updateParams(runId, params);

        model::TrainSinks sinks;
        sinks.onCheckpoint = [&](int epoch, std::uint64_t step, const std::string& json,
                                 const std::string& sha) {
            runs.addCheckpoint(runId, epoch, std::int64_t(step), json, sha);
        };
        sinks.onEpoch = [&](const TrainEpochStats& e) {
            EpochRecord r;
            r.epoch = e.epoch;
            r.trainLoss = e.trainLoss;
            r.metrics = {{"valid_MRR@20", e.validMrr}, {"steps", e.steps},
                         {"sequences_per_second", e.sequencesPerSecond}, {"improved", e.improved},
                         {"calibration_scale", e.calibScale}, {"calibration_bias", e.calibBias}};
            r.seconds = e.seconds;
            runs.addEpoch(runId, r);
            if (request.onEpoch)
                request.onEpoch(e);
        };
        auto core = model::runTraining(options, std::move(data), sinks, progress);
        out.epochs = core.epochs;
        out.bestEpoch = core.bestEpoch;
        out.checkpoint = core.checkpoint;
        out.trainSeconds = core.seconds;
        out.device = model::torchEnvironment(options).value("device", "");
        if (core.cancelled) {
            runs.setStatus(runId, "cancelled");
            out.status = "cancelled";
            return out;
        }
        out.modelSha256 = core.modelSha256;

        EvalOptions eo = request.testProtocol;
        eo.threads = 1; // the model serialises its LibTorch calls; more threads only wait
        eo.progress = [&](const Progress& p) {
            if (!progress)
                return true;
            Progress q = p;
            q.stage = "test";
            return progress(q);
        };
        out.test = fitAndEvaluate(*core.model, corpus, EvalPart::Test, eo);
        out.tested = true;
        nlohmann::json full = toJson(out.test);
        full["best_epoch"] = out.bestEpoch;
        full["model_sha256"] = out.modelSha256;
        runs.setPerSession(runId, toJson(out.test.perSession));
        runs.finish(runId, "finished", full,
                    {{"train_s", out.trainSeconds},
                     {"fit_s", out.test.fitSeconds},
                     {"eval_s", out.test.evalSeconds},
                     {"epochs", nlohmann::json::array()}});
        out.status = "finished";
        return out;
    } catch (const Cancelled&) {
        runs.setStatus(runId, "cancelled");
        out.status = "cancelled";
        return out;
    } catch (...) {
        runs.setStatus(runId, "failed");
        throw;
    }
}

std::unique_ptr<BertMlpRecommender> loadTrainedModel(SessionStore& store, std::int64_t runId,
                                                     const ParamMap& overrides) {
    RunStore runs(store);
    RunRecord run = runs.get(runId);
    if (run.model != "bert-mlp")
        throw UsageError("run " + std::to_string(runId) + " is a " + run.model + " run, not bert-mlp");
    if (run.kind != "train" && run.params.contains("train_run"))
        return loadTrainedModel(store, run.params["train_run"].get<std::int64_t>(), overrides);
    const std::string modelFile = run.params.value("model_file", "");
    if (modelFile.empty() || !pathExists(modelFile))
        throw UsageError("run " + std::to_string(runId) + " has no trained model (status " +
                         run.status + "); resume it with `srw train " + run.dataset +
                         " --resume " + std::to_string(runId) + "`");
    const model::ModelOverrides o = model::parseModelOverrides(overrides, true, "a trained bert-mlp model");
    SessionCorpus corpus = loadCorpus(store, run.dataset, run.splitName);
    DenseTexts texts = denseTexts(store, run.dataset, corpus);
    auto model = model::loadModelFile(modelFile, texts.texts, texts.hasText, o.device, o.threads);
    model::applyRerank(*model, o.rerank);
    return model;
}

std::string pretrainDatasetEncoder(SessionStore& store, const std::string& dataset,
                                   const EncoderPretrainOptions& options,
                                   const ProgressFn& progress) {
    std::vector<std::string> texts;
    for (const auto& t : loadItemTexts(store, dataset))
        if (!t.text.empty())
            texts.push_back(t.text);
    if (texts.empty())
        throw UsageError("dataset '" + dataset + "' has no item texts to learn from");
    WordPieceTrainerOptions wo;
    wo.vocabSize = options.vocabSize;
    Tokenizer tok = trainWordPieceTokenizer(texts, wo, progress);
    BertLoadOptions lo;
    lo.device = options.device;
    auto config = BertConfig::embeddedDefault(std::int64_t(tok.vocabSize()));
    BertEncoder enc = BertEncoder::create(config, std::move(tok), true, options.seed, lo);
    MlmPretrainOptions mo;
    mo.epochs = options.epochs;
    mo.batchSize = options.batchSize;
    mo.learningRate = options.learningRate;
    mo.seed = options.seed;
    mo.threads = options.threads;
    mo.device = options.device;
    const auto r = pretrainMlm(enc, texts, mo, progress);
    if (r.cancelled)
        throw Cancelled();
    const std::string dir = datasetEncoderDir(store, dataset);
    enc.save(dir);
    return dir;
}

} // namespace srw

namespace srw::model {

ModelOverrides parseModelOverrides(const ParamMap& overrides, bool cf, const std::string& what) {
    ModelOverrides o;
    for (const auto& [k, v] : overrides) {
        if (k == "device")
            o.device = v;
        else if (k == "threads") {
            long long n = 0;
            if (!parseInt64(v, n) || n < 0)
                throw UsageError("threads must be a count, not '" + v + "'");
            o.threads = int(n);
        } else if (k == "alpha" || k == "blend" ||
                   (cf && (k == "cf_shrink" || k == "cf_neighbors" || k == "cf_recency_decay")))
            o.rerank[k] = v;
        else if (k != "train_run")
            throw UsageError(what + " takes alpha, blend, " +
                             (cf ? "cf_shrink, cf_neighbors, cf_recency_decay, " : "") +
                             "device and threads when evaluated, not '" + k + "'");
    }
    return o;
}

void applyRerank(BertMlpRecommender& model, const ParamMap& rerank) {
    for (const auto& [k, v] : rerank) {
        if (k == "alpha") {
            double a = 0;
            if (!parseDouble(v, a))
                throw UsageError("alpha must be a number in [0, 1], not '" + v + "'");
            model.setAlpha(a);
        } else if (k == "blend") {
            model.setBlend(parseBlendMode(v));
        } else if (startsWith(k, "cf_")) {
            // s_cf is rebuilt by fit(), so its settings can change without retraining.
            double x = 0;
            if (!parseDouble(v, x) || x < 0)
                throw UsageError(k + " must be a non-negative number, not '" + v + "'");
            model.setCfOption(k, x);
        }
    }
}

} // namespace srw::model
