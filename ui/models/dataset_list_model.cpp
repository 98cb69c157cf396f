#include "models/dataset_list_model.h"

#include <QLocale>

namespace srw::ui {

void DatasetListModel::setDatasets(std::vector<DatasetInfo> datasets) {
    beginResetModel();
    m_datasets = std::move(datasets);
    endResetModel();
}

int DatasetListModel::rowOf(const QString& name) const {
    const std::string n = name.toStdString();
    for (std::size_t i = 0; i < m_datasets.size(); ++i)
        if (m_datasets[i].name == n)
            return int(i);
    return -1;
}

int DatasetListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_datasets.size());
}

int DatasetListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatasetListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const DatasetInfo& d = m_datasets[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return tr("%1\n%2 events in %3 sessions, %4 items\nCreated %5")
            .arg(QString::fromStdString(d.name), QLocale().toString(qlonglong(d.events)),
                 QLocale().toString(qlonglong(d.sessions)), QLocale().toString(qlonglong(d.items)),
                 QString::fromStdString(d.createdAt));
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Name:
        return QString::fromStdString(d.name);
    case Events:
        return role == Qt::EditRole ? QVariant(qlonglong(d.events))
                                    : QVariant(QLocale().toString(qlonglong(d.events)));
    case Sessions:
        return role == Qt::EditRole ? QVariant(qlonglong(d.sessions))
                                    : QVariant(QLocale().toString(qlonglong(d.sessions)));
    case Items:
        return role == Qt::EditRole ? QVariant(qlonglong(d.items))
                                    : QVariant(QLocale().toString(qlonglong(d.items)));
    default:
        return {};
    }
}

QVariant DatasetListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Dataset");
    case Events:
        return tr("Events");
    case Sessions:
        return tr("Sessions");
    case Items:
        return tr("Items");
    default:
        return {};
    }
}

} // namespace srw::ui
