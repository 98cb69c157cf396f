#include "preparation_panel.h"
#include "ui_test_support.h"

#include "srw/data/dataset_stats.h"

#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QtTest>

using namespace srw;
using namespace srw::ui;

namespace {
// The sample's events, imported as dataset "sample" (no preparation, no split).
void importSample(const test::Workspace& ws) {
    SessionStore store(ws.path.toStdString());
    const QDir sample(QStringLiteral(SRW_SAMPLE_DIR));
    importFile(store, "sample", sample.filePath(QStringLiteral("events.csv")).toStdString(), "csv",
               {});
}
} // namespace

class PreparationPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void previewsThenAppliesAndSplits() {
        test::Workspace ws(false);
        importSample(ws);
        PreparationPanel panel(ws.path);
        QSignalSpy previewed(&panel, &PreparationPanel::previewShown);
        QSignalSpy changed(&panel, &PreparationPanel::datasetChanged);
        panel.setDataset(QStringLiteral("sample"));
        QTRY_VERIFY_WITH_TIMEOUT(previewed.count() >= 1, 30000);
        {
            // A preview changes nothing.
            SessionStore store(ws.path.toStdString());
            QVERIFY(computeDatasetStats(store, "sample").parts.empty());
        }
        panel.apply();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 60000);
        QCOMPARE(changed.first().first().toString(), QStringLiteral("sample"));
        SessionStore store(ws.path.toStdString());
        const DatasetStats stats = computeDatasetStats(store, "sample");
        QCOMPARE(stats.splitName, std::string("temporal"));
        QVERIFY(!stats.parts.empty());
        QCOMPARE(panel.splitOptions().method, std::string("temporal"));
        QCOMPARE(panel.prepareOptions().minItemSupport, 5);
    }

    // A test part of a few sessions is called out next to the summary, with what to change.
    void warnsWhenTheTestPartIsSmall() {
        test::Workspace ws(false);
        importSample(ws);
        PreparationPanel panel(ws.path);
        QSignalSpy status(&panel, &PreparationPanel::statusMessage);
        QSignalSpy changed(&panel, &PreparationPanel::datasetChanged);
        panel.setDataset(QStringLiteral("sample"));
        const auto spins = panel.findChildren<QDoubleSpinBox*>();
        QVERIFY(spins.size() >= 2);
        spins[0]->setValue(0.1); // test days: the sample's last 0.1 day holds under 100 sessions
        QCOMPARE(panel.splitOptions().testDays, 0.1);
        panel.apply();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 60000);
        QVERIFY(!status.isEmpty());
        const QString text = status.last().first().toString();
        QVERIFY2(text.contains(QStringLiteral("test sessions: metrics will have wide")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("validation sessions")), qPrintable(text));
    }
};

QTEST_MAIN(PreparationPanelTest)
#include "preparation_panel_test.moc"
