// The model options panel maps to BertMlpOptions both ways; α's slider and spin box are linked;
// presets and the last configuration survive a restart (settings round trip).
#include "model/model_options_panel.h"
#include "model/model_presets.h"
#include "training/training_charts.h"
#include "training/training_worker.h"

#include <QDoubleSpinBox>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

using namespace srw;
using namespace srw::ui;

namespace {
BertMlpOptions unusual() {
    BertMlpOptions o;
    o.alpha = 0.35;
    o.blend = BlendMode::Rank;
    o.finetune = "last:2";
    o.sessionEncoder = "text";
    o.sessionPooling = "mean";
    o.maxSessionItems = 7;
    o.itemTextTokens = 48;
    o.sessionTextTokens = 96;
    o.mlpWidths = {128, 64};
    o.learningRate = 0.001;
    o.epochs = 7;
    o.batchSize = 64;
    o.negatives = 16;
    o.maxTrainSessions = 500;
    o.seed = 7;
    o.deterministic = true;
    o.threads = 1;
    o.device = "cpu";
    o.patience = 3;        // not shown by the panel: kept from what was loaded
    o.weightDecay = 0.02;  // likewise
    return o;
}
} // namespace

class ModelOptionsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mapsBothWays() {
        QTemporaryDir dir;
        ModelOptionsPanel panel(nullptr, dir.filePath(QStringLiteral("s.ini")));
        const BertMlpOptions o = unusual();
        panel.setOptions(o);
        QCOMPARE(QString::fromStdString(panel.options().toJson().dump()),
                 QString::fromStdString(o.toJson().dump()));
        QVERIFY2(panel.problem().isEmpty(), qPrintable(panel.problem()));

        BertMlpOptions d;
        d.threads = 1;
        panel.setOptions(d);
        QCOMPARE(QString::fromStdString(panel.options().toJson().dump()),
                 QString::fromStdString(d.toJson().dump()));
    }

    void alphaSliderAndSpinBoxAreLinked() {
        QTemporaryDir dir;
        ModelOptionsPanel panel(nullptr, dir.filePath(QStringLiteral("s.ini")));
        panel.alphaSlider()->setValue(25);
        QCOMPARE(panel.alphaSpin()->value(), 0.25);
        QCOMPARE(panel.options().alpha, 0.25);
        panel.alphaSpin()->setValue(0.8);
        QCOMPARE(panel.alphaSlider()->value(), 80);
        QCOMPARE(panel.options().alpha, 0.8);
    }

    void badWidthsAreAProblem() {
        QCOMPARE(parseMlpWidths(QStringLiteral("256, 64")), (std::vector<int>{256, 64}));
        QVERIFY(parseMlpWidths(QStringLiteral("0")).empty());
        QVERIFY(parseMlpWidths(QStringLiteral("")).empty());
        QTemporaryDir dir;
        ModelOptionsPanel panel(nullptr, dir.filePath(QStringLiteral("s.ini")));
        BertMlpOptions o;
        o.mlpWidths = {};
        panel.setOptions(o);
        QVERIFY(!panel.problem().isEmpty());
    }

    void presetsAndLastOptionsSurviveARestart() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        const BertMlpOptions o = unusual();
        {
            ModelOptionsPanel panel(nullptr, ini);
            panel.setOptions(o);
            QVERIFY(panel.savePreset(QStringLiteral("slow text")));
            QVERIFY(!panel.savePreset(QStringLiteral("  ")));
            BertMlpOptions other;
            other.alpha = 0.9;
            other.threads = 1;
            panel.setOptions(other);
            QVERIFY(panel.savePreset(QStringLiteral("cf heavy")));
            panel.rememberOptions();
        }
        ModelOptionsPanel panel(nullptr, ini);
        QCOMPARE(panel.presetNames(), (QStringList{QStringLiteral("cf heavy"),
                                                   QStringLiteral("slow text")}));
        QCOMPARE(panel.options().alpha, 0.9); // the last configuration used
        QVERIFY(panel.loadPreset(QStringLiteral("slow text")));
        QCOMPARE(QString::fromStdString(panel.options().toJson().dump()),
                 QString::fromStdString(o.toJson().dump()));
        QVERIFY(!panel.loadPreset(QStringLiteral("missing")));
        panel.deletePreset(QStringLiteral("cf heavy"));
        QCOMPARE(ModelPresets(ini).names(), QStringList{QStringLiteral("slow text")});
    }

    void unreadablePresetsAreSkipped() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        {
            QSettings raw(ini, QSettings::IniFormat);
            QVariantMap map;
            map.insert(QStringLiteral("old"), QStringLiteral("{\"no_such_field\": 1}"));
            map.insert(QStringLiteral("broken"), QStringLiteral("{"));
            raw.setValue(QStringLiteral("model/presets"), map);
        }
        ModelPresets presets(ini);
        QCOMPARE(presets.names().size(), 2);
        QVERIFY(!presets.load(QStringLiteral("old")));
        QVERIFY(!presets.load(QStringLiteral("broken")));
    }

    void chartsDecimateLongRuns() {
        TrainingCharts charts;
        for (int i = 1; i <= 20000; ++i)
            charts.addLoss(i, 1.0 / i);
        charts.addLoss(5, 0.1); // an older step (a resumed epoch) is ignored
        charts.flush();
        QCOMPARE(charts.lossPointCount(), 20000);
        QVERIFY(charts.shownLossPoints() <= TrainingCharts::kMaxShownPoints + 1);
        QVERIFY(charts.shownLossPoints() > TrainingCharts::kMaxShownPoints / 2);
        TrainEpochPoint e;
        e.epoch = 1;
        e.trainLoss = 0.5;
        e.validMrr = 0.2;
        charts.addEpoch(e);
        charts.flush();
        QCOMPARE(charts.epochCount(), 1);
        charts.clear();
        QCOMPARE(charts.lossPointCount(), 0);
        QCOMPARE(charts.shownLossPoints(), 0);
    }
};

QTEST_MAIN(ModelOptionsTest)
#include "model_options_test.moc"
