#include "import/run_page.h"

#include "import/import_wizard.h"
#include "task_runner.h"

#include "srw/data/formats/import_file.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace srw::ui {

RunPage::RunPage(ImportWizard* wizard)
    : QWizardPage(wizard), m_wizard(wizard),
      m_runner(new TaskRunner(wizard->databasePath(), false, this)), m_summary(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_result(new QLabel(this)),
      m_retry(new QPushButton(tr("Try Again"), this)) {
    setTitle(tr("Import"));
    setSubTitle(tr("The import runs in one transaction: if it fails or you cancel it, the "
                   "workspace stays as it was."));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setToolTip(tr("Progress of the import; Cancel stops it"));
    m_retry->setToolTip(tr("Runs the import again with the same settings"));
    m_retry->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addSpacing(8);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addStretch();

    connect(m_retry, &QPushButton::clicked, this, &RunPage::start);
    connect(m_runner, &TaskRunner::progress, this,
            [this](int run, const QString& stage, qint64 done, qint64 total) {
                if (run != m_run)
                    return;
                m_progress->setFormat(stage + QStringLiteral(" — %p%"));
                m_progress->setRange(0, total > 0 ? 1000 : 0);
                if (total > 0)
                    m_progress->setValue(int(done * 1000 / total));
            });
    connect(m_runner, &TaskRunner::failed, this, [this](int run, const TaskFailure& f) {
        if (run != m_run)
            return;
        m_run = 0;
        spdlog::error("import failed: {}", f.message.toStdString());
        if (f.inputError)
            showError(tr("<b>The import failed; the workspace is unchanged.</b><br>"
                         "File: %1<br>Line: %2, column: %3<br>Reason: %4")
                          .arg(f.file.toHtmlEscaped())
                          .arg(f.line ? QString::number(f.line) : tr("none"))
                          .arg(f.column ? QString::number(f.column) : tr("none"))
                          .arg(f.reason.toHtmlEscaped()));
        else
            showError(tr("<b>The import failed; the workspace is unchanged.</b><br>%1")
                          .arg(f.message.toHtmlEscaped()));
    });
    connect(m_runner, &TaskRunner::cancelled, this, [this](int run) {
        if (run != m_run)
            return;
        m_run = 0;
        showError(tr("Cancelled; nothing was imported."));
        if (m_closeWhenCancelled)
            m_wizard->reject();
    });
}

void RunPage::initializePage() { start(); }

void RunPage::cleanupPage() {
    if (isRunning())
        m_runner->cancel(); // going back: stop, but keep the wizard open
}

void RunPage::start() {
    const ImportPlan plan = m_wizard->plan();
    m_done = false;
    m_retry->setVisible(false);
    m_result->clear();
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_summary->setText(tr("Importing <b>%1</b> as <b>%2</b> into the dataset <b>%3</b>…")
                           .arg(plan.path.toHtmlEscaped(), plan.format.toHtmlEscaped(),
                                plan.dataset.toHtmlEscaped()));
    spdlog::info("importing {} ({}) into '{}'", plan.path.toStdString(),
                 plan.format.toStdString(), plan.dataset.toStdString());
    auto report = std::make_shared<ImportReport>();
    m_run = m_runner->start(
        [plan, report](SessionStore& store, const ProgressFn& progress) {
            *report = importFile(store, plan.dataset.toStdString(), plan.path.toStdString(),
                                 plan.format.toStdString(), plan.options(), progress);
        },
        [this, report, dataset = plan.dataset] {
            m_run = 0;
            m_done = true;
            m_progress->setRange(0, 1);
            m_progress->setValue(1);
            m_progress->setFormat(tr("Done"));
            const QLocale loc;
            QString text = tr("<b>Imported.</b> %1 rows read: %2 events in %3 new sessions, %4 "
                              "new items, %5 items with text, in %6 s.")
                               .arg(loc.toString(qulonglong(report->rows)),
                                    loc.toString(qulonglong(report->events)),
                                    loc.toString(qulonglong(report->sessions)),
                                    loc.toString(qulonglong(report->newItems)),
                                    loc.toString(qulonglong(report->itemsUpdated)),
                                    loc.toString(report->seconds, 'f', 1));
            if (report->skipped > 0)
                text += tr("<br>%1 bad rows were skipped, e.g.: %2")
                            .arg(loc.toString(qulonglong(report->skipped)),
                                 QString::fromStdString(report->firstErrors.empty()
                                                            ? std::string()
                                                            : report->firstErrors.front())
                                     .toHtmlEscaped());
            m_result->setText(text);
            spdlog::info("imported {} events into '{}'", report->events, dataset.toStdString());
            Q_EMIT completeChanged();
            Q_EMIT m_wizard->imported(dataset);
        });
    Q_EMIT completeChanged();
}

void RunPage::showError(const QString& html) {
    m_progress->setVisible(false);
    m_result->setText(html);
    m_retry->setVisible(true);
    Q_EMIT completeChanged();
}

bool RunPage::isComplete() const { return m_done; }

QString RunPage::resultText() const { return m_result->text(); }

bool RunPage::isRunning() const { return m_run != 0; }

void RunPage::cancel() {
    if (!isRunning())
        return;
    m_closeWhenCancelled = true;
    m_runner->cancel();
}

} // namespace srw::ui
