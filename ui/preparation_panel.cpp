#include "preparation_panel.h"

#include "task_runner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace srw::ui {
namespace {

QSpinBox* spin(int lo, int hi, int value, const QString& tip, QWidget* parent) {
    auto* s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setValue(value);
    s->setToolTip(tip);
    return s;
}

} // namespace

PreparationPanel::PreparationPanel(const QString& databasePath, QWidget* parent)
    : QWidget(parent), m_runner(new TaskRunner(databasePath, false, this)),
      m_debounce(new QTimer(this)), m_summary(new QTableWidget(7, 3, this)),
      m_status(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_apply(new QPushButton(tr("Apply Preparation and Split"), this)) {
    m_summary->setHorizontalHeaderLabels({tr("Sessions"), tr("Events"), tr("Items")});
    m_summary->setVerticalHeaderLabels(
        {tr("In the dataset"), tr("Bot sessions"), tr("Duplicate events collapsed"),
         tr("Short sessions"), tr("Rare items"), tr("Sessions short after that"),
         tr("Kept")});
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_summary->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary->setToolTip(tr("What preparation with these options would drop, step by step"));
    m_summary->setAlternatingRowColors(true);
    m_summary->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_summary->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_summary->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_summary->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_apply->setToolTip(tr("Marks what the filters drop (nothing is deleted) and stores the "
                           "split, which becomes the dataset's active split"));
    m_progress->setVisible(false);
    m_status->setWordWrap(true);

    auto* previewTitle = new QLabel(tr("<b>Preview</b>: what preparation would drop"), this);
    auto* right = new QVBoxLayout;
    right->addWidget(previewTitle);
    right->addWidget(m_summary);
    right->addWidget(m_status);
    right->addWidget(m_progress);
    right->addStretch();
    right->addWidget(m_apply, 0, Qt::AlignRight);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(makeOptions());
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(380);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(scroll);
    layout->addLayout(right, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(400);
    connect(m_debounce, &QTimer::timeout, this, &PreparationPanel::preview);
    connect(m_apply, &QPushButton::clicked, this, &PreparationPanel::apply);
    connect(m_runner, &TaskRunner::busyChanged, this, &PreparationPanel::setWorking);
    connect(m_runner, &TaskRunner::progress, this,
            [this](int, const QString& stage, qint64 done, qint64 total) {
                m_progress->setFormat(stage + QStringLiteral(" %p%"));
                m_progress->setRange(0, total > 0 ? 1000 : 0);
                if (total > 0)
                    m_progress->setValue(int(done * 1000 / total));
            });
    connect(m_runner, &TaskRunner::failed, this, [this](int, const TaskFailure& f) {
        m_status->setText(tr("Failed: %1").arg(f.message));
        spdlog::error("preparation failed: {}", f.message.toStdString());
    });
    setDataset(QString());
}

QWidget* PreparationPanel::makeOptions() {
    auto* box = new QWidget(this);
    m_minLength = spin(1, 1000, 2, tr("Sessions with fewer events are dropped"), box);
    m_minSupport = spin(1, 100000, 5, tr("Events of items seen fewer times are dropped"), box);
    m_iterate = new QCheckBox(tr("Repeat until nothing changes"), box);
    m_iterate->setToolTip(tr("Repeats the item and length filters until both hold everywhere"));
    m_duplicates = new QCheckBox(tr("Collapse consecutive duplicates"), box);
    m_duplicates->setToolTip(tr("Keeps one of several identical events in a row"));
    m_bots = new QCheckBox(tr("Drop bot sessions"), box);
    m_bots->setChecked(true);
    m_bots->setToolTip(tr("Drops sessions too long or too fast to be a person's"));
    m_botMaxEvents = spin(2, 1000000, 100, tr("Sessions with more events are bots"), box);
    m_botMinEvents = spin(2, 1000000, 10, tr("The speed rule needs at least this many events"),
                          box);
    m_botGapMs = spin(0, 3600000, 1000, tr("A median gap between events of at most this is a bot"),
                      box);
    m_botGapMs->setSuffix(tr(" ms"));
    m_method = new QComboBox(box);
    m_method->addItem(tr("Temporal (last days are test)"), QStringLiteral("temporal"));
    m_method->addItem(tr("Leave last out (every session's last event)"),
                      QStringLiteral("leave_last_out"));
    m_method->setToolTip(tr("How sessions are divided into train, validation and test"));
    m_testDays = new QDoubleSpinBox(box);
    m_testDays->setRange(0.1, 3650);
    m_testDays->setValue(1.0);
    m_testDays->setSuffix(tr(" days"));
    m_testDays->setToolTip(tr("Sessions ending in the last this many days are test"));
    m_validDays = new QDoubleSpinBox(box);
    m_validDays->setRange(0, 3650);
    m_validDays->setValue(1.0);
    m_validDays->setSuffix(tr(" days"));
    m_validDays->setToolTip(tr("Then validation is carved from the end of the rest (0: none)"));
    m_splitName = new QLineEdit(box);
    m_splitName->setPlaceholderText(tr("same as the method"));
    m_splitName->setToolTip(tr("The split's name; a split of the same name is replaced"));

    auto* filters = new QGroupBox(tr("Filters"), box);
    auto* f1 = new QFormLayout(filters);
    f1->addRow(tr("Minimum session length:"), m_minLength);
    f1->addRow(tr("Minimum item support:"), m_minSupport);
    f1->addRow(m_iterate);
    f1->addRow(m_duplicates);
    auto* bots = new QGroupBox(tr("Bot filter"), box);
    auto* f2 = new QFormLayout(bots);
    f2->addRow(m_bots);
    f2->addRow(tr("At most events:"), m_botMaxEvents);
    f2->addRow(tr("Speed rule from:"), m_botMinEvents);
    f2->addRow(tr("Median gap at most:"), m_botGapMs);
    auto* split = new QGroupBox(tr("Split"), box);
    auto* f3 = new QFormLayout(split);
    f3->addRow(tr("Method:"), m_method);
    f3->addRow(tr("Test:"), m_testDays);
    f3->addRow(tr("Validation:"), m_validDays);
    f3->addRow(tr("Name:"), m_splitName);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(filters);
    layout->addWidget(bots);
    layout->addWidget(split);
    layout->addStretch();

    auto changed = [this] { m_debounce->start(); };
    for (QSpinBox* s : {m_minLength, m_minSupport, m_botMaxEvents, m_botMinEvents, m_botGapMs})
        connect(s, &QSpinBox::valueChanged, this, changed);
    for (QCheckBox* c : {m_iterate, m_duplicates, m_bots})
        connect(c, &QCheckBox::toggled, this, changed);
    connect(m_bots, &QCheckBox::toggled, this, [this](bool on) {
        for (QWidget* w : {m_botMaxEvents, m_botMinEvents, m_botGapMs})
            w->setEnabled(on);
    });
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        const bool temporal = m_method->currentData().toString() == QLatin1String("temporal");
        m_testDays->setEnabled(temporal);
        m_validDays->setEnabled(temporal);
    });
    return box;
}

