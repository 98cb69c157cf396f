#pragma once
#include "screenshot_steps.h"

namespace srw::ui {

/**
 * @brief The runs panel's part of `srw-gui --screenshot-panels DIR`: evaluates three baselines
 * on the sample data, selects them, and saves the run list with the comparison, the paired
 * tests, and the PDF report (report.pdf, for reviewing the print layout).
 */
class RunsScreenshots : public ScreenshotSteps {
    Q_OBJECT
public:
    RunsScreenshots(MainWindow* window, const QString& dir);

protected:
    Step step(int index) override;

private:
    bool m_exportDone = false;
};

} // namespace srw::ui
