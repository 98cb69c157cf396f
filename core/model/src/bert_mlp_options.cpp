#include "srw/model/bert_mlp_options.h"

#include "srw/util/error.h"
#include "srw/util/text_utils.h"

namespace srw {

std::string toString(BlendMode mode) { return mode == BlendMode::Rank ? "rank" : "probability"; }

BlendMode parseBlendMode(const std::string& text) {
    if (text == "probability" || text == "prob")
        return BlendMode::Probability;
    if (text == "rank")
        return BlendMode::Rank;
    throw UsageError("blend must be probability or rank, not '" + text + "'");
}

int BertMlpOptions::tunedLayers() const {
    if (finetune == "frozen")
        return 0;
    if (finetune == "full")
        return -1;
    long long n = 0;
    if (startsWith(finetune, "last:") && parseInt64(finetune.substr(5), n) && n > 0 && n < 1000)
        return int(n);
    throw UsageError("--finetune takes frozen, last:N (N >= 1) or full, not '" + finetune + "'");
}

void BertMlpOptions::validate() const {
    auto need = [](bool ok, const std::string& what) {
        if (!ok)
            throw UsageError(what);
    };
    need(alpha >= 0 && alpha <= 1, "alpha must lie in [0, 1]");
    need(!encoder.empty(), "encoder must be 'embedded' or a directory");
    tunedLayers();
    need(sessionEncoder == "text" || sessionEncoder == "pooled",
         "session encoder must be text or pooled, not '" + sessionEncoder + "'");
    need(sessionPooling == "attention" || sessionPooling == "mean",
         "session pooling must be attention or mean, not '" + sessionPooling + "'");
    need(!mlpWidths.empty(), "the MLP needs at least one hidden layer");
    for (int w : mlpWidths)
        need(w > 0 && w <= 65536, "MLP widths must be positive");
    need(dropout >= 0 && dropout < 1, "dropout must lie in [0, 1)");
    need(maxSessionItems >= 1 && maxSessionItems <= 512, "max session items must be 1..512");
    need(itemTextTokens >= 3 && sessionTextTokens >= 3, "text lengths must be at least 3 tokens");
    need(cfShrink >= 0 && cfNeighbors >= 1 && cfRecencyDecay >= 0, "bad s_cf settings");
    need(epochs >= 1 && epochs <= 10000, "epochs must be 1..10000");
    need(batchSize >= 2 && batchSize <= 1 << 20, "batch size must be at least 2");
    need(learningRate > 0 && encoderLearningRate >= 0, "learning rates must be positive");
    need(weightDecay >= 0 && warmupFraction >= 0 && warmupFraction < 1 && maxGradNorm >= 0,
         "bad optimiser settings");
    need(negatives >= 0 && negativePower >= 0, "negatives must be >= 0");
    need(loss == "bce" || loss == "bce+softmax", "loss must be bce or bce+softmax, not '" + loss + "'");
    need(calibration == "platt" || calibration == "none",
         "calibration must be platt or none, not '" + calibration + "'");
    need(patience >= 1 && validSessions >= 0 && maxTrainSessions >= 0, "bad early-stopping settings");
}

nlohmann::json BertMlpOptions::toJson() const {
    return {{"alpha", alpha},
            {"blend", toString(blend)},
            {"encoder", encoder},
            {"finetune", finetune},
            {"session_encoder", sessionEncoder},
            {"session_pooling", sessionPooling},
            {"id_embedding", idEmbedding},
            {"mlp_widths", mlpWidths},
            {"dropout", dropout},
            {"max_session_items", maxSessionItems},
            {"item_text_tokens", itemTextTokens},
            {"session_text_tokens", sessionTextTokens},
            {"cf_shrink", cfShrink},
            {"cf_neighbors", cfNeighbors},
            {"cf_recency_decay", cfRecencyDecay},
            {"epochs", epochs},
            {"batch_size", batchSize},
            {"lr", learningRate},
            {"encoder_lr", encoderLearningRate},
            {"weight_decay", weightDecay},
            {"warmup_fraction", warmupFraction},
            {"max_grad_norm", maxGradNorm},
            {"negatives", negatives},
            {"negative_power", negativePower},
            {"loss", loss},
            {"calibration", calibration},
            {"patience", patience},
            {"valid_sessions", validSessions},
            {"max_train_sessions", maxTrainSessions},
            {"seed", seed},
            {"deterministic", deterministic},
            {"device", device},
            {"threads", threads}};
}

BertMlpOptions BertMlpOptions::fromJson(const nlohmann::json& j) {
    if (!j.is_object())
        throw UsageError("model options must be a JSON object");
    BertMlpOptions o;
    const auto known = o.toJson();
    for (auto& [k, v] : j.items())
        if (!known.contains(k))
            throw UsageError("unknown model option '" + k + "'");
    try {
        auto get = [&](const char* k, auto& field) {
            if (j.contains(k))
                j.at(k).get_to(field);
        };
        get("alpha", o.alpha);
        if (j.contains("blend"))
            o.blend = parseBlendMode(j.at("blend").get<std::string>());
        get("encoder", o.encoder);
        get("finetune", o.finetune);
        get("session_encoder", o.sessionEncoder);
        get("session_pooling", o.sessionPooling);
        get("id_embedding", o.idEmbedding);
        get("mlp_widths", o.mlpWidths);
        get("dropout", o.dropout);
        get("max_session_items", o.maxSessionItems);
        get("item_text_tokens", o.itemTextTokens);
        get("session_text_tokens", o.sessionTextTokens);
        get("cf_shrink", o.cfShrink);
        get("cf_neighbors", o.cfNeighbors);
        get("cf_recency_decay", o.cfRecencyDecay);
        get("epochs", o.epochs);
        get("batch_size", o.batchSize);
        get("lr", o.learningRate);
        get("encoder_lr", o.encoderLearningRate);
        get("weight_decay", o.weightDecay);
        get("warmup_fraction", o.warmupFraction);
        get("max_grad_norm", o.maxGradNorm);
        get("negatives", o.negatives);
        get("negative_power", o.negativePower);
        get("loss", o.loss);
        get("calibration", o.calibration);
        get("patience", o.patience);
        get("valid_sessions", o.validSessions);
        get("max_train_sessions", o.maxTrainSessions);
        get("seed", o.seed);
        get("deterministic", o.deterministic);
        get("device", o.device);
        get("threads", o.threads);
    } catch (const nlohmann::json::exception& e) {
        throw UsageError(std::string("bad model options: ") + e.what());
    }
    return o;
}

nlohmann::json BertMlpOptions::trainingKey() const {
    auto j = toJson();
    j.erase("device");
    j.erase("threads");
    return j;
}

} // namespace srw
