#include "heatmap/heatmap_view.h"

#include "heatmap/heatmap_model.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>

namespace srw::ui {
namespace {
constexpr int kLeft = 56, kTop = 16, kRight = 84, kBottom = 36;
} // namespace

HeatmapView::HeatmapView(HeatmapModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    setMouseTracking(true);
    setMinimumSize(320, 260);
    setCursor(Qt::CrossCursor);
}

QRectF HeatmapView::mapArea() const {
    return QRectF(kLeft, kTop, width() - kLeft - kRight, height() - kTop - kBottom);
}

void HeatmapView::refresh() {
    m_image = m_model->image();
    fit();
}

void HeatmapView::fit() {
    const QRectF area = mapArea();
    const int n = qMax(1, m_image.width());
    m_scale = qMax(0.05, qMin(area.width(), area.height()) / n);
    m_offset = area.topLeft();
    update();
}

void HeatmapView::resizeEvent(QResizeEvent*) { fit(); }

QPointF HeatmapView::toCell(const QPointF& pos) const { return (pos - m_offset) / m_scale; }

QImage HeatmapView::render() {
    return grab().toImage();
}

void HeatmapView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const QRectF area = mapArea();
    const int n = m_image.width();
    if (n == 0) {
        p.drawText(rect(), Qt::AlignCenter, tr("Choose the items and press Compute."));
        return;
    }
    // Only the visible cells: the source rectangle is the part of the image inside the area.
    const QRectF full(m_offset, QSizeF(n * m_scale, n * m_scale));
    const QRectF visible = full.intersected(area);
    if (!visible.isEmpty()) {
        const QPointF a = toCell(visible.topLeft()), b = toCell(visible.bottomRight());
        const QRect src(QPoint(int(std::floor(a.x())), int(std::floor(a.y()))),
                        QPoint(int(std::ceil(b.x())) - 1, int(std::ceil(b.y())) - 1));
        const QRectF dst(m_offset + QPointF(src.x(), src.y()) * m_scale,
                         QSizeF(src.width(), src.height()) * m_scale);
        p.save();
        p.setClipRect(area);
        p.setRenderHint(QPainter::SmoothPixmapTransform, false);
        p.drawImage(dst, m_image, src);
        p.restore();
    }
    // Axes: a tick every few cells, as many as fit.
    p.setPen(palette().color(QPalette::Text));
    p.drawRect(area);
    const int step = qMax(1, int(std::ceil(40.0 / m_scale)));
    const QFontMetrics fm(font());
    for (int i = 0; i < n; i += step) {
        const double x = m_offset.x() + (i + 0.5) * m_scale;
        const double y = m_offset.y() + (i + 0.5) * m_scale;
        if (x >= area.left() && x <= area.right()) {
            p.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4));
            p.drawText(QRectF(x - 20, area.bottom() + 5, 40, fm.height()), Qt::AlignHCenter,
                       QString::number(i + 1));
        }
        if (y >= area.top() && y <= area.bottom()) {
            p.drawLine(QPointF(area.left() - 4, y), QPointF(area.left(), y));
            p.drawText(QRectF(0, y - fm.height() / 2.0, kLeft - 7, fm.height()),
                       Qt::AlignRight | Qt::AlignVCenter, QString::number(i + 1));
        }
    }
    // Legend: the colour scale from 0 to 1 (negatives are rare and shown in blue).
    const QRectF bar(width() - kRight + 16, area.top(), 16, area.height());
    for (int y = 0; y < int(bar.height()); ++y) {
        const float v = 1.0f - float(y) / float(qMax(1.0, bar.height() - 1));
        p.setPen(QColor::fromRgb(heatColour(v)));
        p.drawLine(QPointF(bar.left(), bar.top() + y), QPointF(bar.right(), bar.top() + y));
    }
    p.setPen(palette().color(QPalette::Text));
    p.drawRect(bar);
    for (double v : {0.0, 0.25, 0.5, 0.75, 1.0}) {
        const double y = bar.bottom() - v * bar.height();
        p.drawText(QRectF(bar.right() + 4, y - fm.height() / 2.0, 40, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, QString::number(v, 'f', 2));
    }
}

void HeatmapView::wheelEvent(QWheelEvent* event) {
    const QPointF at = event->position();
    const QPointF cell = toCell(at);
    const double factor = std::pow(1.0015, event->angleDelta().y());
    m_scale = qBound(0.05, m_scale * factor, 80.0);
    m_offset = at - cell * m_scale; // the cell under the cursor stays there
    update();
}

void HeatmapView::mousePressEvent(QMouseEvent* event) {
    m_press = m_last = event->pos();
    m_dragged = false;
}

void HeatmapView::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) {
        if ((event->pos() - m_press).manhattanLength() > 3)
            m_dragged = true;
        m_offset += event->pos() - m_last;
        m_last = event->pos();
        update();
        return;
    }
    const QPointF cell = toCell(event->position());
    const int r = int(std::floor(cell.y())), c = int(std::floor(cell.x()));
    const int n = m_image.width();
    if (r < 0 || c < 0 || r >= n || c >= n || !mapArea().contains(event->position())) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1\n%2\nsimilarity %3")
                           .arg(m_model->titleAt(r), m_model->titleAt(c))
                           .arg(m_model->valueAt(r, c), 0, 'f', 3),
                       this);
}

void HeatmapView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_dragged)
        return;
    const QPointF cell = toCell(event->position());
    const int r = int(std::floor(cell.y())), c = int(std::floor(cell.x()));
    if (r >= 0 && c >= 0 && r < m_image.width() && c < m_image.width())
        Q_EMIT cellClicked(r, c);
}

} // namespace srw::ui
