#pragma once
#include "srw/data/dataset_stats.h"

#include <QWidget>
#include <memory>

class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QStackedWidget;

namespace srw::ui {
class TaskRunner;

/**
 * @brief The statistics of the current dataset (or of one part of its split): key figures
 * and three charts, computed on a worker thread.
 */
class StatsPanel : public QWidget {
    Q_OBJECT
public:
    StatsPanel(const QString& databasePath, QWidget* parent = nullptr);

    void setDataset(const QString& dataset);
    /** @brief Computes again (after an import or a preparation changed the dataset). */
    void reload();
    bool isLoading() const { return m_run != 0; }
    bool hasStats() const { return m_stats != nullptr; }

Q_SIGNALS:
    /** @brief The charts show the statistics of the current dataset. */
    void statsShown();

protected:
    void changeEvent(QEvent* event) override;

private:
    void show(const std::shared_ptr<DatasetStats>& stats);
    void showPart();
    void addFigure(int index, const QString& label, const QString& value, const QString& tip);

    TaskRunner* m_runner;
    QString m_dataset;
    int m_run = 0;
    int m_ticket = 0;
    std::shared_ptr<DatasetStats> m_stats;
    QStackedWidget* m_stack;
    QLabel* m_message;
    QComboBox* m_part;
    QGridLayout* m_figures;
    QChartView* m_lengths;
    QChartView* m_popularity;
    QChartView* m_perDay;
};

} // namespace srw::ui
