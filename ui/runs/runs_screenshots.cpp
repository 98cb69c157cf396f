#include "runs/runs_screenshots.h"

#include "dataset_panel.h"
#include "main_window.h"
#include "runs/baseline_runs.h"
#include "runs/comparison_view.h"
#include "runs/runs_panel.h"
#include "runs/runs_table_model.h"

#include "srw/data/run_store.h"

#include <QComboBox>
#include <QTabWidget>
#include <QTableView>
#include <spdlog/spdlog.h>

namespace srw::ui {
namespace {
constexpr int kMaxWaits = 1200; // two minutes per step at most: evaluations take a while
} // namespace

RunsScreenshots::RunsScreenshots(MainWindow* window, const QString& dir)
    : ScreenshotSteps(window, dir, "runs", kMaxWaits) {}

RunsScreenshots::Step RunsScreenshots::step(int index) {
    RunsPanel* panel = m_window->runsPanel();
    switch (index) {
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
            fail();
            return Step::Finish;
        }
        m_window->resize(1440, 900); // the comparison needs room beside the history
        m_window->tabs()->setCurrentIndex(MainWindow::RunsTab);
        panel->reload();
        return Step::Next;
    }
    case 1:
        if (panel->isBusy() || panel->model()->rowCount() < 3)
            return Step::Wait;
        panel->view()->sortByColumn(RunsTableModel::Id, Qt::AscendingOrder);
        panel->selectRuns({panel->model()->runs().back().id, panel->model()->runs()[1].id,
                           panel->model()->runs()[0].id});
        return Step::Next;
    case 2:
        if (panel->isBusy() || !panel->comparison()->hasContent())
            return Step::Wait;
        save(m_window, QStringLiteral("16-runs"));
        save(panel->comparison(), QStringLiteral("17-runs-comparison"));
        if (auto* tabs = panel->comparison()->findChild<QTabWidget*>())
            tabs->setCurrentIndex(1);
        save(panel->comparison(), QStringLiteral("18-runs-paired-tests"));
        connect(panel, &RunsPanel::exported, this, [this] { m_exportDone = true; });
        connect(panel, &RunsPanel::exportFailed, this, [this] {
            fail();
            m_exportDone = true;
        });
        panel->exportRuns(panel->selectedRunIds(), RunsPanel::ExportKind::Pdf,
                          m_dir.filePath(QStringLiteral("report.pdf")));
        return Step::Next;
    case 3:
        if (!m_exportDone)
            return Step::Wait;
        return Step::Next;
    default:
        return Step::Finish;
    }
}

} // namespace srw::ui
