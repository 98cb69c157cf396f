#pragma once
#include "srw/data/session_store.h"

#include <nlohmann/json_fwd.hpp>

namespace srw {

/**
 * @brief The preprocessing of session-based benchmarks, with configurable thresholds.
 *
 * Order, as in the usual benchmark preprocessing: bots out; (optionally) exact consecutive
 * duplicates collapsed; sessions shorter than minSessionLength dropped; events of items seen
 * fewer than minItemSupport times (in what is left) dropped; sessions that became too short
 * dropped. One pass by default; iterate repeats the last two steps until nothing changes.
 *
 * Bot filter defaults, and why: a session of more than 100 events is beyond the human shopping
 * sessions of public logs (YOOCHOOSE's and DIGINETICA's 99.9th percentiles of session length
 * are well under 100 clicks), and a median gap of at most one second between consecutive
 * events, sustained over at least 10 events, is faster than a person reads a product page
 * (one second is also the resolution of many logs, so "at most" rather than "under").
 */
struct PrepareOptions {
    int minSessionLength = 2;
    int minItemSupport = 5;
    bool iterate = false;
    bool collapseDuplicates = false;
    bool botFilter = true;
    int botMaxEvents = 100;
    int botMinEvents = 10;              ///< the speed rule needs at least this many events
    std::int64_t botMaxMedianGapMs = 1000; ///< median gap at most this is a bot
};

/** @brief What preparation dropped and why (also what a preview would drop). */
struct PrepareSummary {
    std::int64_t sessionsBefore = 0, eventsBefore = 0, itemsBefore = 0;
    std::int64_t botSessions = 0, botEvents = 0;
    std::int64_t duplicateEvents = 0;     ///< exact consecutive duplicates found
    std::int64_t duplicatesCollapsed = 0; ///< of those, dropped (collapseDuplicates)
    std::int64_t shortSessionsFirst = 0;  ///< dropped by the first length filter
    std::int64_t rareItems = 0, rareItemEvents = 0;
    std::int64_t shortSessionsAfter = 0;  ///< dropped by the length filter after the item filter
    int passes = 0;
    std::int64_t sessionsAfter = 0, eventsAfter = 0, itemsAfter = 0;
};

/**
 * @brief Applies (or with preview, only computes) the preparation. Marks what it drops rather
 * than deleting it, so a later run with other thresholds starts again from the raw data.
 * Memory: about 5 bytes per event plus the item table.
 */
PrepareSummary prepareDataset(SessionStore& store, const std::string& dataset,
                              const PrepareOptions& options, bool preview,
                              const ProgressFn& progress = {});

nlohmann::json prepareOptionsToJson(const PrepareOptions& o);
nlohmann::json prepareSummaryToJson(const PrepareSummary& s);

} // namespace srw
