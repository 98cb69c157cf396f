#pragma once
#include <QStyledItemDelegate>

namespace srw::ui {

/**
 * @brief Edits an index with a combo box of the choices the model gives under choicesRole;
 * the model's EditRole is the chosen index minus one (-1 = the first, "none" choice).
 */
class ChoiceDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    ChoiceDelegate(int choicesRole, QObject* parent = nullptr)
        : QStyledItemDelegate(parent), m_choicesRole(choicesRole) {}

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;

private:
    int m_choicesRole;
};

} // namespace srw::ui
