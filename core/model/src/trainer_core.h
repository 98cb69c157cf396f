#pragma once
// Internal to srw_model and torch-free: what the store-facing code (train_run.cpp) hands to the
// LibTorch training loop (bert_mlp_trainer.cpp) and gets back.
#include "srw/data/session_data.h"
#include "srw/model/bert_mlp_trainer.h"
#include "srw/text/bert_encoder.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace srw::model {

struct TrainData {
    const SessionCorpus* corpus = nullptr;
    std::vector<std::string> itemTexts;  ///< dense item order
    std::vector<std::uint8_t> hasText;
    std::vector<float> itemVectors;      ///< numItems × hidden, the encoder's pooled text vectors
    std::int64_t hidden = 0;
    std::optional<BertEncoder> encoder;  ///< kept when the model needs it (text tower, tuning)
    std::string encoderKey;
    std::string encoderDir;              ///< relative to runDir
    std::string runDir;
    std::string dataHash;
    std::string resumeCheckpoint;        ///< checkpoint JSON to continue from, or empty
};

struct TrainSinks {
    std::function<void(int epoch, std::uint64_t step, const std::string& json,
                       const std::string& sha256)>
        onCheckpoint;
    std::function<void(const TrainEpochStats&)> onEpoch;
};

struct TrainCoreResult {
    bool cancelled = false;
    std::vector<TrainEpochStats> epochs;
    int bestEpoch = 0;
    std::unique_ptr<BertMlpRecommender> model; ///< the best epoch's (null when cancelled)
    std::string checkpoint;                    ///< last good checkpoint JSON
    std::string modelFile;                     ///< best.json
    std::string modelSha256;
    double seconds = 0;
};

/** The training loop; throws UsageError for a checkpoint of another configuration or data. */
TrainCoreResult runTraining(const BertMlpOptions& options, TrainData data, const TrainSinks& sinks,
                            const ProgressFn& progress);

/** Loads a model JSON (best.json) with its weights. The encoder is needed for the text tower and
 * for fine-tuned models; itemTexts are the dense item texts. */
std::unique_ptr<BertMlpRecommender> loadModelFile(const std::string& modelJson,
                                                  const std::vector<std::string>& itemTexts,
                                                  const std::vector<std::uint8_t>& hasText,
                                                  const std::string& device, int threads);

/** The settings a stored model takes when it is loaded for evaluation: where it runs, and what
 * re-ranks it without retraining (alpha, blend, and with cf the s_cf settings). */
struct ModelOverrides {
    std::string device;
    int threads = 0;
    ParamMap rerank;
};
/** Splits and checks overrides; what names the model in messages ("a trained bert-mlp model"). */
ModelOverrides parseModelOverrides(const ParamMap& overrides, bool cf, const std::string& what);
/** Applies alpha, blend and the s_cf settings; throws UsageError for a bad value. */
void applyRerank(BertMlpRecommender& model, const ParamMap& rerank);

/** {"device", "libtorch", "threads", "cuda_available", "deterministic"} for a run's record. */
nlohmann::json torchEnvironment(const BertMlpOptions& options);
/** Applies threads, the deterministic switch; returns the device name training will use. */
std::string setUpTorch(const BertMlpOptions& options);

} // namespace srw::model
