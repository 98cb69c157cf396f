// Scoring with a trained (or untrained) BERT+MLP model: the blend of s_cf and f over the catalogue.
#include "model_state.h"

#include "srw/util/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace srw {

namespace {

/** Rank percentile in [0, 1] of every value (ties share their mean rank), in place. */
void toPercentiles(std::vector<double>& values, std::vector<std::int32_t>& order) {
    const std::size_t n = values.size();
    if (n < 2) {
        std::fill(values.begin(), values.end(), 1.0);
        return;
    }
    order.resize(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        return values[std::size_t(a)] < values[std::size_t(b)];
    });
    std::vector<double> pct(n);
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && values[std::size_t(order[j + 1])] == values[std::size_t(order[i])])
            ++j;
        const double mid = 0.5 * double(i + j) / double(n - 1);
        for (std::size_t k = i; k <= j; ++k)
            pct[std::size_t(order[k])] = mid;
        i = j + 1;
    }
    values.swap(pct);
}

class BertMlpScorer : public SessionScorer {
public:
    explicit BertMlpScorer(BertMlpRecommender::Impl& m)
        : m_model(m), m_cf(std::size_t(m.state->numItems)), m_f(m_cf.size()) {}

    void score(const PrefixView& prefix, ScoreVector& out) override {
        const auto n = m_cf.size();
        std::fill(m_cf.begin(), m_cf.end(), 0.0);
        const double alpha = m_model.alpha;
        if (alpha > 0)
            m_model.cf.score(prefix.items, prefix.length, m_cf.data());
        if (alpha < 1)
            m_model.neural(prefix.items, prefix.length, m_f.data());
        else
            std::fill(m_f.begin(), m_f.end(), 0.0);
        if (m_model.blend == BlendMode::Rank) {
            toPercentiles(m_cf, m_order);
            toPercentiles(m_f, m_order);
        }
        double* d = out.dense();
        const auto limit = std::min<std::size_t>(n, std::size_t(out.numItems()));
        for (std::size_t i = 0; i < limit; ++i)
            d[i] = alpha * m_cf[i] + (1.0 - alpha) * m_f[i];
        for (std::size_t i = limit; i < std::size_t(out.numItems()); ++i)
            d[i] = 0.0;
    }

private:
    BertMlpRecommender::Impl& m_model;
    std::vector<double> m_cf, m_f;
    std::vector<std::int32_t> m_order;
};

} // namespace

void BertMlpRecommender::Impl::prepare() {
    std::lock_guard<std::mutex> lock(torchMutex);
    torch::NoGradGuard g;
    auto& net = state->net;
    net->eval();
    auto ids = torch::arange(state->numItems, torch::TensorOptions(torch::kLong).device(state->device));
    allItemVectors = net->itemVectors(ids).detach();
    itemHalf = net->itemHalf(allItemVectors).detach().contiguous();
    outWeight.clear();
    if (net->layers->size() == 1 && itemHalf.device().is_cpu() &&
        itemHalf.scalar_type() == torch::kFloat) {
        auto out = net->layers[0]->as<torch::nn::Linear>();
        auto w = out->weight.detach().to(torch::kFloat).contiguous();
        outWeight.assign(w.data_ptr<float>(), w.data_ptr<float>() + w.numel());
        outBias = out->bias.detach().to(torch::kFloat).item<float>();
    }
}

void BertMlpRecommender::Impl::fitCf(const std::vector<SessionSequence>& train) {
    const auto& o = state->options;
    CfSimilarity::Options co;
    co.shrink = o.cfShrink;
    co.neighbors = o.cfNeighbors;
    co.recencyDecay = o.cfRecencyDecay;
    co.maxSessionItems = o.maxSessionItems;
    cf.fit(train, std::int32_t(state->numItems), co);
    cfFitted = true;
}

namespace {
// Items per block of the catalogue pass. One [block, w₁] temporary (4 MB at w₁ = 256) stays in
// cache and is recycled by the allocator; the whole catalogue at once would be a fresh
// N × w₁ buffer per query (100 MB at 100k items), and its page faults cost more than the MLP.
constexpr std::int64_t kScoreBlock = 4096;
} // namespace

double BertMlpRecommender::Impl::fusedProbability(std::int64_t item, const float* a) const {
    // z = b₂ + Σ_j w₂[j]·relu(itemHalf[item][j] + a[j]), with L independent partial sums: the
    // compiler vectorises them without reassociating (no -ffast-math).
    const auto w1 = std::size_t(itemHalf.size(1));
    const float* h = itemHalf.data_ptr<float>() + std::size_t(item) * w1;
    const float* w2 = outWeight.data();
    constexpr std::size_t L = 8;
    float acc[L] = {};
    std::size_t j = 0;
    for (; j + L <= w1; j += L)
        for (std::size_t l = 0; l < L; ++l)
            acc[l] += w2[j + l] * std::max(h[j + l] + a[j + l], 0.0f);
    float z = outBias;
    for (; j < w1; ++j)
        z += w2[j] * std::max(h[j] + a[j], 0.0f);
    for (std::size_t l = 0; l < L; ++l)
        z += acc[l];
    return 1.0 / (1.0 + std::exp(-(calibScale * double(z) + calibBias)));
}

