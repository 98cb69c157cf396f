#pragma once
#include <cstdint>
#include <functional>
#include <string>

namespace srw {

/** @brief What a long core call reports while it runs. total is 0 when unknown. */
struct Progress {
    std::string stage;       ///< short, human-readable: "reading", "sessions", "epoch 3/10"
    std::uint64_t done = 0;  ///< units done in this stage (bytes, rows, steps)
    std::uint64_t total = 0; ///< units in this stage, 0 if unknown
    std::string detail;      ///< optional extra (loss, items/s)
};

/**
 * @brief Progress callback of every long core call; return false to cancel.
 *
 * Called from the thread doing the work, at most a few times a second, so it may be cheap or
 * forward to a GUI with a queued signal.
 */
using ProgressFn = std::function<bool(const Progress&)>;

} // namespace srw