PrepareOptions PreparationPanel::prepareOptions() const {
    PrepareOptions o;
    o.minSessionLength = m_minLength->value();
    o.minItemSupport = m_minSupport->value();
    o.iterate = m_iterate->isChecked();
    o.collapseDuplicates = m_duplicates->isChecked();
    o.botFilter = m_bots->isChecked();
    o.botMaxEvents = m_botMaxEvents->value();
    o.botMinEvents = m_botMinEvents->value();
    o.botMaxMedianGapMs = m_botGapMs->value();
    return o;
}

SplitOptions PreparationPanel::splitOptions() const {
    SplitOptions o;
    o.method = m_method->currentData().toString().toStdString();
    o.testDays = m_testDays->value();
    o.validDays = m_validDays->value();
    o.name = m_splitName->text().trimmed().toStdString();
    return o;
}

bool PreparationPanel::isBusy() const { return m_runner->isBusy(); }

void PreparationPanel::setDataset(const QString& dataset) {
    m_dataset = dataset;
    m_apply->setEnabled(!dataset.isEmpty() && !m_runner->isBusy());
    if (dataset.isEmpty()) {
        m_status->setText(tr("Select a dataset to prepare it."));
        return;
    }
    preview();
}

void PreparationPanel::preview() {
    if (m_dataset.isEmpty())
        return;
    m_runner->cancel(); // an older preview's numbers are of no use any more
    auto summary = std::make_shared<PrepareSummary>();
    const std::string name = m_dataset.toStdString();
    const PrepareOptions o = prepareOptions();
    m_status->setText(tr("Computing the preview…"));
    m_runner->start(
        [summary, name, o](SessionStore& store, const ProgressFn& progress) {
            *summary = prepareDataset(store, name, o, true, progress);
        },
        [this, summary, ticket = ++m_previewTicket] {
            if (ticket != m_previewTicket)
                return;
            showSummary(*summary, false);
            Q_EMIT previewShown();
        });
}

