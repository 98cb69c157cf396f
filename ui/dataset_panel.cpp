#include "dataset_panel.h"

#include "app_icon.h"
#include "models/dataset_list_model.h"
#include "task_runner.h"

#include "srw/data/formats/import_file.h"
#include "srw/data/session_store.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace srw::ui {

DatasetPanel::DatasetPanel(SessionStore& store, QWidget* parent)
    : QWidget(parent), m_store(store),
      m_runner(new TaskRunner(QString::fromStdString(store.path()), false, this)),
      m_model(new DatasetListModel(this)), m_stack(new QStackedWidget(this)),
      m_view(new QTreeView(this)), m_summary(new QLabel(this)) {
    m_rename = new QAction(tr("&Rename Dataset…"), this);
    m_rename->setShortcut(Qt::Key_F2);
    m_rename->setToolTip(tr("Gives the selected dataset a new name (F2)"));
    m_delete = new QAction(tr("&Delete Dataset…"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_delete->setToolTip(tr("Deletes the selected dataset with its sessions, splits and runs, "
                            "after asking"));
    m_backup = new QAction(tr("&Back Up Workspace…"), this);
    m_backup->setToolTip(tr("Copies the whole workspace to a file of your choice"));
    connect(m_rename, &QAction::triggered, this, &DatasetPanel::requestRename);
    connect(m_delete, &QAction::triggered, this, &DatasetPanel::requestDelete);
    connect(m_backup, &QAction::triggered, this, &DatasetPanel::requestBackup);

    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_rename, m_delete});
    m_view->setToolTip(tr("Datasets in this workspace; right-click for more"));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < DatasetListModel::ColumnCount; ++c)
        m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* listPage = new QWidget(this);
    auto* buttons = new QHBoxLayout;
    for (QAction* a : {m_rename, m_delete, m_backup}) {
        auto* b = new QToolButton(listPage);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(b);
    }
    buttons->addStretch();
    auto* listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_summary);
    listLayout->addLayout(buttons);

    m_stack->addWidget(makeEmptyState());
    m_stack->addWidget(listPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_stack);

    connect(m_model, &QAbstractItemModel::modelReset, this, &DatasetPanel::updateActions);
    connect(m_runner, &TaskRunner::busyChanged, this, &DatasetPanel::updateActions);
    connect(m_runner, &TaskRunner::progress, this,
            [this](int, const QString& stage, qint64 done, qint64 total) {
                if (total > 0)
                    Q_EMIT statusMessage(tr("%1: %2%").arg(stage).arg(done * 100 / total));
            });
    connect(m_runner, &TaskRunner::failed, this, [this](int, const TaskFailure& f) {
        spdlog::error("dataset operation failed: {}", f.message.toStdString());
        QMessageBox::warning(this, tr("Datasets"), describeFailure(f));
        refresh();
    });
    refresh();
}

QWidget* DatasetPanel::makeEmptyState() {
    auto* page = new QWidget(this);
    auto* icon = new QLabel(page);
    icon->setPixmap(appIcon().pixmap(72, 72));
    auto* title = new QLabel(tr("No datasets yet"), page);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
    auto* hint = new QLabel(tr("Import a session log, or start with the bundled sample data: "
                               "a small shop with 2,000 products and their texts."),
                            page);
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);
    auto* sample = new QPushButton(tr("Load the Sample Data"), page);
    sample->setObjectName(QStringLiteral("loadSampleButton"));
    sample->setDefault(true);
    sample->setToolTip(tr("Imports sample_data/events.csv and items.csv as dataset 'sample'"));
    auto* import = new QPushButton(tr("Import a File…"), page);
    import->setToolTip(tr("Opens the import wizard (Ctrl+O)"));
    connect(sample, &QPushButton::clicked, this, &DatasetPanel::loadSampleRequested);
    connect(import, &QPushButton::clicked, this, &DatasetPanel::importRequested);
    // Both buttons start work that takes a moment; they are disabled while it runs.
    m_emptyButtons = new QWidget(page);
    auto* buttonsLayout = new QVBoxLayout(m_emptyButtons);
    buttonsLayout->addWidget(sample, 0, Qt::AlignHCenter);
    buttonsLayout->addWidget(import, 0, Qt::AlignHCenter);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch();
    for (QWidget* w : {static_cast<QWidget*>(icon), static_cast<QWidget*>(title)})
        layout->addWidget(w, 0, Qt::AlignHCenter);
    layout->addWidget(hint);
    layout->addSpacing(8);
    layout->addWidget(m_emptyButtons);
    layout->addStretch();
    return page;
}

void DatasetPanel::refresh() {
    const QString keep = m_current;
    m_model->setDatasets(m_store.listDatasets());
    m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
    if (m_model->rowCount() == 0) {
        if (!m_current.isEmpty()) {
            m_current.clear();
            Q_EMIT currentDatasetChanged(m_current);
        }
        updateActions();
        return;
    }
    // Reconnect after every reset: the selection model is kept, the current index is not.
    disconnect(m_view->selectionModel(), nullptr, this, nullptr);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const QString name = current.isValid()
                                         ? m_model->index(current.row(), 0).data().toString()
                                         : QString();
                updateActions();
                if (name != m_current) {
                    m_current = name;
                    Q_EMIT currentDatasetChanged(name);
                }
            });
    if (!selectDataset(keep))
        selectDataset(m_model->index(0, 0).data().toString());
    updateActions();
}

