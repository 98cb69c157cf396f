#include "heatmap/heatmap_model.h"

#include <QColor>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace srw::ui {

std::vector<int> greedyNearestOrder(const SimilarityMatrix& m) {
    const std::size_t n = m.items.size();
    std::vector<int> order;
    std::vector<char> used(n, 0);
    std::size_t cur = 0;
    for (std::size_t step = 0; step < n; ++step) {
        order.push_back(int(cur));
        used[cur] = 1;
        std::size_t best = n;
        for (std::size_t j = 0; j < n; ++j)
            if (!used[j] && (best == n || m.at(cur, j) > m.at(cur, best)))
                best = j;
        cur = best;
    }
    return order;
}

std::vector<int> categoryOrder(const std::vector<std::int32_t>& items,
                               const QStringList& categories) {
    std::vector<int> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    auto cat = [&](int row) { return categories.value(items[std::size_t(row)]); };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return cat(a) < cat(b); });
    return order;
}

QRgb heatColour(float value) {
    // Sequential white → red for similarities, blue for the rare negative text cosines.
    const float v = std::clamp(value, -1.0f, 1.0f);
    if (v < 0)
        return qRgb(int(255 + v * 200), int(255 + v * 150), 255);
    const QColor c = QColor::fromHsvF(0.02f + 0.1f * (1 - v), 0.05f + 0.9f * v, 1.0f - 0.45f * v);
    return c.rgb();
}

HeatmapModel::HeatmapModel(QObject* parent) : QAbstractTableModel(parent) {}

void HeatmapModel::setTitles(const QStringList& titles) {
    m_titles = titles;
    rebuild();
}

void HeatmapModel::setMatrices(SimilarityMatrix cf, SimilarityMatrix text) {
    m_cf = std::move(cf);
    m_text = std::move(text);
    m_order.clear();
    rebuild();
}

void HeatmapModel::setMeasure(Measure measure) {
    m_measure = measure;
    rebuild();
}

void HeatmapModel::setAlpha(double alpha) {
    m_alpha = alpha;
    if (m_measure == Blend)
        rebuild();
}

void HeatmapModel::setOrder(std::vector<int> order) {
    beginResetModel();
    m_order = std::move(order);
    endResetModel();
}

// Blending 1,000² cells takes a few milliseconds: done here so α moves without a worker trip.
void HeatmapModel::rebuild() {
    beginResetModel();
    if (m_measure == Cf || m_text.items.empty())
        m_shown = m_cf;
    else if (m_measure == Text)
        m_shown = m_text;
    else
        m_shown = blendMatrix(m_cf, m_text, m_alpha);
    if (m_order.size() != m_shown.items.size())
        m_order.clear();
    endResetModel();
}

QString HeatmapModel::measureName() const {
    if (m_measure == Cf || m_text.items.empty())
        return tr("CF cosine");
    if (m_measure == Text)
        return tr("Text cosine");
    return tr("Blend of CF and text cosine (α %1)").arg(m_alpha, 0, 'f', 2);
}

int HeatmapModel::itemAt(int row) const {
    const int r = m_order.empty() ? row : m_order[std::size_t(row)];
    return m_shown.items[std::size_t(r)];
}

float HeatmapModel::valueAt(int row, int column) const {
    const auto r = std::size_t(m_order.empty() ? row : m_order[std::size_t(row)]);
    const auto c = std::size_t(m_order.empty() ? column : m_order[std::size_t(column)]);
    return m_shown.at(r, c);
}

QString HeatmapModel::titleAt(int row) const {
    const int item = itemAt(row);
    return item < m_titles.size() ? m_titles[item] : QString::number(item);
}

// A million cells through QColor's HSV conversion took ~0.1 s; a table of 2,049 steps over
// [-1, 1] is finer than any screen shows and makes the image a lookup per cell.
QImage HeatmapModel::image() const {
    constexpr int kSteps = 1024;
    static const std::vector<QRgb> table = [] {
        std::vector<QRgb> t(2 * kSteps + 1);
        for (int i = 0; i <= 2 * kSteps; ++i)
            t[std::size_t(i)] = heatColour(float(i - kSteps) / kSteps);
        return t;
    }();
    const int n = rowCount();
    QImage img(n, n, QImage::Format_RGB32);
    for (int r = 0; r < n; ++r) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(r));
        for (int c = 0; c < n; ++c) {
            const float x = valueAt(r, c);
            const float v = std::isnan(x) ? 0.0f : std::clamp(x, -1.0f, 1.0f);
            line[c] = table[std::size_t(std::lround((v + 1.0f) * kSteps))];
        }
    }
    return img;
}

int HeatmapModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_shown.items.size());
}

int HeatmapModel::columnCount(const QModelIndex& parent) const { return rowCount(parent); }

QVariant HeatmapModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole)
        return QString::number(valueAt(index.row(), index.column()), 'f', 3);
    if (role == ValueRole)
        return double(valueAt(index.row(), index.column()));
    if (role == Qt::ToolTipRole)
        return tr("%1 × %2: %3")
            .arg(titleAt(index.row()), titleAt(index.column()))
            .arg(valueAt(index.row(), index.column()), 0, 'f', 3);
    return {};
}

QVariant HeatmapModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || section < 0 || section >= rowCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    return titleAt(section);
}

} // namespace srw::ui
