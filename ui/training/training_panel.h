#pragma once
#include "training/training_worker.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace srw::ui {
class ModelOptionsPanel;
class TaskRunner;
class TrainingCharts;

/**
 * @brief Start, cancel and resume trainings of the BERT+MLP model on the current dataset with
 * the options of the model panel; pre-trains the embedded encoder first when the dataset has
 * none; shows progress (step, sequences/s, ETA) and live charts. The training itself runs on
 * TrainingRunner's LibTorch thread; nothing here blocks or opens a modal dialog.
 */
class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    TrainingPanel(const QString& databasePath, TrainingRunner* runner, ModelOptionsPanel* options,
                  QWidget* parent = nullptr);

    void setDataset(const QString& name);
    QString dataset() const { return m_dataset; }
    bool isTraining() const { return m_tag != 0; }
    /** @brief Whether start() would start (a dataset, usable options, nothing running). */
    bool canStart() const;

    TrainingCharts* charts() const { return m_charts; }
    QProgressBar* progressBar() const { return m_progress; }
    QCheckBox* pretrainBox() const { return m_pretrain; }
    QComboBox* resumeBox() const { return m_resumeBox; }
    const TrainSummary& lastSummary() const { return m_summary; }
    /** @brief Test protocol bootstrap resamples (fewer in tests and screenshots). */
    void setBootstrapSamples(int n) { m_bootstrap = n; }

public Q_SLOTS:
    /** @brief Starts a new run with the model panel's options. */
    void start();
    /** @brief Continues a cancelled or unfinished run from its last checkpoint. */
    void resume(qint64 runId);
    void cancel();
    /** @brief Reads the runs that can be resumed (off the GUI thread). */
    void refreshResumable();

Q_SIGNALS:
    /** @brief The run now exists in the workspace: run lists should show it. */
    void runStarted();
    void trainingFinished(const srw::ui::TrainSummary& summary);
    void trainingFailed(const QString& message);
    void trainingChanged(bool training);
    void canStartChanged(bool canStart);
    void statusMessage(const QString& text);
    void resumableLoaded();

private:
    void launch(const TrainJob& job);
    void onProgress(int tag, const TrainProgress& p);
    void onFinished(int tag, const TrainSummary& s);
    void onFailed(int tag, const QString& message);
    void updateState();

    QString m_path;
    QString m_dataset;
    TrainingRunner* m_runner;
    ModelOptionsPanel* m_options;
    TaskRunner* m_reader;
    TrainingCharts* m_charts;
    QLabel* m_datasetLabel;
    QLineEdit* m_runName;
    QCheckBox* m_pretrain;
    QSpinBox* m_pretrainEpochs;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QComboBox* m_resumeBox;
    QPushButton* m_resume;
    QLabel* m_pretrainLabel;
    QProgressBar* m_pretrainBar;
    QLabel* m_stage;
    QProgressBar* m_progress;
    QLabel* m_speed;
    QLabel* m_result;
    QLabel* m_problem;
    TrainSummary m_summary;
    int m_tag = 0;
    int m_readTicket = 0;
    int m_bootstrap = 200;
    bool m_lastCanStart = false;
};

} // namespace srw::ui
