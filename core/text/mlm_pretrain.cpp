#include "srw/text/mlm_pretrain.h"
#include "srw/text/cpu_runtime.h"

#include "bert_encoder_impl.h"
#include "srw/util/text_utils.h"
#include "torch_compat.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <sstream>

namespace srw {

namespace {

struct MaskedBatch {
    BertBatch batch;
    std::vector<std::int64_t> labels; ///< -100 where not predicted
};

/** BERT's 80/10/10 masking of non-special tokens. */
MaskedBatch makeBatch(const std::vector<Encoding>& rows, const Tokenizer& tok, double prob,
                      std::mt19937_64& rng) {
    MaskedBatch m;
    m.batch = BertBatch::fromEncodings(rows, tok.padId());
    m.labels.assign(m.batch.inputIds.size(), -100);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::uniform_int_distribution<std::int64_t> anyToken(0, std::int64_t(tok.vocabSize()) - 1);
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < m.batch.inputIds.size(); ++i) {
        const auto id = std::int32_t(m.batch.inputIds[i]);
        if (m.batch.attentionMask[i] == 0 || tok.isSpecialId(id))
            continue;
        candidates.push_back(i);
        if (u(rng) >= prob)
            continue;
        m.labels[i] = id;
        const double r = u(rng);
        if (r < 0.8) {
            m.batch.inputIds[i] = tok.maskId();
        } else if (r < 0.9) {
            std::int64_t other;
            do
                other = anyToken(rng);
            while (tok.isSpecialId(std::int32_t(other)));
            m.batch.inputIds[i] = other;
        }
    }
    // A batch with nothing chosen would give no loss; choose one token then.
    if (std::none_of(m.labels.begin(), m.labels.end(), [](auto l) { return l >= 0; }) &&
        !candidates.empty()) {
        const auto i = candidates[std::uniform_int_distribution<std::size_t>(
            0, candidates.size() - 1)(rng)];
        m.labels[i] = m.batch.inputIds[i];
        m.batch.inputIds[i] = tok.maskId();
    }
    return m;
}

torch::Tensor toTensor(const std::vector<std::int64_t>& v, std::int64_t b, std::int64_t t,
                       const torch::Device& d) {
    return torch::tensor(v, torch::kLong).view({b, t}).to(d);
}

std::string fixed(double v, int digits) {
    std::ostringstream ss;
    ss.setf(std::ios::fixed);
    ss.precision(digits);
    ss << v;
    return ss.str();
}

} // namespace

