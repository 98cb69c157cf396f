// srw-gui: starts the desktop workbench on a workspace (--db, else the last one, else the
// default in the XDG data folder).
#include "app_icon.h"
#include "dataset_panel.h"
#include "main_window.h"
#include "report/report_export.h"
#include "screenshot_steps.h"
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
#include <cstring>
#include <memory>

int main(int argc, char** argv) {
    // A headless export shows no window: unless told otherwise it runs on the offscreen
    // platform, so scripts work without a display.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--export-report") == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
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
    QCommandLineOption exportReport(
        QStringLiteral("export-report"),
        QStringLiteral("Write the report of these runs (ids; more may follow as arguments) to "
                       "--pdf and/or --html without showing a window, then quit."),
        QStringLiteral("run"));
    QCommandLineOption pdf(QStringLiteral("pdf"), QStringLiteral("PDF file for --export-report."),
                           QStringLiteral("out"));
    QCommandLineOption html(QStringLiteral("html"),
                            QStringLiteral("HTML file for --export-report."), QStringLiteral("out"));
    for (const auto& o : {db, sample, language, theme, shots, exportReport, pdf, html})
        args.addOption(o);
    args.addPositionalArgument(QStringLiteral("runs"),
                               QStringLiteral("More run ids for --export-report."),
                               QStringLiteral("[RUN…]"));
    args.process(app);
    if (args.isSet(exportReport)) {
        QString workspace = args.value(db);
        if (workspace.isEmpty())
            workspace = srw::ui::Settings().lastWorkspace.get();
        if (workspace.isEmpty())
            workspace = QString::fromStdString(srw::defaultDatabasePath());
        return srw::ui::exportReportHeadless(
            workspace, QStringList{args.value(exportReport)} + args.positionalArguments(),
            args.value(pdf), args.value(html));
    }

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
                srw::ui::runScreenshots(
                    &window, args.value(shots),
                    QDir(args.value(sample)).filePath(QStringLiteral("events.csv")),
                    [&](int failures) {
                        status = failures == 0 ? 0 : 1;
                        window.close();
                    });
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
