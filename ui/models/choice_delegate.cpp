#include "models/choice_delegate.h"

#include <QComboBox>

namespace srw::ui {

QWidget* ChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                      const QModelIndex& index) const {
    auto* combo = new QComboBox(parent);
    combo->addItems(index.data(m_choicesRole).toStringList());
    // Commit as soon as a choice is made, not only when the editor loses focus.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        Q_EMIT const_cast<ChoiceDelegate*>(this)->commitData(combo);
    });
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    static_cast<QComboBox*>(editor)->setCurrentIndex(index.data(Qt::EditRole).toInt() + 1);
}

void ChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                  const QModelIndex& index) const {
    model->setData(index, static_cast<QComboBox*>(editor)->currentIndex() - 1, Qt::EditRole);
}

} // namespace srw::ui
