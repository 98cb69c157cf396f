#pragma once
#include "srw/analysis/similarity_matrix.h"

#include <QObject>
#include <QStringList>
#include <QVector>
#include <memory>
#include <vector>

class QThread;

namespace srw::ui {

/** @brief What the worker knows about a dataset and a loaded model, for the panels. */
struct ExploreCatalogue {
    QString modelName;
    bool hasParts = false;      ///< s_cf and f are separate (the BERT+MLP model)
    bool hasText = false;       ///< text vectors exist (text similarity, text explanations)
    bool rankBlend = false;     ///< the model blends rank percentiles, not raw values
    double alpha = 0.6;
    QStringList titles;         ///< per dense item
    QStringList categories;     ///< per dense item, empty when unknown
    std::vector<int> popularity;///< items by events in training, most popular first
    QVector<qint64> testIds;    ///< test sessions (the first few hundred)
    QVector<QVector<int>> testSessions;
};

/** @brief The parts of one prefix's scores: re-blending them needs no model call. */
struct ExploreScores {
    QVector<int> prefix;
    std::vector<double> cf;     ///< s_cf per item (the score itself for a baseline)
    std::vector<double> f;      ///< f per item; empty for a baseline
};

/** @brief The session items nearest to one recommended item. */
struct ExploreReason {
    int item = -1;
    QVector<QPair<int, double>> nearestCf, nearestText;
};

/** @brief CF and text similarity over one item set (text empty without text vectors). */
struct ExploreMatrices {
    SimilarityMatrix cf, text;
};

class ExploreRunner;

/**
 * @brief Owns the loaded model and its vectors on one long-lived thread: LibTorch state is per
 * thread, and rebuilding text vectors or explanation sources per query would cost seconds.
 * Everything arrives through queued calls tagged with a request id; results go back to the runner
 * the same way (postTo in thread_handoff.h), not by signal: a queued signal's arguments are copied
 * after the emitter's last annotation, so TSan could not be told they were handed over.
 */
class ExploreWorker : public QObject {
    Q_OBJECT
public:
    ExploreWorker(QString databasePath, ExploreRunner* runner);
    ~ExploreWorker() override;

    /** @brief runId > 0: a trained bert-mlp run; else baseline names a baseline model. */
    void load(int request, const QString& dataset, qint64 runId, const QString& baseline);
    void score(int request, const QVector<int>& prefix);
    void explain(int request, const QVector<int>& prefix, int item);
    void similarity(int request, const QVector<int>& items);

private:
    struct State;
    /** @brief Runs report on the runner's (GUI) thread. */
    template <class F> void toRunner(F report);
    void fail(int request, const QString& message);

    QString m_path;
    ExploreRunner* m_runner;
    std::unique_ptr<State> m_state;
};

/**
 * @brief The GUI side of the worker: starts it on its thread, numbers requests and forwards only
 * the answer to the newest request of each kind (older answers are stale).
 */
class ExploreRunner : public QObject {
    Q_OBJECT
public:
    explicit ExploreRunner(const QString& databasePath, QObject* parent = nullptr);
    ~ExploreRunner() override;

    void load(const QString& dataset, qint64 runId, const QString& baseline);
    void score(const QVector<int>& prefix);
    void explain(const QVector<int>& prefix, int item);
    void similarity(const QVector<int>& items);
    std::shared_ptr<const ExploreCatalogue> catalogue() const { return m_catalogue; }
    bool isBusy() const {
        for (int id : m_latest)
            if (id)
                return true;
        return false;
    }

Q_SIGNALS:
    void loaded();
    void scored(std::shared_ptr<const srw::ui::ExploreScores> scores);
    void explained(const srw::ui::ExploreReason& reason);
    void similarityReady(std::shared_ptr<const srw::ui::ExploreMatrices> matrices);
    void failed(const QString& message);
    void busyChanged(bool busy);

private:
    friend class ExploreWorker;
    enum Kind { Load, Score, Explain, Similarity, KindCount };
    int next(Kind kind);
    bool accept(Kind kind, int request);
    // The worker's answers, run on this object's thread by its queued calls.
    void workerLoaded(int request, std::shared_ptr<const ExploreCatalogue> catalogue);
    void workerScored(int request, std::shared_ptr<const ExploreScores> scores);
    void workerExplained(int request, const ExploreReason& reason);
    void workerSimilarityReady(int request, std::shared_ptr<const ExploreMatrices> matrices);
    void workerFailed(int request, const QString& message);

    QThread* m_thread;
    ExploreWorker* m_worker;
    int m_counter = 0;
    int m_latest[KindCount] = {};
    std::shared_ptr<const ExploreCatalogue> m_catalogue;
};

} // namespace srw::ui

Q_DECLARE_METATYPE(std::shared_ptr<const srw::ui::ExploreCatalogue>)
Q_DECLARE_METATYPE(std::shared_ptr<const srw::ui::ExploreScores>)
Q_DECLARE_METATYPE(std::shared_ptr<const srw::ui::ExploreMatrices>)
Q_DECLARE_METATYPE(srw::ui::ExploreReason)
