#pragma once
#include "srw/util/progress.h"

#include <cstdint>
#include <string>

namespace srw {

/**
 * @brief Options of a large synthetic click log, for benchmarks and load tests.
 *
 * Unlike generateSample() (a small, rich dataset with texts), this streams any number of events
 * in bounded memory, shaped like the public logs: power-law item popularity, geometric session
 * lengths, sessions grouped in the file, co-clicks concentrated on neighbouring items so that
 * item-to-item models have something to learn.
 */
struct LogOptions {
    std::string format = "yoochoose"; ///< yoochoose (clicks file), csv, sessionrec
    std::uint64_t events = 1'000'000;
    int items = 50'000;
    int categories = 300;
    double zipfExponent = 1.0;
    double meanSessionLength = 4.0;
    std::uint64_t seed = 1;
    std::int64_t startEpochMs = 1'396'310'400'000; ///< 2014-04-01, YOOCHOOSE's first month
};

struct LogSummary {
    std::uint64_t events = 0;
    std::uint64_t sessions = 0;
    std::uint64_t bytes = 0;
};

/** @brief Writes the log to path (via a temporary file and a rename); throws on bad options. */
LogSummary generateLog(const LogOptions& options, const std::string& path,
                       const ProgressFn& progress = {});

} // namespace srw
