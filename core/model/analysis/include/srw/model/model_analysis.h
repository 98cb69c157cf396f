#pragma once
// No LibTorch here: what the analyses of core/analysis need from a trained BERT+MLP model, as
// plain functions and vectors, and the model's export to a folder that srw loads back.
#include "srw/analysis/bandit_replay.h"
#include "srw/analysis/recommend_explain.h"
#include "srw/data/session_store.h"
#include "srw/eval/recommender.h"
#include "srw/model/bert_mlp_recommender.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace srw {

/** @brief s_cf and f of every item for a prefix (the model must be fitted); thread-safe. */
BlendPartsFn modelBlendParts(const BertMlpRecommender& model);

/** @brief The item tower's text vectors (the encoder's pooled text of each item, before the
 * learned id vectors), row-major numItems × dim. */
std::vector<float> modelTextVectors(const BertMlpRecommender& model, std::size_t& dim);

/** @brief sim(i, j) of the model's s_cf as fitted (0 outside i's kept neighbours). */
double modelCfSimilarity(const BertMlpRecommender& model, std::int32_t i, std::int32_t j);

/** @brief Parts, CF similarity and text vectors (stored in vectors, which must outlive it). */
ExplainSources modelExplainSources(const BertMlpRecommender& model, std::vector<float>& vectors);

/**
 * @brief Writes a stored bert-mlp run's model to dir:
 *   model.json         the scorer's config (format srw-bert-mlp-model: options, sizes, α)
 *   model.safetensors  the scorer's weights (item text vectors, id vectors, session tower, MLP)
 *   encoder/           the BERT encoder in the Hugging Face layout (config.json, vocab.txt,
 *                      tokenizer_config.json, model.safetensors) when the run kept one
 *   items.json         the external item id of each row, so a loader can check the catalogue
 * Files are written atomically; returns the files written.
 */
std::vector<std::string> exportTrainedModel(SessionStore& store, std::int64_t runId,
                                            const std::string& dir);

/**
 * @brief Loads a folder written by exportTrainedModel() for a dataset whose catalogue it was
 * trained on (checked against items.json). overrides: alpha, blend, device, threads. The model
 * still needs fit() (s_cf is built from the training sessions).
 */
std::unique_ptr<BertMlpRecommender> loadModelDir(SessionStore& store, const std::string& dataset,
                                                 const std::string& dir,
                                                 const ParamMap& overrides = {});

/**
 * @brief Writes a model without an encoder inside it (the pooled session tower over frozen text
 * vectors, e.g. one made by BertMlpRecommender::createUntrained) as training writes its best
 * epoch: dir/best.json and dir/best.safetensors. A train run whose params.model_file names the
 * returned best.json is exported and loaded like a trained one. Throws UsageError for a model
 * that carries an encoder (those are written by training, with the encoder folder).
 */
std::string saveModelFile(const BertMlpRecommender& model, const std::string& dir);

} // namespace srw

