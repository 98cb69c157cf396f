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
    // Time stays "auto": epoch seconds (also "1396321232.0") are read as seconds, and the
    // occasional millisecond variant is still recognised by its magnitude.
    return importEventsCsv(store, dataset, path, o, progress);
}

} // namespace srw
