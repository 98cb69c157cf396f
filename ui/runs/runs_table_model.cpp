#include "runs/runs_table_model.h"

#include "srw/report/metric_table.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace srw::ui {
namespace {

const char* const kMetricOf[] = {"HitRate", "MRR", "NDCG"};

QString metricKey(int column, int k) {
    return QStringLiteral("%1@%2")
        .arg(QLatin1String(kMetricOf[column - RunsTableModel::HitRate]))
        .arg(k);
}

QString localTime(const std::string& iso) {
    const QDateTime t = QDateTime::fromString(QString::fromStdString(iso), Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat)
                       : QString::fromStdString(iso);
}

} // namespace

QString metricWithInterval(const nlohmann::json& metrics, const QString& key) {
    const std::string k = key.toStdString();
    const auto v = metricValue(metrics, k);
    if (!v)
        return QString();
    QString s = QString::number(*v, 'f', 4);
    if (const auto iv = metricInterval(metrics, k))
        s += QStringLiteral(" [%1, %2]").arg(iv->low, 0, 'f', 3).arg(iv->high, 0, 'f', 3);
    return s;
}

std::optional<double> runAlpha(const RunRecord& run) {
    if (run.params.is_object() && run.params.contains("alpha")) {
        const auto& a = run.params["alpha"];
        if (a.is_number())
            return a.get<double>();
        // Stored parameters of baselines are strings; a model may store α the same way.
        if (a.is_string()) {
            bool ok = false;
            const double v = QString::fromStdString(a.get<std::string>()).toDouble(&ok);
            if (ok)
                return v;
        }
    }
    return std::nullopt;
}

QString statusText(const QString& status) {
    if (status == QLatin1String("finished"))
        return RunsTableModel::tr("finished");
    if (status == QLatin1String("running"))
        return RunsTableModel::tr("running");
    if (status == QLatin1String("failed"))
        return RunsTableModel::tr("failed");
    if (status == QLatin1String("cancelled"))
        return RunsTableModel::tr("cancelled");
    if (status == QLatin1String("interrupted")) // its process died; resumable
        return RunsTableModel::tr("interrupted");
    return status;
}

RunsTableModel::RunsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsTableModel::setRuns(std::vector<RunRecord> runs) {
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

int RunsTableModel::rowOf(std::int64_t runId) const {
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == runId)
            return int(i);
    return -1;
}

void RunsTableModel::setCutoff(int k) {
    if (k == m_cutoff || k < 1)
        return;
    m_cutoff = k;
    Q_EMIT headerDataChanged(Qt::Horizontal, HitRate, Ndcg);
    if (!m_runs.empty())
        Q_EMIT dataChanged(index(0, HitRate), index(rowCount() - 1, Ndcg));
}

int RunsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsTableModel::display(const RunRecord& r, int column) const {
    switch (column) {
    case Id:
        return QVariant::fromValue(qlonglong(r.id));
    case Name:
        return QString::fromStdString(r.name);
    case Status:
        return statusText(QString::fromStdString(r.status));
    case Dataset:
        return QString::fromStdString(r.dataset);
    case Model:
        return QString::fromStdString(r.model);
    case Kind:
        return QString::fromStdString(r.kind);
    case HitRate:
    case Mrr:
    case Ndcg:
        return metricWithInterval(r.metrics, metricKey(column, m_cutoff));
    case Alpha: {
        const auto a = runAlpha(r);
        return a ? QString::number(*a, 'g', 3) : QString();
    }
    case Created:
        return localTime(r.createdAt);
    case Notes:
        return QString::fromStdString(r.notes).simplified();
    default:
        return QVariant();
    }
}

QVariant RunsTableModel::sortValue(const RunRecord& r, int column) const {
    switch (column) {
    case Id:
        return QVariant::fromValue(qlonglong(r.id));
    case HitRate:
    case Mrr:
    case Ndcg: {
        // Runs without the metric sort below every real value.
        const auto v = metricValue(r.metrics, metricKey(column, m_cutoff).toStdString());
        return v ? *v : -1.0;
    }
    case Alpha:
        return runAlpha(r).value_or(-1.0);
    case Created:
        return QString::fromStdString(r.createdAt);
    default:
        return display(r, column);
    }
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const RunRecord& r = m_runs[std::size_t(index.row())];
    const int c = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(r, c);
    case SortRole:
        return sortValue(r, c);
    case RunIdRole:
        return QVariant::fromValue(qlonglong(r.id));
    case Qt::ToolTipRole:
        if (c == Notes || c == Name)
            return display(r, c);
        if (c == Status && r.status == "interrupted")
            return tr("Started %1; the process running it ended without finishing it. A training "
                      "run resumes from its last checkpoint.")
                .arg(localTime(r.createdAt));
        if (c == Status && r.status != "finished")
            return tr("Started %1, not finished").arg(localTime(r.createdAt));
        return QVariant();
    case Qt::TextAlignmentRole:
        if (c == Id || c == HitRate || c == Mrr || c == Ndcg || c == Alpha)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant();
    case Qt::ForegroundRole:
        if (c == Status &&
            (r.status == "failed" || r.status == "cancelled" || r.status == "interrupted"))
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        return QVariant();
    default:
        return QVariant();
    }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section >= HitRate && section <= Ndcg)
        return tr("Value on the test part with its bootstrap confidence interval");
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Id:
        return tr("ID");
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case Dataset:
        return tr("Dataset");
    case Model:
        return tr("Model");
    case Kind:
        return tr("Kind");
    case HitRate:
    case Mrr:
    case Ndcg:
        return metricKey(section, m_cutoff);
    case Alpha:
        return tr("α");
    case Created:
        return tr("Date");
    case Notes:
        return tr("Notes");
    default:
        return QVariant();
    }
}

} // namespace srw::ui
