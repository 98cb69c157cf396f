#pragma once
#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace srw::ui {
class ImportWizard;
class TaskRunner;

/** @brief Step 4: runs the import on a worker thread, with progress, cancel and its outcome. */
class RunPage : public QWizardPage {
    Q_OBJECT
public:
    explicit RunPage(ImportWizard* wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool isRunning() const;
    void cancel();
    /** @brief What the page shows about the outcome (rich text). */
    QString resultText() const;

private:
    void start();
    void showError(const QString& html);

    ImportWizard* m_wizard;
    TaskRunner* m_runner;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QLabel* m_result;
    QPushButton* m_retry;
    int m_run = 0;
    bool m_done = false;
    bool m_closeWhenCancelled = false;
};

} // namespace srw::ui
