#pragma once
#include "srw/analysis/similarity_matrix.h"

#include <QAbstractTableModel>
#include <QImage>
#include <QStringList>
#include <vector>

namespace srw::ui {

/** @brief Greedy nearest-neighbour order: start at row 0, always go to the most similar unused
 * row. O(n²), so 1,000 items order in milliseconds; similar items end up in blocks. */
std::vector<int> greedyNearestOrder(const SimilarityMatrix& m);
/** @brief Rows by category name, then by their current order. */
std::vector<int> categoryOrder(const std::vector<std::int32_t>& items,
                               const QStringList& categories);
/** @brief The colour of a similarity in [-1, 1] (blue for negative, light to dark red above). */
QRgb heatColour(float value);

/**
 * @brief Item × item similarities (text, CF or their blend) in a chosen row order: the table
 * behind the heatmap, and its image (one pixel per cell).
 */
class HeatmapModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Measure { Text, Cf, Blend };
    static constexpr int ValueRole = Qt::UserRole;

    explicit HeatmapModel(QObject* parent = nullptr);

    void setTitles(const QStringList& titles);
    void setMatrices(SimilarityMatrix cf, SimilarityMatrix text);
    void setMeasure(Measure measure);
    void setAlpha(double alpha);
    /** @brief A permutation of the rows (empty: the given order). */
    void setOrder(std::vector<int> order);
    const SimilarityMatrix& shown() const { return m_shown; }
    /** @brief The dense item of a displayed row or column. */
    int itemAt(int row) const;
    float valueAt(int row, int column) const;
    QString titleAt(int row) const;
    QImage image() const;
    bool hasText() const { return !m_text.items.empty(); }
    /** @brief What the cells show, for the map's title: "CF cosine", "Blend (α 0.60)" … */
    QString measureName() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    QStringList m_titles;
    SimilarityMatrix m_cf, m_text, m_shown;
    Measure m_measure = Cf;
    double m_alpha = 0.6;
    std::vector<int> m_order;
};

} // namespace srw::ui
