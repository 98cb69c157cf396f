#include "training/training_panel.h"

#include "model/model_options_panel.h"
#include "task_runner.h"
#include "training/training_charts.h"

#include "srw/data/run_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace srw::ui {

TrainingPanel::TrainingPanel(const QString& databasePath, TrainingRunner* runner,
                             ModelOptionsPanel* options, QWidget* parent)
    : QWidget(parent), m_path(databasePath), m_runner(runner), m_options(options),
      m_reader(new TaskRunner(databasePath, true, this)) {
    setObjectName(QStringLiteral("trainingPanel"));
    QStyle* st = style();
    auto* controls = new QGroupBox(tr("Run"), this);
    auto* grid = new QGridLayout(controls);
    m_datasetLabel = new QLabel(controls);
    m_datasetLabel->setToolTip(tr("Training uses the current dataset's active split"));
    m_runName = new QLineEdit(controls);
    m_runName->setPlaceholderText(tr("optional"));
    m_runName->setToolTip(tr("A name for the stored run (shown in the run list)"));
    m_pretrain = new QCheckBox(tr("Pre-train the embedded encoder when the dataset has none"),
                               controls);
    m_pretrain->setChecked(true);
    m_pretrain->setToolTip(tr("Learns a vocabulary and a masked language model on the item texts "
                              "once per dataset; later runs reuse it"));
    m_pretrainEpochs = new QSpinBox(controls);
    m_pretrainEpochs->setRange(1, 100);
    m_pretrainEpochs->setValue(5);
    m_pretrainEpochs->setSuffix(tr(" epochs"));
    m_pretrainEpochs->setToolTip(tr("Epochs of masked-language-model pre-training"));
    m_start = new QPushButton(st->standardIcon(QStyle::SP_MediaPlay), tr("Start"), controls);
    m_start->setToolTip(tr("Trains a new run with the model options (F5)"));
    m_cancel = new QPushButton(st->standardIcon(QStyle::SP_BrowserStop), tr("Cancel"), controls);
    m_cancel->setToolTip(tr("Stops after the current step; the run keeps its last checkpoint and "
                            "can be resumed (Esc)"));
    m_resumeBox = new QComboBox(controls);
    m_resumeBox->setMinimumContentsLength(28);
    m_resumeBox->setPlaceholderText(tr("No run to resume"));
    m_resumeBox->setToolTip(tr("Cancelled or unfinished runs of this dataset"));
    m_resume = new QPushButton(st->standardIcon(QStyle::SP_MediaSeekForward), tr("Resume"),
                               controls);
    m_resume->setToolTip(tr("Continues the chosen run from its last checkpoint, with its own "
                            "options"));
    auto* datasetRow = new QHBoxLayout;
    datasetRow->addWidget(new QLabel(tr("Dataset:"), controls));
    datasetRow->addWidget(m_datasetLabel, 1);
    grid->addLayout(datasetRow, 0, 0, 1, 2);
    grid->addWidget(new QLabel(tr("Run name:"), controls), 0, 2);
    grid->addWidget(m_runName, 0, 3);
    grid->addWidget(m_start, 0, 4);
    grid->addWidget(m_cancel, 0, 5);
    grid->addWidget(m_pretrain, 1, 0, 1, 2);
    grid->addWidget(m_pretrainEpochs, 1, 2);
    grid->addWidget(m_resumeBox, 1, 3);
    grid->addWidget(m_resume, 1, 4, 1, 2);
    grid->setColumnStretch(3, 1);
    m_problem = new QLabel(controls);
    m_problem->setObjectName(QStringLiteral("trainingProblem"));
    m_problem->setWordWrap(true);
    grid->addWidget(m_problem, 2, 0, 1, 6);

    auto* status = new QGroupBox(tr("Progress"), this);
    auto* sgrid = new QGridLayout(status);
    m_pretrainLabel = new QLabel(tr("Encoder pre-training"), status);
    m_pretrainBar = new QProgressBar(status);
    m_pretrainBar->setToolTip(tr("Pre-training of the embedded encoder"));
    m_stage = new QLabel(tr("Not started"), status);
    m_progress = new QProgressBar(status);
    m_progress->setToolTip(tr("Steps of the current epoch"));
    m_speed = new QLabel(status);
    m_speed->setToolTip(tr("Optimiser step, sequences per second and time left"));
    m_result = new QLabel(status);
    m_result->setObjectName(QStringLiteral("trainingResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sgrid->addWidget(m_pretrainLabel, 0, 0);
    sgrid->addWidget(m_pretrainBar, 0, 1);
    sgrid->addWidget(m_stage, 1, 0);
    sgrid->addWidget(m_progress, 1, 1);
    sgrid->addWidget(m_speed, 2, 1);
    sgrid->addWidget(m_result, 3, 0, 1, 2);
    sgrid->setColumnStretch(1, 1);
    m_pretrainLabel->hide();
    m_pretrainBar->hide();

    m_charts = new TrainingCharts(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(controls);
    layout->addWidget(status);
    layout->addWidget(m_charts, 1);

    connect(m_start, &QPushButton::clicked, this, &TrainingPanel::start);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPanel::cancel);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_resumeBox->currentIndex() >= 0)
            resume(m_resumeBox->currentData().toLongLong());
    });
    connect(m_options, &ModelOptionsPanel::optionsChanged, this, &TrainingPanel::updateState);
    connect(m_runner, &TrainingRunner::progress, this, &TrainingPanel::onProgress);
    connect(m_runner, &TrainingRunner::epochFinished, this,
            [this](int tag, const TrainEpochPoint& e) {
                if (tag == m_tag)
                    m_charts->addEpoch(e);
            });
    connect(m_runner, &TrainingRunner::runCreated, this, [this](int tag) {
        if (tag == m_tag)
            Q_EMIT runStarted();
    });
    connect(m_runner, &TrainingRunner::finished, this, &TrainingPanel::onFinished);
    connect(m_runner, &TrainingRunner::failed, this, &TrainingPanel::onFailed);
    updateState();
}

