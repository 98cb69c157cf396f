#pragma once
#include <QImage>
#include <QWidget>

namespace srw::ui {
class HeatmapModel;

/**
 * @brief Draws the model's image (one pixel per cell, scaled without smoothing: cells stay
 * crisp) with axes and a colour legend. Wheel zooms around the cursor, dragging pans, hovering
 * shows both titles and the value, a click emits the cell. Only the visible part of the image
 * is drawn, so a 1,000 × 1,000 map stays smooth.
 */
class HeatmapView : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapView(HeatmapModel* model, QWidget* parent = nullptr);
    /** @brief Re-reads the image from the model and fits it to the view. */
    void refresh();
    QImage render();
    /** @brief The cached image of the cells (rebuilt by refresh() only). */
    const QImage& image() const { return m_image; }
    QSize sizeHint() const override { return {700, 600}; }

Q_SIGNALS:
    void cellClicked(int row, int column);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QRectF mapArea() const;
    QPointF toCell(const QPointF& pos) const;
    void fit();

    HeatmapModel* m_model;
    QImage m_image;
    QImage m_legend;    // the colour scale, one pixel wide
    int m_left = 56;    // the left margin: wider when rows are named
    double m_scale = 1; // pixels per cell
    QPointF m_offset;   // top-left of the image in widget coordinates
    QPoint m_press, m_last;
    bool m_dragged = false;
};

} // namespace srw::ui
