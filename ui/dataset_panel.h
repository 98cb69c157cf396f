#pragma once
#include <QWidget>

class QListWidget;
class QTextBrowser;
class QStackedWidget;
class QPushButton;

namespace srw {
class SessionStore;

namespace ui {

/**
 * @brief The datasets of the workspace and the statistics of the selected one. When the
 * workspace is empty it offers to load the bundled sample data.
 */
class DatasetPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPanel(SessionStore& store, QWidget* parent = nullptr);

    /** @brief Re-reads the dataset list, keeping the selection when it still exists. */
    void refresh();
    QString currentDataset() const;
    int datasetCount() const;

Q_SIGNALS:
    void loadSampleRequested();
    void currentDatasetChanged(const QString& name);

private:
    void showStats(const QString& name);

    SessionStore& m_store;
    QStackedWidget* m_stack;
    QListWidget* m_list;
    QTextBrowser* m_stats;
    QPushButton* m_loadSample;
};

} // namespace ui
} // namespace srw
