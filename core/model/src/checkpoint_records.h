#pragma once
// Internal to srw_model and torch-free: the JSON of checkpoints and model records, and the naming
// rules of the optimiser's parameters.
#include "srw/model/bert_mlp_trainer.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace srw::model {

/** v with `digits` decimals. */
std::string fixed(double v, int digits);
/** "1h2m", "3m4s", "5s". */
std::string duration(double seconds);
/** A checkpoint or model JSON; throws UsageError naming the file. */
nlohmann::json readJson(const std::string& path);
std::string dirOf(const std::string& path);
/** Whether a fine-tuning mode (tunedLayers: 0 frozen, −1 full, N the last N) trains a parameter. */
bool tuned(const std::string& name, int tunedLayers, std::int64_t numLayers);
/** BERT's recipe: no weight decay on biases, LayerNorm weights and the recency table. */
bool decays(const std::string& name);

nlohmann::json epochJson(const TrainEpochStats& e);
TrainEpochStats epochFromJson(const nlohmann::json& j);
/** The model record's "calibration" object. */
nlohmann::json calibrationJson(const TrainEpochStats& e);
/** "key A there, B here" for each training-key field that differs. */
std::string describeDifference(const nlohmann::json& stored, const nlohmann::json& now);

} // namespace srw::model
