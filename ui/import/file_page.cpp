#include "import/file_page.h"

#include "import/import_wizard.h"

#include "srw/data/formats/import_file.h"
#include "srw/util/error.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace srw::ui {

FilePage::FilePage(ImportWizard* wizard, const QString& startDir, const QString& catalogDataset)
    : QWizardPage(wizard), m_wizard(wizard), m_startDir(startDir),
      m_catalogDataset(catalogDataset), m_path(new QLineEdit(this)), m_format(new QComboBox(this)),
      m_detected(new QLabel(this)), m_dataset(new QLineEdit(this)) {
    setTitle(tr("Choose a File"));
    setSubTitle(tr("A click log (one event per row) or an item catalogue, as CSV, TSV or one of "
                   "the public benchmark formats."));
    m_path->setPlaceholderText(tr("Path of the file to import"));
    m_path->setToolTip(tr("The file to import; its format is detected from its name and first "
                          "line"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setToolTip(tr("Choose the file in a file dialog"));
    m_format->addItem(tr("Detect automatically"), QStringLiteral("auto"));
    for (const auto& f : knownFormats())
        m_format->addItem(QString::fromStdString(f), QString::fromStdString(f));
    m_format->setToolTip(tr("csv: a generic event log; catalog: a generic item catalogue; the "
                            "others are the public datasets' own layouts"));
    m_detected->setWordWrap(true);
    m_dataset->setToolTip(tr("The dataset to create, or to add to (a catalogue usually goes "
                             "into the dataset of its events)"));

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto* form = new QFormLayout(this);
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Format:"), m_format);
    form->addRow(QString(), m_detected);
    form->addRow(tr("Dataset:"), m_dataset);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import a File"), m_startDir,
            tr("Data files (*.csv *.tsv *.txt *.dat *.inter *.item *.gz);;All files (*)"));
        if (!path.isEmpty())
            setPath(path);
    });
    connect(m_path, &QLineEdit::textChanged, this, &FilePage::detect);
    connect(m_format, &QComboBox::currentIndexChanged, this, &FilePage::detect);
    connect(m_dataset, &QLineEdit::textEdited, this, [this] { m_datasetEdited = true; });
    connect(m_dataset, &QLineEdit::textChanged, this, &FilePage::completeChanged);
}

void FilePage::setPath(const QString& path, const QString& format) {
    m_format->setCurrentIndex(std::max(0, m_format->findData(format)));
    m_path->setText(path);
}

QString FilePage::chosenFormat() const {
    const QString f = m_format->currentData().toString();
    return f == QLatin1String("auto") ? m_detectedFormat : f;
}

void FilePage::detect() {
    m_detectedFormat.clear();
    const QString path = m_path->text().trimmed();
    if (path.isEmpty() || !QFileInfo(path).isFile()) {
        m_detected->setText(path.isEmpty() ? QString() : tr("There is no file at this path."));
        Q_EMIT completeChanged();
        return;
    }
    try {
        m_detectedFormat = QString::fromStdString(detectFormat(path.toStdString()));
        m_detected->setText(tr("Detected format: <b>%1</b>").arg(m_detectedFormat));
    } catch (const std::exception& e) {
        m_detected->setText(tr("Could not detect the format: %1")
                                .arg(QString::fromUtf8(e.what()).toHtmlEscaped()));
    }
    if (!m_datasetEdited)
        m_dataset->setText(chosenFormat() == QLatin1String("catalog") && !m_catalogDataset.isEmpty()
                               ? m_catalogDataset
                               : QFileInfo(path).completeBaseName());
    Q_EMIT completeChanged();
}

bool FilePage::isComplete() const {
    return !chosenFormat().isEmpty() && QFileInfo(m_path->text().trimmed()).isFile() &&
           !m_dataset->text().trimmed().isEmpty();
}

bool FilePage::validatePage() {
    ImportPlan& plan = m_wizard->plan();
    const QString format = chosenFormat();
    const bool changed = plan.path != m_path->text().trimmed() || plan.format != format;
    plan.path = m_path->text().trimmed();
    plan.format = format;
    plan.dataset = m_dataset->text().trimmed();
    if (changed) {
        plan.delimiter = 0;
        plan.header = HeaderMode::Auto;
        plan.columns = ColumnMapping();
        m_wizard->reloadPreview();
    }
    return true;
}

} // namespace srw::ui
