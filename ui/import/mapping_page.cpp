#include "import/mapping_page.h"

#include "import/import_wizard.h"
#include "models/choice_delegate.h"
#include "models/mapping_model.h"
#include "models/preview_model.h"

#include "srw/parsers/time_parser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace srw::ui {

MappingPage::MappingPage(ImportWizard* wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_table(new QTableView(this)),
      m_timeFormat(new QComboBox(this)), m_timeSample(new QLabel(this)),
      m_gap(new QSpinBox(this)), m_lenient(new QCheckBox(tr("Skip bad rows"), this)),
      m_problem(new QLabel(this)) {
    setTitle(tr("Map the Columns"));
    setSubTitle(tr("Roles were matched by the header's names; choose another column where "
                   "needed."));
    m_table->setModel(wizard->mapping());
    m_table->setItemDelegateForColumn(MappingModel::FileColumn,
                                      new ChoiceDelegate(MappingModel::ChoicesRole, m_table));
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setToolTip(tr("Which column of the file plays which role"));
    m_timeFormat->setEditable(true);
    for (const char* f : {"auto", "s", "ms", "iso", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss",
                          "dd.MM.yyyy HH:mm"})
        m_timeFormat->addItem(QString::fromLatin1(f));
    m_timeFormat->setToolTip(tr("auto, s (epoch seconds), ms (epoch milliseconds), iso (ISO "
                                "8601), or a pattern of yyyy MM dd HH mm ss SSS; times without a "
                                "zone are UTC"));
    m_gap->setRange(1, 24 * 60);
    m_gap->setValue(wizard->plan().sessionGapMinutes);
    m_gap->setSuffix(tr(" min"));
    m_gap->setToolTip(tr("Without a session column, a pause longer than this starts a new "
                         "session of the user"));
    m_lenient->setToolTip(tr("Skips (and counts) rows that cannot be read instead of stopping "
                             "at the first"));
    m_problem->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Time format:"), m_timeFormat);
    form->addRow(QString(), m_timeSample);
    form->addRow(tr("Session gap:"), m_gap);
    form->addRow(QString(), m_lenient);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();

    connect(wizard->mapping(), &MappingModel::mappingChanged, this, &MappingPage::updateState);
    connect(m_timeFormat, &QComboBox::currentTextChanged, this, &MappingPage::updateState);
}

void MappingPage::initializePage() {
    PreviewModel* p = m_wizard->preview();
    MappingModel* m = m_wizard->mapping();
    m->setCatalog(m_wizard->plan().isCatalog());
    m->setFile(p->columnNames(), p->hasHeader() ? p->headerNames() : QStringList(),
               p->firstRow());
    m_timeFormat->setEnabled(!m->isCatalog());
    // Always-open combo boxes show that the column cells are choices.
    for (int r = 0; r < m->rowCount(); ++r)
        m_table->openPersistentEditor(m->index(r, MappingModel::FileColumn));
    updateState();
}

void MappingPage::updateState() {
    MappingModel* m = m_wizard->mapping();
    m_gap->setEnabled(!m->isCatalog() && m->columnFor(QStringLiteral("session")) < 0);
    m_timeSample->clear();
    const int timeColumn = m->columnFor(QStringLiteral("time"));
    const QStringList first = m_wizard->preview()->firstRow();
    if (!m->isCatalog() && timeColumn >= 0 && timeColumn < first.size()) {
        try {
            TimeParser parser(m_timeFormat->currentText().trimmed().toStdString());
            const auto ms = parser.parse(first[timeColumn].trimmed().toStdString());
            m_timeSample->setText(
                ms ? tr("“%1” reads as %2")
                         .arg(first[timeColumn], QString::fromStdString(TimeParser::formatIso(*ms)))
                   : tr("<span style='color:#d9534f'>“%1” does not match this format</span>")
                         .arg(first[timeColumn].toHtmlEscaped()));
        } catch (const std::exception& e) {
            m_timeSample->setText(QStringLiteral("<span style='color:#d9534f'>%1</span>")
                                      .arg(QString::fromUtf8(e.what()).toHtmlEscaped()));
        }
    }
    const QString problem = m->problem();
    m_problem->setText(problem.isEmpty() ? QString()
                                         : QStringLiteral("<span style='color:#d9534f'>%1</span>")
                                               .arg(problem.toHtmlEscaped()));
    Q_EMIT completeChanged();
}

bool MappingPage::isComplete() const { return m_wizard->mapping()->problem().isEmpty(); }

bool MappingPage::validatePage() {
    ImportPlan& plan = m_wizard->plan();
    plan.columns = m_wizard->mapping()->mapping();
    plan.header = m_wizard->preview()->hasHeader() ? HeaderMode::Present : HeaderMode::Absent;
    plan.timeFormat = m_timeFormat->currentText().trimmed();
    plan.sessionGapMinutes = m_gap->value();
    plan.lenient = m_lenient->isChecked();
    return true;
}

} // namespace srw::ui
