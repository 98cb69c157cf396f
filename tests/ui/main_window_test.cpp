#include "dataset_panel.h"
#include "main_window.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

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
        MainWindow w(d.filePath(QStringLiteral("ws.sqlite")), d.filePath(QStringLiteral("sample")));
        QCOMPARE(w.datasetPanel()->datasetCount(), 0);
        w.loadSampleData();
        QCOMPARE(w.datasetPanel()->datasetCount(), 1);
        QCOMPARE(w.datasetPanel()->currentDataset(), QStringLiteral("sample"));
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
