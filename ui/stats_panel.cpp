#include "stats_panel.h"

#include "charts/stats_charts.h"
#include "task_runner.h"
#include "theme.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace srw::ui {
namespace {

QChartView* chartView(QWidget* parent) {
    auto* v = new QChartView(parent);
    v->setRenderHint(QPainter::Antialiasing);
    v->setMinimumHeight(220);
    return v;
}

void replaceChart(QChartView* view, QChart* chart) {
    QChart* old = view->chart();
    styleChart(chart, isDark(view->palette()));
    view->setChart(chart);
    delete old;
}

} // namespace

StatsPanel::StatsPanel(const QString& databasePath, QWidget* parent)
    : QWidget(parent), m_runner(new TaskRunner(databasePath, true, this)),
      m_stack(new QStackedWidget(this)), m_message(new QLabel(this)), m_part(new QComboBox(this)),
      m_figures(new QGridLayout), m_lengths(chartView(this)), m_popularity(chartView(this)),
      m_perDay(chartView(this)) {
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_part->setToolTip(tr("Show the whole dataset or one part of its active split"));
    m_lengths->setToolTip(tr("How many sessions have each length; longer sessions are gathered "
                             "in the last bar"));
    m_popularity->setToolTip(tr("Events of each item, most popular first, on log-log scales: a "
                                "straight falling line is a power law"));
    m_perDay->setToolTip(tr("Events on each day (UTC)"));

    auto* page = new QWidget(this);
    auto* top = new QHBoxLayout;
    auto* partLabel = new QLabel(tr("Show:"), page);
    top->addWidget(partLabel);
    top->addWidget(m_part);
    top->addStretch();
    auto* figuresFrame = new QFrame(page);
    figuresFrame->setFrameShape(QFrame::StyledPanel);
    figuresFrame->setLayout(m_figures);
    m_figures->setHorizontalSpacing(24);
    auto* charts = new QGridLayout;
    charts->addWidget(m_lengths, 0, 0);
    charts->addWidget(m_popularity, 0, 1);
    charts->addWidget(m_perDay, 1, 0, 1, 2);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addWidget(figuresFrame);
    layout->addLayout(charts, 1);

    m_stack->addWidget(m_message);
    m_stack->addWidget(page);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    m_message->setText(tr("Select a dataset to see its statistics."));

    connect(m_part, &QComboBox::currentIndexChanged, this, &StatsPanel::showPart);
    connect(m_runner, &TaskRunner::failed, this, [this](int run, const TaskFailure& f) {
        if (run != m_run)
            return;
        m_run = 0;
        m_message->setText(tr("Could not compute the statistics:\n%1").arg(f.message));
        m_stack->setCurrentIndex(0);
    });
}

void StatsPanel::setDataset(const QString& dataset) {
    if (dataset == m_dataset && (m_stats || m_run))
        return;
    m_dataset = dataset;
    reload();
}

void StatsPanel::reload() {
    m_runner->cancel();
    m_stats.reset();
    if (m_dataset.isEmpty()) {
        m_run = 0;
        m_message->setText(tr("Select a dataset to see its statistics."));
        m_stack->setCurrentIndex(0);
        return;
    }
    m_message->setText(tr("Computing the statistics of '%1'…").arg(m_dataset));
    m_stack->setCurrentIndex(0);
    auto result = std::make_shared<DatasetStats>();
    const std::string name = m_dataset.toStdString();
    m_run = m_runner->start(
        [result, name](SessionStore& store, const ProgressFn&) {
            *result = computeDatasetStats(store, name);
        },
        [this, result, ticket = ++m_ticket] {
            if (ticket == m_ticket) // drop what a replaced run computed
                show(result);
        });
}

void StatsPanel::show(const std::shared_ptr<DatasetStats>& stats) {
    m_run = 0;
    m_stats = stats;
    spdlog::info("statistics of '{}': {} events, {} sessions", stats->dataset, stats->all.events,
                 stats->all.sessions);
    m_part->blockSignals(true);
    m_part->clear();
    m_part->addItem(tr("Whole dataset"), QString());
    for (const auto& [part, p] : stats->parts)
        m_part->addItem(tr("Split '%1': %2")
                            .arg(QString::fromStdString(stats->splitName),
                                 QString::fromStdString(part)),
                        QString::fromStdString(part));
    m_part->setEnabled(m_part->count() > 1);
    m_part->blockSignals(false);
    showPart();
    m_stack->setCurrentIndex(1);
    Q_EMIT statsShown();
}

void StatsPanel::addFigure(int index, const QString& label, const QString& value,
                           const QString& tip) {
    auto* v = new QLabel(value);
    QFont f = v->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    v->setFont(f);
    auto* l = new QLabel(label);
    l->setForegroundRole(QPalette::PlaceholderText);
    v->setToolTip(tip);
    l->setToolTip(tip);
    const int row = (index / 4) * 2, col = index % 4;
    m_figures->addWidget(v, row, col);
    m_figures->addWidget(l, row + 1, col);
}

void StatsPanel::showPart() {
    if (!m_stats)
        return;
    const QString part = m_part->currentData().toString();
    const PartStats* p = &m_stats->all;
    for (const auto& [name, ps] : m_stats->parts)
        if (QString::fromStdString(name) == part)
            p = &ps;
    while (QLayoutItem* item = m_figures->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QLocale loc;
    auto n = [&](std::int64_t v) { return loc.toString(qlonglong(v)); };
    addFigure(0, tr("Events"), n(p->events), tr("Stored events (a split part counts kept ones)"));
    addFigure(1, tr("Sessions"), n(p->sessions), tr("Sessions holding these events"));
    addFigure(2, tr("Items"), n(p->items), tr("Distinct items occurring in the events"));
    addFigure(3, tr("Users"), p->users ? n(*p->users) : tr("none"),
              tr("Distinct users; none when the log has no user column"));
    addFigure(4, tr("Mean session length"),
              p->sessions ? loc.toString(double(p->events) / double(p->sessions), 'f', 2)
                          : QStringLiteral("–"),
              tr("Events per session on average"));
    addFigure(5, tr("Top 1% items' share"),
              loc.toString(p->topOnePercentShare * 100, 'f', 1) + QLatin1Char('%'),
              tr("Share of the events on the most popular 1% of items"));
    addFigure(6, tr("Items with text"),
              tr("%1 of %2").arg(n(m_stats->itemsWithText), n(m_stats->catalogItems)),
              tr("Catalogue items having a title or a description"));
    QString range = QStringLiteral("–");
    if (p->firstTsMs && p->lastTsMs)
        range = QDateTime::fromMSecsSinceEpoch(*p->firstTsMs, Qt::UTC).toString(
                    QStringLiteral("yyyy-MM-dd")) +
                QStringLiteral(" – ") +
                QDateTime::fromMSecsSinceEpoch(*p->lastTsMs, Qt::UTC).toString(
                    QStringLiteral("yyyy-MM-dd"));
    if (p->unseenInTrainEvents)
        addFigure(7, tr("Unseen in training"), n(*p->unseenInTrainEvents),
                  tr("Test events whose item never occurs in the train part"));
    else
        addFigure(7, tr("Time range (UTC)"), range, tr("First and last event"));
    replaceChart(m_lengths, makeSessionLengthChart(*p));
    replaceChart(m_popularity, makePopularityChart(*p));
    replaceChart(m_perDay, makeEventsPerDayChart(*p));
}

void StatsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && m_stats)
        showPart();
    QWidget::changeEvent(event);
}

} // namespace srw::ui
