#pragma once
#include "srw/data/preparation.h"
#include "srw/data/splitter.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace srw::ui {
class TaskRunner;

/**
 * @brief Preparation (filters, bot filter) and split of the current dataset. Every change of
 * an option previews on a worker thread what preparation would drop; Apply prepares and
 * splits.
 */
class PreparationPanel : public QWidget {
    Q_OBJECT
public:
    PreparationPanel(const QString& databasePath, QWidget* parent = nullptr);

    void setDataset(const QString& dataset);
    PrepareOptions prepareOptions() const;
    SplitOptions splitOptions() const;
    bool isBusy() const;

public Q_SLOTS:
    void preview();
    void apply();
    void cancelWork();

Q_SIGNALS:
    void previewShown();
    /** @brief Preparation and split were applied to dataset. */
    void datasetChanged(const QString& dataset);
    void statusMessage(const QString& text);

private:
    QWidget* makeOptions();
    void showSummary(const PrepareSummary& s, bool applied);
    void setWorking(bool working);

    TaskRunner* m_runner;
    QString m_dataset;
    int m_previewTicket = 0;
    QTimer* m_debounce;
    QSpinBox* m_minLength;
    QSpinBox* m_minSupport;
    QCheckBox* m_iterate;
    QCheckBox* m_duplicates;
    QCheckBox* m_bots;
    QSpinBox* m_botMaxEvents;
    QSpinBox* m_botMinEvents;
    QSpinBox* m_botGapMs;
    QComboBox* m_method;
    QDoubleSpinBox* m_testDays;
    QDoubleSpinBox* m_validDays;
    QLineEdit* m_splitName;
    QTableWidget* m_summary;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_apply;
};

} // namespace srw::ui
