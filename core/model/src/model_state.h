#pragma once
// Internal to srw_model, included only by its LibTorch translation units: the network, the
// encoder tower, the optimiser and the checkpoint format shared by training and scoring.
#include "srw/model/bert_mlp_recommender.h"
#include "srw/model/cf_similarity.h"
#include "srw/text/bert_encoder.h"

#include <torch/torch.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace srw::model {

/**
 * The item tower's learned part, the pooled session tower and the MLP. Parameter names are stable
 * (they are checkpoint keys): item_id_embedding, session.recency / session.attn_proj /
 * session.attn_score, mlp.session_in (W_u and the first bias), mlp.item_in (W_v, no bias),
 * mlp.layers.K. The frozen text vectors are the buffer item_text.
 */
struct BertMlpNetImpl : torch::nn::Module {
    BertMlpNetImpl(const BertMlpOptions& o, std::int64_t numItems, std::int64_t hidden);

    /** Item vectors v of ids [...]: text rows (item_text, or textRows when given) + id vectors. */
    torch::Tensor itemVectors(const torch::Tensor& ids, const torch::Tensor& textRows = {});
    /** u of the pooled tower: vectors [B, L, H] most recent first, keep [B, L] bool. */
    torch::Tensor poolSession(const torch::Tensor& vectors, const torch::Tensor& keep);
    torch::Tensor sessionHalf(const torch::Tensor& u) { return sessionIn(u); }
    torch::Tensor itemHalf(const torch::Tensor& v) { return itemIn(v); }
    /** The MLP after its first layer's sum: ReLU, dropout, hidden layers, one logit. */
    torch::Tensor head(const torch::Tensor& firstPre);
    /** Logits [B, C] of every session against every candidate: head(a_b + c_j). */
    torch::Tensor pairLogits(const torch::Tensor& a, const torch::Tensor& c) {
        return head(a.unsqueeze(1) + c.unsqueeze(0));
    }

    std::int64_t numItems, hidden;
    bool attention, useIdEmbedding;
    double dropout;
    torch::Tensor itemText; ///< [N, H] buffer
    torch::nn::Embedding idEmbedding{nullptr};
    torch::nn::Embedding recency{nullptr};
    torch::nn::Linear attnProj{nullptr}, attnScore{nullptr};
    torch::nn::Linear sessionIn{nullptr}, itemIn{nullptr};
    torch::nn::ModuleList layers{nullptr};
};
TORCH_MODULE(BertMlpNet);

/** AdamW written out, so that its moments are plain named tensors in the checkpoint. */
struct AdamW {
    struct Slot {
        std::string name;
        torch::Tensor param, m, v;
        double lrScale = 1.0; ///< encoder parameters run at encoder_lr / lr
        bool decay = true;
    };
    std::vector<Slot> slots;
    std::int64_t step = 0;
    double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;

    void add(const std::string& name, const torch::Tensor& p, double lrScale, bool decay);
    void zeroGrad();
    void update(double lr, double weightDecay);
};

/** What every scorer and the trainer share. */
struct ModelState {
    BertMlpOptions options;
    std::int64_t numItems = 0, hidden = 0;
    torch::Device device{torch::kCPU};
    BertMlpNet net{nullptr};
    /// Present for the text session tower and for fine-tuning.
    std::optional<BertEncoder> encoder;
    std::string encoderKey;
    /// WordPiece ids of each item's text without special tokens (text tower, fine-tuning).
    std::vector<std::vector<std::int32_t>> itemTokens;
    std::vector<std::uint8_t> hasText;
};

/** Mean-pooled encoder vectors of token id lists ([CLS] ids [SEP] added, truncated). */
torch::Tensor encodeTokenLists(ModelState& s, const std::vector<std::vector<std::int32_t>>& lists,
                               std::size_t maxLength);
/** The session text, most recent item first, joined with [SEP], as token ids. */
std::vector<std::int32_t> sessionTokens(const ModelState& s, const std::int32_t* items,
                                        std::size_t length);
/** u for prefixes [B] of dense items (time order). */
torch::Tensor sessionVectors(ModelState& s, const std::vector<std::vector<std::int32_t>>& prefixes,
                             const torch::Tensor& allItemVectors);
/** Re-encodes every item's text (fine-tuned encoders) into the net's item_text buffer. */
void refreshItemText(ModelState& s);

/** Named tensors of a checkpoint: net.*, encoder.* (when the encoder is part of the model). */
std::map<std::string, torch::Tensor> modelTensors(ModelState& s);
/** Writes tensors to path (atomically) and returns the file's SHA-256. */
std::string writeTensors(const std::string& path, const std::map<std::string, torch::Tensor>& t);
/** Copies the file's tensors into the model (net.*, encoder.*) and, when given, the optimiser
 * moments (adam.m.*, adam.v.*); throws std::runtime_error on a missing or misshapen tensor. */
void readTensors(const std::string& path, ModelState& s, AdamW* optimiser);

/** Mixes a seed with a counter (splitmix64), for per-step and per-epoch random streams. */
std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t counter);

} // namespace srw::model

namespace srw {

struct BertMlpRecommender::Impl {
    std::shared_ptr<model::ModelState> state;
    double alpha = 0.5;
    BlendMode blend = BlendMode::Probability;
    CfSimilarity cf;
    bool cfFitted = false;
    torch::Tensor allItemVectors; ///< [N, H], refreshed by prepare()
    torch::Tensor itemHalf;       ///< [N, w₁]
    /// The output layer of a one-hidden-layer MLP on the CPU (the default shape), for the fused
    /// catalogue pass in neural(); empty otherwise (LibTorch's ops, block by block).
    std::vector<float> outWeight;
    float outBias = 0;
    /// f = σ(calibScale · logit + calibBias): Platt scaling fitted on validation (identity when
    /// the model was trained with calibration none).
    double calibScale = 1.0, calibBias = 0.0;
    mutable std::mutex torchMutex;

    /** Recomputes the item vectors and the item half after the weights changed. */
    void prepare();
    void fitCf(const std::vector<SessionSequence>& train);
    /** f (probabilities) of all items for one prefix; out has numItems values. */
    void neural(const std::int32_t* items, std::size_t length, double* out);
    /** f of one item by the fused one-hidden-layer pass (outWeight set; a: the session half). */
    double fusedProbability(std::int64_t item, const float* a) const;
    /** f of the given candidates only (out has candidates->size() values; null: every item). */
    void neuralFor(const std::int32_t* items, std::size_t length,
                   const std::vector<std::int32_t>* candidates, double* out);
};

} // namespace srw