void TrainingPanel::setDataset(const QString& name) {
    m_dataset = name;
    m_datasetLabel->setText(name.isEmpty() ? tr("(none)") : QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()));
    refreshResumable();
    updateState();
}

bool TrainingPanel::canStart() const {
    return !m_dataset.isEmpty() && m_tag == 0 && m_options->problem().isEmpty();
}

void TrainingPanel::updateState() {
    const bool training = m_tag != 0;
    const QString problem = m_dataset.isEmpty() ? tr("Choose or import a dataset first.")
                                                : m_options->problem();
    m_problem->setText(problem.isEmpty() || training
                           ? QString()
                           : tr("<span style='color:#c0392b'>Cannot start: %1</span>")
                                 .arg(problem.toHtmlEscaped()));
    m_problem->setVisible(!m_problem->text().isEmpty()); // no blank row under the buttons
    m_start->setEnabled(canStart());
    m_cancel->setEnabled(training);
    m_resume->setEnabled(!training && !m_dataset.isEmpty() && m_resumeBox->count() > 0);
    m_resumeBox->setEnabled(!training && m_resumeBox->count() > 0);
    m_pretrain->setEnabled(!training);
    m_pretrainEpochs->setEnabled(!training && m_pretrain->isChecked());
    m_runName->setEnabled(!training);
    const bool can = canStart();
    if (can != m_lastCanStart) {
        m_lastCanStart = can;
        Q_EMIT canStartChanged(can);
    }
}

void TrainingPanel::start() {
    if (!canStart()) {
        Q_EMIT statusMessage(m_tag ? tr("A training is already running")
                                   : tr("Cannot start the training"));
        return;
    }
    TrainJob job;
    job.dataset = m_dataset;
    job.runName = m_runName->text().trimmed();
    job.options = m_options->options();
    job.pretrainIfMissing = m_pretrain->isChecked();
    job.pretrainEpochs = m_pretrainEpochs->value();
    m_options->rememberOptions();
    launch(job);
}

void TrainingPanel::resume(qint64 runId) {
    if (m_tag != 0 || m_dataset.isEmpty() || runId <= 0)
        return;
    TrainJob job;
    job.dataset = m_dataset;
    job.resumeRun = runId;
    // Runtime choices only; the run's own options decide what is learned.
    job.options = m_options->options();
    launch(job);
}

void TrainingPanel::launch(const TrainJob& job) {
    TrainJob j = job;
    j.bootstrapSamples = m_bootstrap;
    m_charts->clear();
    m_summary = TrainSummary{};
    m_result->clear();
    m_progress->setRange(0, 0); // busy until the first step reports its total
    m_stage->setText(j.resumeRun ? tr("Resuming run %1…").arg(j.resumeRun) : tr("Starting…"));
    m_speed->clear();
    m_tag = m_runner->train(j);
    spdlog::info("training on '{}' started{}", m_dataset.toStdString(),
                 j.resumeRun ? " (resuming run " + std::to_string(j.resumeRun) + ")" : "");
    Q_EMIT trainingChanged(true);
    updateState();
}

void TrainingPanel::cancel() {
    if (m_tag == 0)
        return;
    m_runner->cancel();
    m_stage->setText(tr("Cancelling after the current step…"));
}

