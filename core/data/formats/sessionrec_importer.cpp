#include "srw/data/formats/sessionrec_importer.h"

namespace srw {

// The format is the generic event log with its columns, delimiter and time unit fixed, so it
// goes through importEventsCsv and shares its checks and messages.
ImportReport importSessionRec(SessionStore& store, const std::string& dataset,
                              const std::string& path, const DelimitedImportOptions& options,
                              const ProgressFn& progress) {
    DelimitedImportOptions o = options;
    o.format = "sessionrec";
    if (o.delimiter == 0)
        o.delimiter = '\t';
    o.header = HeaderMode::Present;
    // An explicit mapping still wins, for files that renamed a column.
    for (const auto& [role, column] : {std::pair{"session", "SessionId"},
                                       std::pair{"item", "ItemId"}, std::pair{"time", "Time"}})
        if (!o.columns.entries().count(role))
            o.columns.set(role, column);
    // Prepared benchmark files store epoch seconds, sometimes as floats ("1396321232.0"); "auto"
    // would read a millisecond column as seconds only by accident, so the unit is fixed.
    if (o.timeFormat == "auto")
        o.timeFormat = "s";
    return importEventsCsv(store, dataset, path, o, progress);
}

} // namespace srw
