#include "training/training_charts.h"

#include "charts/stats_charts.h"
#include "theme.h"
#include "training/training_worker.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimer>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace srw::ui {
namespace {

constexpr int kRefreshMs = 125; // 8 Hz: smooth to the eye, cheap for the GUI thread

QChartView* makeView(QChart* chart, QWidget* parent) {
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->legend()->setAlignment(Qt::AlignBottom);
    // styleChart colours titles and axes; the legend must follow the palette too (dark mode).
    chart->legend()->setLabelColor(QApplication::palette().color(QPalette::WindowText));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

QValueAxis* axis(const QString& title, const QString& format) {
    auto* a = new QValueAxis;
    a->setTitleText(title);
    a->setLabelFormat(format);
    return a;
}

// The range of ys padded a little so the line never touches the frame.
void fitY(QValueAxis* a, const QVector<QPointF>& pts, double floor0) {
    if (pts.isEmpty()) {
        a->setRange(0, 1);
        return;
    }
    double lo = INFINITY, hi = -INFINITY;
    for (const QPointF& p : pts) {
        lo = std::min(lo, p.y());
        hi = std::max(hi, p.y());
    }
    const double pad = std::max((hi - lo) * 0.08, 1e-3);
    a->setRange(std::max(floor0, lo - pad), hi + pad);
    a->applyNiceNumbers();
}

// 1, 2 or 5 times a power of ten, at least raw.
double niceStep(double raw) {
    const double p = std::pow(10.0, std::floor(std::log10(std::max(raw, 1.0))));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= raw)
            return m * p;
    return 10 * p;
}

} // namespace

TrainingCharts::TrainingCharts(QWidget* parent) : QWidget(parent), m_timer(new QTimer(this)) {
    const bool dark = isDark(palette());
    auto* lossChart = new QChart;
    lossChart->setTitle(tr("Training loss"));
    m_lossSeries = new QLineSeries;
    m_lossSeries->setName(tr("loss (running mean of the epoch)"));
    m_lossSeries->setUseOpenGL(false);
    QPen pen(QColor(0x33, 0x6e, 0xc4));
    pen.setWidthF(1.8);
    m_lossSeries->setPen(pen);
    lossChart->addSeries(m_lossSeries);
    m_lossX = axis(tr("step"), QStringLiteral("%d"));
    m_lossY = axis(tr("loss"), QStringLiteral("%.2f"));
    lossChart->addAxis(m_lossX, Qt::AlignBottom);
    lossChart->addAxis(m_lossY, Qt::AlignLeft);
    m_lossSeries->attachAxis(m_lossX);
    m_lossSeries->attachAxis(m_lossY);
    styleChart(lossChart, dark);
    m_lossView = makeView(lossChart, this);

    auto* validChart = new QChart;
    validChart->setTitle(tr("Per epoch"));
    const QColor green(0x2e, 0x9e, 0x5b), orange(0xd9, 0x82, 0x2b);
    m_validSeries = new QLineSeries;
    m_validSeries->setName(tr("validation MRR@20"));
    m_validSeries->setPen(QPen(green, 2.2));
    m_validDots = new QScatterSeries;
    m_validDots->setColor(green);
    m_validDots->setBorderColor(green);
    m_validDots->setMarkerSize(8);
    m_epochLossSeries = new QLineSeries;
    m_epochLossSeries->setName(tr("mean training loss"));
    m_epochLossSeries->setPen(QPen(orange, 2.2, Qt::DashLine));
    m_epochLossDots = new QScatterSeries;
    m_epochLossDots->setColor(orange);
    m_epochLossDots->setBorderColor(orange);
    m_epochLossDots->setMarkerSize(8);
    for (auto* s : std::initializer_list<QXYSeries*>{m_validSeries, m_validDots, m_epochLossSeries,
                                                     m_epochLossDots})
        validChart->addSeries(s);
    m_epochX = axis(tr("epoch"), QStringLiteral("%d"));
    m_validY = axis(tr("MRR@20"), QStringLiteral("%.3f"));
    m_epochLossY = axis(tr("loss"), QStringLiteral("%.2f"));
    validChart->addAxis(m_epochX, Qt::AlignBottom);
    validChart->addAxis(m_validY, Qt::AlignLeft);
    validChart->addAxis(m_epochLossY, Qt::AlignRight);
    for (auto* s : {static_cast<QXYSeries*>(m_validSeries), static_cast<QXYSeries*>(m_validDots)}) {
        s->attachAxis(m_epochX);
        s->attachAxis(m_validY);
    }
    for (auto* s : {static_cast<QXYSeries*>(m_epochLossSeries),
                    static_cast<QXYSeries*>(m_epochLossDots)}) {
        s->attachAxis(m_epochX);
        s->attachAxis(m_epochLossY);
    }
    // The dots repeat the lines' names; only the lines appear in the legend.
    validChart->legend()->markers(m_validDots).first()->setVisible(false);
    validChart->legend()->markers(m_epochLossDots).first()->setVisible(false);
    styleChart(validChart, dark);
    m_validView = makeView(validChart, this);

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_lossView, 3);
    row->addWidget(m_validView, 2);

    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &TrainingCharts::flush);
    m_timer->start();
    clear();
}

