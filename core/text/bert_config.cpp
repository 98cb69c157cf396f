#include "srw/text/bert_config.h"

#include "srw/util/error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <type_traits>
#include <sstream>
#include <stdexcept>

namespace srw {

namespace {

// Integers must be integral and in range: nlohmann's get<int64_t>() of 1e300 is a float-to-int
// conversion with undefined behaviour, and 3.5 would silently become 3 (found by fuzzing).
template <typename T>
void readNumber(const nlohmann::json& j, const char* key, T& out, const std::string& name,
                bool required) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required)
            throw InputError(name, 0, 0, std::string("missing \"") + key + "\"");
        return;
    }
    if (!it->is_number())
        throw InputError(name, 0, 0, std::string("\"") + key + "\" is not a number");
    if constexpr (std::is_integral_v<T>) {
        const auto notInteger = [&] {
            return InputError(name, 0, 0,
                              std::string("\"") + key + "\" is not an integer in range: " +
                                  it->dump());
        };
        if (it->is_number_unsigned()) {
            if (it->get<std::uint64_t>() > std::uint64_t(std::numeric_limits<T>::max()))
                throw notInteger();
            out = T(it->get<std::uint64_t>());
        } else if (it->is_number_integer()) {
            out = T(it->get<std::int64_t>());
        } else {
            const double v = it->get<double>();
            // 2^63 is exactly representable; every double below it in magnitude converts.
            if (!(v == std::floor(v)) || !(std::fabs(v) < 9223372036854775808.0))
                throw notInteger();
            out = T(v);
        }
    } else {
        out = it->get<T>();
    }
}

// Strings read with a default; a present value of another type is an error, not an exception
// of nlohmann's (json::value() throws type_error for it, found by fuzzing).
std::string readString(const nlohmann::json& j, const char* key, const std::string& fallback,
                       const std::string& name) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return fallback;
    if (!it->is_string())
        throw InputError(name, 0, 0, std::string("\"") + key + "\" is not a string");
    return it->get<std::string>();
}

// A hostile or mistaken config.json must not make the encoder allocate absurd memory before the
// weights are compared with it: 2e9 parameters are 8 GB of float32, six times BERT-large.
constexpr long double kMaxParameters = 2e9L;

} // namespace

BertConfig BertConfig::fromJsonFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, 0, 0, "cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    return fromJson(ss.str(), path);
}

BertConfig BertConfig::fromJson(const std::string& text, const std::string& name) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw InputError(name, 0, 0, std::string("not valid JSON: ") + e.what());
    }
    if (!j.is_object())
        throw InputError(name, 0, 0, "not a JSON object");
    const std::string modelType = readString(j, "model_type", "bert", name);
    if (modelType != "bert")
        throw InputError(name, 0, 0,
                         "model_type \"" + modelType + "\" is not BERT (only \"bert\" is read)");
    const std::string pos = readString(j, "position_embedding_type", "absolute", name);
    if (pos != "absolute")
        throw InputError(name, 0, 0,
                         "position_embedding_type \"" + pos + "\" is not supported (absolute only)");
    BertConfig c;
    readNumber(j, "vocab_size", c.vocabSize, name, true);
    readNumber(j, "hidden_size", c.hiddenSize, name, true);
    readNumber(j, "num_hidden_layers", c.numHiddenLayers, name, true);
    readNumber(j, "num_attention_heads", c.numAttentionHeads, name, true);
    readNumber(j, "intermediate_size", c.intermediateSize, name, true);
    readNumber(j, "max_position_embeddings", c.maxPositionEmbeddings, name, false);
    readNumber(j, "type_vocab_size", c.typeVocabSize, name, false);
    readNumber(j, "layer_norm_eps", c.layerNormEps, name, false);
    readNumber(j, "hidden_dropout_prob", c.hiddenDropoutProb, name, false);
    readNumber(j, "attention_probs_dropout_prob", c.attentionProbsDropoutProb, name, false);
    readNumber(j, "initializer_range", c.initializerRange, name, false);
    readNumber(j, "pad_token_id", c.padTokenId, name, false);
    c.hiddenAct = readString(j, "hidden_act", c.hiddenAct, name);
    if (c.hiddenAct != "gelu" && c.hiddenAct != "gelu_new" &&
        c.hiddenAct != "gelu_pytorch_tanh" && c.hiddenAct != "relu")
        throw InputError(name, 0, 0, "hidden_act \"" + c.hiddenAct + "\" is not supported");
    if (j.contains("architectures") && j["architectures"].is_array()) {
        c.architectures.clear();
        for (const auto& a : j["architectures"])
            if (a.is_string())
                c.architectures.push_back(a.get<std::string>());
    }
    try {
        c.validate();
    } catch (const std::invalid_argument& e) {
        throw InputError(name, 0, 0, e.what());
    }
    return c;
}

