#pragma once
#include <QPointF>
#include <QVector>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QTimer;
class QValueAxis;

namespace srw::ui {
struct TrainEpochPoint;

/**
 * @brief Live charts of a training: the loss per step and, per epoch, the mean loss and the
 * validation MRR@20. Points arrive a few times a second from the worker; they are buffered and
 * drawn by a timer (8 Hz) with one QXYSeries::replace per series, so a long run never makes
 * the window stutter with one repaint per point.
 */
class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCharts(QWidget* parent = nullptr);

    void clear();
    void addLoss(qint64 step, double loss);
    void addEpoch(const TrainEpochPoint& epoch);
    /** @brief Draws what is buffered now (the timer does it otherwise). */
    void flush();

    int lossPointCount() const { return int(m_loss.size()); }
    int epochCount() const { return int(m_epochLoss.size()); }
    /** @brief Points the loss series shows (decimated from lossPointCount()). */
    int shownLossPoints() const;
    QChartView* lossView() const { return m_lossView; }
    QChartView* validView() const { return m_validView; }

    static constexpr int kMaxShownPoints = 1500;

private:
    QVector<QPointF> m_loss;
    QVector<QPointF> m_epochLoss;
    QVector<QPointF> m_validMrr;
    bool m_dirty = false;
    QTimer* m_timer;
    QChartView* m_lossView;
    QChartView* m_validView;
    QLineSeries* m_lossSeries;
    QLineSeries* m_epochLossSeries;
    QScatterSeries* m_epochLossDots;
    QLineSeries* m_validSeries;
    QScatterSeries* m_validDots;
    QValueAxis* m_lossX;
    QValueAxis* m_lossY;
    QValueAxis* m_epochX;
    QValueAxis* m_validY;
    QValueAxis* m_epochLossY;
};

} // namespace srw::ui
