#include "runs/runs_screenshots.h"

#include "dataset_panel.h"
#include "main_window.h"
#include "runs/baseline_runs.h"
#include "runs/comparison_view.h"
#include "runs/runs_panel.h"
#include "runs/runs_table_model.h"

#include "srw/data/run_store.h"

#include <QApplication>
#include <QComboBox>
#include <QPixmap>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <spdlog/spdlog.h>

namespace srw::ui {
namespace {
constexpr int kPollMs = 100;
constexpr int kMaxWaits = 1200; // two minutes per step at most: evaluations take a while
} // namespace

RunsScreenshots::RunsScreenshots(MainWindow* window, const QString& dir)
    : QObject(window), m_window(window), m_dir(dir) {}

void RunsScreenshots::start() {
    QTimer::singleShot(kPollMs, this, &RunsScreenshots::next);
}

bool RunsScreenshots::save(QWidget* widget, const QString& name) {
    QApplication::processEvents();
    const QString path = m_dir.filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(path);
    if (!ok)
        ++m_failures;
    spdlog::info("screenshot {} {}", path.toStdString(), ok ? "saved" : "FAILED");
    return ok;
}

void RunsScreenshots::next() {
    RunsPanel* panel = m_window->runsPanel();
    auto again = [this] {
        if (++m_waited > kMaxWaits) {
            spdlog::error("runs screenshot step {} timed out", m_step);
            ++m_failures;
            Q_EMIT done(m_failures);
            return;
        }
        QTimer::singleShot(kPollMs, this, &RunsScreenshots::next);
    };
    auto advance = [this] {
        m_waited = 0;
        ++m_step;
        QTimer::singleShot(kPollMs * 3, this, &RunsScreenshots::next);
    };
    switch (m_step) {
    case 0: {
        // The screenshots' own throw-away workspace: evaluating here, on the GUI thread, is fine.
        try {
            SessionStore store(m_window->databasePath().toStdString());
            const std::string dataset = m_window->datasetPanel()->currentDataset().toStdString();
            const auto ids = makeBaselineRuns(store, dataset, {"pop", "iknn", "sknn"});
            RunStore runs(store);
            runs.rename(ids[0], "popularity baseline");
            runs.annotate(ids[1], "item-kNN with default parameters");
        } catch (const std::exception& e) {
            spdlog::error("runs screenshots: {}", e.what());
            ++m_failures;
            Q_EMIT done(m_failures);
            return;
        }
        m_window->resize(1440, 900); // the comparison needs room beside the history
        m_window->tabs()->setCurrentIndex(MainWindow::RunsTab);
        panel->reload();
        return advance();
    }
    case 1:
        if (panel->isBusy() || panel->model()->rowCount() < 3)
            return again();
        panel->view()->sortByColumn(RunsTableModel::Id, Qt::AscendingOrder);
        panel->selectRuns({panel->model()->runs().back().id, panel->model()->runs()[1].id,
                           panel->model()->runs()[0].id});
        return advance();
    case 2:
        if (panel->isBusy() || !panel->comparison()->hasContent())
            return again();
        save(m_window, QStringLiteral("16-runs"));
        save(panel->comparison(), QStringLiteral("17-runs-comparison"));
        if (auto* tabs = panel->comparison()->findChild<QTabWidget*>())
            tabs->setCurrentIndex(1);
        save(panel->comparison(), QStringLiteral("18-runs-paired-tests"));
        connect(panel, &RunsPanel::exported, this, [this] { m_exportDone = true; });
        connect(panel, &RunsPanel::exportFailed, this, [this] {
            ++m_failures;
            m_exportDone = true;
        });
        panel->exportRuns(panel->selectedRunIds(), RunsPanel::ExportKind::Pdf,
                          m_dir.filePath(QStringLiteral("report.pdf")));
        return advance();
    case 3:
        if (!m_exportDone)
            return again();
        return advance();
    default:
        Q_EMIT done(m_failures);
    }
}

} // namespace srw::ui
