#include "heatmap/heatmap_view.h"

#include "heatmap/heatmap_model.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>

namespace srw::ui {
namespace {
constexpr int kLeft = 56, kTop = 30, kRight = 84, kBottom = 36;
// Up to this many items the rows are few enough to name: the left axis gets room for titles.
constexpr int kTitledItems = 120;
constexpr int kTitledLeft = 230;
} // namespace

HeatmapView::HeatmapView(HeatmapModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    setMouseTracking(true);
    setMinimumSize(320, 260);
    setCursor(Qt::CrossCursor);
}

QRectF HeatmapView::mapArea() const {
    return QRectF(m_left, kTop, width() - m_left - kRight, height() - kTop - kBottom);
}

// The image is built here, once per new matrix, measure or order; painting, zooming and
// panning only draw the visible part of it.
void HeatmapView::refresh() {
    m_image = m_model->image();
    m_left = m_image.width() <= kTitledItems ? kTitledLeft : kLeft;
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
    // Axes: a numbered tick every few cells, as many as fit. With room for titles (few items)
    // the rows carry their titles in a slightly smaller font, every row when rows are tall
    // enough for a line, else every few rows.
    // The frame and the axes hug the image as far as it is visible: a fitted square matrix in a
    // wide panel would otherwise sit in a box with an empty band beside it.
    const QRectF frame = visible.isEmpty() ? area : visible;
    p.setPen(palette().color(QPalette::Text));
    p.drawRect(frame);
    const QFontMetrics fm(font());
    const bool titled = m_left > kLeft;
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const QFontMetrics sm(small);
    const int xStep = qMax(1, int(std::ceil(40.0 / m_scale)));
    const int yStep = titled ? qMax(1, int(std::ceil((sm.height() - 1) / m_scale))) : xStep;
    for (int i = 0; i < n; ++i) {
        const double x = m_offset.x() + (i + 0.5) * m_scale;
        const double y = m_offset.y() + (i + 0.5) * m_scale;
        if (i % xStep == 0 && x >= frame.left() && x <= frame.right()) {
            p.drawLine(QPointF(x, frame.bottom()), QPointF(x, frame.bottom() + 4));
            p.drawText(QRectF(x - 20, frame.bottom() + 5, 40, fm.height()), Qt::AlignHCenter,
                       QString::number(i + 1));
        }
        if (i % yStep == 0 && y >= frame.top() && y <= frame.bottom()) {
            p.drawLine(QPointF(frame.left() - 4, y), QPointF(frame.left(), y));
            const QString number = QString::number(i + 1);
            if (!titled) {
                p.drawText(QRectF(0, y - fm.height() / 2.0, area.left() - 7, fm.height()),
                           Qt::AlignRight | Qt::AlignVCenter, number);
                continue;
            }
            const QRectF box(4, y - sm.height() / 2.0, area.left() - 11, sm.height());
            const int room = int(box.width()) - sm.horizontalAdvance(QStringLiteral("  000"));
            p.setFont(small);
            p.drawText(box, Qt::AlignRight | Qt::AlignVCenter,
                       sm.elidedText(m_model->titleAt(i), Qt::ElideMiddle, room) +
                           QStringLiteral("  ") + number);
            p.setFont(font());
        }
    }
    // Title: what the cells are, over how many items.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(frame.left(), 0, frame.width(), kTop - 4), Qt::AlignCenter,
               tr("%1, %2 items").arg(m_model->measureName()).arg(n)); // n ≥ 2: no plural
    p.setFont(font());
    // Legend: the colour scale from 0 to 1 (negatives are rare and shown in blue).
    const QRectF bar(qMin(frame.right(), area.right()) + 16, area.top(), 16, area.height());
    if (m_legend.height() != int(bar.height())) { // a strip per height, not per paint
        m_legend = QImage(1, qMax(1, int(bar.height())), QImage::Format_RGB32);
        for (int y = 0; y < m_legend.height(); ++y)
            m_legend.setPixel(0, y,
                              heatColour(1.0f - float(y) / float(qMax(1, m_legend.height() - 1))));
    }
    p.drawImage(bar, m_legend);
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
