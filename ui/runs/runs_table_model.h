#pragma once
#include "srw/data/run_store.h"

#include <QAbstractTableModel>
#include <optional>
#include <vector>

namespace srw::ui {

/**
 * @brief The run history as a table: status, name, dataset, model, key metrics at one cut-off
 * with their intervals, α (when the run has one), date and notes. SortRole gives numbers for
 * the numeric columns so a QSortFilterProxyModel sorts them as numbers.
 */
class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Id,
        Name,
        Status,
        Dataset,
        Model,
        Kind,
        HitRate,
        Mrr,
        Ndcg,
        Alpha,
        Created,
        Notes,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, RunIdRole };

    explicit RunsTableModel(QObject* parent = nullptr);

    void setRuns(std::vector<RunRecord> runs);
    const std::vector<RunRecord>& runs() const { return m_runs; }
    /** @brief The row of a run, or -1. */
    int rowOf(std::int64_t runId) const;
    /** @brief The cut-off of the metric columns (default 20). */
    void setCutoff(int k);
    int cutoff() const { return m_cutoff; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const RunRecord& run, int column) const;
    QVariant sortValue(const RunRecord& run, int column) const;

    std::vector<RunRecord> m_runs;
    int m_cutoff = 20;
};

/** @brief A metric key's value and interval as "0.1234 [0.120, 0.130]", empty when absent. */
QString metricWithInterval(const nlohmann::json& metrics, const QString& key);
/** @brief params.alpha when it is a number. */
std::optional<double> runAlpha(const RunRecord& run);
/** @brief A status translated for display. */
QString statusText(const QString& status);

} // namespace srw::ui
