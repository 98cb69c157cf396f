#pragma once
#include "srw/data/session_store.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace srw {

/**
 * @brief How to split a prepared dataset.
 *
 * temporal: sessions whose last (kept) event falls in the last testDays days of the data go to
 * test; validation is carved the same way from the end of what is left (validDays, 0 = none);
 * the rest is training. No test session ends before a training session ends.
 * leave_last_out: every session is in test; its last event is the target, and all events before
 * it are training data (the usual protocol of sequential recommenders).
 * Test events whose item never occurs in training are kept; the summary counts them.
 */
struct SplitOptions {
    std::string method = "temporal";
    double testDays = 1.0;
    double validDays = 1.0;
    std::string name; ///< defaults to the method
};

struct SplitPartSummary {
    std::int64_t sessions = 0, events = 0;
};

struct SplitSummary {
    std::string name, method;
    SplitPartSummary train, valid, test;
    std::int64_t testEventsUnseen = 0;   ///< test events whose item is not in training
    std::int64_t testItemsUnseen = 0;    ///< distinct such items
    std::int64_t thresholdTestMs = 0;    ///< temporal: sessions ending after this are test
};

/** @brief Computes and stores the split (replacing one of the same name) and activates it. */
SplitSummary splitDataset(SessionStore& store, const std::string& dataset, const SplitOptions& o,
                          const ProgressFn& progress = {});

nlohmann::json splitSummaryToJson(const SplitSummary& s);

/**
 * @brief Below this many test (or validation) sessions the metrics' confidence intervals are too
 * wide to tell models apart (a 95% interval of MRR@20 over 100 sessions spans about ±0.08).
 */
constexpr std::int64_t kFewEvaluationSessions = 100;

/** @brief A part of a split too small to evaluate on; text says what to change (English). */
struct SplitWarning {
    enum class Part { Test, Valid } part;
    std::int64_t sessions = 0;
    std::string text;
};

/**
 * @brief Warnings about the sizes of a split's parts; empty when there is nothing to say. A
 * temporal split's default of one test day leaves a sparse log (a small shop's, months of data)
 * with a handful of test sessions.
 */
std::vector<SplitWarning> splitWarnings(const SplitSummary& s, const SplitOptions& o);

} // namespace srw
