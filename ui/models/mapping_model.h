#pragma once
#include "srw/parsers/column_mapping.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace srw::ui {

/**
 * @brief The import wizard's column mapping: one row per role (session, user, item, time,
 * event; or id, title, description, category for a catalogue), the file column that plays it
 * (editable; -1 = not in the file) and that column's value in the first data row.
 */
class MappingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RoleColumn, FileColumn, SampleColumn, ColumnCount };
    /** Qt::UserRole+1 on FileColumn: the choices, "(not in the file)" first. */
    static constexpr int ChoicesRole = Qt::UserRole + 1;

    explicit MappingModel(QObject* parent = nullptr);

    /** @brief Events (false) or catalogue (true) roles; keeps nothing of the old mapping. */
    void setCatalog(bool catalog);
    bool isCatalog() const { return m_catalog; }
    /**
     * @brief The file's columns (names as shown), its header (empty without one) and first
     * data row; assigns roles from the header names the way the importer would.
     */
    void setFile(const QStringList& columnNames, const QStringList& header,
                 const QStringList& sampleRow);

    QStringList roles() const;
    int columnFor(const QString& role) const;
    void setColumnFor(const QString& role, int column);
    /** @brief The explicit mapping for core: "role=index" for every assigned role. */
    ColumnMapping mapping() const;
    /** @brief Why the mapping cannot be imported, or empty when it can. */
    QString problem() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void mappingChanged();

private:
    QString roleLabel(const std::string& role) const;
    QString roleHelp(const std::string& role) const;

    bool m_catalog = false;
    std::vector<std::string> m_roles;
    std::vector<int> m_assigned;
    QStringList m_columns;
    QStringList m_sample;
};

} // namespace srw::ui