MlmPretrainResult pretrainMlm(BertEncoder& encoder, const std::vector<std::string>& texts,
                              const MlmPretrainOptions& options, const ProgressFn& progress) {
    auto& impl = encoder.impl();
    if (!impl.hasMlmHead())
        throw std::invalid_argument("pretrainMlm: the encoder has no MLM head");
    configureCpuRuntime(options.threads);
    const Tokenizer& tok = impl.tokenizer;

    EncodeOptions eo;
    eo.withTokens = false;
    eo.maxLength = std::min<std::size_t>(std::max<std::size_t>(options.maxLength, 3),
                                         std::size_t(impl.config.maxPositionEmbeddings));
    std::vector<Encoding> data;
    for (auto& e : tok.encodeBatch(texts, eo))
        if (e.ids.size() > 2) // [CLS] [SEP] alone has nothing to predict
            data.push_back(std::move(e));
    if (data.empty())
        throw std::invalid_argument("pretrainMlm: no text has any token to learn from");

    const torch::Device device = detail::parseDevice(options.device);
    impl.root->to(device);
    impl.device = device;
    const bool autocast = device.is_cuda() && options.bf16Autocast;
    torch::manual_seed(options.seed);
    std::mt19937_64 rng(options.seed);

    std::vector<torch::Tensor> decay, noDecay;
    for (auto& p : impl.root->named_parameters()) {
        // As in BERT's recipe: no weight decay on biases and LayerNorm weights.
        const bool plain =
            p.key().find("LayerNorm") != std::string::npos || endsWith(p.key(), "bias");
        (plain ? noDecay : decay).push_back(p.value());
    }
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(decay, std::make_unique<torch::optim::AdamWOptions>(
                                   torch::optim::AdamWOptions(options.learningRate)
                                       .weight_decay(options.weightDecay)));
    groups.emplace_back(noDecay, std::make_unique<torch::optim::AdamWOptions>(
                                     torch::optim::AdamWOptions(options.learningRate)
                                         .weight_decay(0.0)));
    torch::optim::AdamW optimizer(std::move(groups));

    const std::size_t batchSize = std::max<std::size_t>(options.batchSize, 1);
    const std::size_t stepsPerEpoch = (data.size() + batchSize - 1) / batchSize;
    const std::size_t totalSteps = stepsPerEpoch * std::size_t(std::max(options.epochs, 0));
    const std::size_t warmup =
        std::max<std::size_t>(1, std::size_t(std::lround(options.warmupFraction * totalSteps)));
    auto lrAt = [&](std::size_t step) { // step is 0-based; the first step already learns
        if (step < warmup)
            return options.learningRate * double(step + 1) / double(warmup);
        const double left = double(totalSteps - step) / double(std::max<std::size_t>(
                                                             totalSteps - warmup, 1));
        return options.learningRate * std::max(0.0, left);
    };

    MlmPretrainResult result;
    result.device = device.str();
    auto lastReport = std::chrono::steady_clock::now();
    std::vector<std::size_t> order(data.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;

    impl.root->train();
    for (int epoch = 1; epoch <= options.epochs && !result.cancelled; ++epoch) {
        std::shuffle(order.begin(), order.end(), rng);
        double lossSum = 0;
        std::uint64_t masked = 0, correct = 0;
        for (std::size_t s = 0; s < stepsPerEpoch; ++s) {
            std::vector<Encoding> rows;
            for (std::size_t i = s * batchSize; i < std::min(order.size(), (s + 1) * batchSize);
                 ++i)
                rows.push_back(data[order[i]]);
            const auto m = makeBatch(rows, tok, options.maskProbability, rng);
            const auto b = m.batch.batchSize, t = m.batch.seqLen;
            auto labels = toTensor(m.labels, b, t, device).view({-1});
            auto where = labels.ge(0).nonzero().view({-1});
            auto target = labels.index_select(0, where);

            if (autocast)
                compat::setCudaAutocast(true);
            auto hidden = impl.root->bert
                              ->forward(toTensor(m.batch.inputIds, b, t, device),
                                        toTensor(m.batch.tokenTypeIds, b, t, device),
                                        toTensor(m.batch.attentionMask, b, t, device), false)
                              .back();
            // Only the chosen positions go through the vocabulary-sized decoder.
            auto logits = impl.root->mlmLogits(
                hidden.reshape({b * t, hidden.size(-1)}).index_select(0, where));
            if (autocast)
                compat::setCudaAutocast(false);
            logits = logits.to(torch::kFloat);
            auto loss = torch::nn::functional::cross_entropy(logits, target);

            for (auto& g : optimizer.param_groups())
                static_cast<torch::optim::AdamWOptions&>(g.options()).lr(lrAt(result.steps));
            optimizer.zero_grad();
            loss.backward();
            if (options.maxGradNorm > 0)
                torch::nn::utils::clip_grad_norm_(impl.root->parameters(), options.maxGradNorm);
            optimizer.step();
            ++result.steps;

            const auto n = std::uint64_t(target.numel());
            lossSum += loss.item<double>() * double(n);
            masked += n;
            correct += std::uint64_t(logits.argmax(-1).eq(target).sum().item<std::int64_t>());

            const auto now = std::chrono::steady_clock::now();
            const bool last = s + 1 == stepsPerEpoch;
            if (progress && (last || now - lastReport > std::chrono::milliseconds(200))) {
                lastReport = now;
                Progress p;
                p.stage = "epoch " + std::to_string(epoch) + "/" + std::to_string(options.epochs);
                p.done = s + 1;
                p.total = stepsPerEpoch;
                p.detail = "loss " + fixed(lossSum / double(masked), 4) + ", masked accuracy " +
                           fixed(double(correct) / double(masked), 4);
                if (!progress(p)) {
                    result.cancelled = true;
                    break;
                }
            }
        }
        if (!result.cancelled) {
            MlmEpochStats st;
            st.epoch = epoch;
            st.loss = lossSum / double(std::max<std::uint64_t>(masked, 1));
            st.maskedAccuracy = double(correct) / double(std::max<std::uint64_t>(masked, 1));
            st.maskedTokens = masked;
            result.epochs.push_back(st);
        }
    }
    impl.root->eval();
    if (!options.checkpointDir.empty())
        encoder.save(options.checkpointDir);
    return result;
}

} // namespace srw