void BertMlpRecommender::Impl::neural(const std::int32_t* items, std::size_t length, double* out) {
    neuralFor(items, length, nullptr, out);
}

void BertMlpRecommender::Impl::neuralFor(const std::int32_t* items, std::size_t length,
                                         const std::vector<std::int32_t>* candidates, double* out) {
    const std::int64_t n = candidates ? std::int64_t(candidates->size()) : state->numItems;
    if (n == 0)
        return;
    auto itemAt = [&](std::int64_t k) { return candidates ? (*candidates)[std::size_t(k)] : k; };
    std::lock_guard<std::mutex> lock(torchMutex);
    torch::NoGradGuard g;
    std::vector<std::vector<std::int32_t>> prefixes{
        std::vector<std::int32_t>(items, items + length)};
    auto u = model::sessionVectors(*state, prefixes, allItemVectors);
    auto a = state->net->sessionHalf(u); // [1, w₁]: once per query
    if (!outWeight.empty()) {
        // One hidden layer: one pass over itemHalf (N·w₁ floats read once; LibTorch's add, relu
        // and matmul read and write N·w₁ temporaries several times, and the pass is bound by
        // memory, not arithmetic). Candidates take the same arithmetic, so the numbers agree.
        auto aCpu = a.to(torch::kFloat).contiguous();
        for (std::int64_t k = 0; k < n; ++k)
            out[k] = fusedProbability(itemAt(k), aCpu.data_ptr<float>());
        return;
    }
    // Deeper MLPs: LibTorch, block by block.
    for (std::int64_t begin = 0; begin < n; begin += kScoreBlock) {
        const auto len = std::min(kScoreBlock, n - begin);
        torch::Tensor rows;
        if (candidates) {
            std::vector<std::int64_t> ids(candidates->begin() + begin, candidates->begin() + begin + len);
            rows = itemHalf.index_select(0, torch::tensor(ids, torch::kLong).to(itemHalf.device()));
        } else {
            rows = itemHalf.narrow(0, begin, len);
        }
        auto z = state->net->head(rows + a); // the rest of the MLP
        auto f = torch::sigmoid(z * calibScale + calibBias).to(torch::kCPU, torch::kDouble).contiguous();
        std::copy_n(f.data_ptr<double>(), len, out + begin);
    }
}

BertMlpRecommender::BertMlpRecommender(std::shared_ptr<Impl> impl) : m_impl(std::move(impl)) {}
BertMlpRecommender::~BertMlpRecommender() = default;

ParamMap BertMlpRecommender::params() const {
    ParamMap out;
    auto j = m_impl->state->options.toJson();
    j["alpha"] = m_impl->alpha;
    j["blend"] = toString(m_impl->blend);
    for (auto& [k, v] : j.items())
        out[k] = v.is_string() ? v.get<std::string>() : v.dump();
    return out;
}

void BertMlpRecommender::fit(const std::vector<SessionSequence>& train, std::int32_t numItems) {
    if (numItems != m_impl->state->numItems)
        throw UsageError("this model was trained on " + std::to_string(m_impl->state->numItems) +
                         " items, the data has " + std::to_string(numItems));
    m_impl->fitCf(train);
    m_impl->prepare();
}

std::unique_ptr<SessionScorer> BertMlpRecommender::newScorer() const {
    if (!m_impl->cfFitted || !m_impl->itemHalf.defined())
        throw std::logic_error("BertMlpRecommender: fit() before scoring");
    return std::make_unique<BertMlpScorer>(*m_impl);
}

void BertMlpRecommender::setAlpha(double alpha) {
    if (!(alpha >= 0 && alpha <= 1))
        throw UsageError("alpha must lie in [0, 1]");
    m_impl->alpha = alpha;
}
void BertMlpRecommender::setBlend(BlendMode mode) { m_impl->blend = mode; }

void BertMlpRecommender::setCfOption(const std::string& name, double value) {
    auto& o = m_impl->state->options;
    if (name == "cf_shrink")
        o.cfShrink = value;
    else if (name == "cf_neighbors")
        o.cfNeighbors = int(value);
    else if (name == "cf_recency_decay")
        o.cfRecencyDecay = value;
    else
        throw UsageError("unknown s_cf setting '" + name + "'");
    m_impl->cfFitted = false;
}
void BertMlpRecommender::setCalibration(double scale, double bias) {
    if (!std::isfinite(scale) || !std::isfinite(bias))
        throw UsageError("calibration scale and bias must be finite numbers");
    m_impl->calibScale = scale;
    m_impl->calibBias = bias;
}
double BertMlpRecommender::calibrationScale() const { return m_impl->calibScale; }
double BertMlpRecommender::calibrationBias() const { return m_impl->calibBias; }

