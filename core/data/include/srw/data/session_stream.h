#pragma once
#include "srw/data/database.h"
#include "srw/util/progress.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace srw {

/** @brief One stored session with its events in order (items are items.id). */
struct StoredSession {
    std::int64_t id = 0;
    std::int64_t flags = 0;
    std::vector<std::int32_t> pos;
    std::vector<std::int64_t> items;
    std::vector<std::int64_t> times; ///< epoch ms
};

/**
 * @brief Streams a dataset's sessions in id order, one at a time (memory: one session).
 * @param keptOnly skip sessions and events that preparation dropped
 * @param fn       called per session; sessions left without events are not passed
 * Throws Cancelled when progress returns false.
 */
void forEachStoredSession(Database& db, std::int64_t datasetId, bool keptOnly,
                          const std::function<void(const StoredSession&)>& fn,
                          const ProgressFn& progress = {});

} // namespace srw
