#include "srw/data/formats/import_file.h"

#include "srw/data/formats/diginetica_importer.h"
#include "srw/data/formats/recbole_importer.h"
#include "srw/data/formats/retailrocket_importer.h"
#include "srw/data/formats/sessionrec_importer.h"
#include "srw/data/formats/yoochoose_importer.h"
#include "srw/util/error.h"
#include "srw/util/text_utils.h"

namespace srw {

ImportReport importFile(SessionStore& store, const std::string& dataset, const std::string& path,
                        const std::string& format, const DelimitedImportOptions& options,
                        const ProgressFn& progress) {
    std::string name = toLower(trim(format));
    if (name.empty() || name == "auto")
        name = detectFormat(path);
    DelimitedImportOptions o = options;
    o.format = name;
    if (name == "yoochoose")
        return importYoochoose(store, dataset, path, o, progress);
    if (name == "diginetica")
        return importDiginetica(store, dataset, path, o, progress);
    if (name == "retailrocket")
        return importRetailRocket(store, dataset, path, o, progress);
    if (name == "recbole")
        return importRecBole(store, dataset, path, o, progress);
    if (name == "sessionrec")
        return importSessionRec(store, dataset, path, o, progress);
    if (name == "csv")
        return importEventsCsv(store, dataset, path, o, progress);
    if (name == "catalog")
        return importCatalogCsv(store, dataset, path, o, progress);
    std::string list;
    for (const auto& f : knownFormats())
        list += (list.empty() ? "" : ", ") + f;
    throw UsageError("unknown format '" + format + "' (expected auto or one of: " + list + ")");
}

} // namespace srw