const BertMlpOptions& BertMlpRecommender::options() const { return m_impl->state->options; }

double BertMlpRecommender::itemTextShare() const {
    const auto& h = m_impl->state->hasText;
    if (h.empty())
        return 0.0;
    return double(std::count(h.begin(), h.end(), std::uint8_t(1))) / double(h.size());
}

std::vector<double> BertMlpRecommender::cfScores(const std::vector<std::int32_t>& prefix) const {
    std::vector<double> out(std::size_t(m_impl->state->numItems), 0.0);
    m_impl->cf.score(prefix.data(), prefix.size(), out.data());
    return out;
}

std::vector<double> BertMlpRecommender::neuralScores(const std::vector<std::int32_t>& prefix) const {
    std::vector<double> out(std::size_t(m_impl->state->numItems), 0.0);
    m_impl->neural(prefix.data(), prefix.size(), out.data());
    return out;
}

void BertMlpRecommender::partsFor(const std::vector<std::int32_t>& prefix,
                                  const std::vector<std::int32_t>& items, std::vector<double>& cf,
                                  std::vector<double>& f) const {
    for (auto i : items)
        if (i < 0 || i >= m_impl->state->numItems)
            throw std::out_of_range("partsFor: item " + std::to_string(i) + " is not in the catalogue");
    // s_cf touches only the neighbours of the session's items; a sparse pass over them would do,
    // but one dense vector of N doubles is cheap next to any f.
    std::vector<double> all(std::size_t(m_impl->state->numItems), 0.0);
    m_impl->cf.score(prefix.data(), prefix.size(), all.data());
    cf.resize(items.size());
    for (std::size_t k = 0; k < items.size(); ++k)
        cf[k] = all[std::size_t(items[k])];
    f.assign(items.size(), 0.0);
    m_impl->neuralFor(prefix.data(), prefix.size(), &items, f.data());
}

std::vector<double> BertMlpRecommender::neuralScoresNaive(
    const std::vector<std::int32_t>& prefix) const {
    auto& m = *m_impl;
    std::lock_guard<std::mutex> lock(m.torchMutex);
    torch::NoGradGuard g;
    auto& net = m.state->net;
    auto u = model::sessionVectors(*m.state, {prefix}, m.allItemVectors).squeeze(0);
    // The unsplit first layer: W₁ = [W_u | W_v] over the concatenation [u; v].
    auto w1 = torch::cat({net->sessionIn->weight, net->itemIn->weight}, 1);
    auto b1 = net->sessionIn->bias;
    std::vector<double> out(std::size_t(m.state->numItems));
    for (std::int64_t i = 0; i < m.state->numItems; ++i) {
        auto x = torch::cat({u, m.allItemVectors[i]});
        auto pre = torch::matmul(w1, x) + b1;
        const double z = net->head(pre.unsqueeze(0)).item<double>();
        out[std::size_t(i)] = 1.0 / (1.0 + std::exp(-(m.calibScale * z + m.calibBias)));
    }
    return out;
}

std::unique_ptr<BertMlpRecommender> BertMlpRecommender::createUntrained(
    const BertMlpOptions& options, const std::vector<float>& itemVectors, std::int64_t dim,
    const std::vector<std::uint8_t>& hasText) {
    options.validate();
    if (options.sessionEncoder != "pooled")
        throw UsageError("createUntrained: only the pooled session tower works without an encoder");
    if (dim <= 0 || itemVectors.size() % std::size_t(dim) != 0)
        throw std::invalid_argument("createUntrained: itemVectors must hold numItems × dim values");
    auto state = std::make_shared<model::ModelState>();
    state->options = options;
    state->numItems = std::int64_t(itemVectors.size()) / dim;
    state->hidden = dim;
    state->hasText = hasText;
    torch::manual_seed(options.seed);
    state->net = model::BertMlpNet(options, state->numItems, dim);
    {
        torch::NoGradGuard g;
        state->net->itemText.copy_(
            torch::from_blob(const_cast<float*>(itemVectors.data()), {state->numItems, dim},
                             torch::kFloat));
        if (options.idEmbedding) // untrained id vectors would be zero; make them matter in tests
            state->net->idEmbedding->weight.normal_(0.0, 0.1);
    }
    auto impl = std::make_shared<Impl>();
    impl->state = std::move(state);
    impl->alpha = options.alpha;
    impl->blend = options.blend;
    return std::make_unique<BertMlpRecommender>(std::move(impl));
}

} // namespace srw
