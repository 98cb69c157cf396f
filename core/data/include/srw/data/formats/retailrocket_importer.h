#pragma once
#include "srw/data/csv_importer.h"

namespace srw {

/**
 * @brief Imports a RetailRocket e-commerce file, told apart by its header.
 *
 * - `events.csv` (`timestamp,visitorid,event,itemid,transactionid`; epoch milliseconds; events
 *   view, addtocart, transaction): sessions are each visitor's events split at the inactivity
 *   gap of DelimitedImportOptions::sessionGapMinutes.
 * - `item_properties*.csv` (`timestamp,itemid,property,value`): the latest `categoryid` becomes
 *   the item's category and the latest `available` an attribute; other (hashed) properties are
 *   skipped. "Latest" holds across files: part 1 and part 2 may be imported in either order.
 *   Memory is bounded by the number of items, not rows.
 */
ImportReport importRetailRocket(SessionStore& store, const std::string& dataset,
                                const std::string& path, const DelimitedImportOptions& options,
                                const ProgressFn& progress = {});

} // namespace srw
