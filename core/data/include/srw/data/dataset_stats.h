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

/** @brief Computes the statistics with SQL over the stored sessions (no full scan in memory). */
DatasetStats computeDatasetStats(SessionStore& store, const std::string& dataset);

/**
 * @brief The JSON of `srw stats --json`: events, sessions, items, users (null when none),
 * items_with_text, catalog_items, first_ts/last_ts (epoch seconds) with ISO first_time/last_time,
 * and "parts": {"train": {…}, …} when a split exists.
 */
nlohmann::json datasetStatsToJson(const DatasetStats& stats);

} // namespace srw
