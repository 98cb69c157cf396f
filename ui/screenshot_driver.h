#pragma once
#include <QDir>
#include <QObject>

class QWidget;

namespace srw::ui {
class MainWindow;

/**
 * @brief Saves a PNG of the window and of each panel once the off-thread work they show has
 * finished (statistics computed, first table pages read), then quits. Drives
 * `srw-gui --screenshot-panels DIR` for the README and for reviewing the look.
 */
class ScreenshotDriver : public QObject {
    Q_OBJECT
public:
    ScreenshotDriver(MainWindow* window, const QString& dir, const QString& sampleEvents);
    void start();

Q_SIGNALS:
    void done(int failures);

private:
    void next();
    bool save(QWidget* widget, const QString& name);

    MainWindow* m_window;
    QDir m_dir;
    QString m_sampleEvents;
    int m_step = 0;
    int m_waited = 0;
    int m_failures = 0;
};

} // namespace srw::ui
