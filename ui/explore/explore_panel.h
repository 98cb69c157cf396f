#pragma once
#include <QVector>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableView;

namespace srw::ui {
class ExploreRunner;
class RecommendationModel;
struct ExploreReason;

/**
 * @brief Explore: a trained run or a baseline, a session (a test session stepped position by
 * position, or one built from the catalogue), its live top-K with s_cf, f and p as bars, α
 * re-ranking from cached parts, and why an item is recommended.
 */
class ExplorePanel : public QWidget {
    Q_OBJECT
public:
    explicit ExplorePanel(const QString& databasePath, QWidget* parent = nullptr);

    void setDataset(const QString& name);
    ExploreRunner* runner() const { return m_runner; }
    RecommendationModel* model() const { return m_model; }
    QComboBox* modelBox() const { return m_models; }
    QTableView* table() const { return m_table; }
    QVector<int> session() const { return m_session; }
    /** @brief Loads the model chosen in the list (the first trained run, else a baseline). */
    void loadModel();
    /** @brief Session [a] with the reasons for b: a heatmap cell opened here. */
    void openPair(int a, int b);
    void selectTestSession(int index);
    double alpha() const;
    /** @brief Re-reads the trained runs into the model list (a training has finished). */
    void refreshModels();

Q_SIGNALS:
    void statusMessage(const QString& text);
    void sessionChanged();

private:
    void setSession(const QVector<int>& items, int target);
    void stepTo(int position);
    void showReason(const ExploreReason& reason);
    void addSearchedItem();
    QString title(int item) const;

    QString m_path;
    QString m_dataset;
    ExploreRunner* m_runner;
    RecommendationModel* m_model;
    QComboBox* m_models;
    QSlider* m_alphaSlider;
    QDoubleSpinBox* m_alpha;
    QSpinBox* m_k;
    QComboBox* m_tests;
    QPushButton* m_prev;
    QPushButton* m_next;
    QLabel* m_position;
    QLineEdit* m_search;
    QListWidget* m_sessionList;
    QTableView* m_table;
    QLabel* m_reason;
    QVector<int> m_session;
    QVector<int> m_testSession; // the whole test session being stepped through
    int m_step = 0;
    int m_explained = -1;
};

} // namespace srw::ui
