#include "model/encoder_source.h"

#include "training/training_worker.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace srw::ui {

EncoderSource::EncoderSource(TrainingRunner* runner, QWidget* parent)
    : QGroupBox(tr("Text encoder"), parent), m_runner(runner) {
    m_embedded = new QRadioButton(tr("Embedded small BERT"), this);
    m_embedded->setToolTip(tr("A 2-layer BERT (hidden size 128) with a vocabulary learned from "
                              "the dataset's item texts; pre-trained on them when asked"));
    m_folder = new QRadioButton(tr("Hugging Face folder:"), this);
    m_folder->setToolTip(tr("A local BERT checkpoint: config.json, vocab.txt and "
                            "model.safetensors (pickle checkpoints are refused)"));
    m_path = new QLineEdit(this);
    m_path->setPlaceholderText(tr("Folder with config.json, vocab.txt, model.safetensors"));
    m_path->setToolTip(m_folder->toolTip());
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setToolTip(tr("Chooses the folder; it is checked at once"));
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("encoderInfo"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setToolTip(tr("What loading the folder found"));
    m_embedded->setChecked(true);

    auto* grid = new QGridLayout(this);
    grid->addWidget(m_embedded, 0, 0, 1, 3);
    grid->addWidget(m_folder, 1, 0);
    grid->addWidget(m_path, 1, 1);
    grid->addWidget(m_browse, 1, 2);
    grid->addWidget(m_info, 2, 0, 1, 3);
    grid->setColumnStretch(1, 1);

    connect(m_embedded, &QRadioButton::toggled, this, [this] {
        updateEnabled();
        check();
        Q_EMIT changed();
    });
    connect(m_browse, &QPushButton::clicked, this, &EncoderSource::chooseFolder);
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        check();
        Q_EMIT changed();
    });
    if (m_runner)
        connect(m_runner, &TrainingRunner::encoderInspected, this, &EncoderSource::showInfo);
    updateEnabled();
}

QString EncoderSource::encoder() const {
    const QString dir = m_path->text().trimmed();
    return m_embedded->isChecked() || dir.isEmpty() ? QStringLiteral("embedded") : dir;
}

void EncoderSource::setEncoder(const QString& encoder) {
    const bool embedded = encoder.isEmpty() || encoder == QLatin1String("embedded");
    if (!embedded)
        m_path->setText(encoder);
    m_folder->setChecked(!embedded);
    m_embedded->setChecked(embedded);
    updateEnabled();
    check();
}

void EncoderSource::updateEnabled() {
    m_path->setEnabled(m_folder->isChecked());
    m_browse->setEnabled(m_folder->isChecked());
}

void EncoderSource::chooseFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a Hugging Face BERT folder"),
                                                          m_path->text());
    if (dir.isEmpty())
        return;
    m_path->setText(dir);
    m_folder->setChecked(true);
    check();
    Q_EMIT changed();
}

void EncoderSource::check() {
    const QString enc = encoder();
    if (enc == QLatin1String("embedded")) {
        m_pendingTag = 0;
        m_checked.clear();
        m_usable = true;
        m_info->setText(m_folder->isChecked() ? tr("Choose a folder.")
                                              : tr("Embedded: 2 layers, hidden size 128, 4 heads; "
                                                   "vocabulary from the item texts."));
        return;
    }
    if (enc == m_checked || !m_runner)
        return;
    m_checked = enc;
    m_usable = false;
    m_info->setText(tr("Checking %1…").arg(enc));
    // Loading touches LibTorch, so it runs on the training worker (after a running training).
    m_pendingTag = m_runner->inspectEncoder(enc);
}

void EncoderSource::showInfo(int tag, const EncoderInfo& info) {
    if (tag != m_pendingTag)
        return; // an older folder's answer
    m_pendingTag = 0;
    m_usable = info.error.isEmpty();
    if (!m_usable) {
        m_info->setText(tr("<b>Cannot use this folder:</b> %1").arg(info.error.toHtmlEscaped()));
        Q_EMIT changed();
        return;
    }
    const QString yes = tr("yes"), no = tr("no");
    m_info->setText(
        tr("<b>%1</b>: %2 layers, hidden size %3, %4 heads, intermediate %5, %6 positions; "
           "vocabulary %7 tokens. Tokenizer: lower case %8, Chinese characters split %9, "
           "model_max_length %10.")
            .arg(info.architecture.toHtmlEscaped())
            .arg(info.layers)
            .arg(info.hiddenSize)
            .arg(info.heads)
            .arg(info.intermediateSize)
            .arg(info.maxPositions)
            .arg(info.vocabSize)
            .arg(info.lowercase ? yes : no)
            .arg(info.chineseChars ? yes : no)
            .arg(info.modelMaxLength));
    Q_EMIT changed();
}

} // namespace srw::ui
