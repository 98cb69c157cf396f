#pragma once
#include "screenshot_steps.h"

namespace srw::ui {

/**
 * @brief The first part of `srw-gui --screenshot-panels DIR`: the window and each data panel
 * once the off-thread work they show has finished (statistics computed, first table pages
 * read), the import wizard's pages and the settings dialog.
 */
class ScreenshotDriver : public ScreenshotSteps {
    Q_OBJECT
public:
    ScreenshotDriver(MainWindow* window, const QString& dir, const QString& sampleEvents);

protected:
    Step step(int index) override;

private:
    QString m_sampleEvents;
};

} // namespace srw::ui
