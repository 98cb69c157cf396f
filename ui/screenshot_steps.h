#pragma once
#include <QDir>
#include <QObject>
#include <functional>

class QWidget;

namespace srw::ui {
class MainWindow;

/**
 * @brief The shape every part of `srw-gui --screenshot-panels DIR` shares: numbered steps run
 * from a timer, a step that waits for off-thread work is polled again until it is ready (or
 * its time is up), and done(failures) reports how many shots or steps failed.
 */
class ScreenshotSteps : public QObject {
    Q_OBJECT
public:
    void start();

Q_SIGNALS:
    void done(int failures);

protected:
    enum class Step { Wait, Next, Finish };

    /**
     * @param name what the log calls this part
     * @param maxWaits how many polls (100 ms apart) one step may wait before the part gives up
     */
    ScreenshotSteps(MainWindow* window, const QString& dir, const char* name, int maxWaits);
    /** @brief Runs step index; Wait polls it again, Next goes on, Finish ends the part. */
    virtual Step step(int index) = 0;
    /** @brief Saves widget as DIR/name.png once pending layouts have settled. */
    bool save(QWidget* widget, const QString& name);
    void fail() { ++m_failures; }

    MainWindow* m_window;
    QDir m_dir;

private:
    void next();

    const char* m_name;
    int m_maxWaits;
    int m_step = 0;
    int m_waited = 0;
    int m_failures = 0;
};

/**
 * @brief Runs every part of the screenshots the build has (panels, runs, training, Explore and
 * Heatmap), one after the other on the window, then calls finished with the failures in all.
 * Parts later in the list use what earlier ones made (the runs make the split the training
 * needs; Explore loads the trained run).
 */
void runScreenshots(MainWindow* window, const QString& dir, const QString& sampleEvents,
                    std::function<void(int failures)> finished);

} // namespace srw::ui
