#pragma once
// No LibTorch in this header: callers (CLI, GUI, model code) compile without torch's headers.
#include "srw/text/bert_config.h"
#include "srw/text/tokenizer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace srw {

/** @brief How a text's token vectors become one sentence vector. */
enum class Pooling {
    Cls,   ///< the last hidden state of [CLS]
    Mean,  ///< the mean over non-padding tokens
    Pooler ///< BERT's pooler: tanh(dense([CLS])); needs pooler weights
};

/** @brief Padded model inputs, row-major [batchSize, seqLen]. */
struct BertBatch {
    std::int64_t batchSize = 0;
    std::int64_t seqLen = 0;
    std::vector<std::int64_t> inputIds;
    std::vector<std::int64_t> attentionMask; ///< 1 for tokens, 0 for padding
    std::vector<std::int64_t> tokenTypeIds;

    /** @brief Pads encodings on the right with padId to the longest. */
    static BertBatch fromEncodings(const std::vector<Encoding>& encodings, std::int32_t padId);
};

/** @brief What forward() computes; each array is row-major and float32. */
struct BertForwardOptions {
    bool hiddenStates = false; ///< embeddings output + each layer's output
    bool pooler = true;        ///< ignored when the model has no pooler
    bool mlmLogits = false;    ///< needs the MLM head
};

/** @brief forward()'s results; empty vectors for what was not asked for. */
struct BertOutputs {
    std::int64_t batchSize = 0, seqLen = 0, hiddenSize = 0, vocabSize = 0;
    std::vector<float> lastHiddenState;           ///< [B, T, H]
    std::vector<float> poolerOutput;              ///< [B, H]
    std::vector<std::vector<float>> hiddenStates; ///< layers + 1 of [B, T, H]
    std::vector<float> mlmLogits;                 ///< [B, T, V]
};

/** @brief Where the encoder runs: "cpu", "cuda", "cuda:N" or "auto" (CUDA when available). */
struct BertLoadOptions {
    std::string device = "cpu";
};

/**
 * @brief BERT (Hugging Face parameter names) in LibTorch, with its tokenizer.
 *
 * Loads a Hugging Face directory (config.json, vocab.txt, optional tokenizer_config.json,
 * model.safetensors in F32/F16/BF16, BertModel / BertForMaskedLM / BertForPreTraining layouts,
 * with or without the "bert." prefix) and saves back in the same format. All weights are float32
 * in memory. const members may be called from one thread at a time (LibTorch's per-thread state).
 */
class BertEncoder {
public:
    /** @brief Loads a checkpoint directory; throws std::runtime_error (SafeTensorsError,
     * InputError…) naming the file and the problem. Pickle checkpoints are refused. */
    static BertEncoder load(const std::string& dir, const BertLoadOptions& options = {});
    /** @brief A freshly initialised model (transformers' initialisation), for pre-training. */
    static BertEncoder create(const BertConfig& config, Tokenizer tokenizer, bool withMlmHead,
                              std::uint64_t seed, const BertLoadOptions& options = {});

    BertEncoder(BertEncoder&&) noexcept;
    BertEncoder& operator=(BertEncoder&&) noexcept;
    ~BertEncoder();

    /** @brief Writes config.json, vocab.txt, tokenizer_config.json and model.safetensors (F32;
     * "bert."-prefixed with cls.predictions.* when there is an MLM head, as transformers does).
     * Creates dir if needed; each file is written atomically. */
    void save(const std::string& dir) const;

    const BertConfig& config() const;
    const Tokenizer& tokenizer() const;
    bool hasMlmHead() const;
    bool hasPooler() const;
    std::int64_t hiddenSize() const;
    /** @brief "cpu" or "cuda:N". */
    std::string device() const;

    /** @brief Runs the model in evaluation mode (no dropout, no gradients). */
    BertOutputs forward(const BertBatch& batch, const BertForwardOptions& options = {}) const;

    /**
     * @brief Sentence vectors of texts: row-major [texts.size(), hiddenSize()]. Texts are
     * tokenized (truncated to maxLength, 0 = the tokenizer's model_max_length capped at the
     * position table), grouped by length into batches of batchSize, and pooled.
     */
    std::vector<float> encode(const std::vector<std::string>& texts, Pooling pooling = Pooling::Cls,
                              std::size_t batchSize = 64, std::size_t maxLength = 0) const;

    /** @brief SHA-256 over config, vocabulary and weights: a key for embedding caches. */
    std::string fingerprint() const;

    /** @brief Whether LibTorch sees a CUDA device. */
    static bool cudaAvailable();

    struct Impl;
    Impl& impl() { return *m_impl; }
    const Impl& impl() const { return *m_impl; }

private:
    explicit BertEncoder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace srw
