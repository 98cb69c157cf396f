// Explore's ranking and the heatmap's values against core's own calls, on an untrained model
// (a random network is enough to compare orders; training would make the test slow).
#include "explore/recommendation_model.h"
#include "heatmap/heatmap_model.h"

#include "srw/analysis/recommend_explain.h"
#include "srw/analysis/similarity_matrix.h"
#include "srw/model/bert_mlp_recommender.h"

#include <QAbstractItemModelTester>
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
};

QTEST_MAIN(ExploreHeatmapTest)
#include "explore_heatmap_test.moc"
