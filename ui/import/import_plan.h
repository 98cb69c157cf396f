#pragma once
#include "srw/data/csv_importer.h"

#include <QString>

namespace srw::ui {

/** @brief What the import wizard's pages decide, and what the import then runs with. */
struct ImportPlan {
    QString path;
    QString dataset;
    QString format = QStringLiteral("csv"); ///< one of knownFormats(), never "auto"
    char delimiter = 0;
    HeaderMode header = HeaderMode::Auto;
    ColumnMapping columns;
    QString timeFormat = QStringLiteral("auto");
    int sessionGapMinutes = 30;
    bool lenient = false;

    bool isCatalog() const { return format == QLatin1String("catalog"); }
    /** @brief Formats whose columns the user maps; the others decide their own. */
    bool hasMapping() const {
        return format == QLatin1String("csv") || format == QLatin1String("catalog") ||
               format == QLatin1String("sessionrec");
    }
    DelimitedImportOptions options() const {
        DelimitedImportOptions o;
        o.delimiter = delimiter;
        o.header = header;
        o.columns = columns;
        o.timeFormat = timeFormat.toStdString();
        o.sessionGapMinutes = sessionGapMinutes;
        o.lenient = lenient;
        o.format = format.toStdString();
        return o;
    }
};

} // namespace srw::ui