void TrainingCharts::clear() {
    m_loss.clear();
    m_epochLoss.clear();
    m_validMrr.clear();
    m_dirty = true;
    flush();
}

void TrainingCharts::addLoss(qint64 step, double loss) {
    if (!std::isfinite(loss) || step < 0)
        return;
    // A resumed run restarts its epoch's running mean: a step seen before replaces nothing.
    if (!m_loss.isEmpty() && m_loss.last().x() >= double(step))
        return;
    m_loss.append(QPointF(double(step), loss));
    m_dirty = true;
}

void TrainingCharts::addEpoch(const TrainEpochPoint& e) {
    m_epochLoss.append(QPointF(e.epoch, e.trainLoss));
    if (e.validMrr >= 0)
        m_validMrr.append(QPointF(e.epoch, e.validMrr));
    m_dirty = true;
}

int TrainingCharts::shownLossPoints() const { return m_lossSeries->count(); }

void TrainingCharts::flush() {
    if (!m_dirty)
        return;
    m_dirty = false;
    // Decimation by stride keeps the shape at a bounded cost; the newest point is always shown.
    QVector<QPointF> shown;
    const int n = int(m_loss.size());
    const int stride = std::max(1, (n + kMaxShownPoints - 1) / kMaxShownPoints);
    shown.reserve(n / stride + 1);
    for (int i = 0; i < n; i += stride)
        shown.append(m_loss[i]);
    if (n > 0 && shown.last() != m_loss.last())
        shown.append(m_loss.last());
    m_lossSeries->replace(shown);
    // The axis ends at the last step (no empty tail), with ticks at round step numbers.
    const double lastStep = std::max(10.0, n ? m_loss.last().x() : 0.0);
    m_lossX->setRange(0, lastStep);
    m_lossX->setTickType(QValueAxis::TicksDynamic);
    m_lossX->setTickAnchor(0);
    m_lossX->setTickInterval(niceStep(lastStep / 5));
    fitY(m_lossY, m_loss, 0);

    m_validSeries->replace(m_validMrr);
    m_validDots->replace(m_validMrr);
    m_epochLossSeries->replace(m_epochLoss);
    m_epochLossDots->replace(m_epochLoss);
    // Whole epochs on the axis, with a margin of one on each side so the dots stay inside.
    const int epochs = std::max(1, int(m_epochLoss.size()));
    m_epochX->setRange(0, epochs + 1);
    if (epochs <= 10)
        m_epochX->setTickCount(epochs + 2);
    else
        m_epochX->applyNiceNumbers();
    fitY(m_validY, m_validMrr, 0);
    fitY(m_epochLossY, m_epochLoss, 0);
}

} // namespace srw::ui
