#include "explore/recommendation_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace srw::ui {
namespace {

// Rank percentile in [0, 1], ties sharing their mean rank: the definition the model's rank blend
// documents, so a rank-blended run re-ranks here exactly as it scores.
std::vector<double> percentiles(const std::vector<double>& values) {
    const std::size_t n = values.size();
    std::vector<double> out(n, 1.0);
    if (n < 2)
        return out;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && values[order[j + 1]] == values[order[i]])
            ++j;
        for (std::size_t k = i; k <= j; ++k)
            out[order[k]] = 0.5 * double(i + j) / double(n - 1);
        i = j + 1;
    }
    return out;
}

} // namespace

BlendParts blendParts(const std::vector<double>& cf, const std::vector<double>& f,
                      bool rankBlend) {
    if (!rankBlend || f.empty())
        return {cf, f};
    return {percentiles(cf), percentiles(f)};
}

std::vector<RankedItem> rankBlended(const BlendParts& parts, const std::vector<double>& cf,
                                    const std::vector<double>& f, double alpha, std::size_t k) {
    const std::size_t n = cf.size();
    std::vector<double> p;
    // The scorer skips a part whose weight is 0, so at α = 0 or 1 p is the other part alone.
    if (f.empty() || alpha >= 1)
        p = parts.a;
    else if (alpha <= 0)
        p = parts.b;
    else {
        p.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            p[i] = alpha * parts.a[i] + (1.0 - alpha) * parts.b[i];
    }
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    k = std::min(k, n);
    std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(k), order.end(),
                      [&](int x, int y) {
                          return p[std::size_t(x)] > p[std::size_t(y)] ||
                                 (p[std::size_t(x)] == p[std::size_t(y)] && x < y);
                      });
    std::vector<RankedItem> out(k);
    for (std::size_t r = 0; r < k; ++r) {
        const auto i = std::size_t(order[r]);
        out[r] = {order[r], cf[i], f.empty() ? 0.0 : f[i], p[i]};
    }
    return out;
}

std::vector<RankedItem> rankItems(const std::vector<double>& cf, const std::vector<double>& f,
                                  double alpha, bool rankBlend, std::size_t k) {
    return rankBlended(blendParts(cf, f, rankBlend), cf, f, alpha, k);
}

RecommendationModel::RecommendationModel(QObject* parent) : QAbstractTableModel(parent) {}

void RecommendationModel::setTitles(const QStringList& titles) {
    beginResetModel();
    m_titles = titles;
    endResetModel();
}

void RecommendationModel::setScores(std::vector<double> cf, std::vector<double> f,
                                    bool rankBlend) {
    m_cf = std::move(cf);
    m_f = std::move(f);
    m_rankBlend = rankBlend;
    m_parts = blendParts(m_cf, m_f, rankBlend); // percentiles once per prefix, not per α
    rerank();
}

void RecommendationModel::setAlpha(double alpha) {
    m_alpha = alpha;
    rerank();
}

void RecommendationModel::setK(int k) {
    m_k = std::max(1, k);
    rerank();
}

void RecommendationModel::setTarget(int item) {
    m_target = item;
    if (!m_ranked.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RecommendationModel::clear() {
    m_cf.clear();
    m_f.clear();
    m_parts = {};
    rerank();
}

void RecommendationModel::rerank() {
    beginResetModel();
    m_ranked = rankBlended(m_parts, m_cf, m_f, m_alpha, std::size_t(m_k));
    std::fill(std::begin(m_max), std::end(m_max), 0.0);
    for (const RankedItem& r : m_ranked)
        for (int c = CfColumn; c <= ScoreColumn; ++c)
            m_max[c] = std::max(m_max[c], std::abs(columnValue(r, c)));
    endResetModel();
}

double RecommendationModel::columnValue(const RankedItem& r, int column) const {
    switch (column) {
    case CfColumn: return r.cf;
    case NeuralColumn: return r.f;
    case ScoreColumn: return r.p;
    default: return 0;
    }
}

int RecommendationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_ranked.size());
}

int RecommendationModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecommendationModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RankedItem& r = m_ranked[std::size_t(index.row())];
    const int c = index.column();
    const bool isTarget = r.item == m_target;
    switch (role) {
    case Qt::DisplayRole:
        if (c == RankColumn)
            return index.row() + 1;
        if (c == ItemColumn) {
            const QString title = r.item < m_titles.size() ? m_titles[r.item] : QString();
            return isTarget ? tr("✓ %1").arg(title) : title;
        }
        if (c == NeuralColumn && m_f.empty())
            return QString();
        return QString::number(columnValue(r, c), 'f', 4);
    case Qt::ToolTipRole:
        if (isTarget)
            return tr("The true next item of this test session");
        return {};
    case Qt::FontRole:
        if (isTarget) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (isTarget)
            return QBrush(QColor(255, 214, 102, 110));
        return {};
    case Qt::TextAlignmentRole:
        return c == ItemColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                               : int(Qt::AlignRight | Qt::AlignVCenter);
    case ItemRole:
        return r.item;
    case BarRole:
        if (c < CfColumn || (c == NeuralColumn && m_f.empty()) || m_max[c] <= 0)
            return {};
        return std::abs(columnValue(r, c)) / m_max[c];
    default:
        return {};
    }
}

QVariant RecommendationModel::headerData(int section, Qt::Orientation orientation,
                                         int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case RankColumn: return tr("#");
        case ItemColumn: return tr("Item");
        case CfColumn: return tr("s_cf");
        case NeuralColumn: return tr("f");
        case ScoreColumn: return tr("p");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case CfColumn: return tr("Collaborative-filtering score of the item for this session");
        case NeuralColumn: return tr("The BERT+MLP network's probability f");
        case ScoreColumn: return tr("The blend p = α·s_cf + (1 − α)·f the list is ranked by");
        }
    }
    return {};
}

} // namespace srw::ui
