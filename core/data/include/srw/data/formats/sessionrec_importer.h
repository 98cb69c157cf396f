#pragma once
#include "srw/data/csv_importer.h"

namespace srw {

/**
 * @brief Imports a prepared session-based benchmark file: tab-separated with a header holding
 * `SessionId`, `ItemId` and `Time` (epoch seconds, possibly fractional); extra columns (UserId,
 * Date, …) are allowed. Such data usually comes as a train and a test file: import each with
 * DelimitedImportOptions::splitPart set to mark its sessions.
 */
ImportReport importSessionRec(SessionStore& store, const std::string& dataset,
                              const std::string& path, const DelimitedImportOptions& options,
                              const ProgressFn& progress = {});

} // namespace srw
