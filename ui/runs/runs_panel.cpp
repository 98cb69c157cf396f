#include "runs/runs_panel.h"

#include "report/report_export.h"
#include "runs/comparison_view.h"
#include "runs/runs_table_model.h"
#include "task_runner.h"

#include "srw/report/exports.h"
#include "srw/report/metric_table.h"
#include "srw/report/report_content.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace srw::ui {

RunsPanel::RunsPanel(const QString& databasePath, QWidget* parent)
    : QWidget(parent), m_runner(new TaskRunner(databasePath, false, this)),
      m_model(new RunsTableModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)), m_comparison(new ComparisonView(this)),
      m_filter(new QLineEdit(this)), m_cutoff(new QComboBox(this)),
      m_compareTimer(new QTimer(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunsTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("runsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RunsTableModel::Id, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_filter->setPlaceholderText(tr("Filter runs by any column…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Shows only runs whose name, dataset, model, status or notes "
                            "contain this text"));
    for (int k : {1, 5, 10, 20, 50, 100})
        m_cutoff->addItem(QStringLiteral("@%1").arg(k), k);
    m_cutoff->setCurrentIndex(m_cutoff->findData(20));
    m_cutoff->setToolTip(tr("The cut-off K of the metrics shown"));
    m_compareTimer->setSingleShot(true);
    m_compareTimer->setInterval(250); // one comparison after the selection settles

    createActions();
    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(new QLabel(tr("Cut-off:"), this));
    top->addWidget(m_cutoff);
    for (QAction* a : {m_rename, m_annotate, m_delete}) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        top->addWidget(b);
    }
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Exports the selected runs"));
    exportButton->setMenu(m_exportMenu);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    top->addWidget(exportButton);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_comparison);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setSizes({220, 440}); // a few runs above, the comparison gets the room
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_cutoff, &QComboBox::currentIndexChanged, this, [this] {
        const int k = m_cutoff->currentData().toInt();
        m_model->setCutoff(k);
        m_comparison->setCutoff(k);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        m_compareTimer->start();
    });
    connect(m_compareTimer, &QTimer::timeout, this, &RunsPanel::compareSelection);
    connect(m_comparison, &ComparisonView::statusMessage, this, &RunsPanel::statusMessage);
    connect(m_runner, &TaskRunner::failed, this, [this](int, const TaskFailure& f) {
        Q_EMIT statusMessage(tr("Runs: %1").arg(f.message));
        Q_EMIT exportFailed(f.message);
    });
    updateActions();
}

void RunsPanel::createActions() {
    m_rename = new QAction(tr("Rename…"), this);
    m_rename->setToolTip(tr("Gives the selected run a name"));
    m_annotate = new QAction(tr("Notes…"), this);
    m_annotate->setToolTip(tr("Writes notes on the selected run"));
    m_delete = new QAction(tr("Delete…"), this);
    m_delete->setToolTip(tr("Deletes the selected runs after asking"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_rename, &QAction::triggered, this, &RunsPanel::askRename);
    connect(m_annotate, &QAction::triggered, this, &RunsPanel::askAnnotate);
    connect(m_delete, &QAction::triggered, this, &RunsPanel::askDelete);
    m_exportMenu = new QMenu(this);
    m_exportMenu->setToolTipsVisible(true);
    m_exportMenu->addAction(tr("Report as PDF…"), this, [this] { askExport(ExportKind::Pdf); })
        ->setToolTip(tr("The selected runs' report as a PDF document"));
    m_exportMenu->addAction(tr("Report as HTML…"), this, [this] { askExport(ExportKind::Html); })
        ->setToolTip(tr("A self-contained HTML page with inline charts"));
    m_exportMenu
        ->addAction(tr("Metrics as CSV…"), this, [this] { askExport(ExportKind::MetricsCsv); })
        ->setToolTip(tr("One row per run, metric and cut-off, with the interval"));
    m_exportRecs = m_exportMenu->addAction(tr("Recommendations as CSV…"), this,
                                           [this] { askExport(ExportKind::RecommendationsCsv); });
    m_exportRecs->setToolTip(tr("The stored top lists of the selected run"));
    m_exportMenu->addSeparator();
    m_exportMenu->addAction(tr("Chart as PNG or SVG…"), m_comparison, &ComparisonView::saveChart);
    for (QAction* a : {m_rename, m_annotate, m_delete})
        m_view->addAction(a);
}

void RunsPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!m_loaded) // runs are made elsewhere (CLI, other panels): read them when first shown
        reload();
}

