#pragma once
#include <QWidget>

class QAction;
class QStackedWidget;
class QTreeView;
class QLabel;

namespace srw {
class SessionStore;

namespace ui {
class DatasetListModel;
class TaskRunner;

/**
 * @brief The datasets of the workspace with rename, delete (after confirmation) and workspace
 * backup. When the workspace is empty it offers the bundled sample data and the import wizard.
 */
class DatasetPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPanel(SessionStore& store, QWidget* parent = nullptr);

    /** @brief Re-reads the dataset list, keeping the selection when it still exists. */
    void refresh();
    QString currentDataset() const;
    int datasetCount() const;
    bool selectDataset(const QString& name);
    bool isBusy() const;

    QAction* renameAction() const { return m_rename; }
    QAction* deleteAction() const { return m_delete; }
    QAction* backupAction() const { return m_backup; }

    /** @brief Renames without asking; false (and a warning) when core refuses. */
    bool renameDataset(const QString& from, const QString& to);
    /** @brief Deletes on the worker thread without asking; datasetDeleted() when done. */
    void deleteDataset(const QString& name);
    /** @brief Imports dir's events.csv (and items.csv) as dataset "sample", off-thread. */
    void loadSample(const QString& dir);
    /** @brief Copies the workspace to path on the worker thread. */
    void backupTo(const QString& path);

public Q_SLOTS:
    void requestRename();
    /** @brief Asks for confirmation, then deletes the current dataset. */
    void requestDelete();
    void requestBackup();
    void cancelWork();

Q_SIGNALS:
    void loadSampleRequested();
    void importRequested();
    void currentDatasetChanged(const QString& name);
    void datasetRenamed(const QString& from, const QString& to);
    void datasetDeleted(const QString& name);
    void datasetImported(const QString& name);
    void statusMessage(const QString& text);

private:
    QWidget* makeEmptyState();
    void updateActions();

    SessionStore& m_store;
    TaskRunner* m_runner;
    DatasetListModel* m_model;
    QStackedWidget* m_stack;
    QTreeView* m_view;
    QLabel* m_summary;
    QWidget* m_emptyButtons = nullptr;
    QAction* m_rename;
    QAction* m_delete;
    QAction* m_backup;
    QString m_current;
};

} // namespace ui
} // namespace srw
