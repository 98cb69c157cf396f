#pragma once
#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace srw::ui {

/** @brief One ranked item with its parts. */
struct RankedItem {
    int item = 0;
    double cf = 0, f = 0, p = 0;
};

/** @brief What α blends: s_cf and f, or their rank percentiles (which do not depend on α). */
struct BlendParts {
    std::vector<double> a, b;
};
BlendParts blendParts(const std::vector<double>& cf, const std::vector<double>& f, bool rankBlend);
/** @brief rankItems() from parts made once per prefix: moving α costs a blend and a top-k. */
std::vector<RankedItem> rankBlended(const BlendParts& parts, const std::vector<double>& cf,
                                    const std::vector<double>& f, double alpha, std::size_t k);

/**
 * @brief The top k by p = α·s_cf + (1 − α)·f (or of rank percentiles when rankBlend), ties by
 * lower index: the same expression and order as the model's scorer and core's recommendTop, so
 * moving α re-ranks from cached parts without a model call. f empty: p is cf (a baseline).
 */
std::vector<RankedItem> rankItems(const std::vector<double>& cf, const std::vector<double>& f,
                                  double alpha, bool rankBlend, std::size_t k);

/** @brief The top-K list of Explore: rank, item, s_cf, f, p; the true next item marked. */
class RecommendationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RankColumn, ItemColumn, CfColumn, NeuralColumn, ScoreColumn, ColumnCount };
    /** @brief Qt::UserRole + 1: the bar's fill in [0, 1] for the score columns. */
    static constexpr int BarRole = Qt::UserRole + 1;
    /** @brief Qt::UserRole: the dense item index. */
    static constexpr int ItemRole = Qt::UserRole;

    explicit RecommendationModel(QObject* parent = nullptr);

    void setTitles(const QStringList& titles);
    void setScores(std::vector<double> cf, std::vector<double> f, bool rankBlend);
    void setAlpha(double alpha);
    void setK(int k);
    /** @brief The true next item (-1: none), marked in the list. */
    void setTarget(int item);
    void clear();
    const std::vector<RankedItem>& ranking() const { return m_ranked; }
    double alpha() const { return m_alpha; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rerank();
    double columnValue(const RankedItem& r, int column) const;

    QStringList m_titles;
    std::vector<double> m_cf, m_f;
    BlendParts m_parts;
    bool m_rankBlend = false;
    double m_alpha = 0.6;
    int m_k = 20;
    int m_target = -1;
    std::vector<RankedItem> m_ranked;
    double m_max[ColumnCount] = {};
};

} // namespace srw::ui
