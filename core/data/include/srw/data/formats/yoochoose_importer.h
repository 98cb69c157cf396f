#pragma once
#include "srw/data/csv_importer.h"

namespace srw {

/**
 * @brief Imports a RecSys Challenge 2015 (YOOCHOOSE) file, told apart by its shape.
 *
 * Clicks (`yoochoose-clicks.dat`, `yoochoose-test.dat`): `session,timestamp,item,category`
 * without a header, ISO 8601 UTC times (`2014-04-07T10:51:09.277Z`); each row is a `click`
 * event, and an item's category is set from its latest click whose category is not `0`.
 * Buys (`yoochoose-buys.dat`): `session,timestamp,item,price,quantity`, stored as `purchase`
 * events. Sessions come from the session column. Streams the file in one transaction; throws
 * InputError (file, line, column, reason) or, in lenient mode, skips the row.
 */
ImportReport importYoochoose(SessionStore& store, const std::string& dataset,
                             const std::string& path, const DelimitedImportOptions& options,
                             const ProgressFn& progress = {});

} // namespace srw
