#pragma once
#include <QMainWindow>
#include <memory>

namespace srw {
class SessionStore;

namespace ui {
class DatasetPanel;

/** @brief Assembles the panels; owns the workspace connection of the GUI thread. */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /** @param sampleDir where sample_data/ lies, for the empty workspace's "load sample" button */
    MainWindow(const QString& databasePath, const QString& sampleDir, QWidget* parent = nullptr);
    ~MainWindow() override;

    DatasetPanel* datasetPanel() const { return m_datasets; }

public Q_SLOTS:
    void loadSampleData();

private:
    std::unique_ptr<SessionStore> m_store;
    QString m_sampleDir;
    DatasetPanel* m_datasets = nullptr;
};

} // namespace ui
} // namespace srw
