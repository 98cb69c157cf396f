#include "dataset_panel.h"
#include "ui_test_support.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace srw;
using namespace srw::ui;

namespace {

// Answers the next message box with the given button, as a user would.
void answerNextMessageBox(QMessageBox::StandardButton button) {
    QTimer::singleShot(0, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            answerNextMessageBox(button);
            return;
        }
        box->button(button)->click();
    });
}

} // namespace

class DatasetPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsAndRenames() {
        test::Workspace ws;
        SessionStore store(ws.path.toStdString());
        DatasetPanel panel(store);
        QCOMPARE(panel.datasetCount(), 1);
        QCOMPARE(panel.currentDataset(), QStringLiteral("shop"));
        QSignalSpy renamed(&panel, &DatasetPanel::datasetRenamed);
        QVERIFY(panel.renameDataset(QStringLiteral("shop"), QStringLiteral("store 2024")));
        QCOMPARE(renamed.count(), 1);
        QCOMPARE(panel.currentDataset(), QStringLiteral("store 2024"));
        QVERIFY(store.findDataset("store 2024"));
        QVERIFY(!store.findDataset("shop"));
    }

    void refusedRenameKeepsTheName() {
        test::Workspace ws;
        SessionStore store(ws.path.toStdString());
        importFile(store, "other", test::fixture("events_header.csv").toStdString(), "csv", {});
        DatasetPanel panel(store);
        answerNextMessageBox(QMessageBox::Ok); // core refuses: the name is taken
        QVERIFY(!panel.renameDataset(QStringLiteral("shop"), QStringLiteral("other")));
        QVERIFY(store.findDataset("shop"));
    }

    void deleteAsksFirst() {
        test::Workspace ws;
        SessionStore store(ws.path.toStdString());
        DatasetPanel panel(store);
        QSignalSpy deleted(&panel, &DatasetPanel::datasetDeleted);
        answerNextMessageBox(QMessageBox::Cancel);
        panel.requestDelete();
        QCOMPARE(panel.datasetCount(), 1);
        QVERIFY(store.findDataset("shop"));

        answerNextMessageBox(QMessageBox::Yes);
        panel.requestDelete();
        QTRY_COMPARE(deleted.count(), 1);
        QCOMPARE(deleted.first().first().toString(), QStringLiteral("shop"));
        QCOMPARE(panel.datasetCount(), 0);
        QVERIFY(!store.findDataset("shop"));
        QVERIFY(panel.currentDataset().isEmpty());
        QVERIFY(!panel.deleteAction()->isEnabled());
    }

    void backsUpTheWorkspace() {
        test::Workspace ws;
        SessionStore store(ws.path.toStdString());
        DatasetPanel panel(store);
        const QString copy = ws.dir.filePath(QStringLiteral("copy.sqlite"));
        QSignalSpy status(&panel, &DatasetPanel::statusMessage);
        panel.backupTo(copy);
        QTRY_VERIFY(QFileInfo::exists(copy) && !panel.isBusy());
        SessionStore restored(copy.toStdString());
        QVERIFY(restored.findDataset("shop"));
    }
};

QTEST_MAIN(DatasetPanelTest)
#include "dataset_panel_test.moc"
