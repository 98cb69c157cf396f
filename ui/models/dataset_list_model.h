#pragma once
#include "srw/data/session_store.h"

#include <QAbstractTableModel>
#include <vector>

namespace srw::ui {

/** @brief The datasets of a workspace: name, events, sessions, items (read-only). */
class DatasetListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Events, Sessions, Items, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setDatasets(std::vector<DatasetInfo> datasets);
    const std::vector<DatasetInfo>& datasets() const { return m_datasets; }
    /** @brief The row of the named dataset, or -1. */
    int rowOf(const QString& name) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<DatasetInfo> m_datasets;
};

} // namespace srw::ui
