#pragma once
#include "screenshot_steps.h"

namespace srw::ui {

/**
 * @brief The Explore and Heatmap part of `srw-gui --screenshot-panels DIR`, after the training
 * part: loads the trained run in Explore, finds a test session whose true next item is in the
 * visible top of the list and explains it, then draws the heatmap of the 40 most popular items
 * (blend, clustered) and of a hand-picked selection.
 */
class ExploreScreenshots : public ScreenshotSteps {
    Q_OBJECT
public:
    ExploreScreenshots(MainWindow* window, const QString& dir);

protected:
    Step step(int index) override;

private:
    /** @brief Tries the next test session; true once one shows its next item high enough. */
    bool tryNextSession();

    int m_session = -1;
};

} // namespace srw::ui
