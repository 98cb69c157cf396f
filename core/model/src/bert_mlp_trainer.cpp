// The training loop of the BERT+MLP model: batches of prefixes, sampled negatives, AdamW,
// validation, checkpoints and exact resumption (LibTorch).
#include "calibration.h"
#include "checkpoint_records.h"
#include "model_state.h"
#include "negative_sampler.h"
#include "train_batch.h"
#include "trainer_core.h"

#include "bert_encoder_impl.h"
#include "srw/eval/evaluator.h"
#include "srw/text/cpu_runtime.h"
#include "srw/util/atomic_file.h"
#include "srw/util/error.h"
#include "srw/util/file_util.h"
#include "srw/util/sha256.h"
#include "srw/util/text_utils.h"
#include "torch_compat.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

namespace srw::model {

namespace {

using Clock = std::chrono::steady_clock;

struct Example {
    std::uint32_t session;
    std::uint32_t position; ///< index of the target; the prefix is items[0, position)
};

struct EarlyStopping {
    double best = -1;
    int bestEpoch = 0;
    int badEpochs = 0;
};

/** The model record's Platt scaling; models from before calibration existed have none. */
void readCalibration(const nlohmann::json& model, BertMlpRecommender::Impl& impl) {
    const auto c = model.value("calibration", nlohmann::json::object());
    impl.calibScale = c.value("scale", 1.0);
    impl.calibBias = c.value("bias", 0.0);
}

} // namespace

std::string setUpTorch(const BertMlpOptions& options) {
    configureCpuRuntime(options.threads);
    at::globalContext().setDeterministicAlgorithms(options.deterministic, false);
    if (options.deterministic)
        at::globalContext().setDeterministicCuDNN(true);
    return srw::detail::parseDevice(options.device).str();
}

nlohmann::json torchEnvironment(const BertMlpOptions& options) {
    setUpTorch(options); // the threads below are those this run trains with
    const CpuRuntime cpu = currentCpuRuntime();
    return {{"device", srw::detail::parseDevice(options.device).str()},
            {"libtorch", TORCH_VERSION},
            {"threads", cpu.threads},
            {"torch_threads", cpu.torchThreads},
            {"blas_threads", cpu.blasThreads},
            {"cuda_available", torch::cuda::is_available()},
            {"deterministic", options.deterministic}};
}

TrainCoreResult runTraining(const BertMlpOptions& options, TrainData data, const TrainSinks& sinks,
                            const ProgressFn& progress) {
    const auto started = Clock::now();
    setUpTorch(options);
    const torch::Device device = srw::detail::parseDevice(options.device);
    const auto& corpus = *data.corpus;
    const int tunedLayers = options.tunedLayers();
    const bool textTower = options.sessionEncoder == "text";
    const bool useEncoder = textTower || tunedLayers != 0;
    const bool autocast = device.is_cuda();

    auto state = std::make_shared<ModelState>();
    state->options = options;
    state->numItems = corpus.numItems;
    state->hidden = data.hidden;
    state->device = device;
    state->hasText = data.hasText;
    state->encoderKey = data.encoderKey;
    torch::manual_seed(options.seed);
    state->net = BertMlpNet(options, state->numItems, state->hidden);
    {
        torch::NoGradGuard g;
        state->net->itemText.copy_(torch::from_blob(data.itemVectors.data(),
                                                    {state->numItems, state->hidden},
                                                    torch::kFloat));
    }
    state->net->to(device);
    if (useEncoder) {
        if (!data.encoder)
            throw std::logic_error("runTraining: this configuration needs the encoder");
        state->encoder = std::move(data.encoder);
        auto& impl = state->encoder->impl();
        impl.root->to(device);
        impl.device = device;
        const auto cap = std::size_t(options.itemTextTokens) - 2;
        state->itemTokens.reserve(data.itemTexts.size());
        for (const auto& t : data.itemTexts) {
            auto ids = impl.tokenizer.tokenizeToIds(t);
            if (ids.size() > cap)
                ids.resize(cap);
            state->itemTokens.push_back(std::move(ids));
        }
    }

    // The optimiser: the network, plus the encoder's tuned layers at their own rate.
    AdamW adam;
    for (auto& p : state->net->named_parameters())
        adam.add("net." + p.key(), p.value(), 1.0, decays(p.key()));
    if (state->encoder) {
        const auto layers = state->encoder->config().numHiddenLayers;
        for (auto& p : state->encoder->impl().root->named_parameters()) {
            const bool on = tuned(p.key(), tunedLayers, layers);
            p.value().set_requires_grad(on);
            if (on)
                adam.add("encoder." + p.key(), p.value(),
                         options.encoderLearningRate / options.learningRate, decays(p.key()));
        }
    }

    // Training data: every prefix of the (last maxTrainSessions) training sessions.
    std::vector<SessionSequence> train = corpus.train;
    if (options.maxTrainSessions > 0 && train.size() > std::size_t(options.maxTrainSessions))
        train.erase(train.begin(), train.end() - options.maxTrainSessions);
    std::vector<Example> examples;
    std::vector<std::int64_t> counts(std::size_t(corpus.numItems), 0);
    for (std::size_t s = 0; s < train.size(); ++s) {
        for (auto i : train[s].items)
            ++counts[std::size_t(i)];
        for (std::size_t p = 1; p < train[s].items.size(); ++p)
            examples.push_back({std::uint32_t(s), std::uint32_t(p)});
    }
    if (examples.empty())
        throw UsageError("no training session has two events: nothing to learn from");
    const NegativeSampler sampler(counts, options.negativePower);

    // Validation: a sample spread evenly over the valid part, scored by the blended model.
    std::vector<SessionSequence> validSample;
    const std::size_t nv = corpus.valid.size();
    const std::size_t want = options.validSessions > 0 ? std::min<std::size_t>(nv, std::size_t(options.validSessions)) : nv;
    for (std::size_t k = 0; k < want; ++k)
        validSample.push_back(corpus.valid[k * nv / want]);
    auto impl = std::make_shared<BertMlpRecommender::Impl>();
    impl->state = state;
    impl->alpha = options.alpha;
    impl->blend = options.blend;
    impl->fitCf(train);
    BertMlpRecommender live(impl);

    const std::size_t B = std::size_t(options.batchSize);
    const std::size_t stepsPerEpoch = (examples.size() + B - 1) / B;
    const std::size_t totalSteps = stepsPerEpoch * std::size_t(options.epochs);
    const std::size_t warmup = std::max<std::size_t>(
        1, std::size_t(std::lround(options.warmupFraction * double(totalSteps))));
    auto lrAt = [&](std::size_t step) {
        if (step < warmup)
            return options.learningRate * double(step + 1) / double(warmup);
        const double left = double(totalSteps - step) / double(std::max<std::size_t>(totalSteps - warmup, 1));
        return options.learningRate * std::max(0.0, left);
    };

    TrainCoreResult result;
    EarlyStopping stop;
    int firstEpoch = 1;
    std::uint64_t globalStep = 0;
    const std::string runDir = data.runDir;
    const nlohmann::json key = options.trainingKey();

    if (!data.resumeCheckpoint.empty()) {
        const auto j = readJson(data.resumeCheckpoint);
        if (j.value("format", "") != "srw-bert-mlp-checkpoint")
            throw UsageError(data.resumeCheckpoint + ": not a bert-mlp checkpoint");
        if (j.at("training_key") != key)
            throw UsageError("refusing to resume: the checkpoint " + data.resumeCheckpoint +
                             " was written with another configuration (" +
                             describeDifference(j.at("training_key"), key) + ")");
        if (j.at("data_hash").get<std::string>() != data.dataHash ||
            j.at("num_items").get<std::int64_t>() != state->numItems)
            throw UsageError("refusing to resume: the checkpoint " + data.resumeCheckpoint +
                             " was trained on other data (the dataset or split changed)");
        const std::string weights = dirOf(data.resumeCheckpoint) + "/" + j.at("weights").get<std::string>();
        if (sha256File(weights) != j.at("weights_sha256").get<std::string>())
            throw UsageError(weights + ": the weights do not match their checkpoint record");
        readTensors(weights, *state, &adam);
        adam.step = j.at("adam_step").get<std::int64_t>();
        firstEpoch = j.at("epoch").get<int>() + 1;
        globalStep = j.at("step").get<std::uint64_t>();
        stop.best = j.at("early_stopping").at("best").get<double>();
        stop.bestEpoch = j.at("early_stopping").at("best_epoch").get<int>();
        stop.badEpochs = j.at("early_stopping").at("bad_epochs").get<int>();
        for (const auto& e : j.at("history"))
            result.epochs.push_back(epochFromJson(e));
        result.checkpoint = data.resumeCheckpoint;
        result.bestEpoch = stop.bestEpoch;
        if (j.value("stopped", false))
            firstEpoch = options.epochs + 1; // early stopping had ended it; only the test is left
    }

    auto lastReport = Clock::now();
    const auto loopStart = Clock::now();
    std::uint64_t stepsThisRun = 0;
    bool stopped = false;
    for (int epoch = firstEpoch; epoch <= options.epochs && !result.cancelled && !stopped; ++epoch) {
        const auto epochStart = Clock::now();
        std::vector<std::uint32_t> order(examples.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = std::uint32_t(i);
        std::mt19937_64 shuffleRng(mixSeed(options.seed, 0x5eed0000ULL + std::uint64_t(epoch)));
        // Fisher–Yates with our own index draws: the order must not depend on the library.
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[std::size_t(shuffleRng() % i)]);

        state->net->train();
        if (state->encoder)
            state->encoder->impl().root->train(tunedLayers != 0);
        double lossSum = 0;
        std::size_t lossCount = 0;
        for (std::size_t s = 0; s < stepsPerEpoch; ++s) {
            // Everything random in this step derives from (seed, step): resumption replays it.
            torch::manual_seed(mixSeed(options.seed, globalStep));
            std::mt19937_64 rng(mixSeed(options.seed ^ 0xa5a5a5a5ULL, globalStep));
            const std::size_t begin = s * B, end = std::min(order.size(), begin + B);
            const auto b = std::int64_t(end - begin);
            std::vector<std::vector<std::int32_t>> prefixes;
            std::vector<std::int64_t> cands;
            for (std::size_t k = begin; k < end; ++k) {
                const auto& ex = examples[order[k]];
                const auto& items = train[ex.session].items;
                const std::size_t from = ex.position > std::uint32_t(options.maxSessionItems)
                                             ? ex.position - std::size_t(options.maxSessionItems)
                                             : 0;
                prefixes.emplace_back(items.begin() + std::ptrdiff_t(from),
                                      items.begin() + ex.position);
                cands.push_back(items[ex.position]);
            }
            for (int k = 0; k < options.negatives && !sampler.empty(); ++k)
                cands.push_back(sampler.draw(rng));
            const auto C = std::int64_t(cands.size());
            auto candT = torch::tensor(cands, torch::kLong).to(device);

            if (autocast)
                compat::setCudaAutocast(true);
            const BatchVectors vec = batchVectors(*state, prefixes, cands, candT);
            const torch::Tensor& u = vec.session;
            const torch::Tensor& candVec = vec.candidates;
            auto logits = state->net->pairLogits(state->net->sessionHalf(u),
                                                 state->net->itemHalf(candVec));
            if (autocast)
                compat::setCudaAutocast(false);
            logits = logits.to(torch::kFloat);

            auto targets = candT.narrow(0, 0, b);
            auto same = candT.unsqueeze(0).eq(targets.unsqueeze(1));              // [b, C]
            auto diag = torch::zeros({b, C}, torch::TensorOptions(torch::kBool).device(device));
            diag.narrow(1, 0, b).fill_diagonal_(true);
            auto negMask = same.logical_not().to(torch::kFloat);
            auto pos = logits.narrow(1, 0, b).diagonal();
            auto loss = torch::softplus(-pos).mean() +
                        (torch::softplus(logits) * negMask).sum() / negMask.sum().clamp_min(1.0);
            if (options.loss == "bce+softmax") {
                auto masked = logits.masked_fill(same.logical_and(diag.logical_not()), -1e9);
                loss = loss + torch::nn::functional::cross_entropy(
                                  masked, torch::arange(b, torch::TensorOptions(torch::kLong).device(device)));
            }

            adam.zeroGrad();
            loss.backward();
            if (options.maxGradNorm > 0) {
                // clip_grad_norm_ of the C++ API returns the norm as a double, which makes every
                // step wait for the GPU; the scale is computed and applied as a tensor instead
                // (a factor of exactly 1 when the norm is within the limit).
                std::vector<torch::Tensor> norms, grads;
                for (auto& slot : adam.slots)
                    if (slot.param.grad().defined()) {
                        grads.push_back(slot.param.grad());
                        norms.push_back(grads.back().norm(2).to(torch::kFloat));
                    }
                if (!grads.empty()) {
                    auto total = torch::stack(norms).norm(2);
                    auto scale = torch::clamp_max(options.maxGradNorm / (total + 1e-6), 1.0);
                    for (auto& g : grads)
                        g.mul_(scale.to(g.scalar_type()));
                }
            }
            adam.update(lrAt(globalStep), options.weightDecay);
            ++globalStep;
            ++stepsThisRun;
            lossSum += loss.item<double>() * double(b);
            lossCount += std::size_t(b);

            const auto now = Clock::now();
            if (progress && (s + 1 == stepsPerEpoch || now - lastReport > std::chrono::milliseconds(250))) {
                lastReport = now;
                const double elapsed = std::chrono::duration<double>(now - loopStart).count();
                const double perStep = elapsed / double(stepsThisRun);
                const double left = double(totalSteps - std::min<std::size_t>(totalSteps, globalStep));
                Progress p;
                p.stage = "epoch " + std::to_string(epoch) + "/" + std::to_string(options.epochs);
                p.done = s + 1;
                p.total = stepsPerEpoch;
                p.detail = "step " + std::to_string(globalStep) + ", loss " +
                           fixed(lossSum / double(lossCount), 4) + ", " +
                           fixed(double(stepsThisRun) * double(B) / std::max(elapsed, 1e-9), 0) +
                           " seq/s, ETA " + duration(perStep * left);
                if (!progress(p)) {
                    result.cancelled = true;
                    break;
                }
            }
        }
        if (result.cancelled)
            break;

        // Validation of the blended model, as the evaluator scores it.
        state->net->eval();
        if (tunedLayers != 0)
            refreshItemText(*state);
        impl->prepare();
        TrainEpochStats st;
        st.epoch = epoch;
        st.steps = globalStep;
        st.trainLoss = lossSum / double(std::max<std::size_t>(lossCount, 1));
        if (options.calibration == "platt" && !validSample.empty()) {
            const PlattScaling c = fitCalibration(*impl, validSample, sampler);
            impl->calibScale = st.calibScale = c.scale;
            impl->calibBias = st.calibBias = c.bias;
            st.calibLossBefore = c.lossBefore;
            st.calibLossAfter = c.lossAfter;
        }
        if (!validSample.empty()) {
            if (progress) {
                Progress p;
                p.stage = "validation";
                p.detail = "epoch " + std::to_string(epoch);
                progress(p);
            }
            EvalOptions vo;
            vo.cutoffs = {20};
            vo.bootstrapSamples = 0;
            vo.threads = 1; // LibTorch is called under one lock anyway
            vo.seed = options.seed;
            st.validMrr = evaluate(live, train, validSample, corpus.numItems, vo).metrics.at("MRR@20");
        }
        st.seconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
        st.sequencesPerSecond = double(lossCount) / std::max(st.seconds, 1e-9);
        st.improved = validSample.empty() || st.validMrr > stop.best;
        if (st.improved) {
            stop.best = st.validMrr;
            stop.bestEpoch = epoch;
            stop.badEpochs = 0;
        } else {
            ++stop.badEpochs;
        }
        stopped = stop.badEpochs >= options.patience;
        result.epochs.push_back(st);
        result.bestEpoch = stop.bestEpoch;

        // Model first, then the checkpoint record that points at it: a crash between the two
        // leaves the previous checkpoint as the last good one.
        auto tensors = modelTensors(*state);
        if (st.improved) {
            // Each best epoch's weights get their own file, and best.json is switched to it
            // afterwards: a kill in between leaves the old record with its own, intact weights.
            const std::string bestWeights = "best-epoch-" + std::to_string(epoch) + ".safetensors";
            std::string previous;
            if (pathExists(runDir + "/best.json"))
                previous = readJson(runDir + "/best.json").value("weights", std::string());
            const std::string sha = writeTensors(runDir + "/" + bestWeights, tensors);
            nlohmann::json m = {{"format", "srw-bert-mlp-model"}, {"version", 1},
                                {"options", options.toJson()}, {"num_items", state->numItems},
                                {"hidden", state->hidden}, {"weights", bestWeights},
                                {"weights_sha256", sha}, {"encoder_dir", useEncoder ? data.encoderDir : ""},
                                {"encoder_key", data.encoderKey}, {"data_hash", data.dataHash},
                                {"epoch", epoch}, {"calibration", calibrationJson(st)}};
            writeFileAtomically(runDir + "/best.json", m.dump(2));
            if (!previous.empty() && previous != bestWeights)
                removeFileIfExists(runDir + "/" + previous);
            result.modelSha256 = sha;
        }
        for (auto& slot : adam.slots) {
            tensors["adam.m." + slot.name] = slot.m;
            tensors["adam.v." + slot.name] = slot.v;
        }
        const std::string weights = "epoch-" + std::to_string(epoch) + ".safetensors";
        const std::string sha = writeTensors(runDir + "/" + weights, tensors);
        nlohmann::json history = nlohmann::json::array();
        for (const auto& e : result.epochs)
            history.push_back(epochJson(e));
        nlohmann::json ck = {
            {"format", "srw-bert-mlp-checkpoint"}, {"version", 1},
            {"training_key", key}, {"options", options.toJson()},
            {"data_hash", data.dataHash}, {"num_items", state->numItems},
            {"hidden", state->hidden}, {"encoder_key", data.encoderKey},
            {"weights", weights}, {"weights_sha256", sha},
            {"epoch", epoch}, {"step", globalStep}, {"adam_step", adam.step},
            {"scheduler", {{"total_steps", totalSteps}, {"warmup_steps", warmup}, {"lr_next", lrAt(globalStep)}}},
            {"rng", {{"seed", options.seed}, {"scheme", "splitmix64(seed, step) per step, (seed, epoch) per shuffle"}}},
            {"early_stopping", {{"best", stop.best}, {"best_epoch", stop.bestEpoch}, {"bad_epochs", stop.badEpochs}}},
            {"stopped", stopped || epoch == options.epochs},
            {"history", history}};
        const std::string json = runDir + "/epoch-" + std::to_string(epoch) + ".json";
        writeFileAtomically(json, ck.dump(2));
        // The epoch's record first, then the checkpoint's: a kill between them redoes the epoch
        // from the previous checkpoint and rewrites the same record. The workspace records the
        // new checkpoint before the old one goes, so it never names a deleted file. Only the
        // newest checkpoint stays on disk (the best model is kept apart).
        if (sinks.onEpoch)
            sinks.onEpoch(st);
        if (sinks.onCheckpoint)
            sinks.onCheckpoint(epoch, globalStep, json, sha);
        if (!result.checkpoint.empty() && result.checkpoint != json) {
            // The record before its weights: no record on disk ever names a missing file.
            const auto old = readJson(result.checkpoint);
            removeFileIfExists(result.checkpoint);
            removeFileIfExists(dirOf(result.checkpoint) + "/" + old.value("weights", std::string("-")));
        }
        result.checkpoint = json;
        if (progress) {
            Progress p;
            p.stage = "epoch " + std::to_string(epoch) + "/" + std::to_string(options.epochs);
            p.done = p.total = stepsPerEpoch;
            p.detail = "loss " + fixed(st.trainLoss, 4) + ", valid MRR@20 " + fixed(st.validMrr, 4);
            if (!progress(p))
                result.cancelled = true;
        }
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (result.cancelled)
        return result;

    // The final model is the best epoch's.
    result.modelFile = runDir + "/best.json";
    if (!pathExists(result.modelFile))
        throw std::runtime_error(runDir + ": training ended without a model (best.json)");
    const auto m = readJson(result.modelFile);
    readTensors(runDir + "/" + m.at("weights").get<std::string>(), *state, nullptr);
    readCalibration(m, *impl);
    result.modelSha256 = m.at("weights_sha256").get<std::string>();
    state->net->eval();
    if (state->encoder)
        state->encoder->impl().root->eval();
    impl->prepare();
    result.model = std::make_unique<BertMlpRecommender>(impl);
    return result;
}

std::unique_ptr<BertMlpRecommender> loadModelFile(const std::string& modelJson,
                                                  const std::vector<std::string>& itemTexts,
                                                  const std::vector<std::uint8_t>& hasText,
                                                  const std::string& deviceName, int threads) {
    const auto j = readJson(modelJson);
    if (j.value("format", "") != "srw-bert-mlp-model")
        throw UsageError(modelJson + ": not a bert-mlp model file");
    auto options = BertMlpOptions::fromJson(j.at("options"));
    if (!deviceName.empty())
        options.device = deviceName;
    if (threads > 0)
        options.threads = threads;
    setUpTorch(options);
    auto state = std::make_shared<ModelState>();
    state->options = options;
    state->numItems = j.at("num_items").get<std::int64_t>();
    state->hidden = j.at("hidden").get<std::int64_t>();
    state->device = srw::detail::parseDevice(options.device);
    state->hasText = hasText;
    state->encoderKey = j.value("encoder_key", "");
    if (std::int64_t(itemTexts.size()) != state->numItems)
        throw UsageError(modelJson + ": the model has " + std::to_string(state->numItems) +
                         " items, the dataset now " + std::to_string(itemTexts.size()));
    state->net = BertMlpNet(options, state->numItems, state->hidden);
    const std::string encoderDir = j.value("encoder_dir", "");
    if (!encoderDir.empty()) {
        BertLoadOptions lo;
        lo.device = options.device;
        state->encoder = BertEncoder::load(dirOf(modelJson) + "/" + encoderDir, lo);
        const auto cap = std::size_t(options.itemTextTokens) - 2;
        for (const auto& t : itemTexts) {
            auto ids = state->encoder->tokenizer().tokenizeToIds(t);
            if (ids.size() > cap)
                ids.resize(cap);
            state->itemTokens.push_back(std::move(ids));
        }
    }
    state->net->to(state->device);
    const std::string weights = dirOf(modelJson) + "/" + j.at("weights").get<std::string>();
    if (sha256File(weights) != j.at("weights_sha256").get<std::string>())
        throw UsageError(weights + ": the weights do not match their model record");
    readTensors(weights, *state, nullptr);
    state->net->eval();
    if (state->encoder)
        state->encoder->impl().root->eval();
    auto impl = std::make_shared<BertMlpRecommender::Impl>();
    impl->state = state;
    impl->alpha = options.alpha;
    impl->blend = options.blend;
    readCalibration(j, *impl);
    return std::make_unique<BertMlpRecommender>(impl);
}

} // namespace srw::model
