#include "task_runner.h"
#include "ui_test_support.h"

#include "srw/util/error.h"

#include <QSignalSpy>
#include <QtTest>
#include <atomic>

using namespace srw;
using namespace srw::ui;

class TaskRunnerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsOffTheGuiThreadAndFinishes() {
        test::Workspace ws;
        TaskRunner runner(ws.path, false);
        QSignalSpy finished(&runner, &TaskRunner::finished);
        auto thread = std::make_shared<QThread*>(nullptr);
        auto datasets = std::make_shared<std::size_t>(0);
        bool called = false;
        const int run = runner.start(
            [thread, datasets](SessionStore& s, const ProgressFn&) {
                *thread = QThread::currentThread();
                *datasets = s.listDatasets().size();
            },
            [&called] { called = true; });
        QVERIFY(runner.isBusy());
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toInt(), run);
        QVERIFY(called);
        QVERIFY(*thread != QThread::currentThread());
        QCOMPARE(*datasets, std::size_t(1));
        QVERIFY(!runner.isBusy());
    }

    void cancelStopsThroughTheProgressCallback() {
        test::Workspace ws;
        TaskRunner runner(ws.path, false);
        QSignalSpy cancelled(&runner, &TaskRunner::cancelled);
        QSignalSpy progress(&runner, &TaskRunner::progress);
        auto started = std::make_shared<std::atomic<bool>>(false);
        bool called = false;
        const int run = runner.start(
            [started](SessionStore&, const ProgressFn& p) {
                for (std::uint64_t i = 0;; ++i) {
                    started->store(true);
                    if (!p({"looping", i, 0, {}}))
                        throw Cancelled();
                    QThread::msleep(5);
                }
            },
            [&called] { called = true; });
        QTRY_VERIFY(started->load());
        runner.cancel();
        QTRY_COMPARE(cancelled.count(), 1);
        QCOMPARE(cancelled.first().first().toInt(), run);
        QVERIFY(!called); // onFinished only runs for runs that complete
        QVERIFY(progress.count() > 0);
        // A run started after the cancel is not affected by it.
        QSignalSpy finished(&runner, &TaskRunner::finished);
        runner.start([](SessionStore&, const ProgressFn& p) {
            if (!p({"once", 1, 1, {}}))
                throw Cancelled();
        });
        QTRY_COMPARE(finished.count(), 1);
    }

    void inputErrorsKeepTheirPlace() {
        test::Workspace ws;
        TaskRunner runner(ws.path, false);
        QSignalSpy failed(&runner, &TaskRunner::failed);
        runner.start([](SessionStore&, const ProgressFn&) {
            throw InputError("events.csv", 12, 3, "cannot parse time");
        });
        QTRY_COMPARE(failed.count(), 1);
        const auto f = failed.first().at(1).value<TaskFailure>();
        QVERIFY(f.inputError);
        QCOMPARE(f.file, QStringLiteral("events.csv"));
        QCOMPARE(f.line, qint64(12));
        QCOMPARE(f.column, qint64(3));
        QCOMPARE(f.reason, QStringLiteral("cannot parse time"));
        QVERIFY(describeFailure(f).contains(QStringLiteral("cannot parse time")));
    }
};

QTEST_MAIN(TaskRunnerTest)
#include "task_runner_test.moc"
