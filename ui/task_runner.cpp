#include "task_runner.h"

#include "thread_handoff.h"

#include "srw/data/session_store.h"
#include "srw/util/error.h"

#include <QCoreApplication>

namespace srw::ui {
namespace {
constexpr int kSqliteInterrupt = 9; // SQLITE_INTERRUPT, without including sqlite3.h in ui/
}

TaskRunner::TaskRunner(const QString& databasePath, bool interruptOnCancel, QObject* parent)
    : QObject(parent), m_cancelUpTo(std::make_shared<std::atomic<int>>(0)),
      m_database(std::make_shared<std::atomic<Database*>>(nullptr)),
      m_interruptOnCancel(interruptOnCancel) {
    qRegisterMetaType<srw::ui::TaskFailure>();
    m_worker = new TaskWorker(databasePath, this, m_cancelUpTo, m_database);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("srw-task"));
    m_thread.start();
}

TaskRunner::~TaskRunner() {
    cancel();
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
    // ~TaskWorker (on the worker thread) handed off on this address; QThread::wait's ordering is
    // Qt's, so TSan is told.
    takeOver(this);
}

int TaskRunner::start(Job job, std::function<void()> onFinished) {
    const int run = ++m_lastRun;
    if (onFinished)
        m_onFinished[run] = std::move(onFinished);
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    postTo(m_worker, [worker = m_worker, run, job = std::move(job)] { worker->execute(run, job); });
    return run;
}

void TaskRunner::cancel() {
    m_cancelUpTo->store(m_lastRun);
    if (m_interruptOnCancel)
        if (Database* db = m_database->load())
            db->interrupt();
}

void TaskRunner::workerFinished(int run) {
    settle();
    if (auto it = m_onFinished.find(run); it != m_onFinished.end()) {
        auto callback = std::move(it->second);
        m_onFinished.erase(it);
        callback();
    }
    Q_EMIT finished(run);
}

void TaskRunner::workerFailed(int run, const TaskFailure& failure) {
    settle();
    m_onFinished.erase(run);
    Q_EMIT failed(run, failure);
}

void TaskRunner::workerCancelled(int run) {
    settle();
    m_onFinished.erase(run);
    Q_EMIT cancelled(run);
}

void TaskRunner::settle() {
    if (m_pending > 0 && --m_pending == 0)
        Q_EMIT busyChanged(false);
}

TaskWorker::TaskWorker(QString path, TaskRunner* runner,
                       std::shared_ptr<std::atomic<int>> cancelUpTo,
                       std::shared_ptr<std::atomic<Database*>> database)
    : m_path(std::move(path)), m_runner(runner), m_cancelUpTo(std::move(cancelUpTo)),
      m_database(std::move(database)) {}

TaskWorker::~TaskWorker() {
    m_database->store(nullptr);
    m_store.reset();
    // ~TaskRunner reads on after QThread::wait(), which orders it after this (see takeOver there).
    handOff(m_runner);
}

template <class F> void TaskWorker::toRunner(F report) {
    postTo(m_runner, std::move(report));
}

void TaskWorker::execute(int run, const TaskRunner::Job& job) {
    auto isCancelled = [this, run] { return run <= m_cancelUpTo->load(); };
    auto cancelled = [this, run] { toRunner([r = m_runner, run] { r->workerCancelled(run); }); };
    if (isCancelled())
        return cancelled();
    ProgressFn progress = [this, run, isCancelled](const Progress& p) {
        toRunner([r = m_runner, run, stage = QString::fromStdString(p.stage), done = qint64(p.done),
                  total = qint64(p.total)] { Q_EMIT r->progress(run, stage, done, total); });
        return !isCancelled();
    };
    TaskFailure failure;
    // An interrupt meant for the previous run can hit this one; one retry absorbs that race.
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            if (!m_store) {
                m_store = std::make_unique<SessionStore>(m_path.toStdString());
                m_database->store(&m_store->db());
            }
            job(*m_store, progress);
            return toRunner([r = m_runner, run] { r->workerFinished(run); });
        } catch (const Cancelled&) {
            return cancelled();
        } catch (const InputError& e) {
            failure.inputError = true;
            failure.file = QString::fromStdString(e.file());
            failure.line = qint64(e.line());
            failure.column = qint64(e.column());
            failure.reason = QString::fromStdString(e.reason());
            failure.message = QString::fromUtf8(e.what());
        } catch (const DatabaseError& e) {
            if (isCancelled())
                return cancelled();
            failure.message = QString::fromUtf8(e.what());
            if (e.code() == kSqliteInterrupt && attempt == 0)
                continue;
        } catch (const std::exception& e) {
            failure.message = QString::fromUtf8(e.what());
        }
        break;
    }
    if (isCancelled())
        cancelled();
    else
        toRunner([r = m_runner, run, failure] { r->workerFailed(run, failure); });
}

QString describeFailure(const TaskFailure& f) {
    if (!f.inputError)
        return f.message;
    QString where = f.file;
    if (f.line > 0)
        where += QCoreApplication::translate("srw::ui::TaskRunner", ", line %1").arg(f.line);
    if (f.column > 0)
        where += QCoreApplication::translate("srw::ui::TaskRunner", ", column %1").arg(f.column);
    return where + QLatin1Char('\n') + f.reason;
}

} // namespace srw::ui
