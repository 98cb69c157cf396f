#pragma once
#include <QVector>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace srw::ui {
class ExplorePanel;
class HeatmapModel;
class HeatmapView;
class ItemPicker;

/**
 * @brief Item-item similarity heatmap over the top-N popular items, a category, the Explore
 * session, the session with its recommendations, or a free selection: text, CF or blend;
 * ordered as given, by category or by clustering; exported as PNG. Computes on Explore's
 * worker (it holds the text vectors), so a 1,000-item matrix never blocks the window.
 */
class HeatmapPanel : public QWidget {
    Q_OBJECT
public:
    enum Source { TopPopular, Category, Session, SessionAndRecommendations, Selection };
    enum Order { AsGiven, ByCategory, ByClustering };

    HeatmapPanel(ExplorePanel* explore, QWidget* parent = nullptr);
    HeatmapModel* model() const { return m_model; }
    HeatmapView* view() const { return m_view; }
    ItemPicker* picker() const { return m_picker; }
    void setSource(Source source);
    void setTopN(int n);
    void setMeasure(int measure);
    void setOrder(Order order);
    /** @brief The items the chosen source gives now (dense indices, in their order). */
    QVector<int> sourceItems() const;
    void compute();
    bool exportPng(const QString& path);

Q_SIGNALS:
    /** @brief A cell was clicked: Explore shows the pair; the window switches to it. */
    void exploreRequested();
    void statusMessage(const QString& text);

private:
    void applyOrder();

    ExplorePanel* m_explore;
    HeatmapModel* m_model;
    HeatmapView* m_view;
    ItemPicker* m_picker;
    QComboBox* m_source;
    QSpinBox* m_topN;
    QComboBox* m_category;
    QComboBox* m_measure;
    QDoubleSpinBox* m_alpha;
    QComboBox* m_order;
};

} // namespace srw::ui