void PreparationPanel::apply() {
    if (m_dataset.isEmpty())
        return;
    ++m_previewTicket;
    auto summary = std::make_shared<PrepareSummary>();
    auto split = std::make_shared<SplitSummary>();
    const std::string name = m_dataset.toStdString();
    const PrepareOptions po = prepareOptions();
    const SplitOptions so = splitOptions();
    m_status->setText(tr("Preparing and splitting '%1'…").arg(m_dataset));
    m_runner->start(
        [=](SessionStore& store, const ProgressFn& progress) {
            *summary = prepareDataset(store, name, po, false, progress);
            *split = splitDataset(store, name, so, progress);
        },
        [this, summary, split, so, dataset = m_dataset] {
            showSummary(*summary, true);
            const QLocale loc;
            const QString text =
                tr("Prepared '%1' and split it (%2): train %3, validation %4, test %5 sessions; "
                   "%6 test events have items unseen in training.")
                    .arg(dataset, QString::fromStdString(split->name),
                         loc.toString(qlonglong(split->train.sessions)),
                         loc.toString(qlonglong(split->valid.sessions)),
                         loc.toString(qlonglong(split->test.sessions)),
                         loc.toString(qlonglong(split->testEventsUnseen)));
            QString warning;
            for (const SplitWarning& w : splitWarnings(*split, so)) {
                const QString n = loc.toString(qlonglong(w.sessions));
                warning += QLatin1Char(' ') +
                           (w.part == SplitWarning::Part::Test
                                ? tr("Only %1 test sessions: metrics will have wide confidence "
                                     "intervals; widen the test days or split by leaving the last "
                                     "item out.")
                                      .arg(n)
                                : tr("Only %1 validation sessions: tuning and early stopping will "
                                     "be noisy; widen the validation days.")
                                      .arg(n));
            }
            m_status->setText(text + warning);
            if (!warning.isEmpty())
                spdlog::warn("{}", warning.trimmed().toStdString());
            spdlog::info("{}", text.toStdString());
            Q_EMIT statusMessage(text + warning);
            Q_EMIT datasetChanged(dataset);
        });
}

void PreparationPanel::cancelWork() { m_runner->cancel(); }

void PreparationPanel::setWorking(bool working) {
    m_progress->setVisible(working);
    m_progress->setRange(0, 0);
    m_apply->setEnabled(!working && !m_dataset.isEmpty());
}

void PreparationPanel::showSummary(const PrepareSummary& s, bool applied) {
    const QLocale loc;
    auto set = [&](int row, int col, std::int64_t v, bool dropped) {
        QString text = v == 0 && dropped ? QStringLiteral("–")
                                         : (dropped ? QStringLiteral("−") : QString()) +
                                               loc.toString(qlonglong(v));
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (row == 0 || row == 6) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
        m_summary->setItem(row, col, item);
    };
    for (int r = 0; r < 7; ++r)
        for (int c = 0; c < 3; ++c)
            m_summary->setItem(r, c, new QTableWidgetItem());
    set(0, 0, s.sessionsBefore, false);
    set(0, 1, s.eventsBefore, false);
    set(0, 2, s.itemsBefore, false);
    set(1, 0, s.botSessions, true);
    set(1, 1, s.botEvents, true);
    set(2, 1, s.duplicatesCollapsed, true);
    set(3, 0, s.shortSessionsFirst, true);
    set(4, 1, s.rareItemEvents, true);
    set(4, 2, s.rareItems, true);
    set(5, 0, s.shortSessionsAfter, true);
    set(6, 0, s.sessionsAfter, false);
    set(6, 1, s.eventsAfter, false);
    set(6, 2, s.itemsAfter, false);
    if (!applied)
        m_status->setText(
            tr("Preparation would keep %1% of the events (filter passes: %2; consecutive "
               "duplicates found: %3). Nothing changes until you apply.")
                .arg(loc.toString(s.eventsBefore ? 100.0 * double(s.eventsAfter) /
                                                       double(s.eventsBefore)
                                                 : 0.0,
                                  'f', 1))
                .arg(s.passes)
                .arg(loc.toString(qlonglong(s.duplicateEvents))));
}

} // namespace srw::ui
