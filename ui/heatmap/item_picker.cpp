#include "heatmap/item_picker.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringListModel>
#include <QVBoxLayout>
#include <algorithm>

namespace srw::ui {

ItemPicker::ItemPicker(QWidget* parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_catalogue(new QStringListModel(this)),
      m_filter(new QSortFilterProxyModel(this)), m_results(new QListView(this)),
      m_chosen(new QListWidget(this)) {
    m_search->setPlaceholderText(tr("Search the catalogue by title…"));
    m_search->setClearButtonEnabled(true);
    m_filter->setSourceModel(m_catalogue);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_results->setModel(m_filter);
    m_results->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setUniformItemSizes(true); // thousands of titles scroll without measuring each
    m_results->setToolTip(tr("Select any number of items (Ctrl/Shift), then Add"));
    m_chosen->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_chosen->setToolTip(tr("The items of the heatmap; Delete removes the selected ones"));
    m_chosen->installEventFilter(this);
    auto* add = new QPushButton(tr("Add"), this);
    auto* addSession = new QPushButton(tr("+ Session"), this);
    addSession->setToolTip(tr("Add the items of the Explore session"));
    auto* addRecs = new QPushButton(tr("+ Recommendations"), this);
    addRecs->setToolTip(tr("Add Explore's current top-K"));
    auto* remove = new QPushButton(tr("Remove"), this);
    auto* clearButton = new QPushButton(tr("Clear"), this);

    auto* adds = new QGridLayout;
    adds->addWidget(add, 0, 0);
    adds->addWidget(addSession, 0, 1);
    adds->addWidget(addRecs, 1, 0, 1, 2);
    auto* edits = new QHBoxLayout;
    edits->addWidget(remove);
    edits->addWidget(clearButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_results, 2);
    layout->addLayout(adds);
    layout->addWidget(new QLabel(tr("Chosen items:"), this));
    layout->addWidget(m_chosen, 3);
    layout->addLayout(edits);

    connect(m_search, &QLineEdit::textChanged, this, &ItemPicker::setFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &ItemPicker::addSelectedResults);
    connect(m_results, &QListView::doubleClicked, this,
            [this](const QModelIndex& index) { addItems({m_filter->mapToSource(index).row()}); });
    connect(add, &QPushButton::clicked, this, &ItemPicker::addSelectedResults);
    connect(addSession, &QPushButton::clicked, this, &ItemPicker::addSessionRequested);
    connect(addRecs, &QPushButton::clicked, this, &ItemPicker::addRecommendationsRequested);
    connect(remove, &QPushButton::clicked, this, &ItemPicker::removeSelected);
    connect(clearButton, &QPushButton::clicked, this, &ItemPicker::clear);
}

void ItemPicker::setCatalogue(const QStringList& titles) {
    m_titles = titles;
    m_catalogue->setStringList(titles);
    clear();
}

QVector<int> ItemPicker::items() const {
    QVector<int> out;
    for (int i = 0; i < m_chosen->count(); ++i)
        out << m_chosen->item(i)->data(Qt::UserRole).toInt();
    return out;
}

void ItemPicker::addItems(const QVector<int>& items) {
    const QVector<int> have = this->items();
    QSet<int> seen(have.begin(), have.end());
    for (int item : items) {
        if (item < 0 || item >= m_titles.size() || seen.contains(item))
            continue;
        seen.insert(item);
        auto* row = new QListWidgetItem(m_titles[item], m_chosen);
        row->setData(Qt::UserRole, item);
        row->setToolTip(m_titles[item]); // titles run long; the list is narrow
    }
}

void ItemPicker::setFilter(const QString& text) {
    if (m_search->text() != text)
        m_search->setText(text); // comes back here through textChanged
    else
        m_filter->setFilterFixedString(text);
}

void ItemPicker::addSelectedResults() {
    QModelIndexList rows = m_results->selectionModel()->selectedRows();
    // Selection order is click order; the list order is what a reader expects.
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QVector<int> items;
    for (const QModelIndex& index : rows)
        items << m_filter->mapToSource(index).row();
    addItems(items);
}

void ItemPicker::removeSelected() { qDeleteAll(m_chosen->selectedItems()); }

void ItemPicker::clear() { m_chosen->clear(); }

bool ItemPicker::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_chosen && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            removeSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace srw::ui
