// Fuzz target of the config.json reader (BertConfig, torch-free). An accepted config must be
// valid and read back the same from its own toJson().
#include "fuzz_support.h"

#include "srw/text/bert_config.h"
#include "srw/util/error.h"

namespace srw::fuzz {
std::vector<std::string> generatedCases() {
    return {std::string(1u << 20, '['), "{\"vocab_size\":" + std::string(1u << 20, '9') + "}"};
}
} // namespace srw::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    srw::BertConfig c;
    try {
        c = srw::BertConfig::fromJson(text, "config.json");
    } catch (const srw::InputError&) {
        return 0;
    }
    c.validate();
    const srw::BertConfig b = srw::BertConfig::fromJson(c.toJson(), "round trip");
    SRW_FUZZ_CHECK(b.vocabSize == c.vocabSize && b.hiddenSize == c.hiddenSize &&
                   b.numHiddenLayers == c.numHiddenLayers &&
                   b.numAttentionHeads == c.numAttentionHeads &&
                   b.intermediateSize == c.intermediateSize &&
                   b.maxPositionEmbeddings == c.maxPositionEmbeddings &&
                   b.typeVocabSize == c.typeVocabSize && b.padTokenId == c.padTokenId &&
                   b.hiddenAct == c.hiddenAct && b.architectures == c.architectures);
    SRW_FUZZ_CHECK(b.layerNormEps == c.layerNormEps &&
                   b.hiddenDropoutProb == c.hiddenDropoutProb &&
                   b.attentionProbsDropoutProb == c.attentionProbsDropoutProb);
    return 0;
}
