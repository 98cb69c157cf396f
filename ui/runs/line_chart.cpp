#include "runs/line_chart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <cmath>

namespace srw::ui {

QChart* makeLineChart(const LineChartSpec& spec) {
    auto* chart = new QChart;
    chart->setTitle(QString::fromStdString(spec.title));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->legend()->setAlignment(Qt::AlignBottom);
    bool logX = spec.logX;
    for (const auto& s : spec.series)
        for (double x : s.x)
            logX = logX && x > 0;
    const auto fx = [logX](double x) { return logX ? std::log10(x) : x; };
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    QList<QAbstractSeries*> all;
    for (std::size_t i = 0; i < spec.series.size(); ++i) {
        const auto& s = spec.series[i];
        auto* line = new QLineSeries;
        line->setName(QString::fromStdString(s.name));
        const QColor color(QString::fromStdString(seriesColor(i)));
        QPen pen(color);
        pen.setWidthF(2);
        line->setPen(pen);
        QScatterSeries* dots = nullptr;
        if (spec.markers) {
            dots = new QScatterSeries;
            dots->setColor(color);
            dots->setBorderColor(color);
            dots->setMarkerSize(7);
        }
        for (std::size_t k = 0; k < std::min(s.x.size(), s.y.size()); ++k) {
            if (!std::isfinite(s.y[k]))
                continue;
            line->append(fx(s.x[k]), s.y[k]);
            if (dots)
                dots->append(fx(s.x[k]), s.y[k]);
            x0 = std::min(x0, fx(s.x[k]));
            x1 = std::max(x1, fx(s.x[k]));
            y0 = std::min(y0, s.y[k]);
            y1 = std::max(y1, s.y[k]);
        }
        all << line;
        if (dots)
            all << dots;
    }
    for (QAbstractSeries* s : all)
        chart->addSeries(s);
    // The dots repeat the lines' names; only the lines appear in the legend.
    for (QAbstractSeries* s : all)
        if (qobject_cast<QScatterSeries*>(s))
            for (QLegendMarker* m : chart->legend()->markers(s))
                m->setVisible(false);
    if (!std::isfinite(x0))
        x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    if (spec.yFromZero)
        y0 = std::min(0.0, y0);
    const double xPad = x1 > x0 ? (x1 - x0) * 0.04 : 0.5;
    const double yPad = y1 > y0 ? (y1 - y0) * 0.08 : 0.05;
    QAbstractAxis* xAxis = nullptr;
    if (logX && !spec.xTicks.empty()) {
        auto* cat = new QCategoryAxis;
        cat->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        for (double t : spec.xTicks)
            cat->append(QString::number(t, 'g', 6), fx(t));
        cat->setRange(x0 - xPad, x1 + xPad);
        xAxis = cat;
    } else {
        auto* v = new QValueAxis;
        v->setRange(x0 - xPad, x1 + xPad);
        v->applyNiceNumbers();
        xAxis = v;
    }
    xAxis->setTitleText(QString::fromStdString(spec.xLabel));
    auto* yAxis = new QValueAxis;
    // Metrics and rewards are not negative: padding must not invent a range below zero.
    const double low = y0 >= 0 ? std::max(0.0, y0 - yPad) : y0 - yPad;
    yAxis->setRange(spec.yFromZero ? y0 : low, y1 + yPad);
    yAxis->applyNiceNumbers();
    yAxis->setTitleText(QString::fromStdString(spec.yLabel));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (QAbstractSeries* s : all) {
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    }
    return chart;
}

} // namespace srw::ui
