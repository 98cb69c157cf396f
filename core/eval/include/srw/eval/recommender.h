#pragma once
#include "srw/data/session_data.h"
#include "srw/eval/score_vector.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace srw {

/** @brief Model parameters by name, as the user typed them (`--param k=100`). */
using ParamMap = std::map<std::string, std::string>;

/** @brief What a model sees for one prediction: the session so far. */
struct PrefixView {
    const std::int32_t* items = nullptr; ///< dense item indices, time order
    const std::int64_t* times = nullptr; ///< epoch ms per item, same length
    std::size_t length = 0;              ///< at least 1
    std::int64_t sessionId = 0;
    /// Time of the event being predicted. session-rec's evaluate_sessions passes the target
    /// event's timestamp to predict_next, and V-SKNN's weighting_time uses it, so we do too.
    std::int64_t nowMs = 0;
    /// Per-prediction seed derived from the evaluation seed, the session and the position, so
    /// that sampling models give the same figures on any number of threads.
    std::uint64_t seed = 0;
};

/**
 * @brief Per-thread scoring state of a fitted model (scratch buffers, caches).
 *
 * The evaluator creates one per worker thread; score() is never called concurrently on one
 * scorer, so it may keep mutable state, while the Recommender it came from stays read-only.
 */
class SessionScorer {
public:
    virtual ~SessionScorer() = default;
    /** @brief Scores every item as the next one after prefix; out was reset() by the caller. */
    virtual void score(const PrefixView& prefix, ScoreVector& out) = 0;
};

/**
 * @brief A next-item model: fit on training sessions, then score prefixes.
 *
 * Baselines and the neural model implement the same interface so the protocol treats them
 * alike. Parameters are given at construction (see createRecommender()).
 */
class Recommender {
public:
    virtual ~Recommender() = default;
    /** @brief Short model name ("sknn"). */
    virtual std::string name() const = 0;
    /** @brief Every parameter with its effective value, defaults included. */
    virtual ParamMap params() const = 0;
    /** @brief Learns from train; item indices are below numItems. May be called again. */
    virtual void fit(const std::vector<SessionSequence>& train, std::int32_t numItems) = 0;
    /** @brief A scorer for one thread; valid while this model lives and is not refitted. */
    virtual std::unique_ptr<SessionScorer> newScorer() const = 0;
};

} // namespace srw
