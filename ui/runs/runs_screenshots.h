#pragma once
#include <QDir>
#include <QObject>

namespace srw::ui {
class MainWindow;

/**
 * @brief The runs panel's part of `srw-gui --screenshot-panels DIR`: evaluates three baselines
 * on the sample data, selects them, and saves the run list with the comparison, the paired
 * tests, and the PDF report (report.pdf, for reviewing the print layout).
 */
class RunsScreenshots : public QObject {
    Q_OBJECT
public:
    RunsScreenshots(MainWindow* window, const QString& dir);
    void start();

Q_SIGNALS:
    void done(int failures);

private:
    void next();
    bool save(QWidget* widget, const QString& name);

    MainWindow* m_window;
    QDir m_dir;
    int m_step = 0;
    int m_waited = 0;
    int m_failures = 0;
    bool m_exportDone = false;
};

} // namespace srw::ui
