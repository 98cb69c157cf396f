#pragma once
#include "srw/data/dataset_writer.h"
#include "srw/parsers/column_mapping.h"

#include <optional>
#include <string>

namespace srw {

/** @brief Whether the first row is a header. */
enum class HeaderMode { Auto, Present, Absent };

/** @brief Options shared by the delimited event and catalogue importers. */
struct DelimitedImportOptions {
    char delimiter = 0;                  ///< 0 = sniff
    HeaderMode header = HeaderMode::Auto;
    ColumnMapping columns;               ///< explicit roles; the rest found by header names
    std::string timeFormat = "auto";     ///< see TimeParser
    int sessionGapMinutes = 30;          ///< for logs without a session column
    std::optional<std::string> splitPart;///< mark the imported sessions as train/valid/test
    bool lenient = false;                ///< skip bad rows (counted, first few reported)
    std::string format = "csv";          ///< recorded with the source
};

/**
 * @brief Imports a delimited click log (session/user/item/time/event columns) into dataset.
 *
 * Needs an item column, a time column, and a session or a user column; without a session
 * column, each user's events are split into sessions at an inactivity gap. Streams the file in
 * one transaction; throws InputError (file, line, column, reason) on bad input — or, in lenient
 * mode, skips the row — and Cancelled when progress returns false. Either way a failed import
 * leaves the workspace unchanged.
 */
ImportReport importEventsCsv(SessionStore& store, const std::string& dataset,
                             const std::string& path, const DelimitedImportOptions& options,
                             const ProgressFn& progress = {});

/**
 * @brief Imports an item catalogue (id, title, description, category; other columns kept as
 * JSON attributes) into dataset, creating the dataset if needed.
 */
ImportReport importCatalogCsv(SessionStore& store, const std::string& dataset,
                              const std::string& path, const DelimitedImportOptions& options,
                              const ProgressFn& progress = {});

/** @brief True for the null markers of public logs: empty, NA, N/A, NULL, null, None, NaN. */
bool isNullField(std::string_view field);

} // namespace srw
