#pragma once
// Internal to srw_model (LibTorch): Platt scaling of f fitted on held-out sessions.
#include "model_state.h"
#include "negative_sampler.h"
#include "srw/model/platt_scaling.h"

namespace srw::model {

/**
 * Fits f's Platt scaling on the validation sessions: every prefix (up to a few thousand, evenly
 * spread) paired with its true next item (label 1) and with negatives drawn as training draws them
 * (label 0). Positives and negatives carry equal total weight, the balance the training loss
 * (mean over positives + mean over negatives) gives them, so f keeps the meaning training gave
 * it. The random draws derive from the seed only: a resumed run refits the same numbers.
 * Uses the item half of m (prepare() first); does not change m.
 */
PlattScaling fitCalibration(BertMlpRecommender::Impl& m, const std::vector<SessionSequence>& valid,
                            const NegativeSampler& sampler);

} // namespace srw::model
