#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace srw {

/**
 * @brief One session as the algorithms see it: dense item indices in time order.
 *
 * Item indices are dense (0 .. SessionCorpus::numItems-1) so that algorithms can use arrays; the
 * mapping back to stored items is SessionCorpus::itemIds / itemExternalIds.
 */
struct SessionSequence {
    std::int64_t sessionId = 0;         ///< sessions.id in the store (or any stable id)
    std::vector<std::int32_t> items;    ///< dense item index per event, time order
    std::vector<std::int64_t> times;    ///< event time in epoch milliseconds, same length
};

/**
 * @brief A dataset's sessions split into parts, in memory, with a shared dense item index.
 *
 * Parts hold whole sessions ordered by their first event (ties by session id). The dense index
 * covers every item of the dataset (also items seen only in valid/test or only in the catalogue),
 * so "unseen in training" is a property computed from train, not a missing index.
 */
struct SessionCorpus {
    std::vector<SessionSequence> train;
    std::vector<SessionSequence> valid;
    std::vector<SessionSequence> test;
    std::int32_t numItems = 0;
    std::vector<std::int64_t> itemIds;           ///< dense index -> items.id
    std::vector<std::string> itemExternalIds;    ///< dense index -> external id
    /**
     * A leave-last-out split: test holds whole sessions whose only target is the last event, and
     * train holds every session's prefix (all but its last event).
     */
    bool leaveLastOut = false;
};

} // namespace srw
