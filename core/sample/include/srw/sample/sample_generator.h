#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "srw/util/progress.h"

namespace srw {

/** @brief What the sample generator makes. The defaults produce the committed sample_data/. */
struct SampleOptions {
    std::uint64_t seed = 42;
    int itemCount = 2000;                 ///< catalogue size, cold-start items included
    int sessionCount = 20000;             ///< ordinary (human) sessions; bot sessions come on top
    int days = 30;                        ///< length of the event log
    std::int64_t startEpoch = 1709251200; ///< 2024-03-01 00:00:00 UTC, in seconds
    double chineseShare = 0.2;            ///< share of product themes written in Simplified Chinese
    int coldStartItems = 30;              ///< items released only in the last coldStartDays days
    int coldStartDays = 2;
    int botSessions = 12;    ///< crawler / fast-clicker sessions
    bool writeReadme = true; ///< also write README.md describing the files and the numbers
};

/** @brief Counts of what generateSample wrote; the README's facts. */
struct SampleSummary {
    std::uint64_t seed = 0;
    int items = 0;
    int categories = 0;
    int themes = 0;
    int chineseItems = 0;
    int coldStartItems = 0;
    std::vector<std::string> coldStartItemIds; ///< ascending
    std::int64_t coldStartFrom = 0;            ///< epoch seconds of the earliest release
    std::uint64_t sessions = 0;                ///< bot sessions included
    std::uint64_t botSessions = 0;
    std::vector<std::string> botSessionIds; ///< ascending by number
    std::uint64_t users = 0;
    std::uint64_t events = 0;
    std::uint64_t views = 0;
    std::uint64_t carts = 0;
    std::uint64_t purchases = 0;
    std::uint64_t repeatedItemEvents = 0; ///< events whose item already occurred in the session
    std::uint64_t duplicateEvents = 0;    ///< exact repeats of the previous line (double logging)
    std::uint64_t singleEventSessions = 0;
    std::int64_t firstTimestamp = 0; ///< epoch seconds
    std::int64_t lastTimestamp = 0;
    double meanSessionLength = 0;  ///< events per human session
    double topOnePercentShare = 0; ///< share of events on the most popular 1% of items
    std::uint64_t itemsBytes = 0;
    std::uint64_t eventsBytes = 0;
};

/**
 * @brief Writes a realistic, deterministic e-commerce sample (items.csv, events.csv, README.md)
 * into outDir, creating it if needed.
 *
 * The same options give byte-identical files on every platform with IEEE doubles: the generator
 * uses its own PRNG and no floating-point library functions. items.csv has
 * `item_id,title,description,category` (RFC 4180, UTF-8); events.csv has
 * `session_id,user_id,item_id,timestamp,event_type` with timestamps in epoch seconds and event
 * types view, cart and purchase.
 *
 * @throws srw::UsageError for nonsensical options, srw::Cancelled when progress returns false
 * (nothing is written then), std::runtime_error when a file cannot be written.
 */
SampleSummary generateSample(const SampleOptions& options, const std::string& outDir,
                             const ProgressFn& progress = {});

/** @brief The README.md that generateSample writes: files, columns, units, recipe, numbers. */
std::string formatSampleReadme(const SampleOptions& options, const SampleSummary& summary);

} // namespace srw
