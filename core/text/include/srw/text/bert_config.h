#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace srw {

/** @brief The fields of Hugging Face's BertConfig (config.json) that the encoder uses. */
struct BertConfig {
    std::int64_t vocabSize = 30522;
    std::int64_t hiddenSize = 768;
    std::int64_t numHiddenLayers = 12;
    std::int64_t numAttentionHeads = 12;
    std::int64_t intermediateSize = 3072;
    std::int64_t maxPositionEmbeddings = 512;
    std::int64_t typeVocabSize = 2;
    double layerNormEps = 1e-12;
    double hiddenDropoutProb = 0.1;
    double attentionProbsDropoutProb = 0.1;
    double initializerRange = 0.02;
    std::int64_t padTokenId = 0;
    std::string hiddenAct = "gelu"; ///< gelu (erf), gelu_new / gelu_pytorch_tanh, relu
    std::vector<std::string> architectures = {"BertModel"};

    /** @brief Reads config.json; throws srw::InputError for a missing field, a non-BERT
     * model_type, relative position embeddings, or inconsistent sizes. */
    static BertConfig fromJsonFile(const std::string& path);
    /** @brief Parses a config.json text; name is used in messages. */
    static BertConfig fromJson(const std::string& text, const std::string& name);
    /** @brief config.json text that Python transformers loads. */
    std::string toJson() const;
    /** @brief Throws std::invalid_argument unless every size is positive and the hidden size
     * divides into the heads. */
    void validate() const;

    /**
     * @brief The embedded default for users without a checkpoint: 2 layers, hidden 128, 4 heads,
     * intermediate 512, 128 positions.
     */
    static BertConfig embeddedDefault(std::int64_t vocabSize);
};

} // namespace srw
