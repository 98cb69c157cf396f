#pragma once
#include "srw/data/csv_importer.h"

#include <string>
#include <vector>

namespace srw {

/**
 * @brief The formats importFile() knows: yoochoose, diginetica, retailrocket, recbole,
 * sessionrec, csv (generic event log) and catalog (generic item catalogue).
 */
const std::vector<std::string>& knownFormats();

/**
 * @brief Tells a file's format from its extension (`.inter`, `.item`, `.user`), its first
 * line's header or shape, and its name.
 * @return one of knownFormats()
 * Throws InputError explaining what was seen ("cannot tell the format of X: …; pass --format").
 */
std::string detectFormat(const std::string& path);

/**
 * @brief Imports one file into dataset in one transaction, in the given format or, for
 * "auto" (or empty), the detected one.
 *
 * The format decides the columns and how times are read; of options, the format-specific
 * importers use sessionGapMinutes, splitPart and lenient (csv and catalog use all of them, and
 * sessionrec honours an explicit column mapping and time format). Throws UsageError for an
 * unknown format, InputError for bad input and Cancelled when progress returns false; a failed
 * import leaves the workspace unchanged.
 */
ImportReport importFile(SessionStore& store, const std::string& dataset, const std::string& path,
                        const std::string& format, const DelimitedImportOptions& options,
                        const ProgressFn& progress = {});

} // namespace srw
