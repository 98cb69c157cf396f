#include "models/preview_model.h"

#include "srw/parsers/column_mapping.h"
#include "srw/parsers/delimited_reader.h"
#include "srw/util/error.h"

#include <QCoreApplication>

namespace srw::ui {

bool looksLikeHeaderRow(const QStringList& fields) {
    for (const auto* synonyms : {&eventColumnSynonyms(), &catalogColumnSynonyms()})
        for (const QString& f : fields) {
            const std::string n = normalizeHeaderName(f.trimmed().toStdString());
            for (const auto& [role, names] : *synonyms)
                for (const auto& s : names)
                    if (n == s)
                        return true;
        }
    return false;
}

QString delimiterName(char delimiter) {
    switch (delimiter) {
    case ',':
        return QCoreApplication::translate("srw::ui::PreviewModel", "comma");
    case '\t':
        return QCoreApplication::translate("srw::ui::PreviewModel", "tab");
    case ';':
        return QCoreApplication::translate("srw::ui::PreviewModel", "semicolon");
    case '|':
        return QCoreApplication::translate("srw::ui::PreviewModel", "vertical bar");
    default:
        return QString(QLatin1Char(delimiter));
    }
}

void PreviewModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_header.clear();
    m_columns = 0;
    m_hasHeader = false;
    m_error.clear();
    endResetModel();
}

bool PreviewModel::load(const QString& path, char delimiter, HeaderMode header, int maxRows) {
    clear();
    beginResetModel();
    try {
        DelimitedReader reader(path.toStdString(), DelimitedOptions{delimiter, true});
        m_delimiter = reader.delimiter();
        Record r;
        bool first = true;
        while (int(m_rows.size()) < maxRows && reader.next(r)) {
            QStringList fields;
            for (auto f : r.fields)
                fields << QString::fromUtf8(f.data(), qsizetype(f.size()));
            if (first) {
                first = false;
                m_hasHeader = header == HeaderMode::Present ||
                              (header == HeaderMode::Auto && looksLikeHeaderRow(fields));
                if (m_hasHeader) {
                    for (QString& f : fields)
                        f = f.trimmed();
                    m_header = fields;
                    m_columns = int(fields.size());
                    continue;
                }
            }
            m_columns = std::max(m_columns, int(fields.size()));
            m_rows.push_back(std::move(fields));
        }
    } catch (const InputError& e) {
        m_error = e.line() ? tr("%1, line %2: %3")
                                 .arg(path)
                                 .arg(qulonglong(e.line()))
                                 .arg(QString::fromStdString(e.reason()))
                           : tr("%1: %2").arg(path, QString::fromStdString(e.reason()));
    } catch (const std::exception& e) {
        m_error = QString::fromUtf8(e.what());
    }
    endResetModel();
    return m_error.isEmpty();
}

QStringList PreviewModel::columnNames() const {
    QStringList out;
    for (int c = 0; c < m_columns; ++c)
        out << (c < m_header.size() && !m_header[c].isEmpty() ? m_header[c]
                                                              : tr("Column %1").arg(c + 1));
    return out;
}

QStringList PreviewModel::firstRow() const { return m_rows.empty() ? QStringList() : m_rows[0]; }

int PreviewModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PreviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_columns;
}

QVariant PreviewModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= m_columns)
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QStringList& row = m_rows[std::size_t(index.row())];
    return index.column() < row.size() ? row[index.column()] : QString();
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    const QStringList names = columnNames();
    return section >= 0 && section < names.size() ? QVariant(names[section]) : QVariant();
}

} // namespace srw::ui
