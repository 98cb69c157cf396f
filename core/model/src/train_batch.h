#pragma once
// Internal to srw_model (LibTorch): the vectors one training step scores.
#include "model_state.h"

namespace srw::model {

struct BatchVectors {
    torch::Tensor session;    ///< u of each prefix [B, H]
    torch::Tensor candidates; ///< v of each candidate [C, H]
};

/**
 * The session and candidate vectors of a training step, with gradients where the configuration
 * trains: with a tuned encoder, the texts of every item the batch touches go through it (once
 * per distinct item); with a frozen one, item vectors come from the cached text rows and only the
 * session tower, id vectors and MLP learn.
 */
BatchVectors batchVectors(ModelState& s, const std::vector<std::vector<std::int32_t>>& prefixes,
                          const std::vector<std::int64_t>& cands, const torch::Tensor& candT);

} // namespace srw::model
