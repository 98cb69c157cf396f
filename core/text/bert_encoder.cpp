#include "bert_encoder_impl.h"
#include "srw/util/file_util.h"
#include "srw/text/safetensors.h"
#include "srw/util/atomic_file.h"
#include "srw/util/error.h"
#include "srw/util/sha256.h"
#include "srw/util/text_utils.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace srw {

namespace detail {

torch::Device parseDevice(const std::string& name) {
    if (name == "auto")
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0)
                                           : torch::Device(torch::kCPU);
    torch::Device d(torch::kCPU);
    try {
        d = torch::Device(name);
    } catch (const std::exception&) {
        throw UsageError("unknown device \"" + name + "\" (cpu, cuda, cuda:N or auto)");
    }
    if (d.is_cuda() && !torch::cuda::is_available())
        throw UsageError("device \"" + name + "\" asked for, but LibTorch sees no CUDA device");
    if (d.is_cuda() && !d.has_index())
        d = torch::Device(torch::kCUDA, 0);
    return d;
}

} // namespace detail

namespace {

std::string shapeText(at::IntArrayRef shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

std::string findWeights(const std::string& dir) {
    const std::string st = dir + "/model.safetensors";
    if (pathExists(st))
        return st;
    for (const char* bin : {"pytorch_model.bin", "model.bin", "model.pt", "model.pth"})
        if (pathExists(dir + "/" + bin))
            refusePickleCheckpoint(dir + "/" + bin); // throws with the conversion recipe
    if (pathExists(dir + "/model.safetensors.index.json"))
        throw SafeTensorsError(dir + ": sharded checkpoints (model.safetensors.index.json) are "
                                     "not supported; BERT-sized models fit in one file");
    throw SafeTensorsError(dir + ": no model.safetensors in this directory");
}

torch::Tensor toDevice(const std::vector<std::int64_t>& v, std::int64_t b, std::int64_t t,
                       const torch::Device& d) {
    return torch::from_blob(const_cast<std::int64_t*>(v.data()), {b, t}, torch::kLong).to(d, true);
}

std::vector<float> toVector(const torch::Tensor& t) {
    auto c = t.detach().to(torch::kCPU, torch::kFloat).contiguous();
    const float* p = c.data_ptr<float>();
    return std::vector<float>(p, p + c.numel());
}

} // namespace

BertEncoder::BertEncoder(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
BertEncoder::BertEncoder(BertEncoder&&) noexcept = default;
BertEncoder& BertEncoder::operator=(BertEncoder&&) noexcept = default;
BertEncoder::~BertEncoder() = default;

BertEncoder BertEncoder::load(const std::string& dir, const BertLoadOptions& options) {
    if (!isDirectory(dir))
        throw InputError(dir, 0, 0, "not a directory");
    const std::string weights = findWeights(dir);
    const BertConfig config = BertConfig::fromJsonFile(dir + "/config.json");
    Tokenizer tokenizer = Tokenizer::fromDirectory(dir);
    if (std::int64_t(tokenizer.vocabSize()) > config.vocabSize)
        throw InputError(dir + "/vocab.txt", 0, 0,
                         std::to_string(tokenizer.vocabSize()) +
                             " tokens, more than config.json's vocab_size " +
                             std::to_string(config.vocabSize));
    const auto file = SafeTensorsFile::read(weights);

    // BertModel files have no prefix, BertForMaskedLM/BertForPreTraining ones "bert." + "cls.".
    bool prefixed = false;
    for (const auto& t : file.tensors())
        prefixed = prefixed || startsWith(t.name, "bert.");
    std::map<std::string, const TensorInfo*> byName;
    for (const auto& t : file.tensors()) {
        const bool own = prefixed || startsWith(t.name, "cls.");
        byName[own ? t.name : "bert." + t.name] = &t;
    }
    const bool pooler = byName.count("bert.pooler.dense.weight") > 0;
    const bool mlm = byName.count("cls.predictions.transform.dense.weight") > 0;

    auto device = detail::parseDevice(options.device);
    detail::BertRoot root(config, pooler, mlm);
    std::vector<std::string> missing;
    {
        torch::NoGradGuard noGrad;
        for (auto& p : root->named_parameters()) {
            auto it = byName.find(p.key());
            if (it == byName.end()) {
                missing.push_back(p.key());
                continue;
            }
            const TensorInfo& t = *it->second;
            const auto want = p.value().sizes();
            if (std::vector<std::int64_t>(want.begin(), want.end()) != t.shape)
                throw SafeTensorsError(weights + ": tensor " + quoteForMessage(t.name, 80) +
                                       " has shape " + shapeText(t.shape) + " but config.json " +
                                       "implies " + shapeText(want));
            auto values = file.toFloat32(t);
            p.value().copy_(torch::from_blob(values.data(), want, torch::kFloat));
            byName.erase(it);
        }
    }
    if (!missing.empty()) {
        std::string list;
        for (std::size_t i = 0; i < missing.size() && i < 5; ++i)
            list += (i ? ", " : "") + missing[i];
        if (missing.size() > 5)
            list += ", … (" + std::to_string(missing.size()) + " in all)";
        throw SafeTensorsError(weights + ": missing BERT tensors: " + list);
    }
    // Tensors left in byName are skipped, as transformers skips them: position_ids buffers, the
    // NSP head, the decoder (tied to the word embeddings; its bias is cls.predictions.bias) and
    // other task heads.
    root->to(device);
    root->eval();
    return BertEncoder(
        std::make_unique<Impl>(config, std::move(tokenizer), std::move(root), device));
}

BertEncoder BertEncoder::create(const BertConfig& config, Tokenizer tokenizer, bool withMlmHead,
                                std::uint64_t seed, const BertLoadOptions& options) {
    config.validate();
    if (std::int64_t(tokenizer.vocabSize()) > config.vocabSize)
        throw std::invalid_argument("BertEncoder::create: the tokenizer has more tokens than "
                                    "the config's vocab_size");
    torch::manual_seed(seed);
    // A fresh pooler would be untrained noise, so MLM models (as in transformers) have none.
    detail::BertRoot root(config, !withMlmHead, withMlmHead);
    root->initialize();
    auto device = detail::parseDevice(options.device);
    root->to(device);
    root->eval();
    return BertEncoder(
        std::make_unique<Impl>(config, std::move(tokenizer), std::move(root), device));
}

void BertEncoder::save(const std::string& dir) const {
    makeDirectories(dir);
    BertConfig c = m_impl->config;
    c.architectures = {hasMlmHead() ? "BertForMaskedLM" : "BertModel"};
    writeFileAtomically(dir + "/config.json", c.toJson());
    m_impl->tokenizer.save(dir);
    // A tokenizer.json left from another model would win over vocab.txt in Python.
    removeFileIfExists(dir + "/tokenizer.json");

    std::vector<torch::Tensor> hold;
    std::vector<TensorToWrite> tensors;
    for (const auto& p : m_impl->root->named_parameters()) {
        std::string name = p.key();
        if (!hasMlmHead() && startsWith(name, "bert."))
            name = name.substr(5); // BertModel layout, as transformers saves it
        hold.push_back(p.value().detach().to(torch::kCPU, torch::kFloat).contiguous());
        const auto& t = hold.back();
        tensors.push_back({name, DType::F32, t.sizes().vec(),
                           std::string_view(static_cast<const char*>(t.data_ptr()),
                                            std::size_t(t.nbytes()))});
    }
    writeSafeTensors(dir + "/model.safetensors", std::move(tensors));
}

const BertConfig& BertEncoder::config() const { return m_impl->config; }
const Tokenizer& BertEncoder::tokenizer() const { return m_impl->tokenizer; }
bool BertEncoder::hasMlmHead() const { return m_impl->hasMlmHead(); }
bool BertEncoder::hasPooler() const { return m_impl->hasPooler(); }
std::int64_t BertEncoder::hiddenSize() const { return m_impl->config.hiddenSize; }
std::string BertEncoder::device() const { return m_impl->device.str(); }
bool BertEncoder::cudaAvailable() { return torch::cuda::is_available(); }

BertOutputs BertEncoder::forward(const BertBatch& batch, const BertForwardOptions& options) const {
    const auto& c = m_impl->config;
    const auto b = batch.batchSize, t = batch.seqLen;
    const auto n = std::size_t(b * t);
    if (b <= 0 || t <= 0 || batch.inputIds.size() != n || batch.attentionMask.size() != n ||
        batch.tokenTypeIds.size() != n)
        throw std::invalid_argument("BertEncoder::forward: inputs must all hold batchSize × "
                                    "seqLen values");
    if (t > c.maxPositionEmbeddings)
        throw std::invalid_argument("BertEncoder::forward: " + std::to_string(t) +
                                    " tokens, more than max_position_embeddings " +
                                    std::to_string(c.maxPositionEmbeddings));
    for (std::size_t i = 0; i < n; ++i)
        if (batch.inputIds[i] < 0 || batch.inputIds[i] >= c.vocabSize ||
            batch.tokenTypeIds[i] < 0 || batch.tokenTypeIds[i] >= c.typeVocabSize)
            throw std::invalid_argument("BertEncoder::forward: token or type id out of range");
    if (options.mlmLogits && !hasMlmHead())
        throw std::invalid_argument("BertEncoder::forward: this model has no MLM head");

    torch::NoGradGuard noGrad;
    auto& root = m_impl->root;
    root->eval();
    const auto& d = m_impl->device;
    auto hs = root->bert->forward(toDevice(batch.inputIds, b, t, d),
                                  toDevice(batch.tokenTypeIds, b, t, d),
                                  toDevice(batch.attentionMask, b, t, d), options.hiddenStates);
    BertOutputs out;
    out.batchSize = b;
    out.seqLen = t;
    out.hiddenSize = c.hiddenSize;
    out.vocabSize = c.vocabSize;
    const auto& last = hs.back();
    out.lastHiddenState = toVector(last);
    if (options.hiddenStates)
        for (const auto& h : hs)
            out.hiddenStates.push_back(toVector(h));
    if (options.pooler && hasPooler())
        out.poolerOutput = toVector(root->bert->pool(last));
    if (options.mlmLogits)
        out.mlmLogits = toVector(root->mlmLogits(last));
    return out;
}

std::vector<float> BertEncoder::encode(const std::vector<std::string>& texts, Pooling pooling,
                                       std::size_t batchSize, std::size_t maxLength) const {
    if (pooling == Pooling::Pooler && !hasPooler())
        throw std::invalid_argument("this model has no pooler weights; use CLS or mean pooling");
    const auto& c = m_impl->config;
    const auto& tok = m_impl->tokenizer;
    EncodeOptions eo;
    eo.withTokens = false;
    eo.maxLength = std::min<std::size_t>(maxLength ? maxLength : tok.options().modelMaxLength,
                                         std::size_t(c.maxPositionEmbeddings));
    const auto encodings = tok.encodeBatch(texts, eo);
    // Batches of similar lengths waste little on padding.
    std::vector<std::size_t> order(texts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return encodings[x].ids.size() < encodings[y].ids.size();
    });

    const auto h = std::size_t(c.hiddenSize);
    std::vector<float> out(texts.size() * h);
    torch::NoGradGuard noGrad;
    auto& root = m_impl->root;
    root->eval();
    batchSize = std::max<std::size_t>(batchSize, 1);
    for (std::size_t start = 0; start < order.size(); start += batchSize) {
        const std::size_t end = std::min(order.size(), start + batchSize);
        std::vector<Encoding> chunk;
        for (std::size_t i = start; i < end; ++i)
            chunk.push_back(encodings[order[i]]);
        const auto batch = BertBatch::fromEncodings(chunk, tok.padId());
        const auto& d = m_impl->device;
        auto mask = toDevice(batch.attentionMask, batch.batchSize, batch.seqLen, d);
        auto last = root->bert
                        ->forward(toDevice(batch.inputIds, batch.batchSize, batch.seqLen, d),
                                  toDevice(batch.tokenTypeIds, batch.batchSize, batch.seqLen, d),
                                  mask, false)
                        .back();
        torch::Tensor pooled;
        if (pooling == Pooling::Cls) {
            pooled = last.select(1, 0);
        } else if (pooling == Pooling::Pooler) {
            pooled = root->bert->pool(last);
        } else {
            auto m = mask.to(last.scalar_type()).unsqueeze(-1);
            pooled = (last * m).sum(1) / m.sum(1).clamp_min(1.0);
        }
        const auto rows = toVector(pooled);
        for (std::size_t i = start; i < end; ++i)
            std::copy_n(rows.begin() + std::ptrdiff_t((i - start) * h), h,
                        out.begin() + std::ptrdiff_t(order[i] * h));
    }
    return out;
}

std::string BertEncoder::fingerprint() const {
    Sha256 sha;
    // The architecture label is not hashed: it names the checkpoint's class (save() writes
    // BertModel for a model made as BertForMaskedLM) and changes no vector; hashing it gave a
    // reloaded encoder a new key and made a resumed run re-encode every item.
    BertConfig config = m_impl->config;
    config.architectures.clear();
    sha.update(config.toJson());
    for (const auto& t : m_impl->tokenizer.vocab()) {
        sha.update(t);
        sha.update("\n", 1);
    }
    const auto& o = m_impl->tokenizer.options();
    sha.update(std::string(o.lowercase ? "L" : "l") +
               (o.stripAccents.value_or(o.lowercase) ? "S" : "s") +
               (o.tokenizeChineseChars ? "C" : "c") + std::to_string(o.modelMaxLength));
    for (const auto& p : m_impl->root->named_parameters()) {
        sha.update(p.key());
        auto cpu = p.value().detach().to(torch::kCPU, torch::kFloat).contiguous();
        sha.update(cpu.data_ptr(), std::size_t(cpu.nbytes()));
    }
    return sha.hexDigest();
}

} // namespace srw
