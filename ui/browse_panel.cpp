#include "browse_panel.h"

#include "models/browse_table_model.h"

#include <QHBoxLayout>
#include <algorithm>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace srw::ui {

BrowsePanel::BrowsePanel(const QString& databasePath, BrowseTable table, QWidget* parent)
    : QWidget(parent), m_model(new BrowseTableModel(databasePath, table, this)),
      m_search(new QLineEdit(this)), m_view(new QTableView(this)), m_count(new QLabel(this)),
      m_debounce(new QTimer(this)) {
    m_search->setClearButtonEnabled(true);
    switch (table) {
    case BrowseTable::Events:
        m_search->setPlaceholderText(tr("Search by item, title or session…"));
        break;
    case BrowseTable::Sessions:
        m_search->setPlaceholderText(tr("Search by session or user…"));
        break;
    case BrowseTable::Items:
        m_search->setPlaceholderText(tr("Search by id, title, category or description…"));
        break;
    }
    m_search->setToolTip(tr("Shows only rows containing this text (case-insensitive)"));
    m_count->setToolTip(tr("Rows matching the search; more are read as you scroll"));

    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setToolTip(tr("Click a heading to sort by it"));
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });
    connect(m_model, &BrowseTableModel::totalRowsChanged, this, &BrowsePanel::updateCount);
    connect(m_model, &BrowseTableModel::loadingChanged, this, &BrowsePanel::updateCount);
    // Fit the columns to the first page of each query; later pages keep the widths.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_fitted = false; });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_fitted)
            return;
        m_fitted = true;
        m_view->resizeColumnsToContents();
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_view->setColumnWidth(c, std::clamp(m_view->columnWidth(c) + 12, 70, 380));
    });
    connect(m_model, &BrowseTableModel::queryFailed, this,
            [this](const QString& message) { m_count->setText(message); });

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    updateCount();
}

void BrowsePanel::setDataset(const QString& dataset) {
    if (dataset == m_model->dataset())
        return;
    m_model->setDataset(dataset);
}

void BrowsePanel::reload() { m_model->setDataset(m_model->dataset()); }

void BrowsePanel::updateCount() {
    const QLocale locale;
    if (m_model->dataset().isEmpty())
        m_count->setText(tr("No dataset selected"));
    else if (m_model->totalRows() < 0)
        m_count->setText(tr("Counting…"));
    else
        m_count->setText(tr("%1 rows, %2 loaded%3")
                             .arg(locale.toString(m_model->totalRows()),
                                  locale.toString(m_model->rowCount()),
                                  m_model->isLoading() ? tr(", reading…") : QString()));
}

} // namespace srw::ui
