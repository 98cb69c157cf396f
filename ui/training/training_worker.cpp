#include "training/training_worker.h"

#include "thread_handoff.h"

#include "srw/data/session_store.h"
#include "srw/text/cpu_runtime.h"
#include "srw/util/memory_reuse.h"
#include "srw/model/bert_mlp_trainer.h"
#include "srw/text/bert_encoder.h"
#include "srw/util/error.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <thread>

namespace srw::ui {

int TrainingRunner::maxTorchThreads() {
    return std::max(1, int(std::thread::hardware_concurrency()) - 1);
}

std::map<std::string, std::string> TrainingRunner::modelLoadOverrides() {
    return {{"threads", std::to_string(maxTorchThreads())}};
}

TrainingRunner::TrainingRunner(const QString& databasePath, QObject* parent)
    : QObject(parent), m_cancelUpTo(std::make_shared<std::atomic<int>>(0)) {
    qRegisterMetaType<srw::ui::TrainProgress>();
    qRegisterMetaType<srw::ui::TrainEpochPoint>();
    qRegisterMetaType<srw::ui::TrainSummary>();
    qRegisterMetaType<srw::ui::EncoderInfo>();
    qRegisterMetaType<srw::ui::DeviceInfo>();
    m_worker = new TrainingWorker(databasePath, this, m_cancelUpTo, maxTorchThreads());
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("srw-torch"));
    m_thread.start();
}

TrainingRunner::~TrainingRunner() {
    cancel();
    m_thread.requestInterruption(); // also polled by the progress callback
    m_thread.quit();
    m_thread.wait();
    // ~TrainingWorker (on the worker thread) handed off on this address; QThread::wait's
    // ordering is Qt's, so TSan is told.
    takeOver(this);
}

// Every training report is filtered by tag: a cancelled run that is still winding down must not
// draw into the charts of the run that replaced it.
void TrainingRunner::workerProgress(int tag, const TrainProgress& p) {
    if (!isCurrent(tag))
        return;
    if (!m_runCreatedSent && !p.pretraining) {
        m_runCreatedSent = true;
        Q_EMIT runCreated(tag);
    }
    Q_EMIT progress(tag, p);
}

void TrainingRunner::workerEpochFinished(int tag, const TrainEpochPoint& e) {
    if (isCurrent(tag))
        Q_EMIT epochFinished(tag, e);
}

void TrainingRunner::workerFinished(int tag, const TrainSummary& s) {
    if (!isCurrent(tag))
        return;
    endTraining();
    Q_EMIT finished(tag, s);
}

void TrainingRunner::workerFailed(int tag, const QString& message) {
    if (!isCurrent(tag))
        return;
    endTraining();
    Q_EMIT failed(tag, message);
}

int TrainingRunner::train(TrainJob job) {
    const int cap = maxTorchThreads();
    job.options.threads = job.options.threads <= 0 ? cap : std::min(job.options.threads, cap);
    const int tag = ++m_lastTag;
    // A new training supersedes the current one: its late signals are dropped from here on.
    if (m_trainTag != 0)
        m_cancelUpTo->store(m_trainTag);
    const bool wasTraining = m_trainTag != 0;
    m_trainTag = tag;
    m_runCreatedSent = false;
    postTo(m_worker, [w = m_worker, tag, job = std::move(job)] { w->train(tag, job); });
    Q_EMIT started(tag);
    if (!wasTraining)
        Q_EMIT trainingChanged(true);
    return tag;
}

int TrainingRunner::inspectEncoder(const QString& dir) {
    const int tag = ++m_lastTag;
    postTo(m_worker, [w = m_worker, tag, dir] { w->inspectEncoder(tag, dir); });
    return tag;
}

void TrainingRunner::probeDevice() {
    postTo(m_worker, [w = m_worker] { w->probeDevice(); });
}

void TrainingRunner::cancel() {
    if (m_trainTag != 0)
        m_cancelUpTo->store(m_trainTag);
}

void TrainingRunner::endTraining() {
    m_trainTag = 0;
    Q_EMIT trainingChanged(false);
}

TrainingWorker::TrainingWorker(QString databasePath, TrainingRunner* runner,
                               std::shared_ptr<std::atomic<int>> cancelUpTo, int maxThreads)
    : m_path(std::move(databasePath)), m_runner(runner), m_cancelUpTo(std::move(cancelUpTo)),
      m_maxThreads(maxThreads) {}

TrainingWorker::~TrainingWorker() {
    m_store.reset();
    // ~TrainingRunner reads on after QThread::wait(), which orders it after this (see takeOver
    // there).
    handOff(m_runner);
}

template <class F> void TrainingWorker::toRunner(F report) {
    postTo(m_runner, std::move(report));
}

SessionStore& TrainingWorker::store() {
    // Opened on the worker thread, its own connection: the GUI's connection keeps reading.
    if (!m_store)
        m_store = std::make_unique<SessionStore>(m_path.toStdString());
    return *m_store;
}

bool TrainingWorker::keepGoing(int tag) const {
    return tag > m_cancelUpTo->load() && !QThread::currentThread()->isInterruptionRequested();
}

void parseTrainDetail(TrainProgress& p) {
    static const QRegularExpression re(
        QStringLiteral("step (\\d+), loss ([-0-9.eE+na]+), ([0-9.]+) seq/s, ETA (.+)$"));
    const auto m = re.match(p.detail);
    if (!m.hasMatch())
        return;
    p.step = m.captured(1).toLongLong();
    bool ok = false;
    const double loss = m.captured(2).toDouble(&ok);
    p.loss = ok ? loss : -1;
    p.seqPerSecond = m.captured(3).toDouble();
    p.eta = m.captured(4).trimmed();
}

