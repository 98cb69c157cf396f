#pragma once
#include "screenshot_steps.h"

namespace srw::ui {

/**
 * @brief The model and training part of `srw-gui --screenshot-panels DIR`: fills the model
 * options with a small configuration, trains it on the sample data (after the runs screenshots
 * made the split) and saves the options, the training panel while it runs and once it has
 * finished, with its charts.
 */
class TrainingScreenshots : public ScreenshotSteps {
    Q_OBJECT
public:
    TrainingScreenshots(MainWindow* window, const QString& dir);

protected:
    Step step(int index) override;

private:
    bool m_finished = false;
    bool m_liveSaved = false;
};

} // namespace srw::ui
