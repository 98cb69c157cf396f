#pragma once
// Helpers shared by the UI tests: fixture paths and a small workspace built with core.
#include "srw/data/formats/import_file.h"
#include "srw/data/session_store.h"

#include <QDir>
#include <QString>
#include <QTemporaryDir>

namespace srw::ui::test {

inline QString fixture(const char* name) {
    return QDir(QStringLiteral(SRW_UI_TEST_DATA)).filePath(QString::fromLatin1(name));
}

/** @brief A workspace in a temporary folder holding dataset "shop" (events_header.csv). */
struct Workspace {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("ws.sqlite"));

    explicit Workspace(bool withShop = true) {
        SessionStore store(path.toStdString());
        if (withShop)
            importFile(store, "shop", fixture("events_header.csv").toStdString(), "csv", {});
    }
};

} // namespace srw::ui::test
