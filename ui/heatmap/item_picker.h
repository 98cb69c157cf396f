#pragma once
#include <QVector>
#include <QWidget>

class QLineEdit;
class QListView;
class QListWidget;
class QSortFilterProxyModel;
class QStringListModel;

namespace srw::ui {

/**
 * @brief A free choice of items for the heatmap: search the catalogue, pick any number of the
 * results (multi-select, double-click or Add), add the Explore session or its
 * recommendations, and remove any of the chosen ones again. Items are dense indices.
 */
class ItemPicker : public QWidget {
    Q_OBJECT
public:
    explicit ItemPicker(QWidget* parent = nullptr);

    /** @brief The titles to search, by dense index; clears the choice (another model). */
    void setCatalogue(const QStringList& titles);
    QVector<int> items() const;
    /** @brief Appends the items not chosen yet, in the given order. */
    void addItems(const QVector<int>& items);
    /** @brief Shows the catalogue items whose title contains text (any case). */
    void setFilter(const QString& text);
    /** @brief Adds the selected search results. */
    void addSelectedResults();
    void removeSelected();
    void clear();
    QListView* results() const { return m_results; }
    QListWidget* chosen() const { return m_chosen; }

Q_SIGNALS:
    void addSessionRequested();
    void addRecommendationsRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QStringList m_titles;
    QLineEdit* m_search;
    QStringListModel* m_catalogue;
    QSortFilterProxyModel* m_filter;
    QListView* m_results;
    QListWidget* m_chosen;
};

} // namespace srw::ui
