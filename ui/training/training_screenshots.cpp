#include "training/training_screenshots.h"

#include "main_window.h"
#include "model/model_options_panel.h"
#include "training/training_charts.h"
#include "training/training_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>
#include <spdlog/spdlog.h>

namespace srw::ui {
namespace {
constexpr int kPollMs = 100;
constexpr int kMaxWaits = 3000; // five minutes: the training is small but CPUs may be busy
} // namespace

TrainingScreenshots::TrainingScreenshots(MainWindow* window, const QString& dir)
    : QObject(window), m_window(window), m_dir(dir) {}

void TrainingScreenshots::start() { QTimer::singleShot(kPollMs, this, &TrainingScreenshots::next); }

bool TrainingScreenshots::save(QWidget* widget, const QString& name) {
    QApplication::processEvents();
    const QString path = m_dir.filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(path);
    if (!ok)
        ++m_failures;
    spdlog::info("screenshot {} {}", path.toStdString(), ok ? "saved" : "FAILED");
    return ok;
}

void TrainingScreenshots::next() {
    TrainingPanel* panel = m_window->trainingPanel();
    ModelOptionsPanel* options = m_window->modelPanel();
    auto again = [this] {
        if (++m_waited > kMaxWaits) {
            spdlog::error("training screenshot step {} timed out", m_step);
            ++m_failures;
            Q_EMIT done(m_failures);
            return;
        }
        QTimer::singleShot(kPollMs, this, &TrainingScreenshots::next);
    };
    auto advance = [this] {
        m_waited = 0;
        ++m_step;
        QTimer::singleShot(kPollMs * 3, this, &TrainingScreenshots::next);
    };
    switch (m_step) {
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
        return advance();
    }
    case 1:
        if (!options->problem().isEmpty())
            return again();
        save(options, QStringLiteral("22-model-options"));
        m_window->tabs()->setCurrentWidget(panel);
        panel->pretrainBox()->setChecked(false); // the sample's pre-training would take minutes
        panel->setBootstrapSamples(100);
        connect(panel, &TrainingPanel::trainingFinished, this, [this] { m_finished = true; });
        connect(panel, &TrainingPanel::trainingFailed, this, [this](const QString& m) {
            spdlog::error("screenshot training failed: {}", m.toStdString());
            m_finished = true;
            ++m_failures;
        });
        panel->start();
        return advance();
    case 2:
        // One shot while it runs (second epoch under way), then the finished run.
        if (!m_liveSaved && panel->charts()->epochCount() >= 1 && panel->isTraining() &&
            panel->charts()->lossPointCount() > 4) {
            m_liveSaved = true;
            save(panel, QStringLiteral("24-training-live"));
        }
        if (!m_finished)
            return again();
        panel->charts()->flush();
        save(panel, QStringLiteral("23-training"));
        save(m_window, QStringLiteral("25-main-window-training"));
        return advance();
    default:
        Q_EMIT done(m_failures);
    }
}

} // namespace srw::ui