void TrainingPanel::onProgress(int tag, const TrainProgress& p) {
    if (tag != m_tag)
        return;
    if (p.pretraining) {
        m_pretrainLabel->show();
        m_pretrainBar->show();
        m_pretrainBar->setRange(0, p.total > 0 ? 1000 : 0);
        if (p.total > 0)
            m_pretrainBar->setValue(int(1000.0 * double(p.done) / double(p.total)));
        m_pretrainBar->setFormat(p.stage + (p.detail.isEmpty() ? QString() : QStringLiteral(" · ") + p.detail));
        return;
    }
    if (m_pretrainBar->isVisible()) {
        m_pretrainBar->setRange(0, 1);
        m_pretrainBar->setValue(1);
        m_pretrainBar->setFormat(tr("done"));
    }
    m_stage->setText(p.stage);
    if (p.total > 0) {
        m_progress->setRange(0, int(std::min<qint64>(p.total, INT_MAX)));
        m_progress->setValue(int(std::min<qint64>(p.done, INT_MAX)));
        m_progress->setFormat(tr("%1 / %2 steps").arg(p.done).arg(p.total));
    } else {
        m_progress->setRange(0, 0);
    }
    if (p.step >= 0) {
        m_speed->setText(tr("step %1 · loss %2 · %3 sequences/s · ETA %4")
                             .arg(p.step)
                             .arg(p.loss, 0, 'f', 4)
                             .arg(p.seqPerSecond, 0, 'f', 0)
                             .arg(p.eta));
        m_charts->addLoss(p.step, p.loss);
    }
}

void TrainingPanel::onFinished(int tag, const TrainSummary& s) {
    if (tag != m_tag)
        return;
    m_tag = 0;
    m_summary = s;
    m_charts->flush();
    m_progress->setRange(0, 1);
    m_progress->setValue(s.status == QLatin1String("finished") ? 1 : 0);
    m_progress->setFormat(s.status == QLatin1String("finished") ? tr("done") : tr("cancelled"));
    if (s.status == QLatin1String("finished")) {
        m_stage->setText(tr("Finished"));
        m_result->setText(tr("Run %1 finished: %2 epochs (best %3) in %4 s on %5. Test: "
                             "HitRate@20 %6, MRR@20 %7, NDCG@20 %8.")
                              .arg(s.runId)
                              .arg(s.epochs)
                              .arg(s.bestEpoch)
                              .arg(s.trainSeconds, 0, 'f', 1)
                              .arg(s.device)
                              .arg(s.testHit20, 0, 'f', 4)
                              .arg(s.testMrr20, 0, 'f', 4)
                              .arg(s.testNdcg20, 0, 'f', 4));
    } else {
        m_stage->setText(tr("Cancelled"));
        m_result->setText(s.runId == 0 ? tr("Cancelled before the run was created.")
                          : s.hasCheckpoint
                              ? tr("Run %1 cancelled; its last checkpoint is kept: resume it "
                                   "to finish.").arg(s.runId)
                              : tr("Run %1 cancelled before its first checkpoint; resuming "
                                   "starts it over.").arg(s.runId));
    }
    Q_EMIT statusMessage(m_result->text());
    Q_EMIT trainingChanged(false);
    Q_EMIT trainingFinished(s);
    refreshResumable();
    updateState();
}

void TrainingPanel::onFailed(int tag, const QString& message) {
    if (tag != m_tag)
        return;
    m_tag = 0;
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("failed"));
    m_stage->setText(tr("Failed"));
    // In the panel, not in a dialog: the user may be elsewhere while a long run fails.
    m_result->setText(tr("<span style='color:#c0392b'><b>Training failed:</b> %1</span>")
                          .arg(message.toHtmlEscaped()));
    spdlog::error("training failed: {}", message.toStdString());
    Q_EMIT statusMessage(tr("Training failed"));
    Q_EMIT trainingChanged(false);
    Q_EMIT trainingFailed(message);
    refreshResumable();
    updateState();
}

void TrainingPanel::refreshResumable() {
    const int ticket = ++m_readTicket;
    auto found = std::make_shared<std::vector<RunRecord>>();
    const std::string dataset = m_dataset.toStdString();
    if (dataset.empty()) {
        m_resumeBox->clear();
        updateState();
        return;
    }
    m_reader->start(
        [found, dataset](SessionStore& store, const ProgressFn&) {
            for (auto& r : RunStore(store).list(dataset))
                if (r.kind == "train" && r.model == "bert-mlp" && r.status != "finished")
                    found->push_back(std::move(r));
        },
        [this, found, ticket] {
            if (ticket != m_readTicket)
                return;
            m_resumeBox->clear();
            for (const RunRecord& r : *found)
                m_resumeBox->addItem(tr("Run %1 %2 (%3, %4)")
                                         .arg(r.id)
                                         .arg(QString::fromStdString(r.name))
                                         .arg(QString::fromStdString(r.status))
                                         .arg(QString::fromStdString(r.createdAt)),
                                     qint64(r.id));
            updateState();
            Q_EMIT resumableLoaded();
        });
}

} // namespace srw::ui