void BertConfig::validate() const {
    if (vocabSize <= 0 || hiddenSize <= 0 || numHiddenLayers <= 0 || numAttentionHeads <= 0 ||
        intermediateSize <= 0 || maxPositionEmbeddings <= 0 || typeVocabSize <= 0)
        throw std::invalid_argument("BERT config: every size must be positive");
    if (hiddenSize % numAttentionHeads != 0)
        throw std::invalid_argument("BERT config: hidden_size " + std::to_string(hiddenSize) +
                                    " is not a multiple of num_attention_heads " +
                                    std::to_string(numAttentionHeads));
    if (padTokenId < 0 || padTokenId >= vocabSize)
        throw std::invalid_argument("BERT config: pad_token_id outside the vocabulary");
    // Roughly every weight of BertModel plus an MLM head, in long double so nothing overflows.
    const long double h = hiddenSize, v = vocabSize, inter = intermediateSize;
    const long double params = (v + maxPositionEmbeddings + typeVocabSize + 8) * h +
                               numHiddenLayers * (4 * h * h + 2 * h * inter + 10 * h + inter) +
                               2 * h * h + v;
    if (params > kMaxParameters)
        throw std::invalid_argument(
            "BERT config: the sizes imply about " + std::to_string(double(params)) +
            " parameters, more than the limit of 2e9 (8 GB of float32); refused before "
            "allocating");
    if (!(layerNormEps > 0) || hiddenDropoutProb < 0 || hiddenDropoutProb >= 1 ||
        attentionProbsDropoutProb < 0 || attentionProbsDropoutProb >= 1)
        throw std::invalid_argument("BERT config: bad layer_norm_eps or dropout");
}

std::string BertConfig::toJson() const {
    nlohmann::ordered_json j;
    j["architectures"] = architectures;
    j["model_type"] = "bert";
    j["vocab_size"] = vocabSize;
    j["hidden_size"] = hiddenSize;
    j["num_hidden_layers"] = numHiddenLayers;
    j["num_attention_heads"] = numAttentionHeads;
    j["intermediate_size"] = intermediateSize;
    j["hidden_act"] = hiddenAct;
    j["hidden_dropout_prob"] = hiddenDropoutProb;
    j["attention_probs_dropout_prob"] = attentionProbsDropoutProb;
    j["max_position_embeddings"] = maxPositionEmbeddings;
    j["type_vocab_size"] = typeVocabSize;
    j["initializer_range"] = initializerRange;
    j["layer_norm_eps"] = layerNormEps;
    j["pad_token_id"] = padTokenId;
    j["position_embedding_type"] = "absolute";
    j["torch_dtype"] = "float32";
    return j.dump(2) + "\n";
}

BertConfig BertConfig::embeddedDefault(std::int64_t vocabSize) {
    BertConfig c;
    c.vocabSize = vocabSize;
    c.hiddenSize = 128;
    c.numHiddenLayers = 2;
    c.numAttentionHeads = 4;
    c.intermediateSize = 512;
    c.maxPositionEmbeddings = 128;
    c.architectures = {"BertForMaskedLM"};
    return c;
}

} // namespace srw
