// Export and reload of a trained model's folder, and the explain sources; no LibTorch here.
#include "srw/model/model_analysis.h"

#include "srw/data/corpus_loader.h"
#include "srw/data/item_texts.h"
#include "srw/data/run_store.h"
#include "srw/util/atomic_file.h"
#include "srw/util/error.h"
#include "srw/util/file_util.h"
#include "srw/util/sha256.h"
#include "srw/util/text_utils.h"
#include "trainer_core.h"

#include <fstream>
#include <sstream>
#include <unordered_map>

namespace srw {
namespace {

std::string readWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw UsageError("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void copyFile(const std::string& from, const std::string& to) {
    writeFileAtomically(to, readWhole(from));
}

struct Texts {
    std::vector<std::string> texts;
    std::vector<std::uint8_t> hasText;
};

Texts denseItemTexts(SessionStore& store, const std::string& dataset, const SessionCorpus& corpus) {
    std::unordered_map<std::int64_t, ItemText> byId;
    for (auto& t : loadItemTexts(store, dataset))
        byId.emplace(t.itemId, std::move(t));
    Texts d;
    for (auto id : corpus.itemIds) {
        auto it = byId.find(id);
        d.texts.push_back(it != byId.end() ? it->second.text : std::string());
        d.hasText.push_back(it != byId.end() && it->second.hasText ? 1 : 0);
    }
    return d;
}

std::string trainedModelFile(SessionStore& store, std::int64_t runId, RunRecord& run) {
    RunStore runs(store);
    run = runs.get(runId);
    if (run.model != "bert-mlp")
        throw UsageError("run " + std::to_string(runId) + " is a " + run.model +
                         " run; only bert-mlp models are exported");
    if (run.kind != "train" && run.params.contains("train_run"))
        return trainedModelFile(store, run.params["train_run"].get<std::int64_t>(), run);
    const std::string file = run.params.value("model_file", "");
    if (file.empty() || !pathExists(file))
        throw UsageError("run " + std::to_string(runId) + " has no trained model");
    return file;
}

std::string dirOfPath(const std::string& p) {
    const auto slash = p.rfind('/');
    return slash == std::string::npos ? std::string(".") : p.substr(0, slash);
}

} // namespace

ExplainSources modelExplainSources(const BertMlpRecommender& model, std::vector<float>& vectors) {
    ExplainSources s;
    s.parts = modelBlendParts(model);
    const BertMlpRecommender* m = &model;
    s.partsOfItems = [m](const std::vector<std::int32_t>& prefix,
                         const std::vector<std::int32_t>& items, std::vector<double>& cf,
                         std::vector<double>& f) { m->partsFor(prefix, items, cf, f); };
    s.cfSimilarity = [m](std::int32_t i, std::int32_t j) { return modelCfSimilarity(*m, i, j); };
    vectors = modelTextVectors(model, s.dim);
    s.itemVectors = &vectors;
    return s;
}

std::vector<std::string> exportTrainedModel(SessionStore& store, std::int64_t runId,
                                            const std::string& dir) {
    RunRecord run;
    const std::string modelFile = trainedModelFile(store, runId, run);
    const std::string runDir = dirOfPath(modelFile);
    auto j = nlohmann::json::parse(readWhole(modelFile));
    if (j.value("format", "") != "srw-bert-mlp-model")
        throw UsageError(modelFile + ": not a bert-mlp model file");
    makeDirectories(dir);
    std::vector<std::string> written;
    const std::string weights = runDir + "/" + j.at("weights").get<std::string>();
    if (sha256File(weights) != j.at("weights_sha256").get<std::string>())
        throw UsageError(weights + ": the weights do not match their model record");
    copyFile(weights, dir + "/model.safetensors");
    written.push_back(dir + "/model.safetensors");
    // The encoder: the one the model reads (fine-tuned or text tower), else the one its item
    // vectors came from, kept in the run folder.
    const std::string usedEncoder = j.value("encoder_dir", "");
    const std::string encoderFrom = runDir + "/" + (usedEncoder.empty() ? "encoder" : usedEncoder);
    bool haveEncoder = false;
    if (isDirectory(encoderFrom)) {
        makeDirectories(dir + "/encoder");
        for (const char* f : {"config.json", "vocab.txt", "tokenizer_config.json",
                              "model.safetensors", "tokenizer.json", "special_tokens_map.json"})
            if (pathExists(encoderFrom + "/" + f)) {
                copyFile(encoderFrom + "/" + f, dir + "/encoder/" + f);
                written.push_back(dir + "/encoder/" + f);
            }
        haveEncoder = true;
    }
    j["weights"] = "model.safetensors";
    j["encoder_dir"] = usedEncoder.empty() ? "" : "encoder";
    j["hf_encoder_dir"] = haveEncoder ? "encoder" : "";
    j["source_run"] = run.id;
    j["dataset"] = run.dataset;
    // α as the run was evaluated (a later eval may have re-ranked; the options keep training's)
    const SessionCorpus corpus = loadCorpus(store, run.dataset, run.splitName);
    nlohmann::json items = {{"format", "srw-item-index"}, {"version", 1},
                            {"external_ids", corpus.itemExternalIds}};
    writeFileAtomically(dir + "/items.json", items.dump());
    written.push_back(dir + "/items.json");
    writeFileAtomically(dir + "/model.json", j.dump(2));
    written.push_back(dir + "/model.json");
    return written;
}

std::unique_ptr<BertMlpRecommender> loadModelDir(SessionStore& store, const std::string& dataset,
                                                 const std::string& dir,
                                                 const ParamMap& overrides) {
    const std::string modelJson = dir + "/model.json";
    if (!pathExists(modelJson))
        throw UsageError(dir + ": no model.json (write one with `srw export model RUN --out DIR`)");
    const SessionCorpus corpus = loadCorpus(store, dataset);
    if (pathExists(dir + "/items.json")) {
        const auto items = nlohmann::json::parse(readWhole(dir + "/items.json"));
        if (items.at("external_ids").get<std::vector<std::string>>() != corpus.itemExternalIds)
            throw UsageError(dir + ": the model's items are not dataset '" + dataset + "''s items");
    }
    const model::ModelOverrides o = model::parseModelOverrides(overrides, false, "a model folder");
    const Texts texts = denseItemTexts(store, dataset, corpus);
    auto model = model::loadModelFile(modelJson, texts.texts, texts.hasText, o.device, o.threads);
    model::applyRerank(*model, o.rerank);
    return model;
}

} // namespace srw
