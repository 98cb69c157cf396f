#include "explore/explore_worker.h"

#include "thread_handoff.h"
#include "training/training_worker.h"

#include "srw/analysis/recommend_explain.h"
#include "srw/data/corpus_loader.h"
#include "srw/data/database.h"
#include "srw/data/item_texts.h"
#include "srw/data/session_store.h"
#include "srw/eval/recommender_factory.h"
#include "srw/eval/score_vector.h"
#include "srw/model/bert_mlp_trainer.h"
#include "srw/model/model_analysis.h"

#include <QThread>
#include <unordered_map>

namespace srw::ui {
namespace {
constexpr int kMaxTestSessions = 500; // a pick list, not a browser: the Sessions tab has them all
} // namespace

struct ExploreWorker::State {
    SessionCorpus corpus;
    std::unique_ptr<Recommender> model;
    BertMlpRecommender* bert = nullptr; // model, when it is the BERT+MLP one
    std::vector<float> vectors;         // text vectors; kept because sources point into them
    std::size_t dim = 0;
    ExplainSources sources;
};

ExploreWorker::ExploreWorker(QString databasePath, ExploreRunner* runner)
    : m_path(std::move(databasePath)), m_runner(runner) {}

ExploreWorker::~ExploreWorker() {
    m_state.reset();
    // ~ExploreRunner reads on after QThread::wait(), which orders it after this (see takeOver
    // there).
    handOff(m_runner);
}

template <class F> void ExploreWorker::toRunner(F report) {
    postTo(m_runner, std::move(report));
}

void ExploreWorker::fail(int request, const QString& message) {
    toRunner([r = m_runner, request, message] { r->workerFailed(request, message); });
}

void ExploreWorker::load(int request, const QString& dataset, qint64 runId,
                         const QString& baseline) {
    try {
        SessionStore store(m_path.toStdString());
        auto state = std::make_unique<State>();
        state->corpus = loadCorpus(store, dataset.toStdString());
        auto cat = std::make_shared<ExploreCatalogue>();
        if (runId > 0) {
            auto bert = loadTrainedModel(store, runId, TrainingRunner::modelLoadOverrides());
            state->bert = bert.get();
            state->model = std::move(bert);
        } else {
            state->model = createRecommender(baseline.toStdString(), {});
        }
        state->model->fit(state->corpus.train, state->corpus.numItems);
        cat->modelName = QString::fromStdString(state->model->name());
        if (state->bert) {
            state->sources = modelExplainSources(*state->bert, state->vectors);
            state->dim = state->sources.dim;
            cat->hasParts = true;
            cat->hasText = state->dim > 0;
            cat->alpha = state->bert->options().alpha;
            cat->rankBlend = state->bert->options().blend == BlendMode::Rank;
        }
        // Titles and categories by dense index; the first text segment is the title.
        std::unordered_map<std::int64_t, int> dense;
        for (std::size_t i = 0; i < state->corpus.itemIds.size(); ++i)
            dense[state->corpus.itemIds[i]] = int(i);
        const int n = state->corpus.numItems;
        cat->titles.resize(n);
        cat->categories.resize(n);
        for (int i = 0; i < n; ++i)
            cat->titles[i] = QString::fromStdString(state->corpus.itemExternalIds[std::size_t(i)]);
        if (const auto id = store.findDataset(dataset.toStdString())) {
            auto st = store.db().prepare(
                "SELECT id, coalesce(title, external_id), coalesce(category, '') FROM items "
                "WHERE dataset_id = ?");
            st.bind(1, *id);
            while (st.step()) {
                const auto it = dense.find(st.getInt(0));
                if (it == dense.end())
                    continue;
                cat->titles[it->second] = QString::fromStdString(st.getText(1));
                cat->categories[it->second] = QString::fromStdString(st.getText(2));
            }
        }
        for (std::int32_t i : topPopularItems(state->corpus.train, n, std::size_t(n)))
            cat->popularity.push_back(i);
        for (const auto& s : state->corpus.test) {
            if (cat->testIds.size() >= kMaxTestSessions)
                break;
            if (s.items.size() < 2)
                continue;
            cat->testIds << s.sessionId;
            cat->testSessions << QVector<int>(s.items.begin(), s.items.end());
        }
        m_state = std::move(state);
        toRunner([r = m_runner, request, cat = std::shared_ptr<const ExploreCatalogue>(cat)] {
            r->workerLoaded(request, cat);
        });
    } catch (const std::exception& e) {
        fail(request, QString::fromStdString(e.what()));
    }
}

void ExploreWorker::score(int request, const QVector<int>& prefix) {
    if (!m_state || prefix.isEmpty())
        return fail(request, QString());
    try {
        auto out = std::make_shared<ExploreScores>();
        out->prefix = prefix;
        const std::vector<std::int32_t> p(prefix.begin(), prefix.end());
        if (m_state->bert) {
            out->cf = m_state->bert->cfScores(p);
            out->f = m_state->bert->neuralScores(p);
        } else {
            // A baseline has one score; it stands in the s_cf slot and α does nothing.
            const std::int32_t n = m_state->corpus.numItems;
            std::vector<std::int64_t> times(p.size(), 0);
            PrefixView view;
            view.items = p.data();
            view.times = times.data();
            view.length = p.size();
            ScoreVector scores(n);
            m_state->model->newScorer()->score(view, scores);
            out->cf.resize(std::size_t(n));
            for (std::int32_t i = 0; i < n; ++i)
                out->cf[std::size_t(i)] = scores.get(i);
        }
        toRunner([r = m_runner, request, out = std::shared_ptr<const ExploreScores>(out)] {
            r->workerScored(request, out);
        });
    } catch (const std::exception& e) {
        fail(request, QString::fromStdString(e.what()));
    }
}

void ExploreWorker::explain(int request, const QVector<int>& prefix, int item) {
    ExploreReason reason;
    reason.item = item;
    if (m_state && m_state->bert && !prefix.isEmpty()) {
        std::vector<Recommendation> recs(1);
        recs[0].item = item;
        ExplainSources sources = m_state->sources;
        sources.parts = {}; // the panel has the parts already
        explainRecommendations(recs, std::vector<std::int32_t>(prefix.begin(), prefix.end()),
                               sources);
        for (const NearItem& n : recs[0].nearestCf)
            reason.nearestCf << qMakePair(int(n.item), n.similarity);
        for (const NearItem& n : recs[0].nearestText)
            reason.nearestText << qMakePair(int(n.item), n.similarity);
    }
    toRunner([r = m_runner, request, reason] { r->workerExplained(request, reason); });
}

void ExploreWorker::similarity(int request, const QVector<int>& items) {
    if (!m_state)
        return fail(request, QString());
    try {
        auto out = std::make_shared<ExploreMatrices>();
        const std::vector<std::int32_t> chosen(items.begin(), items.end());
        out->cf = cfCosineMatrix(m_state->corpus.train, chosen);
        if (m_state->dim > 0)
            out->text = textCosineMatrix(m_state->vectors, m_state->dim, chosen);
        toRunner([r = m_runner, request, out = std::shared_ptr<const ExploreMatrices>(out)] {
            r->workerSimilarityReady(request, out);
        });
    } catch (const std::exception& e) {
        fail(request, QString::fromStdString(e.what()));
    }
}

ExploreRunner::ExploreRunner(const QString& databasePath, QObject* parent)
    : QObject(parent), m_thread(new QThread(this)),
      m_worker(new ExploreWorker(databasePath, this)) {
    qRegisterMetaType<std::shared_ptr<const ExploreCatalogue>>();
    qRegisterMetaType<std::shared_ptr<const ExploreScores>>();
    qRegisterMetaType<std::shared_ptr<const ExploreMatrices>>();
    qRegisterMetaType<ExploreReason>();
    m_thread->setObjectName(QStringLiteral("ExploreWorker"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

ExploreRunner::~ExploreRunner() {
    m_thread->requestInterruption();
    m_thread->quit();
    m_thread->wait();
    // ~ExploreWorker (on the worker thread) handed off on this address; QThread::wait's ordering
    // is Qt's, so TSan is told.
    takeOver(this);
}

void ExploreRunner::workerLoaded(int request, std::shared_ptr<const ExploreCatalogue> catalogue) {
    if (!accept(Load, request))
        return;
    m_catalogue = std::move(catalogue);
    Q_EMIT loaded();
}

void ExploreRunner::workerScored(int request, std::shared_ptr<const ExploreScores> scores) {
    if (accept(Score, request))
        Q_EMIT scored(std::move(scores));
}

void ExploreRunner::workerExplained(int request, const ExploreReason& reason) {
    if (accept(Explain, request))
        Q_EMIT explained(reason);
}

void ExploreRunner::workerSimilarityReady(int request,
                                          std::shared_ptr<const ExploreMatrices> matrices) {
    if (accept(Similarity, request))
        Q_EMIT similarityReady(std::move(matrices));
}

void ExploreRunner::workerFailed(int request, const QString& message) {
    bool current = false;
    for (int k = 0; k < KindCount; ++k)
        current = current || accept(Kind(k), request);
    if (current && !message.isEmpty())
        Q_EMIT failed(message);
}

int ExploreRunner::next(Kind kind) {
    const bool was = isBusy();
    m_latest[kind] = ++m_counter;
    if (!was)
        Q_EMIT busyChanged(true);
    return m_counter;
}

// Only the newest request of each kind is passed on; it also ends that kind's busy state.
bool ExploreRunner::accept(Kind kind, int request) {
    if (m_latest[kind] != request)
        return false;
    m_latest[kind] = 0;
    if (!isBusy())
        Q_EMIT busyChanged(false);
    return true;
}

void ExploreRunner::load(const QString& dataset, qint64 runId, const QString& baseline) {
    postTo(m_worker, [w = m_worker, id = next(Load), dataset, runId, baseline] {
        w->load(id, dataset, runId, baseline);
    });
}

void ExploreRunner::score(const QVector<int>& prefix) {
    postTo(m_worker, [w = m_worker, id = next(Score), prefix] { w->score(id, prefix); });
}

void ExploreRunner::explain(const QVector<int>& prefix, int item) {
    postTo(m_worker,
           [w = m_worker, id = next(Explain), prefix, item] { w->explain(id, prefix, item); });
}

void ExploreRunner::similarity(const QVector<int>& items) {
    postTo(m_worker, [w = m_worker, id = next(Similarity), items] { w->similarity(id, items); });
}

} // namespace srw::ui
