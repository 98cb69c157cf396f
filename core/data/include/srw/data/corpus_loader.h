#pragma once
#include "srw/data/session_data.h"
#include "srw/data/session_store.h"

#include <optional>
#include <string>

namespace srw {

/**
 * @brief Loads a dataset's split into memory for the algorithms: kept events only (what
 * preparation dropped stays out), dense item indices over the whole catalogue.
 * @param split the split's name; the active split when empty. Throws UsageError when the
 *              dataset has no split yet.
 */
SessionCorpus loadCorpus(SessionStore& store, const std::string& dataset,
                         const std::string& split = {}, const ProgressFn& progress = {});

/** @brief A stored split: its id, name and method. */
struct SplitRef {
    std::int64_t id = 0;
    std::string name;
    std::string method;
};

/** @brief The named split, or the active one when name is empty; throws UsageError if none. */
SplitRef findSplit(SessionStore& store, const std::string& dataset, const std::string& name = {});

/** @brief A fingerprint of what loadCorpus returned (sessions, items, order): runs record it. */
std::string corpusContentHash(const SessionCorpus& corpus);

} // namespace srw
