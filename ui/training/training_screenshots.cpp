#include "training/training_screenshots.h"

#include "main_window.h"
#include "model/model_options_panel.h"
#include "training/training_charts.h"
#include "training/training_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QTabWidget>
#include <spdlog/spdlog.h>

namespace srw::ui {
namespace {
constexpr int kMaxWaits = 3000; // five minutes: the training is small but CPUs may be busy
} // namespace

TrainingScreenshots::TrainingScreenshots(MainWindow* window, const QString& dir)
    : ScreenshotSteps(window, dir, "training", kMaxWaits) {}

TrainingScreenshots::Step TrainingScreenshots::step(int index) {
    TrainingPanel* panel = m_window->trainingPanel();
    ModelOptionsPanel* options = m_window->modelPanel();
    switch (index) {
    case 0: {
        // A configuration that trains in well under a minute on two cores, yet shows a few
        // epochs on the charts.
        BertMlpOptions o;
        o.mlpWidths = {128, 64};
        o.batchSize = 128;
        o.negatives = 32;
        o.epochs = 4;
        o.patience = 4;
        o.maxTrainSessions = 2500;
        o.validSessions = 200;
        o.learningRate = 3e-3;
        o.device = "cpu";
        o.threads = 0;
        options->setOptions(o);
        options->presetBox()->setCurrentText(QStringLiteral("quick look"));
        options->savePreset(QStringLiteral("quick look"));
        m_window->tabs()->setCurrentWidget(options);
        return Step::Next;
    }
    case 1:
        if (!options->problem().isEmpty())
            return Step::Wait;
        save(options, QStringLiteral("22-model-options"));
        m_window->tabs()->setCurrentWidget(panel);
        panel->pretrainBox()->setChecked(false); // the sample's pre-training would take minutes
        panel->setBootstrapSamples(100);
        connect(panel, &TrainingPanel::trainingFinished, this, [this] { m_finished = true; });
        connect(panel, &TrainingPanel::trainingFailed, this, [this](const QString& m) {
            spdlog::error("screenshot training failed: {}", m.toStdString());
            m_finished = true;
            fail();
        });
        panel->start();
        return Step::Next;
    case 2:
        // One shot while it runs (second epoch under way), then the finished run.
        if (!m_liveSaved && panel->charts()->epochCount() >= 1 && panel->isTraining() &&
            panel->charts()->lossPointCount() > 4) {
            m_liveSaved = true;
            save(panel, QStringLiteral("24-training-live"));
        }
        if (!m_finished)
            return Step::Wait;
        panel->charts()->flush();
        save(panel, QStringLiteral("23-training"));
        save(m_window, QStringLiteral("25-main-window-training"));
        return Step::Next;
    default:
        return Step::Finish;
    }
}

} // namespace srw::ui
