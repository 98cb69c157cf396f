#include "main_window.h"

#include "app_icon.h"
#include "browse_panel.h"
#include "dataset_panel.h"
#include "import/import_wizard.h"
#include "log_sink.h"
#include "log_view.h"
#include "preparation_panel.h"
#include "runs/runs_panel.h"
#include "settings.h"
#include "settings_dialog.h"
#include "stats_panel.h"
#ifdef SRW_UI_TRAINING
#include "model/model_options_panel.h"
#include "training/training_panel.h"
#include "training/training_worker.h"
#endif
#ifdef SRW_UI_EXPLORE
#include "explore/explore_panel.h"
#include "heatmap/heatmap_panel.h"
#endif

#include "srw/data/session_store.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <spdlog/spdlog.h>

namespace srw::ui {

MainWindow::MainWindow(const QString& databasePath, const QString& sampleDir,
                       const QString& settingsPath, QWidget* parent)
    : QMainWindow(parent), m_settings(std::make_unique<Settings>(settingsPath)),
      m_store(std::make_unique<SessionStore>(databasePath.toStdString())),
      m_sampleDir(sampleDir), m_settingsPath(settingsPath) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("SessionRec Workbench — %1").arg(QFileInfo(databasePath).fileName()));
    setWindowIcon(appIcon());
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    m_settings->lastWorkspace.set(QFileInfo(databasePath).absoluteFilePath());
    createPanels();
    createActions();
    restoreLayout();
    spdlog::info("opened workspace {}", databasePath.toStdString());
}

MainWindow::~MainWindow() {
    if (m_logSink)
        removeLogSink(m_logSink);
}

QString MainWindow::databasePath() const { return QString::fromStdString(m_store->path()); }

BrowsePanel* MainWindow::browsePanel(Tab tab) const {
    return tab >= EventsTab && tab <= ItemsTab ? m_browse[tab - EventsTab] : nullptr;
}

void MainWindow::createPanels() {
    const QString path = databasePath();
    m_log = new LogView(this);
    m_logSink = installLogSink();
    connect(m_logSink->bridge(), &LogBridge::message, m_log, &LogView::append,
            Qt::QueuedConnection);

    m_datasets = new DatasetPanel(*m_store, this);
    m_datasetsDock = new QDockWidget(tr("Datasets"), this);
    m_datasetsDock->setObjectName(QStringLiteral("datasetsDock"));
    m_datasetsDock->setWidget(m_datasets);
    addDockWidget(Qt::LeftDockWidgetArea, m_datasetsDock);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    m_stats = new StatsPanel(path, this);
    m_preparation = new PreparationPanel(path, this);
    m_browse[0] = new BrowsePanel(path, BrowseTable::Events, this);
    m_browse[1] = new BrowsePanel(path, BrowseTable::Sessions, this);
    m_browse[2] = new BrowsePanel(path, BrowseTable::Items, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_stats, tr("Statistics"));
    m_tabs->addTab(m_browse[0], tr("Events"));
    m_tabs->addTab(m_browse[1], tr("Sessions"));
    m_tabs->addTab(m_browse[2], tr("Items"));
    m_tabs->addTab(m_preparation, tr("Preparation"));
    m_runs = new RunsPanel(path, this);
    m_tabs->addTab(m_runs, tr("Runs"));
    m_tabs->setTabToolTip(StatsTab, tr("Key figures and charts of the dataset"));
    m_tabs->setTabToolTip(EventsTab, tr("Every event, with search and sorting"));
    m_tabs->setTabToolTip(SessionsTab, tr("Sessions with their user, times and status"));
    m_tabs->setTabToolTip(ItemsTab, tr("The item catalogue with its texts"));
    m_tabs->setTabToolTip(PreparationTab, tr("Filters, bot filter and split, with a preview"));
    m_tabs->setTabToolTip(RunsTab, tr("Stored runs: compare, annotate and export reports"));
    createTrainingPanels(path);
    createExplorePanels(path);
    setCentralWidget(m_tabs);

    connect(m_datasets, &DatasetPanel::currentDatasetChanged, this,
            &MainWindow::setCurrentDataset);
    connect(m_datasets, &DatasetPanel::loadSampleRequested, this, &MainWindow::loadSampleData);
    connect(m_datasets, &DatasetPanel::importRequested, this, [this] { importFile(); });
    connect(m_datasets, &DatasetPanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_datasets, &DatasetPanel::datasetImported, this, [this] { m_stats->reload(); });
    connect(m_datasets, &DatasetPanel::datasetRenamed, this,
            [this](const QString& from, const QString& to) {
                m_settings->replaceRecentDataset(from, to);
                updateRecentMenu();
            });
    connect(m_datasets, &DatasetPanel::datasetDeleted, this, [this](const QString& name) {
        m_settings->replaceRecentDataset(name, QString());
        updateRecentMenu();
    });
    connect(m_preparation, &PreparationPanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_runs, &RunsPanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_preparation, &PreparationPanel::datasetChanged, this, [this] {
        m_stats->reload();
        for (BrowsePanel* b : m_browse)
            b->reload();
    });

    m_workspaceLabel = new QLabel(QFileInfo(path).fileName(), this);
    m_workspaceLabel->setToolTip(tr("The workspace file: %1").arg(path));
    statusBar()->addPermanentWidget(m_workspaceLabel);
}

