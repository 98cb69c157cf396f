// The LibTorch worker on a tiny dataset: progress and finished arrive, cancel stops a run before
// its epoch ends and leaves it cancelled, resume completes it, stale signals are dropped.
#include "training_test_support.h"
#include "training/training_worker.h"

#include "srw/data/run_store.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

using namespace srw;
using namespace srw::ui;

namespace {
constexpr int kWaitMs = 90000;

// Waits without QTRY_* (which returns void): the caller's QCOMPAREs report a timeout.
TrainSummary waitFinished(QSignalSpy& finished, QSignalSpy& failed) {
    QElapsedTimer clock;
    clock.start();
    while (finished.count() + failed.count() == 0 && clock.elapsed() < kWaitMs)
        QTest::qWait(50);
    if (!failed.isEmpty())
        qWarning("training failed: %s", qPrintable(failed.first().at(1).toString()));
    if (finished.isEmpty())
        return {};
    return finished.first().at(1).value<TrainSummary>();
}
} // namespace

class TrainingWorkerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_ws = std::make_unique<test::TinyTrainingWorkspace>(); }
    void cleanupTestCase() { m_ws.reset(); }

    void parsesCoreDetail() {
        TrainProgress p;
        p.detail = QStringLiteral("step 42, loss 0.6931, 1234 seq/s, ETA 1m 05s");
        parseTrainDetail(p);
        QCOMPARE(p.step, 42);
        QCOMPARE(p.loss, 0.6931);
        QCOMPARE(p.seqPerSecond, 1234.0);
        QCOMPARE(p.eta, QStringLiteral("1m 05s"));
        TrainProgress none;
        none.detail = QStringLiteral("epoch 1");
        parseTrainDetail(none);
        QCOMPARE(none.step, -1);
    }

    void threadsAreCappedBelowTheCores() {
        QVERIFY(TrainingRunner::maxTorchThreads() >= 1);
        QVERIFY(TrainingRunner::maxTorchThreads() <
                    int(std::max(2u, std::thread::hardware_concurrency())));
        // Models loaded by the Explore worker and the report export get the same cap.
        const auto overrides = TrainingRunner::modelLoadOverrides();
        QCOMPARE(overrides.size(), std::size_t(1));
        QCOMPARE(overrides.at("threads"), std::to_string(TrainingRunner::maxTorchThreads()));
    }

    void trainsAndReports() {
        TrainingRunner runner(m_ws->path);
        QSignalSpy progress(&runner, &TrainingRunner::progress);
        QSignalSpy created(&runner, &TrainingRunner::runCreated);
        QSignalSpy epochs(&runner, &TrainingRunner::epochFinished);
        QSignalSpy finished(&runner, &TrainingRunner::finished);
        QSignalSpy failed(&runner, &TrainingRunner::failed);
        TrainJob job;
        job.dataset = QStringLiteral("tiny");
        job.runName = QStringLiteral("worker test");
        job.options = test::tinyOptions();
        job.bootstrapSamples = 0;
        const int tag = runner.train(job);
        QVERIFY(runner.isTraining());
        const TrainSummary s = waitFinished(finished, failed);
        QVERIFY(failed.isEmpty());
        QCOMPARE(finished.first().at(0).toInt(), tag);
        QCOMPARE(s.status, QStringLiteral("finished"));
        QVERIFY(s.runId > 0);
        QCOMPARE(s.epochs, 1);
        QVERIFY(s.tested);
        QVERIFY(!runner.isTraining());
        QCOMPARE(created.count(), 1);
        QVERIFY(progress.count() > 0);
        bool sawStep = false;
        for (const auto& args : progress) {
            QCOMPARE(args.at(0).toInt(), tag);
            sawStep = sawStep || args.at(1).value<TrainProgress>().step > 0;
        }
        QVERIFY(sawStep);
        QCOMPARE(epochs.count(), 1);
        QVERIFY(epochs.first().at(1).value<TrainEpochPoint>().trainLoss > 0);
        SessionStore store(m_ws->path.toStdString());
        const RunRecord run = RunStore(store).get(s.runId);
        QCOMPARE(QString::fromStdString(run.status), QStringLiteral("finished"));
        QCOMPARE(QString::fromStdString(run.name), QStringLiteral("worker test"));
        QCOMPARE(run.params.value("threads", 0), 1);
        m_encoderDir = m_ws->dir.filePath(QStringLiteral("ws-data/runs/%1/encoder").arg(s.runId));
    }

    void cancelStopsBeforeTheEpochEndsAndResumeCompletes() {
        TrainingRunner runner(m_ws->path);
        QSignalSpy finished(&runner, &TrainingRunner::finished);
        QSignalSpy failed(&runner, &TrainingRunner::failed);
        QSignalSpy epochs(&runner, &TrainingRunner::epochFinished);
        // Cancel at the first step report of epoch 2: epoch 1 has left a checkpoint.
        bool cancelled = false;
        connect(&runner, &TrainingRunner::progress, this, [&](int, const TrainProgress& p) {
            if (!cancelled && p.stage == QLatin1String("epoch 2/2") && p.done < p.total) {
                cancelled = true;
                runner.cancel();
            }
        });
        TrainJob job;
        job.dataset = QStringLiteral("tiny");
        job.options = test::tinyOptions();
        job.options.epochs = 2;
        job.options.batchSize = 2; // many small steps: epoch 2 outlasts the cancel's round trip
        job.bootstrapSamples = 0;
        runner.train(job);
        const TrainSummary s = waitFinished(finished, failed);
        QVERIFY(cancelled);
        QCOMPARE(s.status, QStringLiteral("cancelled"));
        QVERIFY(s.hasCheckpoint);
        QCOMPARE(epochs.count(), 1); // epoch 2 never ended
        {
            SessionStore store(m_ws->path.toStdString());
            RunStore runs(store);
            QCOMPARE(QString::fromStdString(runs.get(s.runId).status), QStringLiteral("cancelled"));
            QCOMPARE(int(runs.epochs(s.runId).size()), 1);
        }

        finished.clear();
        epochs.clear();
        TrainJob again;
        again.dataset = QStringLiteral("tiny");
        again.resumeRun = s.runId;
        again.options = test::tinyOptions(); // only device and threads are taken from it
        again.bootstrapSamples = 0;
        runner.train(again);
        const TrainSummary r = waitFinished(finished, failed);
        QVERIFY(failed.isEmpty());
        QCOMPARE(r.runId, s.runId);
        QCOMPARE(r.status, QStringLiteral("finished"));
        QCOMPARE(r.epochs, 2);
        QCOMPARE(epochs.count(), 1); // only epoch 2 was trained again
        SessionStore store(m_ws->path.toStdString());
        RunStore runs(store);
        QCOMPARE(QString::fromStdString(runs.get(s.runId).status), QStringLiteral("finished"));
        QCOMPARE(int(runs.epochs(s.runId).size()), 2);
    }

    void signalsOfASupersededRunAreDropped() {
        TrainingRunner runner(m_ws->path);
        QSignalSpy finished(&runner, &TrainingRunner::finished);
        QSignalSpy failed(&runner, &TrainingRunner::failed);
        QSignalSpy progress(&runner, &TrainingRunner::progress);
        TrainJob job;
        job.dataset = QStringLiteral("tiny");
        job.options = test::tinyOptions();
        job.bootstrapSamples = 0;
        const int first = runner.train(job);
        const int second = runner.train(job); // supersedes the first before it reports
        QVERIFY(first != second);
        const TrainSummary s = waitFinished(finished, failed);
        QCOMPARE(finished.count() + failed.count(), 1);
        QCOMPARE(finished.first().at(0).toInt(), second);
        QCOMPARE(s.status, QStringLiteral("finished"));
        for (const auto& args : progress)
            QCOMPARE(args.at(0).toInt(), second);
        QTest::qWait(200); // nothing of the first run arrives late either
        QCOMPARE(finished.count() + failed.count(), 1);
    }

    void inspectsTheEncoderOfARun() {
        // Every run keeps its encoder in Hugging Face layout: a folder the panel can offer.
        QVERIFY(QFileInfo::exists(m_encoderDir + QStringLiteral("/config.json")));
        TrainingRunner runner(m_ws->path);
        QSignalSpy inspected(&runner, &TrainingRunner::encoderInspected);
        runner.inspectEncoder(m_encoderDir);
        QTRY_COMPARE_WITH_TIMEOUT(inspected.count(), 1, 20000);
        const auto info = inspected.first().at(1).value<EncoderInfo>();
        QVERIFY2(info.error.isEmpty(), qPrintable(info.error));
        QCOMPARE(info.layers, 2);
        QCOMPARE(info.hiddenSize, 128);
        QCOMPARE(info.heads, 4);
        QVERIFY(info.vocabSize > 100);
        QVERIFY(!info.architecture.isEmpty());
    }

    void refusesAFolderThatIsNoEncoder() {
        TrainingRunner runner(m_ws->path);
        QSignalSpy inspected(&runner, &TrainingRunner::encoderInspected);
        const int tag = runner.inspectEncoder(m_ws->dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(inspected.count(), 1, 20000);
        QCOMPARE(inspected.first().at(0).toInt(), tag);
        const auto info = inspected.first().at(1).value<EncoderInfo>();
        QVERIFY(!info.error.isEmpty());
        QSignalSpy probed(&runner, &TrainingRunner::deviceProbed);
        runner.probeDevice();
        QTRY_COMPARE_WITH_TIMEOUT(probed.count(), 1, 20000);
        QCOMPARE(probed.first().at(0).value<DeviceInfo>().threads,
                 TrainingRunner::maxTorchThreads());
    }

private:
    std::unique_ptr<test::TinyTrainingWorkspace> m_ws;
    QString m_encoderDir;
};

QTEST_MAIN(TrainingWorkerTest)
#include "training_worker_test.moc"