bool RunsPanel::isBusy() const {
    return m_runner->isBusy() || m_compareTimer->isActive();
}

void RunsPanel::reload() {
    m_loaded = true;
    auto runs = std::make_shared<std::vector<RunRecord>>();
    m_runner->start(
        [runs](SessionStore& store, const ProgressFn&) { *runs = RunStore(store).list(); },
        [this, runs, ticket = ++m_loadTicket] {
            if (ticket != m_loadTicket)
                return;
            const QList<qint64> keep = selectedRunIds();
            m_model->setRuns(std::move(*runs));
            m_view->resizeColumnsToContents();
            selectRuns(keep);
            Q_EMIT runsLoaded();
        });
}

QList<qint64> RunsPanel::selectedRunIds() const {
    QList<int> rows;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (int r : rows)
        ids << m_proxy->index(r, 0).data(RunsTableModel::RunIdRole).toLongLong();
    return ids;
}

void RunsPanel::selectRuns(const QList<qint64>& ids) {
    QItemSelection selection;
    for (qint64 id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex at = m_proxy->mapFromSource(m_model->index(row, 0));
        if (at.isValid())
            selection.select(at, at.siblingAtColumn(RunsTableModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void RunsPanel::updateActions() {
    const int n = int(selectedRunIds().size());
    m_rename->setEnabled(n == 1);
    m_annotate->setEnabled(n == 1);
    m_delete->setEnabled(n > 0);
    m_exportMenu->setEnabled(n > 0);
    m_exportRecs->setEnabled(n == 1);
}

void RunsPanel::compareSelection() {
    const QList<qint64> ids = selectedRunIds();
    const int ticket = ++m_compareTicket;
    if (ids.isEmpty()) {
        m_comparison->setContent(nullptr);
        return;
    }
    m_comparison->showMessage(tr("Comparing %n run(s)…", nullptr, int(ids.size())));
    auto content = std::make_shared<ReportContent>();
    const std::vector<std::int64_t> runIds(ids.begin(), ids.end());
    m_runner->start(
        [content, runIds](SessionStore& store, const ProgressFn&) {
            ReportOptions o;
            o.datasetStats = false; // not shown here, and they scan every event
            o.exampleSessions = 0;
            *content = loadReportContent(store, runIds, o);
        },
        [this, content, ticket] {
            if (ticket != m_compareTicket)
                return;
            m_comparison->setContent(content);
            Q_EMIT comparisonShown();
        });
}

void RunsPanel::renameRun(qint64 id, const QString& name) {
    m_runner->start([id, n = name.toStdString()](SessionStore& s,
                                                 const ProgressFn&) { RunStore(s).rename(id, n); },
                    [this] { reload(); });
}

void RunsPanel::annotateRun(qint64 id, const QString& notes) {
    m_runner->start([id, n = notes.toStdString()](
                        SessionStore& s, const ProgressFn&) { RunStore(s).annotate(id, n); },
                    [this] { reload(); });
}

void RunsPanel::deleteRuns(const QList<qint64>& ids) {
    const std::vector<std::int64_t> runIds(ids.begin(), ids.end());
    m_runner->start(
        [runIds](SessionStore& s, const ProgressFn&) {
            RunStore runs(s);
            for (auto id : runIds)
                runs.remove(id);
        },
        [this, n = ids.size()] {
            Q_EMIT statusMessage(tr("Deleted %n run(s)", nullptr, int(n)));
            reload();
        });
}

void RunsPanel::askRename() {
    const QList<qint64> ids = selectedRunIds();
    if (ids.size() != 1)
        return;
    const int row = m_model->rowOf(ids.front());
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Rename Run"), tr("Name of run %1:").arg(ids.front()), QLineEdit::Normal,
        QString::fromStdString(m_model->runs()[std::size_t(row)].name), &ok);
    if (ok)
        renameRun(ids.front(), name.trimmed());
}

void RunsPanel::askAnnotate() {
    const QList<qint64> ids = selectedRunIds();
    if (ids.size() != 1)
        return;
    const int row = m_model->rowOf(ids.front());
    bool ok = false;
    const QString notes = QInputDialog::getMultiLineText(
        this, tr("Run Notes"), tr("Notes on run %1:").arg(ids.front()),
        QString::fromStdString(m_model->runs()[std::size_t(row)].notes), &ok);
    if (ok)
        annotateRun(ids.front(), notes);
}

void RunsPanel::askDelete() {
    const QList<qint64> ids = selectedRunIds();
    if (ids.isEmpty())
        return;
    QStringList names;
    for (qint64 id : ids)
        names << QString::fromStdString(runLabel(m_model->runs()[std::size_t(m_model->rowOf(id))]));
    const auto answer = QMessageBox::question(
        this, tr("Delete Runs"),
        tr("Delete %n run(s) with their metrics, per-session values and stored "
           "recommendations? This cannot be undone.",
           nullptr, int(ids.size())) +
            QStringLiteral("\n\n") + names.join(QLatin1Char('\n')),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        deleteRuns(ids);
}

void RunsPanel::askExport(ExportKind kind) {
    const QList<qint64> ids = selectedRunIds();
    if (ids.isEmpty())
        return;
    QString suggested, filter;
    switch (kind) {
    case ExportKind::Pdf:
        suggested = QStringLiteral("report.pdf");
        filter = tr("PDF documents (*.pdf)");
        break;
    case ExportKind::Html:
        suggested = QStringLiteral("report.html");
        filter = tr("HTML pages (*.html)");
        break;
    case ExportKind::MetricsCsv:
        suggested = QStringLiteral("metrics.csv");
        filter = tr("CSV files (*.csv)");
        break;
    case ExportKind::RecommendationsCsv:
        suggested = QStringLiteral("recommendations-%1.csv").arg(ids.front());
        filter = tr("CSV files (*.csv)");
        break;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), suggested, filter);
    if (!path.isEmpty())
        exportRuns(ids, kind, path);
}

void RunsPanel::exportRuns(const QList<qint64>& ids, ExportKind kind, const QString& path) {
    const std::vector<std::int64_t> runIds(ids.begin(), ids.end());
    auto content = std::make_shared<ReportContent>();
    auto text = std::make_shared<std::string>();
    Q_EMIT statusMessage(tr("Exporting to %1…").arg(path));
    m_runner->start(
        [content, text, runIds, kind](SessionStore& store, const ProgressFn&) {
            if (kind == ExportKind::Pdf || kind == ExportKind::Html) {
                *content = loadReportWithAnalyses(store, runIds);
            } else if (kind == ExportKind::MetricsCsv) {
                RunStore runs(store);
                std::vector<RunRecord> records;
                for (auto id : runIds)
                    records.push_back(runs.get(id));
                *text = runMetricsCsv(records);
            } else {
                *text = recommendationsCsv(store, runIds.front());
            }
        },
        [this, content, text, kind, path] {
            // Rich text and PDF painting belong to the GUI thread; the data came from the worker.
            QString error;
            bool ok = false;
            if (kind == ExportKind::Pdf)
                ok = writeReportPdf(*content, path, &error);
            else if (kind == ExportKind::Html)
                ok = writeReportHtml(*content, path, &error);
            else
                ok = writeFileAtomic(path, QByteArray::fromStdString(*text), &error);
            if (ok) {
                Q_EMIT statusMessage(tr("Exported to %1").arg(path));
                Q_EMIT exported(path);
            } else {
                Q_EMIT statusMessage(tr("Could not export to %1: %2").arg(path, error));
                Q_EMIT exportFailed(error);
            }
        });
}

} // namespace srw::ui
