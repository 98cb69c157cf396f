#pragma once
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace srw::ui {
class ExplorePanel;
class HeatmapModel;
class HeatmapView;

/**
 * @brief Item-item similarity heatmap over the top-N popular items, a category, the Explore
 * session or its recommendations: text, CF or blend; ordered as given, by category or by
 * clustering; exported as PNG. Computes on Explore's worker (it holds the text vectors).
 */
class HeatmapPanel : public QWidget {
    Q_OBJECT
public:
    HeatmapPanel(ExplorePanel* explore, QWidget* parent = nullptr);
    HeatmapModel* model() const { return m_model; }
    HeatmapView* view() const { return m_view; }
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
    QComboBox* m_source;
    QSpinBox* m_topN;
    QComboBox* m_category;
    QComboBox* m_measure;
    QDoubleSpinBox* m_alpha;
    QComboBox* m_order;
};

} // namespace srw::ui
