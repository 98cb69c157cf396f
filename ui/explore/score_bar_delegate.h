#pragma once
#include <QStyledItemDelegate>

namespace srw::ui {

/** @brief Draws a score cell as a bar (its fill from BarRole) behind the number. */
class ScoreBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    ScoreBarDelegate(const QColor& colour, QObject* parent = nullptr);
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

private:
    QColor m_colour;
};

} // namespace srw::ui
