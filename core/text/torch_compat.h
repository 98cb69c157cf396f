#pragma once
// The one place that knows LibTorch versions apart: Debian's 1.13 (CPU) here, 2.x on GPU servers.
#include <torch/torch.h>
#include <torch/version.h>
#include <ATen/autocast_mode.h>

#include <cmath>

namespace srw::compat {

#if TORCH_VERSION_MAJOR >= 2
constexpr bool kHasFusedAttention = true;
#else
constexpr bool kHasFusedAttention = false;
#endif

/**
 * softmax(q·kᵀ/√d + mask)·v for q, k, v [B, heads, T, d]. keep is a bool [B, 1, 1, T] (true =
 * attend); additive is the same mask as 0 / float-min, used by the unfused path as transformers
 * does. 2.x uses the fused kernel.
 */
inline torch::Tensor attention(const torch::Tensor& q, const torch::Tensor& k,
                               const torch::Tensor& v, const torch::Tensor& keep,
                               const torch::Tensor& additive, double dropout, bool training) {
#if TORCH_VERSION_MAJOR >= 2
    (void)additive;
    return at::scaled_dot_product_attention(q, k, v, keep, training ? dropout : 0.0, false);
#else
    (void)keep;
    auto scores = torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(double(q.size(-1)));
    scores = scores + additive;
    auto probs = torch::softmax(scores, -1);
    if (training && dropout > 0)
        probs = torch::dropout(probs, dropout, true);
    return torch::matmul(probs, v);
#endif
}

/** Turns bf16 autocast on or off for CUDA for the calling thread. */
inline void setCudaAutocast(bool enabled) {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_enabled(at::kCUDA, enabled);
    at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
#else
    at::autocast::set_enabled(enabled);
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
#endif
    if (!enabled)
        at::autocast::clear_cache();
}

} // namespace srw::compat
