#pragma once
#include <QMainWindow>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace srw {
class SessionStore;

namespace ui {
class BrowsePanel;
class DatasetPanel;
class ExplorePanel;
class HeatmapPanel;
class LogView;
class ModelOptionsPanel;
class PreparationPanel;
class QtLogSink;
class RunsPanel;
class Settings;
class StatsPanel;
class TrainingPanel;
class TrainingRunner;

/**
 * @brief Assembles the panels around the workspace: datasets and log in docks, statistics,
 * tables and preparation in tabs; menus, toolbar, status bar; restores its layout, the last
 * dataset and the recent datasets from Settings.
 */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // ModelTab and TrainingTab exist only in builds with LibTorch (SRW_UI_TRAINING).
    enum Tab { StatsTab, EventsTab, SessionsTab, ItemsTab, PreparationTab, RunsTab, ModelTab,
               TrainingTab };

    /**
     * @param sampleDir where sample_data/ lies, for the empty workspace's "load sample" button
     * @param settingsPath an INI file for the settings (tests); empty: the user's settings
     */
    MainWindow(const QString& databasePath, const QString& sampleDir,
               const QString& settingsPath = QString(), QWidget* parent = nullptr);
    ~MainWindow() override;

    DatasetPanel* datasetPanel() const { return m_datasets; }
    StatsPanel* statsPanel() const { return m_stats; }
    PreparationPanel* preparationPanel() const { return m_preparation; }
    RunsPanel* runsPanel() const { return m_runs; }
    /** @brief Null in a build without LibTorch, like trainingPanel(). */
    ModelOptionsPanel* modelPanel() const { return m_model; }
    TrainingPanel* trainingPanel() const { return m_training; }
    /** @brief Null in a build without LibTorch, like heatmapPanel(). */
    ExplorePanel* explorePanel() const { return m_explore; }
    HeatmapPanel* heatmapPanel() const { return m_heatmap; }
    BrowsePanel* browsePanel(Tab tab) const;
    QTabWidget* tabs() const { return m_tabs; }
    QDockWidget* datasetsDock() const { return m_datasetsDock; }
    QDockWidget* logDock() const { return m_logDock; }
    LogView* logView() const { return m_log; }
    Settings& settings() { return *m_settings; }
    QString databasePath() const;

public Q_SLOTS:
    void loadSampleData();
    /** @brief Opens the import wizard, on path when given. */
    void importFile(const QString& path = QString());
    void cancelWork();
    void showSettings();

Q_SIGNALS:
    /** @brief The user chose another workspace file; the application reopens on it. */
    void workspaceChangeRequested(const QString& path);
    void restartRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createPanels();
    void createActions();
    void createTrainingPanels(const QString& path);
    void createExplorePanels(const QString& path);
    void restoreLayout();
    void setCurrentDataset(const QString& name);
    void updateRecentMenu();
    void showStatus(const QString& text);

    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SessionStore> m_store;
    std::shared_ptr<QtLogSink> m_logSink;
    QString m_sampleDir;
    QString m_settingsPath;
    DatasetPanel* m_datasets = nullptr;
    StatsPanel* m_stats = nullptr;
    PreparationPanel* m_preparation = nullptr;
    RunsPanel* m_runs = nullptr;
    TrainingRunner* m_trainer = nullptr;
    ModelOptionsPanel* m_model = nullptr;
    TrainingPanel* m_training = nullptr;
    ExplorePanel* m_explore = nullptr;
    HeatmapPanel* m_heatmap = nullptr;
    BrowsePanel* m_browse[3] = {};
    LogView* m_log = nullptr;
    QTabWidget* m_tabs = nullptr;
    QDockWidget* m_datasetsDock = nullptr;
    QDockWidget* m_logDock = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_workspaceLabel = nullptr;
};

} // namespace ui
} // namespace srw