void MainWindow::createActions() {
    QStyle* st = style();
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* import = file->addAction(st->standardIcon(QStyle::SP_DialogOpenButton),
                                      tr("&Import…"), this, [this] { importFile(); });
    import->setShortcut(QKeySequence::Open);
    import->setToolTip(tr("Imports a click log or an item catalogue (Ctrl+O)"));
    QAction* sample = file->addAction(tr("Load &Sample Data"), this, &MainWindow::loadSampleData);
    sample->setToolTip(tr("Imports the bundled sample shop as dataset 'sample'"));
    file->addSeparator();
    QAction* open = file->addAction(tr("&Open Workspace…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Open or Create a Workspace"), databasePath(),
            tr("Workspaces (*.sqlite *.db);;All files (*)"), nullptr,
            QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty() && path != databasePath())
            Q_EMIT workspaceChangeRequested(path);
    });
    open->setToolTip(tr("Switches to another workspace file, creating it if it is new"));
    m_recentMenu = file->addMenu(tr("&Recent Datasets"));
    m_recentMenu->setToolTipsVisible(true);
    file->addAction(m_datasets->backupAction());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_datasets->renameAction());
    edit->addAction(m_datasets->deleteAction());
    edit->addSeparator();
    QAction* prefs = edit->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    prefs->setShortcut(QKeySequence::Preferences);
    prefs->setMenuRole(QAction::PreferencesRole);
    prefs->setToolTip(tr("Appearance and language"));

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    QAction* train = run->addAction(st->standardIcon(QStyle::SP_MediaPlay), tr("&Train"));
    train->setShortcut(Qt::Key_F5);
    if (m_training) {
        train->setToolTip(tr("Trains the model with the model options on the current dataset (F5)"));
        train->setEnabled(m_training->canStart());
        connect(train, &QAction::triggered, this, [this] {
            m_tabs->setCurrentWidget(m_training);
            m_training->start();
        });
        connect(m_training, &TrainingPanel::canStartChanged, train, &QAction::setEnabled);
    } else {
        train->setEnabled(false);
        train->setToolTip(tr("This build has no LibTorch: training is not available"));
    }
    QAction* cancel = run->addAction(st->standardIcon(QStyle::SP_BrowserStop), tr("&Cancel"),
                                     this, &MainWindow::cancelWork);
    cancel->setShortcut(Qt::Key_Escape);
    cancel->setToolTip(tr("Stops the running training, preparation, deletion or backup (Esc)"));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_datasetsDock->toggleViewAction());
    view->addAction(m_logDock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About SessionRec Workbench"), this, [this] {
        QMessageBox::about(this, tr("About SessionRec Workbench"),
                           tr("<h3>SessionRec Workbench %1</h3><p>Session-based recommendation "
                              "with text: datasets, baselines and a BERT+MLP model.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    QToolBar* bar = addToolBar(tr("Main Toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(import);
    bar->addSeparator();
    bar->addAction(train);
    bar->addAction(cancel);
    updateRecentMenu();
}

void MainWindow::createTrainingPanels(const QString& path) {
#ifdef SRW_UI_TRAINING
    m_trainer = new TrainingRunner(path, this);
    m_model = new ModelOptionsPanel(m_trainer, m_settingsPath, this);
    m_training = new TrainingPanel(path, m_trainer, m_model, this);
    m_tabs->addTab(m_model, tr("Model"));
    m_tabs->addTab(m_training, tr("Training"));
    m_tabs->setTabToolTip(ModelTab, tr("Options of the BERT+MLP model, saved as presets"));
    m_tabs->setTabToolTip(TrainingTab, tr("Train, cancel and resume, with live charts"));
    connect(m_model, &ModelOptionsPanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_training, &TrainingPanel::statusMessage, this, &MainWindow::showStatus);
    // The run list shows a training as soon as it exists, and its end state when it ends.
    connect(m_training, &TrainingPanel::runStarted, m_runs, &RunsPanel::reload);
    connect(m_training, &TrainingPanel::trainingChanged, this, [this](bool training) {
        if (!training)
            m_runs->reload();
    });
#else
    Q_UNUSED(path);
#endif
}

void MainWindow::createExplorePanels(const QString& path) {
#ifdef SRW_UI_EXPLORE
    m_explore = new ExplorePanel(path, this);
    m_heatmap = new HeatmapPanel(m_explore, this);
    m_tabs->setTabToolTip(m_tabs->addTab(m_explore, tr("Explore")),
                          tr("Live recommendations for a session, with α and the reasons"));
    m_tabs->setTabToolTip(m_tabs->addTab(m_heatmap, tr("Heatmap")),
                          tr("Item-item similarity: text, CF or the blend"));
    connect(m_explore, &ExplorePanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_heatmap, &HeatmapPanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_heatmap, &HeatmapPanel::exploreRequested, this,
            [this] { m_tabs->setCurrentWidget(m_explore); });
    // A run that has just finished training is one to explore.
    if (m_training)
        connect(m_training, &TrainingPanel::trainingChanged, m_explore, [this](bool training) {
            if (!training)
                m_explore->refreshModels();
        });
#else
    Q_UNUSED(path);
#endif
}

void MainWindow::restoreLayout() {
    resize(1280, 800);
    if (!restoreGeometry(m_settings->windowGeometry.get()))
        resize(1280, 800);
    if (!restoreState(m_settings->windowState.get())) {
        resizeDocks({m_datasetsDock}, {300}, Qt::Horizontal);
        resizeDocks({m_logDock}, {120}, Qt::Vertical);
    }
    m_tabs->setCurrentIndex(qBound(0, m_settings->currentTab.get(), m_tabs->count() - 1));
    m_datasets->selectDataset(m_settings->lastDataset.get());
    setCurrentDataset(m_datasets->currentDataset());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_settings->windowGeometry.set(saveGeometry());
    m_settings->windowState.set(saveState());
    m_settings->currentTab.set(m_tabs->currentIndex());
    m_settings->sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::setCurrentDataset(const QString& name) {
    m_stats->setDataset(name);
    m_preparation->setDataset(name);
    if (m_training)
        m_training->setDataset(name);
    if (m_explore)
        m_explore->setDataset(name);
    for (BrowsePanel* b : m_browse)
        b->setDataset(name);
    if (!name.isEmpty()) {
        m_settings->lastDataset.set(name);
        m_settings->addRecentDataset(name);
        updateRecentMenu();
        showStatus(tr("Dataset: %1").arg(name));
    }
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    for (const QString& name : m_settings->recentDatasets.get()) {
        QAction* a = m_recentMenu->addAction(name, this, [this, name] {
            if (!m_datasets->selectDataset(name))
                showStatus(tr("This workspace has no dataset '%1'").arg(name));
        });
        a->setToolTip(tr("Selects the dataset '%1'").arg(name));
    }
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::showStatus(const QString& text) { statusBar()->showMessage(text, 8000); }

void MainWindow::loadSampleData() { m_datasets->loadSample(m_sampleDir); }

void MainWindow::importFile(const QString& path) {
    auto* wizard = new ImportWizard(databasePath(), m_settings->lastImportDir.get(),
                                    m_datasets->currentDataset(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::imported, this, [this](const QString& dataset) {
        m_datasets->refresh();
        m_datasets->selectDataset(dataset);
        m_stats->reload();
        showStatus(tr("Imported into '%1'").arg(dataset));
    });
    connect(wizard, &QWizard::finished, this, [this, wizard] {
        const QString file = wizard->plan().path;
        if (!file.isEmpty())
            m_settings->lastImportDir.set(QFileInfo(file).absolutePath());
    });
    if (!path.isEmpty())
        wizard->setFile(path);
    wizard->open();
}

void MainWindow::cancelWork() {
    m_datasets->cancelWork();
    m_preparation->cancelWork();
    if (m_training)
        m_training->cancel();
    showStatus(tr("Cancelled"));
}

void MainWindow::showSettings() {
    auto* dialog = new SettingsDialog(*m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::restartRequested, this, &MainWindow::restartRequested);
    dialog->open();
}

} // namespace srw::ui
