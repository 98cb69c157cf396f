#include "models/mapping_model.h"

namespace srw::ui {

MappingModel::MappingModel(QObject* parent) : QAbstractTableModel(parent) { setCatalog(false); }

void MappingModel::setCatalog(bool catalog) {
    beginResetModel();
    m_catalog = catalog;
    m_roles = catalog ? std::vector<std::string>{"id", "title", "description", "category"}
                      : std::vector<std::string>{"session", "user", "item", "time", "event"};
    m_assigned.assign(m_roles.size(), -1);
    endResetModel();
    Q_EMIT mappingChanged();
}

void MappingModel::setFile(const QStringList& columnNames, const QStringList& header,
                           const QStringList& sampleRow) {
    beginResetModel();
    m_columns = columnNames;
    m_sample = sampleRow;
    m_assigned.assign(m_roles.size(), -1);
    std::vector<std::string> names;
    for (const QString& h : header)
        names.push_back(h.toStdString());
    const auto resolved = ColumnMapping().resolve(
        names, std::size_t(columnNames.size()),
        m_catalog ? catalogColumnSynonyms() : eventColumnSynonyms());
    for (std::size_t r = 0; r < m_roles.size(); ++r)
        if (auto it = resolved.find(m_roles[r]); it != resolved.end())
            m_assigned[r] = it->second;
    endResetModel();
    Q_EMIT mappingChanged();
}

QStringList MappingModel::roles() const {
    QStringList out;
    for (const auto& r : m_roles)
        out << QString::fromStdString(r);
    return out;
}

int MappingModel::columnFor(const QString& role) const {
    const int r = roles().indexOf(role);
    return r < 0 ? -1 : m_assigned[std::size_t(r)];
}

void MappingModel::setColumnFor(const QString& role, int column) {
    const int r = roles().indexOf(role);
    if (r >= 0)
        setData(index(r, FileColumn), column);
}

ColumnMapping MappingModel::mapping() const {
    ColumnMapping m;
    for (std::size_t r = 0; r < m_roles.size(); ++r)
        if (m_assigned[r] >= 0)
            m.set(m_roles[r], std::to_string(m_assigned[r]));
    return m;
}

QString MappingModel::problem() const {
    if (m_catalog)
        return columnFor(QStringLiteral("id")) < 0 ? tr("Choose the column with the item id.")
                                                    : QString();
    if (columnFor(QStringLiteral("item")) < 0)
        return tr("Choose the column with the item id.");
    if (columnFor(QStringLiteral("time")) < 0)
        return tr("Choose the column with the event time.");
    if (columnFor(QStringLiteral("session")) < 0 && columnFor(QStringLiteral("user")) < 0)
        return tr("Choose a session column, or a user column to cut sessions at a time gap.");
    return {};
}

int MappingModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_roles.size());
}

int MappingModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString MappingModel::roleLabel(const std::string& role) const {
    if (role == "session")
        return tr("Session");
    if (role == "user")
        return tr("User");
    if (role == "item" || role == "id")
        return tr("Item id");
    if (role == "time")
        return tr("Time");
    if (role == "event")
        return tr("Event type");
    if (role == "title")
        return tr("Title");
    if (role == "description")
        return tr("Description");
    return tr("Category");
}

QString MappingModel::roleHelp(const std::string& role) const {
    if (role == "session")
        return tr("Events with the same value form one session");
    if (role == "user")
        return tr("Without a session column, each user's events are cut into sessions at the "
                  "session gap");
    if (role == "item" || role == "id")
        return tr("The item's identifier (required)");
    if (role == "time")
        return tr("When the event happened (required); read with the time format");
    if (role == "event")
        return tr("The kind of event, e.g. view, cart, buy (optional)");
    if (role == "title")
        return tr("The item's title, used by the text encoder");
    if (role == "description")
        return tr("The item's description, used by the text encoder");
    return tr("The item's category");
}

QVariant MappingModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const std::size_t r = std::size_t(index.row());
    const int assigned = m_assigned[r];
    if (role == Qt::ToolTipRole)
        return roleHelp(m_roles[r]);
    if (index.column() == FileColumn && role == ChoicesRole)
        return QStringList(tr("(not in the file)")) + m_columns;
    switch (index.column()) {
    case RoleColumn:
        return role == Qt::DisplayRole ? QVariant(roleLabel(m_roles[r])) : QVariant();
    case FileColumn:
        if (role == Qt::EditRole)
            return assigned;
        if (role == Qt::DisplayRole)
            return assigned >= 0 && assigned < m_columns.size() ? m_columns[assigned]
                                                                : tr("(not in the file)");
        return {};
    case SampleColumn:
        if (role == Qt::DisplayRole && assigned >= 0 && assigned < m_sample.size())
            return m_sample[assigned];
        return {};
    default:
        return {};
    }
}

bool MappingModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != FileColumn || role != Qt::EditRole ||
        index.row() >= rowCount())
        return false;
    bool ok = false;
    const int column = value.toInt(&ok);
    if (!ok || column < -1 || column >= m_columns.size())
        return false;
    m_assigned[std::size_t(index.row())] = column;
    Q_EMIT dataChanged(this->index(index.row(), FileColumn),
                       this->index(index.row(), SampleColumn));
    Q_EMIT mappingChanged();
    return true;
}

Qt::ItemFlags MappingModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == FileColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant MappingModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RoleColumn:
        return tr("Role");
    case FileColumn:
        return tr("Column in the file");
    case SampleColumn:
        return tr("First value");
    default:
        return {};
    }
}

} // namespace srw::ui
