#pragma once
#include "srw/data/browse_queries.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace srw::ui {
class BrowseTableModel;

/** @brief Browses one table of the current dataset with search and sorting. */
class BrowsePanel : public QWidget {
    Q_OBJECT
public:
    BrowsePanel(const QString& databasePath, BrowseTable table, QWidget* parent = nullptr);

    void setDataset(const QString& dataset);
    /** @brief Reads the table again (after the dataset changed). */
    void reload();
    BrowseTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

private:
    void updateCount();

    BrowseTableModel* m_model;
    QLineEdit* m_search;
    QTableView* m_view;
    QLabel* m_count;
    QTimer* m_debounce;
    bool m_fitted = false;
};

} // namespace srw::ui
