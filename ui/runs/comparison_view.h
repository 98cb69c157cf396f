#pragma once
#include "srw/report/report_content.h"

#include <QWidget>
#include <memory>

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace srw::ui {

/**
 * @brief Selected runs side by side: their metrics at one cut-off with the best of each column
 * marked, the paired tests of the first run against each other one with a verdict, the slices,
 * and curves (metric@K, α sweeps, bandit rewards) overlaid in one chart.
 */
class ComparisonView : public QWidget {
    Q_OBJECT
public:
    /** @brief Set on the metric table's cells: true for the best value of its column. */
    static constexpr int BestRole = Qt::UserRole + 1;

    explicit ComparisonView(QWidget* parent = nullptr);

    /** @brief Shows content (runs and comparisons; datasets and examples are not needed). */
    void setContent(std::shared_ptr<const ReportContent> content);
    void showMessage(const QString& text);
    void setCutoff(int k);
    int cutoff() const { return m_cutoff; }

    QStandardItemModel* metricModel() const { return m_metrics; }
    QStandardItemModel* pairedModel() const { return m_paired; }
    QStandardItemModel* sliceModel() const { return m_slices; }
    QChartView* chartView() const { return m_chart; }
    QComboBox* chartChoice() const { return m_chartChoice; }
    bool hasContent() const { return m_content != nullptr; }

public Q_SLOTS:
    /** @brief Asks where to save the chart (PNG or SVG) and saves it. */
    void saveChart();

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    void fillMetrics();
    void fillPaired();
    void fillSlices();
    void fillChartChoices();
    void showChart();

    std::shared_ptr<const ReportContent> m_content;
    int m_cutoff = 20;
    QStackedWidget* m_stack;
    QLabel* m_message;
    QTabWidget* m_tabs;
    QStandardItemModel* m_metrics;
    QStandardItemModel* m_paired;
    QStandardItemModel* m_slices;
    QComboBox* m_chartChoice;
    QPushButton* m_saveChart;
    QChartView* m_chart;
};

} // namespace srw::ui
