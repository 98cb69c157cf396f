#pragma once
#include "srw/text/bert_encoder.h"
#include "srw/util/progress.h"

#include <cstdint>
#include <string>
#include <vector>

namespace srw {

/** @brief Settings of pretrainMlm(); the defaults suit the embedded 2-layer model. */
struct MlmPretrainOptions {
    int epochs = 5;
    std::size_t batchSize = 32;
    double learningRate = 5e-4;
    double weightDecay = 0.01;   ///< AdamW; not applied to biases and LayerNorm weights
    double warmupFraction = 0.1; ///< linear warm-up over this share of the steps, then linear decay
    std::size_t maxLength = 64;  ///< tokens per text, [CLS]/[SEP] included
    double maskProbability = 0.15;
    double maxGradNorm = 1.0;
    std::uint64_t seed = 42;
    int threads = 0;             ///< torch::set_num_threads when > 0
    std::string device = "auto"; ///< cpu, cuda, cuda:N, auto (CUDA when available)
    bool bf16Autocast = true;    ///< on CUDA only
    std::string checkpointDir;   ///< when set: the model is saved there at the end and on cancel
};

/** @brief Mean loss and masked-token accuracy of one epoch. */
struct MlmEpochStats {
    int epoch = 0; ///< 1-based
    double loss = 0;
    double maskedAccuracy = 0;
    std::uint64_t maskedTokens = 0;
};

/** @brief What pretrainMlm() did. */
struct MlmPretrainResult {
    std::vector<MlmEpochStats> epochs; ///< completed epochs (a cancelled one is not listed)
    bool cancelled = false;
    std::uint64_t steps = 0;
    std::string device;
};

/**
 * @brief Masked-language-model pre-training of an encoder that has an MLM head
 * (BertEncoder::create(..., withMlmHead = true, ...)).
 *
 * Each epoch shuffles the texts; in each text 15% of the non-special tokens are chosen, of which
 * 80% become [MASK], 10% a random token and 10% stay, and the loss is the cross-entropy on the
 * chosen ones. AdamW with linear warm-up and decay, gradient clipping. Runs on CUDA with bf16
 * autocast when available, else on the CPU. progress is called a few times a second with the stage
 * "epoch N/M" and the running loss; returning false stops after the current step (the result says
 * cancelled, the checkpoint is still written). The encoder stays on the training device.
 * Throws std::invalid_argument without an MLM head or without any usable text.
 */
MlmPretrainResult pretrainMlm(BertEncoder& encoder, const std::vector<std::string>& texts,
                              const MlmPretrainOptions& options = {},
                              const ProgressFn& progress = {});

} // namespace srw
