#include "models/browse_table_model.h"

#include "task_runner.h"

#include <QDateTime>
#include <QLocale>

namespace srw::ui {
namespace {
constexpr int kStatusColumn = 5;
}

BrowseTableModel::BrowseTableModel(const QString& databasePath, BrowseTable table, QObject* parent)
    : QAbstractTableModel(parent), m_runner(new TaskRunner(databasePath, true, this)),
      m_table(table) {
    m_query.table = table;
    connect(m_runner, &TaskRunner::finished, this, &BrowseTableModel::onFinished);
    connect(m_runner, &TaskRunner::failed, this, [this](int run, const TaskFailure& f) {
        if (run == m_loadingRun) {
            m_loadingRun = 0;
            m_exhausted = true;
            Q_EMIT loadingChanged(false);
            Q_EMIT queryFailed(f.message);
        }
    });
}

BrowseTableModel::~BrowseTableModel() = default;

void BrowseTableModel::setDataset(const QString& dataset) {
    m_query.dataset = dataset.toStdString();
    restart();
}

void BrowseTableModel::setSearch(const QString& text) {
    const std::string s = text.trimmed().toStdString();
    if (s == m_query.search)
        return;
    m_query.search = s;
    restart();
}

void BrowseTableModel::sort(int column, Qt::SortOrder order) {
    if (column >= columnCount())
        return;
    m_query.sortColumn = column;
    m_query.descending = order == Qt::DescendingOrder;
    restart();
}

void BrowseTableModel::restart() {
    m_runner->cancel(); // interrupts a running page query; its results would be stale anyway
    beginResetModel();
    m_rows.clear();
    m_next.reset();
    m_exhausted = true; // nothing to fetch while views react to the reset
    const bool wasLoading = m_loadingRun != 0;
    m_loadingRun = 0;
    m_countRun = 0;
    m_total = -1;
    endResetModel();
    if (wasLoading)
        Q_EMIT loadingChanged(false);
    Q_EMIT totalRowsChanged(m_total);
    if (!m_query.dataset.empty()) {
        m_exhausted = false;
        requestPage();
        requestCount();
    }
}

void BrowseTableModel::requestPage() {
    m_page = std::make_shared<BrowsePage>();
    const BrowseQuery query = m_query;
    const auto after = m_next;
    const int limit = m_pageSize;
    m_loadingRun = m_runner->start(
        [page = m_page, query, after, limit](SessionStore& store, const ProgressFn&) {
            *page = browsePage(store, query, after, limit);
        });
    Q_EMIT loadingChanged(true);
}

void BrowseTableModel::requestCount() {
    m_count = std::make_shared<std::int64_t>(-1);
    const BrowseQuery query = m_query;
    m_countRun = m_runner->start([total = m_count, query](SessionStore& store, const ProgressFn&) {
        *total = browseCount(store, query);
    });
}

void BrowseTableModel::onFinished(int run) {
    if (run == m_countRun) {
        m_countRun = 0;
        m_total = *m_count;
        Q_EMIT totalRowsChanged(m_total);
        return;
    }
    if (run != m_loadingRun)
        return; // a page of a query that was replaced
    // Views may call canFetchMore() while rows are inserted: stay "loading" until done.
    const std::shared_ptr<BrowsePage> page = std::move(m_page);
    m_next = page->next;
    m_exhausted = !page->next;
    if (!page->rows.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(page->rows.size()) - 1);
        for (auto& r : page->rows)
            m_rows.push_back(std::move(r));
        endInsertRows();
    }
    m_loadingRun = 0;
    Q_EMIT loadingChanged(false);
}

int BrowseTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BrowseTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(browseColumns(m_table).size());
}

QVariant BrowseTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const BrowseValue& v = m_rows[std::size_t(index.row())][std::size_t(index.column())];
    const BrowseKind kind = browseColumns(m_table)[std::size_t(index.column())].kind;
    if (role == Qt::TextAlignmentRole)
        return kind == BrowseKind::Integer ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                           : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::EditRole)
        return {};
    if (std::holds_alternative<std::monostate>(v))
        return {};
    if (auto* s = std::get_if<std::string>(&v)) {
        if (m_table == BrowseTable::Sessions && index.column() == kStatusColumn)
            return tr(s->c_str()); // core's "kept", "bot", "too short"
        return QString::fromStdString(*s);
    }
    const qint64 n = std::get<std::int64_t>(v);
    if (role == Qt::EditRole)
        return n;
    if (kind == BrowseKind::Time)
        return QDateTime::fromMSecsSinceEpoch(n, Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return QLocale().toString(n);
}

QVariant BrowseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= columnCount())
        return {};
    // The headings are core's English names; translate them here so the view is localised.
    static const char* const kNames[] = {
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "Session"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "Position"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "Item"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "Title"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "Time"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "Event"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "User"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "Start"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "End"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "Events"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "Status"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "Category"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "Description"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "kept"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "bot"),
        QT_TRANSLATE_NOOP("srw::ui::BrowseTableModel", "too short")};
    Q_UNUSED(kNames);
    const std::string& name = browseColumns(m_table)[std::size_t(section)].name;
    return tr(name.c_str());
}

bool BrowseTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_exhausted && m_loadingRun == 0;
}

void BrowseTableModel::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent))
        requestPage();
}

} // namespace srw::ui