void TrainingWorker::train(int tag, const TrainJob& job) {
    if (!keepGoing(tag)) {
        TrainSummary none; // cancelled while queued: no run was created
        none.status = QStringLiteral("cancelled");
        return toRunner([r = m_runner, tag, none] { r->workerFinished(tag, none); });
    }
    // torch's thread pools are per process; the cap keeps a core for the GUI thread.
    configureCpuRuntime(std::min(std::max(job.options.threads, 1), m_maxThreads));
    auto forward = [this, tag](bool pretraining) {
        return [this, tag, pretraining](const Progress& p) {
            TrainProgress t;
            t.pretraining = pretraining;
            t.stage = QString::fromStdString(p.stage);
            t.done = qint64(p.done);
            t.total = qint64(p.total);
            t.detail = QString::fromStdString(p.detail);
            parseTrainDetail(t);
            toRunner([r = m_runner, tag, t] { r->workerProgress(tag, t); });
            return keepGoing(tag);
        };
    };
    try {
        SessionStore& s = store();
        const std::string dataset = job.dataset.toStdString();
        TrainRequest req;
        req.dataset = dataset;
        req.runName = job.runName.toStdString();
        req.resumeRun = job.resumeRun;
        req.options = job.options;
        if (job.resumeRun > 0) {
            // The checkpoint resumes only under its own configuration; device and threads
            // never change what is learned, so the panel's choice applies.
            req.options = storedTrainOptions(s, job.resumeRun);
            req.options.device = job.options.device;
            req.options.threads = job.options.threads;
        }
        req.testProtocol.bootstrapSamples = job.bootstrapSamples;
        if (job.pretrainIfMissing && job.resumeRun == 0 && req.options.encoder == "embedded" &&
            !QFileInfo::exists(QString::fromStdString(datasetEncoderDir(s, dataset)) +
                               QStringLiteral("/config.json"))) {
            EncoderPretrainOptions po;
            po.epochs = job.pretrainEpochs;
            po.seed = req.options.seed;
            po.threads = req.options.threads;
            po.device = req.options.device;
            pretrainDatasetEncoder(s, dataset, po, forward(true));
        }
        req.onEpoch = [this, tag](const TrainEpochStats& e) {
            TrainEpochPoint pt;
            pt.epoch = e.epoch;
            pt.steps = qint64(e.steps);
            pt.trainLoss = e.trainLoss;
            pt.validMrr = e.validMrr;
            pt.seconds = e.seconds;
            pt.improved = e.improved;
            toRunner([r = m_runner, tag, pt] { r->workerEpochFinished(tag, pt); });
        };
        const TrainOutcome r = trainBertMlp(s, req, forward(false));
        TrainSummary sum;
        sum.runId = r.runId;
        sum.status = QString::fromStdString(r.status);
        sum.epochs = int(r.epochs.size());
        sum.bestEpoch = r.bestEpoch;
        sum.trainSeconds = r.trainSeconds;
        sum.device = QString::fromStdString(r.device);
        sum.tested = r.tested;
        sum.hasCheckpoint = !r.checkpoint.empty();
        if (r.tested) {
            auto metric = [&](const char* key) {
                const auto it = r.test.metrics.find(key);
                return it == r.test.metrics.end() ? 0.0 : it->second;
            };
            sum.testMrr20 = metric("MRR@20");
            sum.testHit20 = metric("HitRate@20");
            sum.testNdcg20 = metric("NDCG@20");
        }
        toRunner([r = m_runner, tag, sum] { r->workerFinished(tag, sum); });
    } catch (const Cancelled&) {
        // Only pre-training cancels by throwing; no run was created yet.
        toRunner([r = m_runner, tag, message = tr("Pre-training cancelled; no run was started")] {
            r->workerFailed(tag, message);
        });
    } catch (const std::exception& e) {
        toRunner([r = m_runner, tag, message = QString::fromUtf8(e.what())] {
            r->workerFailed(tag, message);
        });
    }
    // The heap keeps a training's tensors for reuse while it runs (configureCpuRuntime); the GUI
    // lives on, so give that memory back once the run is over.
    releaseFreedMemory();
}

void TrainingWorker::inspectEncoder(int tag, const QString& dir) {
    EncoderInfo info;
    info.dir = dir;
    try {
        // A full load, weights included: a folder that passes here will also train.
        const BertEncoder enc = BertEncoder::load(dir.toStdString());
        const BertConfig& c = enc.config();
        QStringList arch;
        for (const auto& a : c.architectures)
            arch << QString::fromStdString(a);
        info.architecture = arch.join(QStringLiteral(", "));
        info.hiddenSize = c.hiddenSize;
        info.layers = c.numHiddenLayers;
        info.heads = c.numAttentionHeads;
        info.intermediateSize = c.intermediateSize;
        info.maxPositions = c.maxPositionEmbeddings;
        info.vocabSize = qint64(enc.tokenizer().vocabSize());
        info.modelMaxLength = qint64(enc.tokenizer().options().modelMaxLength);
        info.lowercase = enc.tokenizer().options().lowercase;
        info.chineseChars = enc.tokenizer().options().tokenizeChineseChars;
        info.pooler = enc.hasPooler();
        info.mlmHead = enc.hasMlmHead();
    } catch (const std::exception& e) {
        info.error = QString::fromUtf8(e.what());
    }
    toRunner([r = m_runner, tag, info] { Q_EMIT r->encoderInspected(tag, info); });
}

void TrainingWorker::probeDevice() {
    DeviceInfo d;
    d.cuda = BertEncoder::cudaAvailable();
    d.threads = m_maxThreads;
    toRunner([r = m_runner, d] { Q_EMIT r->deviceProbed(d); });
}

} // namespace srw::ui
