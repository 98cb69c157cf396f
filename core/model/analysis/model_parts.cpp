// The one LibTorch translation unit of the analyses: reads the model's tensors and s_cf.
#include "model_state.h"
#include "srw/model/model_analysis.h"
#include "srw/util/atomic_file.h"
#include "srw/util/error.h"
#include "srw/util/file_util.h"

namespace srw {

BlendPartsFn modelBlendParts(const BertMlpRecommender& model) {
    const BertMlpRecommender* m = &model;
    return [m](const PrefixView& prefix, std::vector<double>& cf, std::vector<double>& f) {
        const std::vector<std::int32_t> items(prefix.items, prefix.items + prefix.length);
        cf = m->cfScores(items);
        f = m->neuralScores(items);
    };
}

std::vector<float> modelTextVectors(const BertMlpRecommender& model, std::size_t& dim) {
    auto& impl = const_cast<BertMlpRecommender&>(model).impl();
    std::lock_guard<std::mutex> lock(impl.torchMutex);
    torch::NoGradGuard g;
    auto t = impl.state->net->itemText.to(torch::kCPU, torch::kFloat).contiguous();
    dim = std::size_t(t.size(1));
    const float* p = t.data_ptr<float>();
    return std::vector<float>(p, p + t.numel());
}

double modelCfSimilarity(const BertMlpRecommender& model, std::int32_t i, std::int32_t j) {
    return const_cast<BertMlpRecommender&>(model).impl().cf.similarity(i, j);
}

std::string saveModelFile(const BertMlpRecommender& model, const std::string& dir) {
    auto& impl = const_cast<BertMlpRecommender&>(model).impl();
    std::lock_guard<std::mutex> lock(impl.torchMutex);
    model::ModelState& s = *impl.state;
    if (s.encoder)
        throw UsageError("saveModelFile: this model carries its encoder; training writes those");
    makeDirectories(dir);
    // The same record bert_mlp_trainer writes for its best epoch, so loadModelFile() reads it.
    const std::string sha = model::writeTensors(dir + "/best.safetensors", model::modelTensors(s));
    nlohmann::json m = {{"format", "srw-bert-mlp-model"}, {"version", 1},
                        {"options", s.options.toJson()}, {"num_items", s.numItems},
                        {"hidden", s.hidden}, {"weights", "best.safetensors"},
                        {"weights_sha256", sha}, {"encoder_dir", ""},
                        {"encoder_key", s.encoderKey}, {"data_hash", ""}, {"epoch", 0},
                        {"calibration", {{"method", "platt"}, {"scale", impl.calibScale},
                                         {"bias", impl.calibBias}}}};
    writeFileAtomically(dir + "/best.json", m.dump(2));
    return dir + "/best.json";
}

} // namespace srw

