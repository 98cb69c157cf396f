#include "screenshot_driver.h"

#include "browse_panel.h"
#include "dataset_panel.h"
#include "import/import_wizard.h"
#include "main_window.h"
#include "models/browse_table_model.h"
#include "preparation_panel.h"
#include "settings_dialog.h"
#include "stats_panel.h"

#include <QDockWidget>
#include <QTabWidget>

namespace srw::ui {
namespace {
constexpr int kMaxWaits = 600; // a minute per step at most
} // namespace

ScreenshotDriver::ScreenshotDriver(MainWindow* window, const QString& dir,
                                   const QString& sampleEvents)
    : ScreenshotSteps(window, dir, "panels", kMaxWaits), m_sampleEvents(sampleEvents) {}

ScreenshotDriver::Step ScreenshotDriver::step(int index) {
    QTabWidget* tabs = m_window->tabs();
    switch (index) {
    case 0: // the sample data is in and its statistics are shown
        if (m_window->datasetPanel()->datasetCount() == 0 || m_window->statsPanel()->isLoading() ||
            !m_window->statsPanel()->hasStats())
            return Step::Wait;
        tabs->setCurrentIndex(MainWindow::StatsTab);
        return Step::Next;
    case 1:
        save(m_window, QStringLiteral("01-main-window"));
        save(tabs->widget(MainWindow::StatsTab), QStringLiteral("02-statistics"));
        save(m_window->datasetsDock(), QStringLiteral("03-datasets"));
        tabs->setCurrentIndex(MainWindow::EventsTab);
        return Step::Next;
    case 2:
    case 3:
    case 4: {
        const auto tab = MainWindow::Tab(MainWindow::EventsTab + index - 2);
        BrowsePanel* panel = m_window->browsePanel(tab);
        if (panel->model()->isLoading() || panel->model()->totalRows() < 0)
            return Step::Wait;
        static const char* const kNames[] = {"04-events", "05-sessions", "06-items"};
        save(panel, QString::fromLatin1(kNames[index - 2]));
        tabs->setCurrentIndex(tab + 1);
        if (tab + 1 == MainWindow::PreparationTab)
            m_window->preparationPanel()->preview();
        return Step::Next;
    }
    case 5:
        if (m_window->preparationPanel()->isBusy())
            return Step::Wait;
        save(m_window->preparationPanel(), QStringLiteral("07-preparation"));
        save(m_window->logDock(), QStringLiteral("08-log"));
        return Step::Next;
    case 6: {
        auto* wizard = new ImportWizard(m_window->databasePath(), QString(), QString(), m_window);
        wizard->setFile(m_sampleEvents);
        wizard->show();
        save(wizard, QStringLiteral("09-import-file"));
        wizard->next();
        save(wizard, QStringLiteral("10-import-preview"));
        wizard->next();
        save(wizard, QStringLiteral("11-import-mapping"));
        wizard->deleteLater();
        auto* dialog = new SettingsDialog(m_window->settings(), m_window);
        dialog->show();
        save(dialog, QStringLiteral("12-settings"));
        dialog->deleteLater();
        return Step::Next;
    }
    default:
        return Step::Finish;
    }
}

} // namespace srw::ui
