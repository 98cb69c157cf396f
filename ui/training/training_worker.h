#pragma once
// Torch-free on purpose: moc reads this header, and Qt's keywords clash with LibTorch's.
#include "srw/model/bert_mlp_options.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>
#include <map>
#include <string>
#include <atomic>
#include <memory>

namespace srw {
class SessionStore;
} // namespace srw

namespace srw::ui {

/** @brief One training the panel asks for. */
struct TrainJob {
    QString dataset;
    QString runName;
    BertMlpOptions options;
    /// A cancelled or unfinished run to continue: its stored options are used, only device and
    /// threads are taken from options.
    qint64 resumeRun = 0;
    /// Pre-train the dataset's embedded encoder first when it has none (encoder "embedded").
    bool pretrainIfMissing = false;
    int pretrainEpochs = 5;
    int bootstrapSamples = 200; ///< of the final test evaluation
};

/** @brief What the worker reports a few times a second; step and loss parsed from core's detail. */
struct TrainProgress {
    bool pretraining = false;
    QString stage;   ///< core's stage: "epoch 2/5", "validation", "test", "vocabulary" …
    qint64 done = 0, total = 0;
    QString detail;  ///< core's "step S, loss L, R seq/s, ETA T"
    qint64 step = -1;   ///< -1 when the detail has none
    double loss = -1;   ///< the epoch's running mean loss, -1 when none
    double seqPerSecond = -1;
    QString eta;
};

/** @brief A finished epoch, for the validation chart. */
struct TrainEpochPoint {
    int epoch = 0;
    qint64 steps = 0;
    double trainLoss = 0;
    double validMrr = -1;
    double seconds = 0;
    bool improved = false;
};

/** @brief How a training ended (a failure is reported by failed() instead). */
struct TrainSummary {
    qint64 runId = 0; ///< 0: cancelled before the run was created
    QString status;   ///< finished or cancelled
    int epochs = 0;
    int bestEpoch = 0;
    double trainSeconds = 0;
    QString device;
    bool tested = false;
    double testMrr20 = 0, testHit20 = 0, testNdcg20 = 0;
    bool hasCheckpoint = false;
};

/** @brief What BertEncoder::load found in a Hugging Face folder, or why it refused it. */
struct EncoderInfo {
    QString dir;
    QString error; ///< empty when the folder loads
    QString architecture;
    qint64 hiddenSize = 0, layers = 0, heads = 0, intermediateSize = 0, maxPositions = 0;
    qint64 vocabSize = 0, modelMaxLength = 0;
    bool lowercase = true, chineseChars = true, pooler = false, mlmHead = false;
};

/** @brief Whether LibTorch sees CUDA, asked on the worker thread that owns LibTorch. */
struct DeviceInfo {
    bool cuda = false;
    int threads = 1; ///< the most torch threads the worker uses
};

class TrainingWorker;

/**
 * @brief The GUI side of the one long-lived thread that owns LibTorch: trainings, encoder
 * pre-training and checks of encoder folders all run there, one after another, because grad
 * mode and the CUDA device are per thread and concurrent LibTorch threads are not safe.
 *
 * Every request gets a tag that its signals carry; signals of a training that is no longer the
 * current one (cancelled and replaced) are dropped here, so panels only see the current run.
 * cancel() flips an atomic that core's progress callback polls: no queued slot could reach a
 * worker busy inside trainBertMlp().
 */
class TrainingRunner : public QObject {
    Q_OBJECT
public:
    explicit TrainingRunner(const QString& databasePath, QObject* parent = nullptr);
    ~TrainingRunner() override;

    /** @brief Queues a training; threads are capped at maxTorchThreads(). Returns its tag. */
    int train(TrainJob job);
    /** @brief Loads dir with BertEncoder::load on the worker; answers with encoderInspected(). */
    int inspectEncoder(const QString& dir);
    /** @brief Asks the worker for deviceProbed(). */
    void probeDevice();
    /** @brief Stops the current training after its current step (the run is kept, resumable). */
    void cancel();
    bool isTraining() const { return m_trainTag != 0; }

    /** @brief cores − 1 (at least 1): the GUI thread keeps a core while torch trains. */
    static int maxTorchThreads();
    /**
     * @brief Overrides for loadTrainedModel() on any GUI worker: at most maxTorchThreads().
     *
     * A loaded model otherwise sets LibTorch's threads to those it was trained with (every
     * core when trained from the command line), beside the GUI and perhaps a training run.
     */
    static std::map<std::string, std::string> modelLoadOverrides();

Q_SIGNALS:
    void started(int tag);
    /** @brief The run exists in the workspace (its first progress arrived): refresh run lists. */
    void runCreated(int tag);
    void progress(int tag, const srw::ui::TrainProgress& progress);
    void epochFinished(int tag, const srw::ui::TrainEpochPoint& epoch);
    void finished(int tag, const srw::ui::TrainSummary& summary);
    void failed(int tag, const QString& message);
    void trainingChanged(bool training);
    void encoderInspected(int tag, const srw::ui::EncoderInfo& info);
    void deviceProbed(const srw::ui::DeviceInfo& info);

private:
    friend class TrainingWorker;
    bool isCurrent(int tag) const { return tag != 0 && tag == m_trainTag; }
    // The worker's reports, run on this object's thread by its queued calls.
    void workerProgress(int tag, const TrainProgress& p);
    void workerEpochFinished(int tag, const TrainEpochPoint& e);
    void workerFinished(int tag, const TrainSummary& s);
    void workerFailed(int tag, const QString& message);
    void endTraining();

    QThread m_thread;
    TrainingWorker* m_worker;
    std::shared_ptr<std::atomic<int>> m_cancelUpTo;
    int m_lastTag = 0;
    int m_trainTag = 0;
    bool m_runCreatedSent = false;
};

/**
 * @brief Lives on TrainingRunner's thread; owns the workspace connection used for training. It
 * reports through queued calls to its runner (postTo in thread_handoff.h), not signals: a queued
 * signal's arguments are copied after the emitter's last annotation, so TSan could not be told
 * they were handed over.
 */
class TrainingWorker : public QObject {
    Q_OBJECT
public:
    TrainingWorker(QString databasePath, TrainingRunner* runner,
                   std::shared_ptr<std::atomic<int>> cancelUpTo, int maxThreads);
    ~TrainingWorker() override;

    void train(int tag, const TrainJob& job);
    void inspectEncoder(int tag, const QString& dir);
    void probeDevice();

private:
    SessionStore& store();
    bool keepGoing(int tag) const;
    /** @brief Runs report on the runner's (GUI) thread. */
    template <class F> void toRunner(F report);

    QString m_path;
    TrainingRunner* m_runner;
    std::shared_ptr<std::atomic<int>> m_cancelUpTo;
    int m_maxThreads;
    std::unique_ptr<SessionStore> m_store;
};

/** @brief Parses core's training detail "step S, loss L, R seq/s, ETA T" into p. */
void parseTrainDetail(TrainProgress& p);

} // namespace srw::ui

Q_DECLARE_METATYPE(srw::ui::TrainProgress)
Q_DECLARE_METATYPE(srw::ui::TrainEpochPoint)
Q_DECLARE_METATYPE(srw::ui::TrainSummary)
Q_DECLARE_METATYPE(srw::ui::EncoderInfo)
Q_DECLARE_METATYPE(srw::ui::DeviceInfo)
