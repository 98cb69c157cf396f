#pragma once
#include <QDir>
#include <QObject>

namespace srw::ui {
class MainWindow;

/**
 * @brief The model and training part of `srw-gui --screenshot-panels DIR`: fills the model
 * options with a small configuration, trains it on the sample data (after the runs screenshots
 * made the split) and saves the options, the training panel while it runs and once it has
 * finished, with its charts.
 */
class TrainingScreenshots : public QObject {
    Q_OBJECT
public:
    TrainingScreenshots(MainWindow* window, const QString& dir);
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
    bool m_finished = false;
    bool m_liveSaved = false;
};

} // namespace srw::ui
