// Explore's ranking and the heatmap's values against core's own calls, on an untrained model
// (a random network is enough to compare orders; training would make the test slow); the
// heatmap panel's item sources (top-N, category, session, a free selection) against core's
// item lists and similarity matrix on a small workspace; zooming and panning reuse the image.
#include "explore/explore_panel.h"
#include "explore/explore_worker.h"
#include "explore/recommendation_model.h"
#include "heatmap/heatmap_model.h"
#include "heatmap/heatmap_panel.h"
#include "heatmap/heatmap_view.h"
#include "heatmap/item_picker.h"
#include "training_test_support.h"

#include "srw/analysis/recommend_explain.h"
#include "srw/analysis/similarity_matrix.h"
#include "srw/model/bert_mlp_recommender.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QListView>
#include <QListWidget>
#include <QMap>
#include <QSet>
#include <QtTest>
#include <random>

using namespace srw;
using namespace srw::ui;

namespace {
constexpr std::int32_t kItems = 60;
constexpr std::int64_t kDim = 8;

std::vector<SessionSequence> sessions() {
    std::mt19937_64 rng(3);
    std::vector<SessionSequence> out;
    for (int s = 0; s < 150; ++s) {
        SessionSequence q;
        q.sessionId = s;
        const auto base = std::int32_t(rng() % kItems);
        for (int i = 0; i < 2 + int(rng() % 5); ++i) {
            q.items.push_back((base + std::int32_t(rng() % 4)) % kItems);
            q.times.push_back(1000 * s + i);
        }
        out.push_back(q);
    }
    return out;
}

std::vector<float> vectors() {
    std::mt19937_64 rng(11);
    std::normal_distribution<float> n(0.0f, 1.0f);
    std::vector<float> v(std::size_t(kItems * kDim));
    for (auto& x : v)
        x = n(rng);
    return v;
}
} // namespace

class ExploreHeatmapTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rankingEqualsRecommendTop_data() {
        QTest::addColumn<double>("alpha");
        QTest::addColumn<bool>("rank");
        for (double a : {0.0, 0.3, 0.6, 1.0}) {
            QTest::addRow("probability α=%.1f", a) << a << false;
            QTest::addRow("rank α=%.1f", a) << a << true;
        }
    }
    void rankingEqualsRecommendTop() {
        QFETCH(double, alpha);
        QFETCH(bool, rank);
        BertMlpOptions o;
        o.blend = rank ? BlendMode::Rank : BlendMode::Probability;
        auto model = BertMlpRecommender::createUntrained(o, vectors(), kDim,
                                                         std::vector<std::uint8_t>(kItems, 1));
        model->fit(sessions(), kItems);
        const std::vector<std::int32_t> prefix{4, 5, 7};
        RecommendationModel explore;
        QAbstractItemModelTester tester(&explore, QAbstractItemModelTester::FailureReportingMode::QtTest);
        explore.setK(10);
        explore.setScores(model->cfScores(prefix), model->neuralScores(prefix), rank);
        explore.setAlpha(alpha); // re-ranked from the cached parts, no model call
        model->setAlpha(alpha);
        const auto core = recommendTop(*model, prefix, std::vector<std::uint8_t>(kItems, 1), 10);
        QCOMPARE(explore.rowCount(), int(core.size()));
        for (std::size_t r = 0; r < core.size(); ++r) {
            QCOMPARE(explore.ranking()[r].item, int(core[r].item));
            QCOMPARE(explore.ranking()[r].p, core[r].score);
            QCOMPARE(explore.index(int(r), 0).data(RecommendationModel::ItemRole).toInt(),
                     int(core[r].item));
        }
        explore.setTarget(core[2].item);
        QVERIFY(explore.index(2, RecommendationModel::ItemColumn).data(Qt::FontRole).isValid());
    }

    void heatmapValuesEqualCore() {
        const auto train = sessions();
        const auto v = vectors();
        const std::vector<std::int32_t> items = topPopularItems(train, kItems, 25);
        const auto cf = cfCosineMatrix(train, items);
        const auto text = textCosineMatrix(v, kDim, items);
        const auto blend = blendMatrix(cf, text, 0.4);
        HeatmapModel heat;
        QAbstractItemModelTester tester(&heat, QAbstractItemModelTester::FailureReportingMode::QtTest);
        heat.setMatrices(cf, text);
        heat.setAlpha(0.4);
        const SimilarityMatrix* expected[] = {&text, &cf, &blend};
        for (int m = HeatmapModel::Text; m <= HeatmapModel::Blend; ++m) {
            heat.setMeasure(HeatmapModel::Measure(m));
            QCOMPARE(heat.rowCount(), int(items.size()));
            for (int r = 0; r < heat.rowCount(); ++r)
                for (int c = 0; c < heat.columnCount(); ++c)
                    QCOMPARE(heat.index(r, c).data(HeatmapModel::ValueRole).toDouble(),
                             double(expected[m]->at(std::size_t(r), std::size_t(c))));
        }
        // A clustering order permutes rows and columns alike.
        const auto order = greedyNearestOrder(heat.shown());
        heat.setOrder(order);
        QCOMPARE(heat.itemAt(3), int(items[std::size_t(order[3])]));
        QCOMPARE(heat.valueAt(3, 5),
                 blend.at(std::size_t(order[3]), std::size_t(order[5])));
        const QImage img = heat.image();
        QCOMPARE(img.size(), QSize(25, 25));
    }

    // Painting, zooming and panning draw the cached image: none of them rebuilds it.
    void viewKeepsItsImageWhileZoomingAndPanning() {
        const auto train = sessions();
        const std::vector<std::int32_t> items = topPopularItems(train, kItems, 40);
        HeatmapModel heat;
        heat.setMatrices(cfCosineMatrix(train, items), {});
        HeatmapView view(&heat);
        view.resize(600, 500);
        view.refresh();
        const qint64 key = view.image().cacheKey();
        QCOMPARE(view.image().size(), QSize(40, 40));
        (void)view.render();
        const QPoint mid(300, 250);
        QWheelEvent wheel(mid, view.mapToGlobal(mid), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QTest::mousePress(&view, Qt::LeftButton, {}, mid);
        QTest::mouseMove(&view, mid + QPoint(40, 30));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, mid + QPoint(40, 30));
        (void)view.render();
        QCOMPARE(view.image().cacheKey(), key);
        view.refresh(); // a new matrix, measure or order does rebuild it
        QVERIFY(view.image().cacheKey() != key);
    }

    void itemPickerAddsAndRemoves() {
        ItemPicker picker;
        picker.setCatalogue({QStringLiteral("Red mug"), QStringLiteral("Blue plate"),
                             QStringLiteral("red scarf"), QStringLiteral("Green mug")});
        picker.setFilter(QStringLiteral("RED"));
        QCOMPARE(picker.results()->model()->rowCount(), 2);
        picker.results()->selectAll();
        picker.addSelectedResults();
        QCOMPARE(picker.items(), (QVector<int>{0, 2}));
        picker.addItems({3, 0, 1, 9}); // 0 is there already, 9 is no item
        QCOMPARE(picker.items(), (QVector<int>{0, 2, 3, 1}));
        picker.chosen()->item(1)->setSelected(true);
        picker.chosen()->item(3)->setSelected(true);
        picker.removeSelected();
        QCOMPARE(picker.items(), (QVector<int>{0, 3}));
        picker.setCatalogue({QStringLiteral("another model")});
        QVERIFY(picker.items().isEmpty());
    }

    // Each source gives core's items, and the matrix of a free selection is core's, on the
    // popularity baseline (its matrix is CF cosine; text needs a trained run).
    void heatmapSourcesEqualCore() {
        test::TinyTrainingWorkspace ws;
        ExplorePanel explore(ws.path);
        HeatmapPanel heatmap(&explore);
        explore.setDataset(QStringLiteral("tiny"));
        for (int i = 0; i < explore.modelBox()->count(); ++i)
            if (explore.modelBox()->itemData(i).toList().value(1).toString() ==
                QLatin1String("pop"))
                explore.modelBox()->setCurrentIndex(i);
        QSignalSpy loaded(explore.runner(), &ExploreRunner::loaded);
        explore.loadModel();
        QVERIFY(loaded.wait(60000));
        SessionStore store(ws.path.toStdString());
        const SessionCorpus corpus = loadCorpus(store, "tiny");
        const auto cat = explore.runner()->catalogue();

        heatmap.setSource(HeatmapPanel::TopPopular);
        heatmap.setTopN(30);
        const auto popular = topPopularItems(corpus.train, corpus.numItems, 30);
        QCOMPARE(heatmap.sourceItems(), QVector<int>(popular.begin(), popular.end()));

        heatmap.setSource(HeatmapPanel::Category);
        QStringList names = QSet<QString>(cat->categories.begin(), cat->categories.end()).values();
        names.removeAll(QString());
        names.sort();
        QVERIFY(!names.isEmpty());
        const auto inCategory =
            categoryItems(store, "tiny", corpus, corpus.train, names.front().toStdString(), 100000);
        QCOMPARE(heatmap.sourceItems(), QVector<int>(inCategory.begin(), inCategory.end()));

        // The session (each item once, in its order), then its top-K once it is scored.
        heatmap.setSource(HeatmapPanel::Session);
        QVector<int> session;
        for (int i : explore.session())
            if (!session.contains(i))
                session << i;
        QVERIFY(!session.isEmpty());
        QCOMPARE(heatmap.sourceItems(), session);
        QTRY_VERIFY_WITH_TIMEOUT(explore.model()->rowCount() > 0, 30000);
        heatmap.setSource(HeatmapPanel::SessionAndRecommendations);
        const QVector<int> withRecs = heatmap.sourceItems();
        QCOMPARE(withRecs.mid(0, session.size()), session);
        QVERIFY(withRecs.size() > session.size());
        for (const RankedItem& r : explore.model()->ranking())
            QVERIFY(withRecs.contains(r.item));

        // A selection: two search results, the session, then one removed again.
        heatmap.setSource(HeatmapPanel::Selection);
        ItemPicker* picker = heatmap.picker();
        // A word that a few titles share, so the search finds several items.
        QMap<QString, int> words;
        for (const QString& title : cat->titles)
            for (const QString& w : title.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts))
                if (w.size() >= 5 && w.at(0).isLetter())
                    ++words[w];
        QString word;
        for (auto it = words.cbegin(); it != words.cend() && word.isEmpty(); ++it)
            if (it.value() >= 2 && it.value() <= 20)
                word = it.key();
        QVERIFY(!word.isEmpty());
        picker->setFilter(word);
        QVERIFY(picker->results()->model()->rowCount() >= 2);
        for (int r : {0, 1})
            picker->results()->selectionModel()->select(picker->results()->model()->index(r, 0),
                                                        QItemSelectionModel::Select);
        picker->addSelectedResults();
        picker->addItems(explore.session());
        picker->addItems({popular[0], popular[1], popular[2]});
        picker->chosen()->item(picker->chosen()->count() - 1)->setSelected(true);
        picker->removeSelected();
        const QVector<int> chosen = picker->items();
        QVERIFY(chosen.size() >= 2);
        QCOMPARE(heatmap.sourceItems(), chosen);
        for (int r : {0, 1})
            QVERIFY(cat->titles[chosen[r]].contains(word, Qt::CaseInsensitive));

        QSignalSpy ready(explore.runner(), &ExploreRunner::similarityReady);
        heatmap.setOrder(HeatmapPanel::AsGiven);
        heatmap.compute();
        QVERIFY(ready.wait(30000));
        const auto expected =
            cfCosineMatrix(corpus.train, std::vector<std::int32_t>(chosen.begin(), chosen.end()));
        QCOMPARE(heatmap.model()->rowCount(), int(chosen.size()));
        for (int r = 0; r < chosen.size(); ++r) {
            QCOMPARE(heatmap.model()->itemAt(r), chosen[r]);
            for (int c = 0; c < chosen.size(); ++c)
                QCOMPARE(heatmap.model()->index(r, c).data(HeatmapModel::ValueRole).toDouble(),
                         double(expected.at(std::size_t(r), std::size_t(c))));
        }
    }
};

QTEST_MAIN(ExploreHeatmapTest)
#include "explore_heatmap_test.moc"
