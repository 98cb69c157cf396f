#include "charts/stats_charts.h"

#include <QApplication>
#include <QCoreApplication>
#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>
#include <cmath>

namespace srw::ui {
namespace {

const QColor kAccent(0x2a, 0x8b, 0xd9);

QChart* baseChart(const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

} // namespace

QChart* makeSessionLengthChart(const PartStats& stats, int maxLength) {
    QChart* chart = baseChart(QCoreApplication::translate("srw::ui::StatsCharts",
                                                          "Session lengths"));
    std::vector<std::int64_t> counts(std::size_t(maxLength), 0);
    for (const auto& [length, sessions] : stats.sessionLengths)
        if (length >= 1)
            counts[std::size_t(std::min<std::int64_t>(length, maxLength) - 1)] += sessions;
    // Bars drawn as one area of boxes, so the length axis can be a value axis with a few
    // labelled ticks instead of one label per bar.
    auto* upper = new QLineSeries;
    std::int64_t top = 1;
    int last = 1;
    for (int i = 0; i < maxLength; ++i) {
        const double c = double(counts[std::size_t(i)]);
        const double x = i + 1;
        upper->append(x - 0.42, 0);
        upper->append(x - 0.42, c);
        upper->append(x + 0.42, c);
        upper->append(x + 0.42, 0);
        top = std::max(top, counts[std::size_t(i)]);
        if (c > 0)
            last = i + 1;
    }
    auto* series = new QAreaSeries(upper);
    series->setColor(kAccent);
    series->setBorderColor(kAccent);
    chart->addSeries(series);
    auto* x = new QValueAxis;
    x->setRange(0.5, last + 0.5);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(last > 15 ? 5 : 1);
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setGridLineVisible(false);
    x->setTitleText(last == maxLength
                        ? QCoreApplication::translate("srw::ui::StatsCharts",
                                                      "Events in the session (last bar: %1 or more)")
                              .arg(maxLength)
                        : QCoreApplication::translate("srw::ui::StatsCharts",
                                                      "Events in the session"));
    auto* y = new QValueAxis;
    y->setRange(0, double(top) * 1.05);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(QCoreApplication::translate("srw::ui::StatsCharts", "Sessions"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}

QChart* makePopularityChart(const PartStats& stats) {
    QChart* chart = baseChart(QCoreApplication::translate("srw::ui::StatsCharts",
                                                      "Item popularity (long tail)"));
    auto* series = new QLineSeries;
    series->setPen(QPen(kAccent, 2));
    const auto& pop = stats.itemPopularity;
    // Log-spaced ranks: a few hundred points draw the same curve as millions.
    double rank = 1;
    std::size_t lastRank = 0;
    std::int64_t top = 1;
    while (std::size_t(rank) <= pop.size()) {
        const std::size_t r = std::size_t(rank);
        if (r != lastRank && pop[r - 1] > 0) {
            series->append(double(r), double(pop[r - 1]));
            top = std::max(top, pop[r - 1]);
            lastRank = r;
        }
        rank *= 1.02;
        if (std::size_t(rank) == r)
            rank = double(r + 1);
    }
    chart->addSeries(series);
    auto* x = new QLogValueAxis;
    x->setBase(10);
    x->setLabelFormat(QStringLiteral("%g"));
    x->setRange(1, std::max<double>(10, double(pop.size())));
    x->setTitleText(QCoreApplication::translate("srw::ui::StatsCharts", "Item rank (log)"));
    auto* y = new QLogValueAxis;
    y->setBase(10);
    y->setLabelFormat(QStringLiteral("%g"));
    y->setRange(1, std::max<double>(10, double(top) * 1.5));
    y->setTitleText(QCoreApplication::translate("srw::ui::StatsCharts", "Events (log)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}

QChart* makeEventsPerDayChart(const PartStats& stats) {
    QChart* chart = baseChart(QCoreApplication::translate("srw::ui::StatsCharts", "Events per day"));
    auto* series = new QLineSeries;
    series->setPen(QPen(kAccent, 2));
    constexpr qint64 kDayMs = 86400000;
    std::int64_t top = 1;
    for (const auto& [day, events] : stats.eventsPerDay) {
        series->append(double(day * kDayMs), double(events));
        top = std::max(top, events);
    }
    chart->addSeries(series);
    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("yyyy-MM-dd"));
    x->setTickCount(std::min<int>(8, std::max<int>(2, int(stats.eventsPerDay.size()))));
    if (!stats.eventsPerDay.empty()) {
        const qint64 first = stats.eventsPerDay.front().first * kDayMs;
        const qint64 last = stats.eventsPerDay.back().first * kDayMs;
        x->setRange(QDateTime::fromMSecsSinceEpoch(first, Qt::UTC),
                    QDateTime::fromMSecsSinceEpoch(std::max(last, first + kDayMs), Qt::UTC));
    }
    x->setTitleText(QCoreApplication::translate("srw::ui::StatsCharts", "Day (UTC)"));
    auto* y = new QValueAxis;
    y->setRange(0, double(top) * 1.1);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(QCoreApplication::translate("srw::ui::StatsCharts", "Events"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}

void styleChart(QChart* chart, bool dark) {
    const QPalette pal = QApplication::palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor grid = dark ? QColor(0x44, 0x47, 0x4c) : QColor(0xdd, 0xdf, 0xe3);
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setBackgroundPen(QPen(grid));
    chart->setBackgroundRoundness(6);
    chart->setTitleBrush(text);
    QFont title = chart->titleFont();
    title.setBold(true);
    title.setPointSizeF(QApplication::font().pointSizeF() * 1.1);
    chart->setTitleFont(title);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
        QFont f = axis->titleFont();
        f.setBold(false);
        f.setPointSizeF(QApplication::font().pointSizeF() * 0.9);
        axis->setTitleFont(f);
        if (auto* log = qobject_cast<QLogValueAxis*>(axis))
            log->setMinorGridLineColor(grid.lighter(dark ? 90 : 105));
    }
}

} // namespace srw::ui