bool DatasetPanel::selectDataset(const QString& name) {
    const int row = m_model->rowOf(name);
    if (name.isEmpty() || row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, 0));
    return true;
}

QString DatasetPanel::currentDataset() const { return m_current; }

int DatasetPanel::datasetCount() const { return m_model->rowCount(); }

bool DatasetPanel::isBusy() const { return m_runner->isBusy(); }

void DatasetPanel::updateActions() {
    const bool has = !m_current.isEmpty() && !m_runner->isBusy();
    m_rename->setEnabled(has);
    m_delete->setEnabled(has);
    m_backup->setEnabled(!m_runner->isBusy());
    if (m_emptyButtons)
        m_emptyButtons->setEnabled(!m_runner->isBusy());
    const int row = m_model->rowOf(m_current);
    if (row < 0) {
        m_summary->clear();
        return;
    }
    const DatasetInfo& d = m_model->datasets()[std::size_t(row)];
    m_summary->setText(tr("<b>%1</b> · created %2")
                           .arg(QString::fromStdString(d.name).toHtmlEscaped(),
                                QDateTime::fromString(QString::fromStdString(d.createdAt),
                                                      Qt::ISODate)
                                    .toLocalTime()
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
}

bool DatasetPanel::renameDataset(const QString& from, const QString& to) {
    try {
        m_store.renameDataset(from.toStdString(), to.toStdString());
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Rename Dataset"), QString::fromUtf8(e.what()));
        return false;
    }
    spdlog::info("renamed dataset '{}' to '{}'", from.toStdString(), to.toStdString());
    m_current = to;
    refresh();
    Q_EMIT datasetRenamed(from, to);
    Q_EMIT currentDatasetChanged(to);
    return true;
}

void DatasetPanel::requestRename() {
    const QString from = m_current;
    if (from.isEmpty())
        return;
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Rename Dataset"),
                                             tr("New name for '%1':").arg(from), QLineEdit::Normal,
                                             from, &ok)
                           .trimmed();
    if (ok && !to.isEmpty() && to != from)
        renameDataset(from, to);
}

void DatasetPanel::deleteDataset(const QString& name) {
    const std::string n = name.toStdString();
    Q_EMIT statusMessage(tr("Deleting '%1'…").arg(name));
    m_runner->start([n](SessionStore& s, const ProgressFn&) { s.deleteDataset(n); },
                    [this, name] {
                        spdlog::info("deleted dataset '{}'", name.toStdString());
                        refresh();
                        Q_EMIT statusMessage(tr("Deleted '%1'").arg(name));
                        Q_EMIT datasetDeleted(name);
                    });
}

void DatasetPanel::requestDelete() {
    const QString name = m_current;
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::warning(
        this, tr("Delete Dataset"),
        tr("Delete the dataset '%1' with all its sessions, splits and runs?\n"
           "This cannot be undone; a backup of the workspace keeps a copy.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        deleteDataset(name);
}

void DatasetPanel::backupTo(const QString& path) {
    const std::string p = path.toStdString();
    m_runner->start([p](SessionStore& s, const ProgressFn& progress) { s.backup(p, progress); },
                    [this, path] {
                        spdlog::info("backed up the workspace to {}", path.toStdString());
                        Q_EMIT statusMessage(tr("Backed up the workspace to %1").arg(path));
                    });
}

void DatasetPanel::loadSample(const QString& dir) {
    const QDir d(dir);
    const QString events = d.filePath(QStringLiteral("events.csv"));
    const QString items = d.filePath(QStringLiteral("items.csv"));
    if (!QFileInfo::exists(events)) {
        QMessageBox::warning(this, tr("Sample Data"), tr("No sample data at %1").arg(events));
        return;
    }
    const bool haveItems = QFileInfo::exists(items);
    Q_EMIT statusMessage(tr("Loading the sample data…"));
    m_runner->start(
        [e = events.toStdString(), i = items.toStdString(), haveItems](SessionStore& s,
                                                                      const ProgressFn& p) {
            importFile(s, "sample", e, "csv", {}, p);
            if (haveItems)
                importFile(s, "sample", i, "catalog", {}, p);
        },
        [this] {
            spdlog::info("loaded the sample data as dataset 'sample'");
            m_current = QStringLiteral("sample");
            refresh();
            Q_EMIT currentDatasetChanged(m_current);
            Q_EMIT statusMessage(tr("Loaded the sample data"));
            Q_EMIT datasetImported(m_current);
        });
}

void DatasetPanel::requestBackup() {
    const QString suggestion = QString::fromStdString(m_store.path()) + QStringLiteral(".backup");
    const QString path = QFileDialog::getSaveFileName(this, tr("Back Up Workspace"), suggestion,
                                                      tr("Workspaces (*.sqlite *.db *.backup)"));
    if (!path.isEmpty())
        backupTo(path);
}

void DatasetPanel::cancelWork() { m_runner->cancel(); }

} // namespace srw::ui
