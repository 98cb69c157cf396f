// The training panel drives a tiny training end to end: the run is announced when it exists,
// progress and charts fill while it runs, and a cancelled run is offered for resuming.
#include "training_test_support.h"
#include "model/model_options_panel.h"
#include "training/training_charts.h"
#include "training/training_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QProgressBar>
#include <QSignalSpy>
#include <QtTest>

using namespace srw;
using namespace srw::ui;

class TrainingPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void trainsWithLiveChartsAndOffersCancelledRuns() {
        test::TinyTrainingWorkspace ws;
        TrainingRunner runner(ws.path);
        ModelOptionsPanel options(&runner, ws.dir.filePath(QStringLiteral("s.ini")));
        TrainingPanel panel(ws.path, &runner, &options);
        panel.setBootstrapSamples(0);
        panel.pretrainBox()->setChecked(false);
        QVERIFY(!panel.canStart()); // no dataset yet
        BertMlpOptions o = test::tinyOptions();
        o.epochs = 2;
        options.setOptions(o);
        panel.setDataset(QStringLiteral("tiny"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.canStart(), 20000);

        QSignalSpy started(&panel, &TrainingPanel::runStarted);
        QSignalSpy finished(&panel, &TrainingPanel::trainingFinished);
        QSignalSpy failed(&panel, &TrainingPanel::trainingFailed);
        panel.start();
        QVERIFY(panel.isTraining());
        QVERIFY(!panel.canStart());
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 90000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
        QCOMPARE(started.count(), 1);
        QCOMPARE(panel.lastSummary().status, QStringLiteral("finished"));
        QCOMPARE(panel.charts()->epochCount(), 2);
        QVERIFY(panel.charts()->lossPointCount() > 0);
        QVERIFY(panel.charts()->shownLossPoints() > 0);
        QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());
        QVERIFY(panel.canStart());

        // Cancelled as soon as its first epoch reports: the run is kept, offered for resuming.
        QSignalSpy resumable(&panel, &TrainingPanel::resumableLoaded);
        finished.clear();
        connect(&runner, &TrainingRunner::progress, &panel, [&](int, const TrainProgress& p) {
            if (p.stage.startsWith(QLatin1String("epoch")))
                panel.cancel();
        });
        panel.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 90000);
        QVERIFY(failed.isEmpty());
        const qint64 id = panel.lastSummary().runId;
        QCOMPARE(panel.lastSummary().status, QStringLiteral("cancelled"));
        QTRY_VERIFY_WITH_TIMEOUT(resumable.count() > 0, 20000);
        QCOMPARE(panel.resumeBox()->count(), 1);
        QCOMPARE(panel.resumeBox()->itemData(0).toLongLong(), id);

        // Cancelled while still queued: no run is created, nothing fails.
        finished.clear();
        panel.start();
        panel.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 90000);
        QVERIFY(failed.isEmpty());
        QCOMPARE(panel.lastSummary().status, QStringLiteral("cancelled"));
        QVERIFY(panel.lastSummary().runId == 0 || panel.lastSummary().runId > id);
    }
};

QTEST_MAIN(TrainingPanelTest)
#include "training_panel_test.moc"
