#include "task_runner.h"

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
    m_worker = new TaskWorker(databasePath, m_cancelUpTo, m_database);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TaskWorker::progress, this, &TaskRunner::progress, Qt::QueuedConnection);
    connect(m_worker, &TaskWorker::finished, this, [this](int run) {
        settle();
        if (auto it = m_onFinished.find(run); it != m_onFinished.end()) {
            auto callback = std::move(it->second);
            m_onFinished.erase(it);
            callback();
        }
        Q_EMIT finished(run);
    }, Qt::QueuedConnection);
    connect(m_worker, &TaskWorker::failed, this, [this](int run, const TaskFailure& f) {
        settle();
        m_onFinished.erase(run);
        Q_EMIT failed(run, f);
    }, Qt::QueuedConnection);
    connect(m_worker, &TaskWorker::cancelled, this, [this](int run) {
        settle();
        m_onFinished.erase(run);
        Q_EMIT cancelled(run);
    }, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("srw-task"));
    m_thread.start();
}

TaskRunner::~TaskRunner() {
    cancel();
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

int TaskRunner::start(Job job, std::function<void()> onFinished) {
    const int run = ++m_lastRun;
    if (onFinished)
        m_onFinished[run] = std::move(onFinished);
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, run, job = std::move(job)] { worker->execute(run, job); },
        Qt::QueuedConnection);
    return run;
}

void TaskRunner::cancel() {
    m_cancelUpTo->store(m_lastRun);
    if (m_interruptOnCancel)
        if (Database* db = m_database->load())
            db->interrupt();
}

void TaskRunner::settle() {
    if (m_pending > 0 && --m_pending == 0)
        Q_EMIT busyChanged(false);
}

TaskWorker::TaskWorker(QString path, std::shared_ptr<std::atomic<int>> cancelUpTo,
                       std::shared_ptr<std::atomic<Database*>> database)
    : m_path(std::move(path)), m_cancelUpTo(std::move(cancelUpTo)),
      m_database(std::move(database)) {}

TaskWorker::~TaskWorker() { m_database->store(nullptr); }

void TaskWorker::execute(int run, const TaskRunner::Job& job) {
    auto isCancelled = [this, run] { return run <= m_cancelUpTo->load(); };
    if (isCancelled()) {
        Q_EMIT cancelled(run);
        return;
    }
    ProgressFn progress = [this, run, isCancelled](const Progress& p) {
        Q_EMIT this->progress(run, QString::fromStdString(p.stage), qint64(p.done),
                              qint64(p.total));
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
            Q_EMIT finished(run);
            return;
        } catch (const Cancelled&) {
            Q_EMIT cancelled(run);
            return;
        } catch (const InputError& e) {
            failure.inputError = true;
            failure.file = QString::fromStdString(e.file());
            failure.line = qint64(e.line());
            failure.column = qint64(e.column());
            failure.reason = QString::fromStdString(e.reason());
            failure.message = QString::fromUtf8(e.what());
        } catch (const DatabaseError& e) {
            if (isCancelled()) {
                Q_EMIT cancelled(run);
                return;
            }
            failure.message = QString::fromUtf8(e.what());
            if (e.code() == kSqliteInterrupt && attempt == 0)
                continue;
        } catch (const std::exception& e) {
            failure.message = QString::fromUtf8(e.what());
        }
        break;
    }
    if (isCancelled())
        Q_EMIT cancelled(run);
    else
        Q_EMIT failed(run, failure);
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
