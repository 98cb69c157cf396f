#pragma once
// Torch-free: fitted on plain numbers, so it is tested without a network.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace srw {

/**
 * @brief Platt scaling of a scorer's logits: p = σ(scale · z + bias).
 *
 * The MLP is trained with binary cross-entropy on positives and sampled negatives, so σ(z) starts
 * out calibrated for that mix; as training goes on it grows overconfident on the training
 * prefixes (sharper on validation than it should be), and in p = α·s_cf + (1 − α)·f the blend
 * then follows f more than α says. Refitting the two numbers on held-out pairs restores it.
 */
struct PlattScaling {
    double scale = 1.0;
    double bias = 0.0;
    double lossBefore = 0.0; ///< weighted mean log-loss of σ(z)
    double lossAfter = 0.0;  ///< … and of σ(scale·z + bias)
    std::size_t pairs = 0;

    double apply(double logit) const;
};

/**
 * @brief Fits scale and bias by Newton's method on the weighted log-loss
 * Σ wᵢ·[−yᵢ log σ(a zᵢ + b) − (1 − yᵢ) log(1 − σ(a zᵢ + b))] / Σ wᵢ, with a tiny ridge pull
 * towards (1, 0) so that separable data stays finite. Empty input gives the identity.
 */
PlattScaling fitPlattScaling(const std::vector<double>& logits, const std::vector<std::uint8_t>& labels,
                             const std::vector<double>& weights);

} // namespace srw
