#pragma once
// No LibTorch here: the CLI and the GUI's training worker call these with plain options.
#include "srw/data/session_store.h"
#include "srw/eval/eval_options.h"
#include "srw/eval/eval_result.h"
#include "srw/model/bert_mlp_options.h"
#include "srw/model/bert_mlp_recommender.h"
#include "srw/util/progress.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace srw {

/** @brief One finished epoch (also stored with RunStore::addEpoch). */
struct TrainEpochStats {
    int epoch = 0;            ///< 1-based
    std::uint64_t steps = 0;  ///< optimiser steps so far, all epochs
    double trainLoss = 0;     ///< mean loss of the epoch
    double validMrr = -1;     ///< MRR@20 on the validation sample; -1 without validation data
    double seconds = 0;
    double sequencesPerSecond = 0;
    bool improved = false;    ///< the best epoch so far (its weights are the model's)
    /// Platt scaling of f fitted on the validation sample after the epoch (1, 0 without one);
    /// the log-losses of f on those pairs before and after it.
    double calibScale = 1, calibBias = 0, calibLossBefore = 0, calibLossAfter = 0;
};

/** @brief What trainBertMlp() is asked to do. */
struct TrainRequest {
    std::string dataset;
    std::string split;   ///< empty: the active split
    std::string runName;
    BertMlpOptions options;
    /// A stored bert-mlp run to continue from its last checkpoint (its options must match);
    /// 0 starts a new run.
    std::int64_t resumeRun = 0;
    /// The protocol of the final test evaluation (the defaults of `srw eval`); its progress is
    /// ignored (the training's progress callback gets the stages).
    EvalOptions testProtocol;
    /// Called after every epoch from the training thread (for a loss chart).
    std::function<void(const TrainEpochStats&)> onEpoch;
    /// Where runs keep their checkpoints; empty: workspaceDataDir(store) + "/runs".
    std::string runsDir;
};

/** @brief What a training run did. */
struct TrainOutcome {
    std::int64_t runId = 0;
    std::string status;                 ///< finished, cancelled (failures throw)
    std::vector<TrainEpochStats> epochs; ///< all epochs of the run, resumed ones included
    int bestEpoch = 0;
    bool tested = false;                ///< test is filled (not when cancelled)
    EvalResult test;
    double trainSeconds = 0;
    std::string device;
    double itemTextShare = 0;
    std::string checkpoint;             ///< the last good checkpoint (JSON), empty if none
    std::string modelSha256;            ///< SHA-256 of the final model's weight file
};

/**
 * @brief Trains the BERT+MLP model on a dataset's split and stores it as a run (kind "train",
 * model "bert-mlp"), then evaluates it on the test part with the evaluation protocol.
 *
 * Training: next-item prediction over every prefix of the training sessions; each batch scores
 * its sessions against the batch's targets (in-batch negatives) and `negatives` items sampled by
 * popularity^power (shared by the batch; a candidate equal to a session's target is masked out),
 * with binary cross-entropy (positive vs. negatives, each side averaged: f estimates the chance
 * that an item is the next one rather than a sampled one) plus, by default, the sampled softmax.
 * AdamW with linear warm-up and linear decay, gradient clipping. After each epoch: f's Platt
 * scaling refitted on the validation sample (calibration "platt", see platt_scaling.h), MRR@20 of
 * the blended model on the validation sample (the evaluation machinery), a checkpoint, early
 * stopping; the final model is the best epoch's, with its calibration.
 *
 * Every random choice (initialisation, epoch order, negatives, dropout) derives from the seed and
 * the epoch or step number, so a run resumed from a checkpoint continues exactly as an
 * uninterrupted one would (bit for bit in deterministic mode).
 *
 * progress gets stage "epoch E/N", done/total steps of the epoch and detail
 * "step S, loss L, R seq/s, ETA T" a few times a second (and stages "item vectors",
 * "validation", "test"). Returning false stops after the current step: the run is marked
 * cancelled, its last good checkpoint stays and it can be resumed; the outcome says cancelled.
 * Any other failure marks the run failed and rethrows. Checkpoints of a run live in its own
 * folder, so runs never touch each other's files.
 */
TrainOutcome trainBertMlp(SessionStore& store, const TrainRequest& request,
                          const ProgressFn& progress = {});

/**
 * @brief The model of a stored bert-mlp run (a training run, or an evaluation of one), from its
 * best checkpoint, ready for fit() + evaluate(). overrides may set "alpha" and "blend" (re-ranking
 * without retraining), "device" and "threads". Throws UsageError for another kind of run, a run
 * without a checkpoint, or unknown overrides.
 */
std::unique_ptr<BertMlpRecommender> loadTrainedModel(SessionStore& store, std::int64_t runId,
                                                     const ParamMap& overrides = {});

/** @brief The options a stored bert-mlp run was trained with (to resume it). */
BertMlpOptions storedTrainOptions(SessionStore& store, std::int64_t runId);

/** @brief The folder beside the workspace file for its models and checkpoints:
 * "<workspace without .sqlite>-data" (created). Throws UsageError for an in-memory workspace. */
std::string workspaceDataDir(const SessionStore& store);

/** @brief Options of pretrainDatasetEncoder(). */
struct EncoderPretrainOptions {
    std::size_t vocabSize = 4000;
    int epochs = 5;
    std::size_t batchSize = 32;
    double learningRate = 5e-4;
    std::uint64_t seed = 42;
    int threads = 0;
    std::string device = "auto";
};

/**
 * @brief Trains the embedded encoder for a dataset: a WordPiece vocabulary and masked-language
 * modelling on its item texts; saved (Hugging Face layout) in datasetEncoderDir(), where
 * `--encoder embedded` finds it. Returns the folder.
 */
std::string pretrainDatasetEncoder(SessionStore& store, const std::string& dataset,
                                   const EncoderPretrainOptions& options,
                                   const ProgressFn& progress = {});
/** @brief workspaceDataDir()/encoders/<dataset id>: the dataset's pre-trained encoder. */
std::string datasetEncoderDir(SessionStore& store, const std::string& dataset);

} // namespace srw
