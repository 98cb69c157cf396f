#include "screenshot_driver.h"

#include "browse_panel.h"
#include "dataset_panel.h"
#include "import/import_wizard.h"
#include "main_window.h"
#include "models/browse_table_model.h"
#include "preparation_panel.h"
#include "settings_dialog.h"
#include "stats_panel.h"

#include <QApplication>
#include <QDockWidget>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>
#include <spdlog/spdlog.h>

namespace srw::ui {
namespace {
constexpr int kPollMs = 100;
constexpr int kMaxWaits = 600; // a minute per step at most
} // namespace

ScreenshotDriver::ScreenshotDriver(MainWindow* window, const QString& dir,
                                   const QString& sampleEvents)
    : QObject(window), m_window(window), m_dir(dir), m_sampleEvents(sampleEvents) {
    m_dir.mkpath(QStringLiteral("."));
}

void ScreenshotDriver::start() { QTimer::singleShot(kPollMs, this, &ScreenshotDriver::next); }

bool ScreenshotDriver::save(QWidget* widget, const QString& name) {
    QApplication::processEvents(); // let pending layouts settle before painting
    const QString path = m_dir.filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(path);
    if (!ok)
        ++m_failures;
    spdlog::info("screenshot {} {}", path.toStdString(), ok ? "saved" : "FAILED");
    return ok;
}

// One step per call; a step that waits for a worker re-arms the timer until it is ready.
void ScreenshotDriver::next() {
    auto again = [this] {
        if (++m_waited > kMaxWaits) {
            spdlog::error("screenshot step {} timed out", m_step);
            ++m_failures;
            m_waited = 0;
            ++m_step;
        }
        QTimer::singleShot(kPollMs, this, &ScreenshotDriver::next);
    };
    auto advance = [this] {
        m_waited = 0;
        ++m_step;
        QTimer::singleShot(kPollMs * 3, this, &ScreenshotDriver::next);
    };
    QTabWidget* tabs = m_window->tabs();
    switch (m_step) {
    case 0: // the sample data is in and its statistics are shown
        if (m_window->datasetPanel()->datasetCount() == 0 || m_window->statsPanel()->isLoading() ||
            !m_window->statsPanel()->hasStats())
            return again();
        tabs->setCurrentIndex(MainWindow::StatsTab);
        return advance();
    case 1:
        save(m_window, QStringLiteral("01-main-window"));
        save(tabs->widget(MainWindow::StatsTab), QStringLiteral("02-statistics"));
        save(m_window->datasetsDock(), QStringLiteral("03-datasets"));
        tabs->setCurrentIndex(MainWindow::EventsTab);
        return advance();
    case 2:
    case 3:
    case 4: {
        const auto tab = MainWindow::Tab(MainWindow::EventsTab + m_step - 2);
        BrowsePanel* panel = m_window->browsePanel(tab);
        if (panel->model()->isLoading() || panel->model()->totalRows() < 0)
            return again();
        static const char* const kNames[] = {"04-events", "05-sessions", "06-items"};
        save(panel, QString::fromLatin1(kNames[m_step - 2]));
        tabs->setCurrentIndex(tab + 1);
        if (tab + 1 == MainWindow::PreparationTab)
            m_window->preparationPanel()->preview();
        return advance();
    }
    case 5:
        if (m_window->preparationPanel()->isBusy())
            return again();
        save(m_window->preparationPanel(), QStringLiteral("07-preparation"));
        save(m_window->logDock(), QStringLiteral("08-log"));
        return advance();
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
        return advance();
    }
    default:
        Q_EMIT done(m_failures);
    }
}

} // namespace srw::ui
