#pragma once
#include "srw/data/run_store.h"

#include <QList>
#include <QWidget>
#include <memory>

class QAction;
class QComboBox;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace srw {
struct ReportContent;
}

namespace srw::ui {
class ComparisonView;
class RunsTableModel;
class TaskRunner;

/**
 * @brief The run history with filter and sort; the selected runs are compared side by side
 * below it, and can be renamed, annotated, deleted, and exported (PDF or HTML report, metrics
 * and recommendations as CSV). Reading runs and computing comparisons happen off the GUI thread.
 */
class RunsPanel : public QWidget {
    Q_OBJECT
public:
    enum class ExportKind { Pdf, Html, MetricsCsv, RecommendationsCsv };

    RunsPanel(const QString& databasePath, QWidget* parent = nullptr);

    /** @brief Reads the runs again (keeps the selection where the runs still exist). */
    void reload();
    bool isBusy() const;
    RunsTableModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    ComparisonView* comparison() const { return m_comparison; }
    QLineEdit* filterEdit() const { return m_filter; }

    /** @brief Selected run ids in the order shown; the first is the comparisons' reference. */
    QList<qint64> selectedRunIds() const;
    void selectRuns(const QList<qint64>& ids);

    void renameRun(qint64 id, const QString& name);
    void annotateRun(qint64 id, const QString& notes);
    void deleteRuns(const QList<qint64>& ids);
    /** @brief Writes the runs' report or export to path; emits exported() or exportFailed(). */
    void exportRuns(const QList<qint64>& ids, ExportKind kind, const QString& path);

Q_SIGNALS:
    void statusMessage(const QString& text);
    void runsLoaded();
    void comparisonShown();
    void exported(const QString& path);
    void exportFailed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void createActions();
    void compareSelection();
    void updateActions();
    void askRename();
    void askAnnotate();
    void askDelete();
    void askExport(ExportKind kind);

    TaskRunner* m_runner;
    RunsTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    ComparisonView* m_comparison;
    QLineEdit* m_filter;
    QComboBox* m_cutoff;
    QTimer* m_compareTimer;
    QAction* m_rename = nullptr;
    QAction* m_annotate = nullptr;
    QAction* m_delete = nullptr;
    QMenu* m_exportMenu = nullptr;
    QAction* m_exportRecs = nullptr;
    int m_loadTicket = 0;
    int m_compareTicket = 0;
    int m_pending = 0;
    bool m_loaded = false;
};

} // namespace srw::ui
