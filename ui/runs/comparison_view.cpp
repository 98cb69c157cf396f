#include "runs/comparison_view.h"

#include "charts/stats_charts.h"
#include "report/report_export.h"
#include "runs/line_chart.h"
#include "theme.h"

#include "srw/report/metric_table.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>

namespace srw::ui {
namespace {

QTableView* tableFor(QStandardItemModel* model, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    return view;
}

QStandardItem* cell(const QString& text, bool number = false) {
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void fitColumns(QWidget* table) {
    if (auto* view = qobject_cast<QTableView*>(table)) {
        view->resizeColumnsToContents();
        view->resizeRowsToContents();
    }
}

QString label(const RunRecord& r) {
    return QString::fromStdString(runLabel(r));
}

QString verdictLabel(Verdict v, const QString& first, const QString& second) {
    switch (v) {
    case Verdict::FirstBetter:
        return ComparisonView::tr("%1 better").arg(first);
    case Verdict::SecondBetter:
        return ComparisonView::tr("%1 better").arg(second);
    case Verdict::FirstHigher:
        return ComparisonView::tr("%1 higher").arg(first);
    case Verdict::SecondHigher:
        return ComparisonView::tr("%1 higher").arg(second);
    case Verdict::NoSignificantDifference:
        break;
    }
    return ComparisonView::tr("no significant difference");
}

QString dimensionLabel(const QString& d) {
    if (d == QLatin1String("session_length"))
        return ComparisonView::tr("Session length");
    if (d == QLatin1String("target_popularity"))
        return ComparisonView::tr("Target popularity");
    return d;
}

} // namespace

ComparisonView::ComparisonView(QWidget* parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_message(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_metrics(new QStandardItemModel(this)),
      m_paired(new QStandardItemModel(this)), m_slices(new QStandardItemModel(this)),
      m_chartChoice(new QComboBox(this)), m_saveChart(new QPushButton(tr("Save Chart…"), this)),
      m_chart(new QChartView(this)) {
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(tableFor(m_metrics, this), tr("Metrics"));
    m_tabs->addTab(tableFor(m_paired, this), tr("Paired Tests"));
    m_tabs->addTab(tableFor(m_slices, this), tr("Slices"));
    m_tabs->setTabToolTip(0, tr("Each run's metrics at the cut-off; ★ marks the best of a column"));
    m_tabs->setTabToolTip(1, tr("The first selected run against each other one, session by "
                                "session: difference, bootstrap interval, p-value, verdict"));
    m_tabs->setTabToolTip(2, tr("Metrics by session length and by the target's popularity"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumSize(320, 240);
    m_chartChoice->setToolTip(tr("Which curves to draw"));
    m_saveChart->setToolTip(tr("Saves the chart as PNG or SVG"));

    auto* chartPane = new QWidget(this);
    auto* chartTop = new QHBoxLayout;
    chartTop->addWidget(m_chartChoice, 1);
    chartTop->addWidget(m_saveChart);
    auto* chartLayout = new QVBoxLayout(chartPane);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addLayout(chartTop);
    chartLayout->addWidget(m_chart, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tabs);
    split->addWidget(chartPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_stack->addWidget(m_message);
    m_stack->addWidget(split);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showMessage(tr("Select runs above to compare them."));

    connect(m_chartChoice, &QComboBox::currentIndexChanged, this, &ComparisonView::showChart);
    connect(m_saveChart, &QPushButton::clicked, this, &ComparisonView::saveChart);
}

void ComparisonView::showMessage(const QString& text) {
    m_message->setText(text);
    m_stack->setCurrentIndex(0);
}

void ComparisonView::setContent(std::shared_ptr<const ReportContent> content) {
    m_content = std::move(content);
    if (!m_content || m_content->runs.empty()) {
        showMessage(tr("Select runs above to compare them."));
        return;
    }
    fillMetrics();
    fillPaired();
    fillSlices();
    fillChartChoices();
    m_stack->setCurrentIndex(1);
}

void ComparisonView::setCutoff(int k) {
    if (k == m_cutoff)
        return;
    m_cutoff = k;
    if (m_content) {
        fillMetrics();
        fillPaired();
        fillSlices();
    }
}

void ComparisonView::fillMetrics() {
    m_metrics->clear();
    std::vector<nlohmann::json> values;
    for (const auto& r : m_content->runs)
        values.push_back(r.record.metrics);
    const MetricTable t = buildMetricTable(values, m_cutoff);
    QStringList headers{tr("Run")};
    for (const auto& m : t.metrics)
        headers << QStringLiteral("%1@%2").arg(QString::fromStdString(m)).arg(m_cutoff);
    m_metrics->setHorizontalHeaderLabels(headers);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        QList<QStandardItem*> row{cell(label(m_content->runs[i].record))};
        for (const auto& c : t.rows[i]) {
            QString text = c.value ? QString::number(*c.value, 'f', 4) : QString();
            if (c.best)
                text += QStringLiteral(" ★");
            if (c.interval) // on a second line, so the columns stay narrow
                text += QStringLiteral("\n[%1, %2]")
                            .arg(c.interval->low, 0, 'f', 4)
                            .arg(c.interval->high, 0, 'f', 4);
            QStandardItem* item = cell(text, true);
            item->setData(c.best, BestRole);
            if (c.best) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setBackground(isDark(palette()) ? QColor(0x2e, 0x5a, 0x34)
                                                      : QColor(0xdf, 0xf0, 0xd8));
                item->setToolTip(tr("Best of the selected runs"));
            }
            row << item;
        }
        m_metrics->appendRow(row);
    }
    fitColumns(m_tabs->widget(0));
}

void ComparisonView::fillPaired() {
    m_paired->clear();
    // The verdict comes early so that it stays visible in a narrow pane.
    m_paired->setHorizontalHeaderLabels({tr("Against"), tr("Metric"), tr("Verdict"), tr("First"),
                                         tr("Second"), tr("Difference"), tr("95% Interval"),
                                         tr("p")});
    const std::string suffix = "@" + std::to_string(m_cutoff);
    auto find = [&](std::int64_t id) -> QString {
        for (const auto& r : m_content->runs)
            if (r.record.id == id)
                return label(r.record);
        return QString::number(id);
    };
    for (const auto& c : m_content->comparisons) {
        const QString a = find(c.first), b = find(c.second);
        const QString pair = b;
        if (!c.comparison) {
            m_paired->appendRow(
                {cell(pair), cell(tr("not compared: %1").arg(QString::fromStdString(c.problem)))});
            continue;
        }
        for (const auto& d : c.comparison->metrics) {
            if (d.metric.size() < suffix.size() ||
                d.metric.compare(d.metric.size() - suffix.size(), suffix.size(), suffix) != 0)
                continue;
            const Verdict v = verdictOf(d);
            QStandardItem* verdict = cell(verdictLabel(v, a, b));
            if (v != Verdict::NoSignificantDifference) {
                QFont bold = verdict->font();
                bold.setBold(true);
                verdict->setFont(bold);
            }
            m_paired->appendRow(
                {cell(pair), cell(QString::fromStdString(d.metric)), verdict,
                 cell(QString::number(d.a, 'f', 4), true), cell(QString::number(d.b, 'f', 4), true),
                 cell(QString::asprintf("%+.4f", d.difference), true),
                 cell(QString::asprintf("[%+.4f, %+.4f]", d.interval.low, d.interval.high), true),
                 cell(QString::number(d.pValue, 'f', 4), true)});
        }
    }
    if (m_content->comparisons.empty())
        m_paired->appendRow({cell(tr("Select two or more runs for paired tests."))});
    fitColumns(m_tabs->widget(1));
    m_tabs->setTabToolTip(1, m_content->runs.size() > 1
                                 ? tr("%1 against each other selected run, session by session: "
                                      "difference, bootstrap interval, p-value, verdict")
                                       .arg(label(m_content->runs.front().record))
                                 : tr("Select two or more runs for paired tests."));
}

void ComparisonView::fillSlices() {
    m_slices->clear();
    QStringList headers{tr("Dimension"), tr("Slice")};
    for (const auto& r : m_content->runs)
        headers << tr("%1\nHitRate / MRR @%2 (n)").arg(label(r.record)).arg(m_cutoff);
    m_slices->setHorizontalHeaderLabels(headers);
    // (dimension, label) in first-seen order, then each run's values.
    QList<QPair<QString, QString>> keys;
    const std::string k = std::to_string(m_cutoff);
    for (const auto& r : m_content->runs) {
        const auto& m = r.record.metrics;
        if (m.is_object() && m.contains("slices") && m["slices"].is_array())
            for (const auto& s : m["slices"]) {
                const QPair<QString, QString> key{QString::fromStdString(s.value("dimension", "")),
                                                  QString::fromStdString(s.value("label", ""))};
                if (!keys.contains(key))
                    keys << key;
            }
    }
    for (const auto& key : keys) {
        QList<QStandardItem*> row{cell(dimensionLabel(key.first)), cell(key.second)};
        for (const auto& r : m_content->runs) {
            QString text;
            const auto& m = r.record.metrics;
            if (m.is_object() && m.contains("slices") && m["slices"].is_array())
                for (const auto& s : m["slices"])
                    if (QString::fromStdString(s.value("dimension", "")) == key.first &&
                        QString::fromStdString(s.value("label", "")) == key.second) {
                        const auto& sm = s.value("metrics", nlohmann::json::object());
                        const auto hr = metricValue(sm, "HitRate@" + k),
                                   mrr = metricValue(sm, "MRR@" + k);
                        text = QStringLiteral("%1 / %2 (%3)")
                                   .arg(hr ? QString::number(*hr, 'f', 4) : QStringLiteral("–"),
                                        mrr ? QString::number(*mrr, 'f', 4) : QStringLiteral("–"))
                                   .arg(s.value("predictions", 0));
                    }
            row << cell(text, true);
        }
        m_slices->appendRow(row);
    }
    fitColumns(m_tabs->widget(2));
}

void ComparisonView::fillChartChoices() {
    const QString keep = m_chartChoice->currentData().toString();
    QSignalBlocker block(m_chartChoice);
    m_chartChoice->clear();
    for (const char* metric : {"HitRate", "MRR", "NDCG", "Recall"})
        m_chartChoice->addItem(tr("%1 over the cut-off K").arg(QLatin1String(metric)),
                               QStringLiteral("metric:%1").arg(QLatin1String(metric)));
    for (std::size_t i = 0; i < m_content->alphaSweeps.size(); ++i)
        m_chartChoice->addItem(
            tr("α sweep: %1").arg(QString::fromStdString(m_content->alphaSweeps[i].yLabel)),
            QStringLiteral("alpha:%1").arg(i));
    for (std::size_t i = 0; i < m_content->rewardCurves.size(); ++i)
        m_chartChoice->addItem(
            tr("Bandit: %1").arg(QString::fromStdString(m_content->rewardCurves[i].title)),
            QStringLiteral("reward:%1").arg(i));
    const int at = m_chartChoice->findData(keep);
    m_chartChoice->setCurrentIndex(at >= 0 ? at : 1); // MRR@K by default
    showChart();
}

void ComparisonView::showChart() {
    if (!m_content)
        return;
    const QString key = m_chartChoice->currentData().toString();
    const QString kind = key.section(QLatin1Char(':'), 0, 0),
                  arg = key.section(QLatin1Char(':'), 1);
    LineChartSpec spec;
    if (kind == QLatin1String("alpha")) {
        spec = m_content->alphaSweeps[std::size_t(arg.toInt())];
        spec.xLabel = tr("α (weight of the collaborative score)").toStdString();
    } else if (kind == QLatin1String("reward")) {
        spec = m_content->rewardCurves[std::size_t(arg.toInt())];
        spec.xLabel = tr("Step").toStdString();
    } else {
        spec = metricCurveChart(m_content->runs, arg.toStdString());
        spec.title = tr("%1 over the cut-off K").arg(arg).toStdString();
    }
    QChart* chart = makeLineChart(spec);
    styleChart(chart, isDark(palette()));
    chart->legend()->setVisible(true);
    chart->legend()->setLabelColor(palette().color(QPalette::WindowText));
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void ComparisonView::saveChart() {
    QString filter;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Chart"), QStringLiteral("chart.png"),
                                     tr("PNG image (*.png);;SVG image (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    if (srw::ui::saveChart(m_chart->chart(), path, &error))
        Q_EMIT statusMessage(tr("Saved the chart to %1").arg(path));
    else
        Q_EMIT statusMessage(tr("Could not save the chart: %1").arg(error));
}

} // namespace srw::ui
