#pragma once
#include "srw/data/csv_importer.h"

namespace srw {

/**
 * @brief Imports a CIKM Cup 2016 (DIGINETICA) file, told apart by its `;`-separated header.
 *
 * - `train-item-views.csv` (`sessionId;userId;itemId;timeframe;eventdate`, or the snake_case
 *   names): `view` events at event date (UTC midnight) + timeframe milliseconds; `NA` users are
 *   null. `train-purchases.csv` (the same columns plus `ordernumber`) gives `purchase` events.
 * - `products.csv` (`itemId;pricelog2;product.name.tokens`): the name tokens become the item's
 *   title (space-separated, so text models see them as words), pricelog2 an attribute.
 * - `product-categories.csv` (`itemId;categoryId`): the item's category.
 */
ImportReport importDiginetica(SessionStore& store, const std::string& dataset,
                              const std::string& path, const DelimitedImportOptions& options,
                              const ProgressFn& progress = {});

} // namespace srw
