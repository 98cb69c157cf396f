#pragma once
#include "srw/data/session_store.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace srw {

/** @brief Counts over a set of sessions (a dataset, or one part of its split). */
struct PartStats {
    std::int64_t events = 0;
    std::int64_t sessions = 0;
    std::int64_t items = 0;                ///< distinct items occurring in the events
    std::optional<std::int64_t> users;     ///< distinct users; empty when the data has none
    std::optional<std::int64_t> firstTsMs; ///< earliest event
    std::optional<std::int64_t> lastTsMs;  ///< latest event
    /** session length -> number of sessions */
    std::vector<std::pair<std::int64_t, std::int64_t>> sessionLengths;
    /** events per item, most popular first (the long tail, for a log-log chart) */
    std::vector<std::int64_t> itemPopularity;
    double topOnePercentShare = 0; ///< share of events on the most popular 1% of items
    /** UTC day (epoch days) -> events */
    std::vector<std::pair<std::int64_t, std::int64_t>> eventsPerDay;
    /** test part only: events whose item never occurs in the train part */
    std::optional<std::int64_t> unseenInTrainEvents;
};

/** @brief A dataset's statistics; parts is empty when the dataset has no active split. */
struct DatasetStats {
    std::string dataset;
    PartStats all;
    std::int64_t catalogItems = 0;   ///< rows in the item table (also items without events)
    std::int64_t itemsWithText = 0;  ///< items having a title or a description
    std::string splitName;
    std::vector<std::pair<std::string, PartStats>> parts; ///< train, valid, test (those present)
};

/**
 * @brief Computes the statistics. The whole dataset counts every stored event; split parts
 * count what the algorithms see (events that preparation kept). Memory: bounded by the number
 * of items and days, not events.
 */
DatasetStats computeDatasetStats(SessionStore& store, const std::string& dataset);

/**
 * @brief The JSON of `srw stats --json`: events, sessions, items, users (null when none),
 * items_with_text, catalog_items, first_ts/last_ts (epoch seconds) with ISO first_time/last_time,
 * session_length_histogram ([[length, sessions]…]), top_1pct_item_share, events_per_day
 * ([["YYYY-MM-DD", events]…]), item_popularity (first 1,000 counts),
 * and "parts": {"train": {…}, …} when a split exists (test with unseen_in_train_events/share).
 */
nlohmann::json datasetStatsToJson(const DatasetStats& stats);

} // namespace srw
