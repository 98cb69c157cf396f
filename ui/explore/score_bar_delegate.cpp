#include "explore/score_bar_delegate.h"

#include "explore/recommendation_model.h"

#include <QPainter>

namespace srw::ui {

ScoreBarDelegate::ScoreBarDelegate(const QColor& colour, QObject* parent)
    : QStyledItemDelegate(parent), m_colour(colour) {}

void ScoreBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    const QVariant fill = index.data(RecommendationModel::BarRole);
    if (fill.isValid()) {
        // The bar goes under the text so selection and numbers stay readable.
        painter->save();
        QColor c = m_colour;
        c.setAlpha(option.state & QStyle::State_Selected ? 200 : 140);
        QRect bar = option.rect.adjusted(2, 3, -2, -3);
        bar.setWidth(qMax(1, int(bar.width() * qBound(0.0, fill.toDouble(), 1.0))));
        painter->fillRect(bar, c);
        painter->restore();
    }
    QStyledItemDelegate::paint(painter, option, index);
}

} // namespace srw::ui
