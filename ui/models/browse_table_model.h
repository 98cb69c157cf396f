#pragma once
#include "srw/data/browse_queries.h"

#include <QAbstractTableModel>
#include <memory>
#include <optional>
#include <vector>

namespace srw::ui {
class TaskRunner;

/**
 * @brief One table of a dataset (events, sessions or items), fetched page by page with keyset
 * pagination on a worker thread; fast on millions of rows because only what the view scrolls
 * to is ever read. Sorting and searching restart the query; pages of an older query are dropped.
 */
class BrowseTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    BrowseTableModel(const QString& databasePath, BrowseTable table, QObject* parent = nullptr);
    ~BrowseTableModel() override;

    void setDataset(const QString& dataset);
    void setSearch(const QString& text);
    QString dataset() const { return QString::fromStdString(m_query.dataset); }
    /** @brief Matching rows in total; -1 until counted. */
    qint64 totalRows() const { return m_total; }
    bool isLoading() const { return m_loadingRun != 0; }
    void setPageSize(int rows) { m_pageSize = rows; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void totalRowsChanged(qint64 total);
    void queryFailed(const QString& message);

private:
    void restart();
    void requestPage();
    void requestCount();
    void onFinished(int run);

    TaskRunner* m_runner;
    BrowseTable m_table;
    BrowseQuery m_query;
    std::vector<std::vector<BrowseValue>> m_rows;
    std::optional<BrowseCursor> m_next;
    std::shared_ptr<BrowsePage> m_page;     ///< filled by the page run awaited
    std::shared_ptr<std::int64_t> m_count;  ///< filled by the count run awaited
    bool m_exhausted = true;
    int m_loadingRun = 0;
    int m_countRun = 0;
    qint64 m_total = -1;
    int m_pageSize = 256;
};

} // namespace srw::ui
