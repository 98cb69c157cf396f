#pragma once
#include "srw/data/csv_importer.h"

namespace srw {

/**
 * @brief Imports a RecBole atomic file: tab-separated, with a typed header (`item_id:token`,
 * `timestamp:float`, `movie_title:token_seq`, …).
 *
 * - `.inter`: events (item_id, timestamp); sessions by `session_id` when present, otherwise each
 *   `user_id`'s events split at the inactivity gap.
 * - `.item`: items. The first field named like a title or name is the title, other `token_seq`
 *   fields are joined into the description, a field named like a category is the category, and
 *   the rest are JSON attributes (floats as numbers).
 * - `.user`: read and counted (its shape is checked) but not stored: the workspace has no user
 *   attributes.
 * The kind comes from the extension, or from the header when the extension is not one of these.
 */
ImportReport importRecBole(SessionStore& store, const std::string& dataset, const std::string& path,
                           const DelimitedImportOptions& options, const ProgressFn& progress = {});

} // namespace srw
