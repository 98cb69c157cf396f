#include "main_window.h"

#include "dataset_panel.h"

#include "srw/data/csv_importer.h"
#include "srw/data/session_store.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace srw::ui {

MainWindow::MainWindow(const QString& databasePath, const QString& sampleDir, QWidget* parent)
    : QMainWindow(parent), m_store(std::make_unique<SessionStore>(databasePath.toStdString())),
      m_sampleDir(sampleDir) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("SessionRec Workbench — %1").arg(QFileInfo(databasePath).fileName()));
    m_datasets = new DatasetPanel(*m_store, this);
    setCentralWidget(m_datasets);
    connect(m_datasets, &DatasetPanel::loadSampleRequested, this, &MainWindow::loadSampleData);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Load &sample data"), this, &MainWindow::loadSampleData);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    statusBar()->showMessage(tr("Workspace: %1").arg(databasePath));
    resize(1000, 650);
}

MainWindow::~MainWindow() = default;

void MainWindow::loadSampleData() {
    QDir dir(m_sampleDir);
    const QString events = dir.filePath(QStringLiteral("events.csv"));
    const QString items = dir.filePath(QStringLiteral("items.csv"));
    if (!QFileInfo::exists(events)) {
        QMessageBox::warning(this, tr("Sample data"), tr("No sample data at %1").arg(events));
        return;
    }
    try {
        importEventsCsv(*m_store, "sample", events.toStdString(), {});
        if (QFileInfo::exists(items))
            importCatalogCsv(*m_store, "sample", items.toStdString(), {});
        statusBar()->showMessage(tr("Loaded the sample data"), 5000);
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Sample data"), QString::fromStdString(e.what()));
    }
    m_datasets->refresh();
}

} // namespace srw::ui
