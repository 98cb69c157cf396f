#include "browse_panel.h"
#include "dataset_panel.h"
#include "log_view.h"
#include "main_window.h"
#include "models/browse_table_model.h"
#include "settings.h"
#include "stats_panel.h"
#include "ui_test_support.h"

#include <QDockWidget>
#include <QFile>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>
#include <spdlog/spdlog.h>

using namespace srw::ui;

class MainWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyWorkspaceOffersSampleThenListsIt() {
        QTemporaryDir dir;
        QDir d(dir.path());
        d.mkdir(QStringLiteral("sample"));
        QFile ev(d.filePath(QStringLiteral("sample/events.csv")));
        QVERIFY(ev.open(QIODevice::WriteOnly));
        ev.write("session_id,item_id,timestamp\n1,a,1\n1,b,2\n2,a,3\n");
        ev.close();
        MainWindow w(d.filePath(QStringLiteral("ws.sqlite")), d.filePath(QStringLiteral("sample")),
                     d.filePath(QStringLiteral("settings.ini")));
        QCOMPARE(w.datasetPanel()->datasetCount(), 0);
        w.loadSampleData(); // runs on a worker thread
        QTRY_COMPARE(w.datasetPanel()->datasetCount(), 1);
        QCOMPARE(w.datasetPanel()->currentDataset(), QStringLiteral("sample"));
        QTRY_VERIFY(w.statsPanel()->hasStats());
    }

    void docksHaveObjectNamesAndLayoutIsRestored() {
        test::Workspace ws;
        const QString ini = ws.dir.filePath(QStringLiteral("settings.ini"));
        {
            MainWindow w(ws.path, QString(), ini);
            for (QDockWidget* dock : w.findChildren<QDockWidget*>())
                QVERIFY2(!dock->objectName().isEmpty(), qPrintable(dock->windowTitle()));
            w.show();
            QCOMPARE(w.datasetPanel()->currentDataset(), QStringLiteral("shop"));
            w.tabs()->setCurrentIndex(MainWindow::ItemsTab);
            w.logDock()->hide();
            w.close();
        }
        MainWindow again(ws.path, QString(), ini);
        again.show();
        QCOMPARE(again.tabs()->currentIndex(), int(MainWindow::ItemsTab));
        QVERIFY(!again.logDock()->isVisible());
        QCOMPARE(again.settings().lastDataset.get(), QStringLiteral("shop"));
        QCOMPARE(again.settings().recentDatasets.get(), QStringList{QStringLiteral("shop")});
        QCOMPARE(again.settings().lastWorkspace.get(), QFileInfo(ws.path).absoluteFilePath());
    }

    void browseTabsFollowTheDataset() {
        test::Workspace ws;
        MainWindow w(ws.path, QString(), ws.dir.filePath(QStringLiteral("settings.ini")));
        BrowseTableModel* events = w.browsePanel(MainWindow::EventsTab)->model();
        QTRY_COMPARE(events->totalRows(), qint64(7));
        QTRY_COMPARE(events->rowCount(), 7);
    }

    void spdlogReachesTheLogView() {
        test::Workspace ws(false);
        MainWindow w(ws.path, QString(), ws.dir.filePath(QStringLiteral("settings.ini")));
        const int before = w.logView()->lineCount();
        std::thread([] { spdlog::warn("from a worker thread"); }).join();
        QTRY_VERIFY(w.logView()->lineCount() > before);
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
