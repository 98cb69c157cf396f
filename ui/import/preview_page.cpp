#include "import/preview_page.h"

#include "import/import_wizard.h"
#include "models/preview_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace srw::ui {

PreviewPage::PreviewPage(ImportWizard* wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_delimiter(new QComboBox(this)),
      m_header(new QCheckBox(tr("The first row is a header"), this)),
      m_table(new QTableView(this)), m_message(new QLabel(this)) {
    setTitle(tr("Check the Layout"));
    setSubTitle(tr("The delimiter and the header were detected; correct them if the table below "
                   "does not look right."));
    for (char c : {',', '\t', ';', '|'})
        m_delimiter->addItem(delimiterName(c), int(c));
    m_delimiter->setToolTip(tr("The character between the fields of a row"));
    m_header->setToolTip(tr("Whether the first row names the columns rather than holding data"));
    m_table->setModel(wizard->preview());
    m_table->setToolTip(tr("The first rows of the file as they will be read"));
    m_table->horizontalHeader()->setDefaultSectionSize(130);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setAlternatingRowColors(true);
    m_message->setWordWrap(true);

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Delimiter:"), this));
    row->addWidget(m_delimiter);
    row->addSpacing(16);
    row->addWidget(m_header);
    row->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);

    connect(m_delimiter, &QComboBox::activated, this, &PreviewPage::optionsChanged);
    connect(m_header, &QCheckBox::clicked, this, &PreviewPage::optionsChanged);
}

void PreviewPage::initializePage() {
    if (m_wizard->preview()->rowCount() == 0 && m_wizard->preview()->error().isEmpty())
        m_wizard->reloadPreview();
    showState();
}

void PreviewPage::optionsChanged() {
    ImportPlan& plan = m_wizard->plan();
    plan.delimiter = char(m_delimiter->currentData().toInt());
    plan.header = m_header->isChecked() ? HeaderMode::Present : HeaderMode::Absent;
    m_wizard->reloadPreview();
    showState();
}

void PreviewPage::showState() {
    PreviewModel* p = m_wizard->preview();
    m_delimiter->setCurrentIndex(m_delimiter->findData(int(p->delimiter())));
    m_header->setChecked(p->hasHeader());
    // A few columns share the width; many keep theirs and scroll.
    m_table->horizontalHeader()->setSectionResizeMode(
        p->columnCount() <= 8 ? QHeaderView::Stretch : QHeaderView::Interactive);
    const bool delimited = m_wizard->plan().hasMapping();
    m_delimiter->setEnabled(delimited);
    m_header->setEnabled(delimited);
    if (!p->error().isEmpty())
        m_message->setText(tr("<span style='color:#d9534f'>Cannot read the file: %1</span>")
                               .arg(p->error().toHtmlEscaped()));
    else if (!delimited)
        m_message->setText(tr("The %1 format fixes its own columns and times.")
                               .arg(m_wizard->plan().format));
    else
        m_message->setText(tr("%1 columns; showing the first %2 rows.")
                               .arg(p->columnCount())
                               .arg(p->rowCount()));
    Q_EMIT completeChanged();
}

bool PreviewPage::isComplete() const { return m_wizard->preview()->error().isEmpty(); }

} // namespace srw::ui
