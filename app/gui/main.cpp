// srw-gui: starts the desktop workbench on a workspace (--db, else the last one, else the
// default in the XDG data folder).
#include "app_icon.h"
#include "dataset_panel.h"
#include "main_window.h"
#include "screenshot_driver.h"
#include "settings.h"
#include "theme.h"
#include "translation.h"

#include "srw/util/paths.h"
#include "srw/util/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QProcess>
#include <QTemporaryDir>
#include <memory>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SessionRec Workbench"));
    QApplication::setOrganizationName(QStringLiteral("srw"));
    QApplication::setApplicationVersion(QString::fromLatin1(srw::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("srw-gui"));

    QCommandLineParser args;
    args.setApplicationDescription(QStringLiteral("SessionRec Workbench desktop application"));
    args.addHelpOption();
    args.addVersionOption();
    QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Workspace database file."),
                          QStringLiteral("path"));
    QCommandLineOption sample(QStringLiteral("sample-dir"),
                              QStringLiteral("Folder with the sample data."), QStringLiteral("dir"),
                              QStringLiteral(SRW_SOURCE_SAMPLE_DIR));
    QCommandLineOption language(QStringLiteral("language"),
                                QStringLiteral("Interface language: en or zh_CN (default: the "
                                               "setting, else the system's)."),
                                QStringLiteral("lang"));
    QCommandLineOption theme(QStringLiteral("theme"),
                             QStringLiteral("light, dark or system (default: the setting)."),
                             QStringLiteral("theme"));
    QCommandLineOption shots(QStringLiteral("screenshot-panels"),
                             QStringLiteral("Save a PNG of each panel to dir, then quit."),
                             QStringLiteral("dir"));
    shots.setFlags(QCommandLineOption::HiddenFromHelp);
    for (const auto& o : {db, sample, language, theme, shots})
        args.addOption(o);
    args.process(app);

    // Screenshots must not read or change the user's settings: they get a throw-away file.
    QTemporaryDir scratch;
    const bool screenshotMode = args.isSet(shots);
    const QString settingsPath =
        screenshotMode ? scratch.filePath(QStringLiteral("settings.ini")) : QString();
    srw::ui::Settings settings(settingsPath);
    srw::ui::applyTheme(args.isSet(theme) ? args.value(theme) : settings.theme.get());
    srw::ui::installTranslation(srw::ui::effectiveLanguage(
        args.isSet(language) ? args.value(language) : settings.language.get()));
    QApplication::setWindowIcon(srw::ui::appIcon());

    QString path = args.value(db);
    if (path.isEmpty())
        path = settings.lastWorkspace.get();
    if (path.isEmpty())
        path = QString::fromStdString(srw::defaultDatabasePath());

    int status = 0;
    bool restart = false;
    // A workspace switch closes the window and opens a new one on the chosen file.
    while (!path.isEmpty()) {
        QString nextPath;
        try {
            srw::ui::MainWindow window(path, args.value(sample), settingsPath);
            QObject::connect(&window, &srw::ui::MainWindow::workspaceChangeRequested,
                             [&](const QString& p) {
                                 nextPath = p;
                                 window.close();
                             });
            QObject::connect(&window, &srw::ui::MainWindow::restartRequested, [&] {
                restart = true;
                window.close();
            });
            window.show();
            if (screenshotMode) {
                if (window.datasetPanel()->datasetCount() == 0)
                    window.loadSampleData();
                auto* driver = new srw::ui::ScreenshotDriver(
                    &window, args.value(shots),
                    QDir(args.value(sample)).filePath(QStringLiteral("events.csv")));
                QObject::connect(driver, &srw::ui::ScreenshotDriver::done, [&](int failures) {
                    status = failures == 0 ? 0 : 1;
                    window.close();
                });
                driver->start();
            }
            const int rc = app.exec();
            if (!screenshotMode)
                status = rc;
        } catch (const std::exception& e) {
            QMessageBox::critical(nullptr, QStringLiteral("SessionRec Workbench"),
                                  QString::fromStdString(e.what()));
            return 4;
        }
        path = nextPath;
    }
    if (restart)
        QProcess::startDetached(QApplication::applicationFilePath(),
                                QApplication::arguments().mid(1));
    return status;
}
