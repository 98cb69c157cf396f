#pragma once
#include "srw/data/session_data.h"

#include <cstdint>
#include <vector>

namespace srw {

/**
 * Flat (CSR) views of the training sessions shared by the baselines: per session its distinct
 * items, per item its sessions (most recent first) and its event positions. Built once per fit.
 */
struct TrainIndex {
    std::int32_t numItems = 0;
    std::int32_t numSessions = 0; ///< non-empty training sessions

    // Events in session order (the concatenation of all training sessions).
    std::vector<std::int32_t> eventItem;
    std::vector<std::int64_t> sessionEventOffset; ///< numSessions + 1

    // Distinct items per session, ascending: session-rec keeps them as a Python set.
    std::vector<std::int64_t> sessionItemOffset; ///< numSessions + 1
    std::vector<std::int32_t> sessionItems;
    /// Time of the session's last event: session-rec's session_time (the last row's time).
    std::vector<std::int64_t> sessionTime;

    // Sessions per item, ascending session number (most recent first when byRecency).
    std::vector<std::int64_t> itemSessionOffset; ///< numItems + 1
    std::vector<std::int32_t> itemSessions;

    // Event positions per item, in session order.
    std::vector<std::int64_t> itemEventOffset; ///< numItems + 1
    std::vector<std::int64_t> itemEvents;

    std::vector<std::int64_t> itemEventCount;   ///< events per item (session-rec's support)
    std::vector<std::int64_t> itemSessionCount; ///< sessions containing the item
    std::vector<std::uint8_t> catalogue;        ///< 1 for items with a training event

    std::int32_t sessionOfEvent(std::int64_t event) const;
    /// Sessions numbered by recency (see build()): then session numbers compare like times.
    bool byRecency = false;

    /** True if session s ranks before session t when sampling "recent" (byRecency only). */
    bool moreRecent(std::int32_t s, std::int32_t t) const { return s < t; }

    /**
     * Builds the views. recency=false numbers sessions in training order (the event order
     * matters to the rule models' tie-breaks); recency=true numbers them most recent first (last
     * event time descending, the later session in training order first among equal times), so
     * the kNN models compare recency as plain integers.
     */
    void build(const std::vector<SessionSequence>& train, std::int32_t numItems,
               bool recency = false);
};

/**
 * Keeps only events at or after midnight (UTC) of the day last_n_days before the last training
 * day, as session-rec's last_n_days does (it uses local time; we use UTC so runs agree across
 * machines). Sessions left empty are dropped.
 */
std::vector<SessionSequence> lastNDays(const std::vector<SessionSequence>& train,
                                       std::int64_t days);

} // namespace srw
