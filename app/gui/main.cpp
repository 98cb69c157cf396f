// srw-gui: starts the desktop workbench on a workspace (--db, default in the XDG data folder).
#include "main_window.h"

#include "srw/util/paths.h"
#include "srw/util/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SessionRec Workbench"));
    QApplication::setOrganizationName(QStringLiteral("srw"));
    QApplication::setApplicationVersion(QString::fromLatin1(srw::kVersion));

    QCommandLineParser args;
    args.setApplicationDescription(QStringLiteral("SessionRec Workbench desktop application"));
    args.addHelpOption();
    args.addVersionOption();
    QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Workspace database file."),
                          QStringLiteral("path"));
    QCommandLineOption sample(QStringLiteral("sample-dir"),
                              QStringLiteral("Folder with the sample data."), QStringLiteral("dir"),
                              QStringLiteral(SRW_SOURCE_SAMPLE_DIR));
    args.addOption(db);
    args.addOption(sample);
    args.process(app);

    const QString path = args.isSet(db) ? args.value(db)
                                        : QString::fromStdString(srw::defaultDatabasePath());
    try {
        srw::ui::MainWindow window(path, args.value(sample));
        window.show();
        return app.exec();
    } catch (const std::exception& e) {
        QMessageBox::critical(nullptr, QStringLiteral("SessionRec Workbench"),
                              QString::fromStdString(e.what()));
        return 4;
    }
}
