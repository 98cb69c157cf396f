#pragma once
#include "srw/eval/eval_result.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace srw {

/**
 * @brief Percentile bootstrap interval of a metric (sum / predictions) resampling sessions with
 * replacement. Seeded per resample, so it is the same on any number of threads.
 */
std::map<std::string, Interval> bootstrapIntervals(const PerSessionValues& values, int samples,
                                                   double confidence, std::uint64_t seed,
                                                   int threads = 1);

/** @brief One metric of a paired comparison: a - b with its interval and p-value. */
struct PairedDifference {
    std::string metric;
    double a = 0;
    double b = 0;
    double difference = 0; ///< a - b
    Interval interval;     ///< paired bootstrap interval of the difference
    double pValue = 1;     ///< two-sided paired randomisation (sign-flip) test over sessions
};

/** @brief Two runs compared on the same split. */
struct PairedComparison {
    std::vector<PairedDifference> metrics;
    std::uint64_t sessions = 0;
    int samples = 0;
    double confidence = 0.95;
};

/**
 * @brief Compares two evaluations of the same split: per metric, the difference of a and b,
 * a paired bootstrap interval and a sign-flip randomisation p-value (per session, the two runs'
 * values are swapped at random; p = (1 + #|resampled diff| >= |observed|) / (1 + samples)).
 * Identical runs give difference 0 and p = 1. Throws UsageError if the splits differ.
 */
PairedComparison comparePaired(const EvalResult& a, const EvalResult& b, int samples = 1000,
                               double confidence = 0.95, std::uint64_t seed = 42);

/** @brief The same from stored per-session values (e.g. two runs read back from the store). */
PairedComparison comparePaired(const PerSessionValues& a, const PerSessionValues& b,
                               int samples = 1000, double confidence = 0.95,
                               std::uint64_t seed = 42);

} // namespace srw
