#include "checkpoint_records.h"

#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace srw::model {

std::string fixed(double v, int digits) {
    std::ostringstream ss;
    ss.setf(std::ios::fixed);
    ss.precision(digits);
    ss << v;
    return ss.str();
}

std::string duration(double s) {
    const auto t = std::int64_t(std::llround(std::max(0.0, s)));
    if (t >= 3600)
        return std::to_string(t / 3600) + "h" + std::to_string(t % 3600 / 60) + "m";
    if (t >= 60)
        return std::to_string(t / 60) + "m" + std::to_string(t % 60) + "s";
    return std::to_string(t) + "s";
}

nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw UsageError(path + ": cannot read the checkpoint");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw UsageError(path + ": not a checkpoint (" + e.what() + ")");
    }
}

std::string dirOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

bool tuned(const std::string& name, int tunedLayers, std::int64_t numLayers) {
    if (tunedLayers < 0)
        return true;
    if (tunedLayers == 0)
        return false;
    const std::string prefix = "bert.encoder.layer.";
    if (startsWith(name, "bert.pooler."))
        return true;
    if (!startsWith(name, prefix))
        return false;
    const auto layer = std::stoll(name.substr(prefix.size()));
    return layer >= numLayers - tunedLayers;
}

bool decays(const std::string& name) {
    return !(endsWith(name, "bias") || name.find("LayerNorm") != std::string::npos ||
             name.find("recency") != std::string::npos);
}

nlohmann::json epochJson(const TrainEpochStats& e) {
    return {{"epoch", e.epoch},         {"steps", e.steps},
            {"train_loss", e.trainLoss}, {"valid_mrr20", e.validMrr},
            {"seconds", e.seconds},     {"sequences_per_second", e.sequencesPerSecond},
            {"improved", e.improved},
            {"calibration", {{"scale", e.calibScale}, {"bias", e.calibBias},
                             {"log_loss_before", e.calibLossBefore},
                             {"log_loss_after", e.calibLossAfter}}}};
}

nlohmann::json calibrationJson(const TrainEpochStats& e) {
    return {{"method", "platt"}, {"scale", e.calibScale}, {"bias", e.calibBias},
            {"log_loss_before", e.calibLossBefore}, {"log_loss_after", e.calibLossAfter}};
}

TrainEpochStats epochFromJson(const nlohmann::json& j) {
    TrainEpochStats e;
    e.epoch = j.at("epoch").get<int>();
    e.steps = j.at("steps").get<std::uint64_t>();
    e.trainLoss = j.at("train_loss").get<double>();
    e.validMrr = j.at("valid_mrr20").get<double>();
    e.seconds = j.at("seconds").get<double>();
    e.sequencesPerSecond = j.at("sequences_per_second").get<double>();
    e.improved = j.at("improved").get<bool>();
    if (j.contains("calibration")) {
        const auto& c = j.at("calibration");
        e.calibScale = c.at("scale").get<double>();
        e.calibBias = c.at("bias").get<double>();
        e.calibLossBefore = c.at("log_loss_before").get<double>();
        e.calibLossAfter = c.at("log_loss_after").get<double>();
    }
    return e;
}

std::string describeDifference(const nlohmann::json& stored, const nlohmann::json& now) {
    std::string out;
    for (auto& [k, v] : stored.items())
        if (!now.contains(k) || now[k] != v)
            out += (out.empty() ? "" : ", ") + k + " " + v.dump() + " there, " +
                   (now.contains(k) ? now[k].dump() : "none") + " here";
    for (auto& [k, v] : now.items())
        if (!stored.contains(k))
            out += (out.empty() ? "" : ", ") + k + " new here";
    return out;
}

} // namespace srw::model
