#pragma once
#include "srw/data/csv_importer.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace srw::ui {

/**
 * @brief The first rows of a delimited file, read with core's DelimitedReader, as the import
 * wizard shows them: the header (given, or detected from the role names) becomes the column
 * headings, the data rows the table.
 */
class PreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    /**
     * @brief Reads up to maxRows data rows. delimiter 0 sniffs it; HeaderMode::Auto takes the
     * first row as a header when one of its fields names a known role. On failure the model
     * is empty and error() says why (with line and column for bad input).
     */
    bool load(const QString& path, char delimiter, HeaderMode header, int maxRows = 200);
    void clear();

    char delimiter() const { return m_delimiter; }
    bool hasHeader() const { return m_hasHeader; }
    /** @brief The header's names, or "Column 1", "Column 2", … without one. */
    QStringList columnNames() const;
    /** @brief The header's names as in the file (empty without a header). */
    const QStringList& headerNames() const { return m_header; }
    QStringList firstRow() const;
    const QString& error() const { return m_error; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<QStringList> m_rows;
    QStringList m_header;
    int m_columns = 0;
    char m_delimiter = ',';
    bool m_hasHeader = false;
    QString m_error;
};

/** @brief True when a field of the row names a role (event or catalogue), like core does. */
bool looksLikeHeaderRow(const QStringList& fields);

/** @brief A readable name of a delimiter: "comma", "tab", … */
QString delimiterName(char delimiter);

} // namespace srw::ui
