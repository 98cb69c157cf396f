#pragma once
// No LibTorch here: the network lives behind Impl (src/model_state.h).
#include "srw/eval/recommender.h"
#include "srw/model/bert_mlp_options.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace srw {

/**
 * @brief The BERT+MLP recommender blended with collaborative filtering:
 *
 *     p(u, v) = α · s_cf(u, v) + (1 − α) · f(u, v),   f(u, v) = σ(a · MLP([u; v]) + b)
 *
 * v is the item tower's vector (the pooled encoder output of the item's text plus, for items seen
 * in training, a learned id vector); u the session tower's (the encoder over the session text, or
 * pooling of the session's item vectors); s_cf is CfSimilarity. With BlendMode::Rank both parts are
 * first replaced by their rank percentile over the catalogue. (a, b) is f's Platt scaling, fitted
 * on validation after each training epoch so that f stays a calibrated probability.
 *
 * Ranking the whole catalogue is fast because the MLP's first layer is split,
 * W₁[u; v] + b = W_u·u + (W_v·v + b): the item half W_v·v is computed once per catalogue (in
 * fit()), and a query costs the session tower, one W_u·u (H × w₁), then for each of the N items
 * one addition and the rest of the MLP (w₁·w₂ + w₂·w₃ + … per item) — no per-item pass over the
 * H-dimensional input — plus O(m · neighbours) for s_cf and, with the rank blend, two sorts of N.
 *
 * fit() of a trained model does not retrain the network: it builds s_cf from the sessions given
 * (as every baseline does) and recomputes the catalogue's item half. Scoring takes a lock around
 * the LibTorch part (LibTorch from several threads at once has open crash reports); s_cf and the
 * blend run outside it.
 */
class BertMlpRecommender : public Recommender {
public:
    struct Impl;
    explicit BertMlpRecommender(std::shared_ptr<Impl> impl);
    ~BertMlpRecommender() override;

    std::string name() const override { return "bert-mlp"; }
    ParamMap params() const override;
    void fit(const std::vector<SessionSequence>& train, std::int32_t numItems) override;
    std::unique_ptr<SessionScorer> newScorer() const override;

    /** @brief Re-ranks with another α (no retraining); throws UsageError outside [0, 1]. */
    void setAlpha(double alpha);
    void setBlend(BlendMode mode);
    /** @brief Changes an s_cf setting (cf_shrink, cf_neighbors, cf_recency_decay) before fit():
     * s_cf is rebuilt there, the network is untouched. */
    void setCfOption(const std::string& name, double value);
    /** @brief f = σ(scale · logit + bias): the Platt scaling training fitted on validation
     * (scale 1, bias 0 for a model trained with calibration none). */
    void setCalibration(double scale, double bias);
    double calibrationScale() const;
    double calibrationBias() const;
    const BertMlpOptions& options() const;
    /** @brief Share of the catalogue whose text has a title or description. */
    double itemTextShare() const;

    /** @brief s_cf of every item for a prefix (items in time order). */
    std::vector<double> cfScores(const std::vector<std::int32_t>& prefix) const;
    /** @brief f of every item through the split first layer (what score() uses). */
    std::vector<double> neuralScores(const std::vector<std::int32_t>& prefix) const;
    /** @brief s_cf and f of a few items for a prefix (an explanation's parts): the session
     * tower once and the MLP on those items only, not the catalogue. */
    void partsFor(const std::vector<std::int32_t>& prefix, const std::vector<std::int32_t>& items,
                  std::vector<double>& cf, std::vector<double>& f) const;
    /** @brief f of every item the naive way, the MLP run on [u; v] item by item: the reference
     * the split computation is tested against. */
    std::vector<double> neuralScoresNaive(const std::vector<std::int32_t>& prefix) const;

    /**
     * @brief An untrained model (random network, seeded) over given item text vectors (row-major
     * numItems × dim) and the pooled session tower: for tests and for checking the scoring code
     * without a training run. hasText marks the items whose text has a title or description.
     */
    static std::unique_ptr<BertMlpRecommender> createUntrained(
        const BertMlpOptions& options, const std::vector<float>& itemVectors, std::int64_t dim,
        const std::vector<std::uint8_t>& hasText);

    Impl& impl() { return *m_impl; }

private:
    std::shared_ptr<Impl> m_impl;
};

} // namespace srw
