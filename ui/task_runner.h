#pragma once
#include "srw/util/progress.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <functional>
#include <map>
#include <memory>

namespace srw {
class SessionStore;
class Database;
} // namespace srw

namespace srw::ui {

/** @brief Why a task failed; for bad input also where (file, 1-based line and column). */
struct TaskFailure {
    QString message;
    QString file;
    qint64 line = 0;
    qint64 column = 0;
    QString reason;
    bool inputError = false;
};

class TaskWorker;

/**
 * @brief Runs core calls one after another on a long-lived worker thread that owns its own
 * workspace connection (SQLite in WAL mode lets it read while the GUI thread's connection does).
 *
 * Each start() returns a run id that every signal carries, so a panel can drop the signals of
 * a run it no longer waits for. cancel() makes core's progress callback return false for every
 * run started so far; with interruptOnCancel it also interrupts the running SQL statement
 * (only for read-only work: writers roll back through Cancelled instead).
 */
class TaskRunner : public QObject {
    Q_OBJECT
public:
    using Job = std::function<void(SessionStore& store, const ProgressFn& progress)>;

    TaskRunner(const QString& databasePath, bool interruptOnCancel, QObject* parent = nullptr);
    ~TaskRunner() override;

    /** @brief Queues job; onFinished runs on this object's thread if it completes. */
    int start(Job job, std::function<void()> onFinished = {});
    void cancel();
    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    void progress(int run, const QString& stage, qint64 done, qint64 total);
    void finished(int run);
    void failed(int run, const srw::ui::TaskFailure& failure);
    void cancelled(int run);
    void busyChanged(bool busy);

private:
    friend class TaskWorker;
    // The worker's reports, run on this object's thread by its queued calls.
    void workerFinished(int run);
    void workerFailed(int run, const TaskFailure& failure);
    void workerCancelled(int run);
    void settle();

    QThread m_thread;
    TaskWorker* m_worker;
    std::shared_ptr<std::atomic<int>> m_cancelUpTo;
    std::shared_ptr<std::atomic<Database*>> m_database;
    bool m_interruptOnCancel;
    int m_lastRun = 0;
    int m_pending = 0;
    std::map<int, std::function<void()>> m_onFinished;
};

/**
 * @brief The object on the worker thread; used by TaskRunner only. It reports through queued
 * calls to its runner (postTo in thread_handoff.h), not signals: a queued signal's arguments are
 * copied after the emitter's last annotation, so TSan could not be told they were handed over.
 */
class TaskWorker : public QObject {
    Q_OBJECT
public:
    TaskWorker(QString path, TaskRunner* runner, std::shared_ptr<std::atomic<int>> cancelUpTo,
               std::shared_ptr<std::atomic<Database*>> database);
    ~TaskWorker() override;
    void execute(int run, const TaskRunner::Job& job);

private:
    /** @brief Runs report on the runner's (GUI) thread. */
    template <class F> void toRunner(F report);

    QString m_path;
    TaskRunner* m_runner;
    std::shared_ptr<std::atomic<int>> m_cancelUpTo;
    std::shared_ptr<std::atomic<Database*>> m_database;
    std::unique_ptr<SessionStore> m_store;
};

/** @brief "file:line:column: reason" laid out for a dialog or status line. */
QString describeFailure(const TaskFailure& failure);

} // namespace srw::ui

Q_DECLARE_METATYPE(srw::ui::TaskFailure)
