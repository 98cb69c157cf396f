#pragma once
// No LibTorch here: the CLI and the GUI's training panel fill these options without torch headers.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace srw {

/** @brief How the two parts of the score are combined. */
enum class BlendMode {
    Probability, ///< p = α·s_cf + (1−α)·f, both in [0, 1]
    Rank,        ///< the same blend of each part's rank percentile over the catalogue
};

/**
 * @brief Everything that defines a BERT+MLP model and its training (the run's full config).
 *
 * The defaults are the fast configuration: the embedded encoder, frozen (item vectors cached),
 * a session tower that pools the cached item vectors with attention.
 */
struct BertMlpOptions {
    // The blend p(u, v) = α·s_cf(u, v) + (1 − α)·f(u, v).
    double alpha = 0.6;
    BlendMode blend = BlendMode::Probability;

    // Encoder: "embedded" (the workspace's pre-trained encoder of the dataset when `srw pretrain`
    // made one, else a fresh embedded-size BERT with a WordPiece vocabulary learned from the
    // item texts) or a Hugging Face directory.
    std::string encoder = "embedded";
    std::string finetune = "frozen"; ///< frozen, last:N (the last N layers), full
    std::string sessionEncoder = "pooled"; ///< text (BERT over the session text) or pooled
    std::string sessionPooling = "attention"; ///< pooled tower: attention or mean
    bool idEmbedding = true;      ///< a learned id vector added to the text vector of warm items
    std::vector<int> mlpWidths{256}; ///< hidden widths; the output layer (1 logit) is added
    double dropout = 0.0;        ///< before each layer after the first
    int maxSessionItems = 10;     ///< the most recent items the session tower reads
    int itemTextTokens = 64;      ///< item texts are truncated to this many tokens
    int sessionTextTokens = 128;  ///< session texts (text tower) likewise

    // s_cf: regularised cosine of co-occurrence counts (see cf_similarity.h).
    double cfShrink = 20.0;
    int cfNeighbors = 200;        ///< neighbours kept per item
    double cfRecencyDecay = 10.0; ///< weight of the k-th most recent item: 1 / (1 + decay·k)

    // Training.
    int epochs = 5;
    int batchSize = 256;
    double learningRate = 2e-3;   ///< MLP, session tower and id embeddings
    double encoderLearningRate = 5e-5; ///< the encoder's tuned layers
    double weightDecay = 0.01;    ///< AdamW; not on biases and LayerNorm weights
    double warmupFraction = 0.05; ///< linear warm-up over this share of the steps, then linear decay
    double maxGradNorm = 1.0;
    int negatives = 64;          ///< popularity-sampled negatives per batch (shared), besides in-batch ones
    double negativePower = 0.75;  ///< sampling probability ∝ count^power
    std::string loss = "bce+softmax"; ///< bce, or bce+softmax (the sampled softmax added)
    /// platt: f = σ(a·logit + b) with a, b fitted on the validation sample after each epoch
    /// (see platt_scaling.h), so f stays a calibrated probability as training sharpens it;
    /// none: f = σ(logit).
    std::string calibration = "platt";
    int patience = 2;             ///< epochs without a better validation MRR@20 before stopping
    int validSessions = 500;      ///< validation sample (evenly spread over the valid part); 0: all
    int maxTrainSessions = 0;     ///< use only the last N training sessions (0: all), for quick runs
    std::uint64_t seed = 42;
    bool deterministic = false;   ///< deterministic algorithms (same weights on every run)

    // Runtime only: these never change what is learned (apart from floating-point order).
    std::string device = "auto";  ///< auto (CUDA with bf16 autocast when available), cpu, cuda[:N]
    int threads = 0;              ///< torch::set_num_threads when > 0

    /** @brief Throws UsageError naming the first bad field. */
    void validate() const;
    /** @brief The number N of "last:N", 0 for frozen, -1 for full. */
    int tunedLayers() const;

    /** @brief Every field, with snake_case keys. */
    nlohmann::json toJson() const;
    /** @brief Reads toJson()'s shape; missing keys keep their defaults, unknown keys are refused. */
    static BertMlpOptions fromJson(const nlohmann::json& j);
    /**
     * @brief The fields that shape the weights: all but device and threads (α and the blend
     * are in: early stopping judges the blended score). A checkpoint resumes only under the
     * same ones; evaluation may still re-rank with another α.
     */
    nlohmann::json trainingKey() const;
};

/** @brief "probability" / "rank"; parseBlendMode throws UsageError otherwise. */
std::string toString(BlendMode mode);
BlendMode parseBlendMode(const std::string& text);

} // namespace srw
