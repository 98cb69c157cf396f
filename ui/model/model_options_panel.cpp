#include "model/model_options_panel.h"

#include "model/encoder_source.h"
#include "model/model_presets.h"
#include "training/training_worker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <climits>

namespace srw::ui {
namespace {

QSpinBox* spin(QWidget* parent, int min, int max, const QString& tip) {
    auto* s = new QSpinBox(parent);
    s->setRange(min, max);
    s->setToolTip(tip);
    return s;
}

QComboBox* combo(QWidget* parent, const QList<QPair<QString, QString>>& items, const QString& tip) {
    auto* c = new QComboBox(parent);
    for (const auto& [label, value] : items)
        c->addItem(label, value);
    c->setToolTip(tip);
    return c;
}

void selectData(QComboBox* c, const QString& value) {
    const int at = c->findData(value);
    c->setCurrentIndex(at >= 0 ? at : 0);
}

} // namespace

std::vector<int> parseMlpWidths(const QString& text) {
    std::vector<int> out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int w = part.trimmed().toInt(&ok);
        if (!ok || w < 1 || w > 65536)
            return {};
        out.push_back(w);
    }
    return out;
}

ModelOptionsPanel::ModelOptionsPanel(TrainingRunner* runner, const QString& settingsPath,
                                     QWidget* parent)
    : QWidget(parent), m_presets(std::make_unique<ModelPresets>(settingsPath)) {
    setObjectName(QStringLiteral("modelOptionsPanel"));
    m_encoder = new EncoderSource(runner, this);
    auto* content = new QWidget(this);
    auto* columns = new QHBoxLayout(content);
    auto* left = new QVBoxLayout;
    left->addWidget(createBlendGroup());
    left->addWidget(m_encoder);
    left->addWidget(createModelGroup());
    left->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(createTrainingGroup());
    right->addWidget(createRuntimeGroup());
    right->addStretch(1);
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(createPresetBar());
    outer->addWidget(scroll, 1);

    // Every editor reports a change the same way, so Start's check and presets stay in step.
    for (auto* s : findChildren<QSpinBox*>())
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this, &ModelOptionsPanel::optionsChanged);
    for (auto* s : findChildren<QDoubleSpinBox*>())
        connect(s, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                &ModelOptionsPanel::optionsChanged);
    for (auto* c : {m_blend, m_finetune, m_sessionEncoder, m_pooling, m_device})
        connect(c, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
            updateEnabled();
            Q_EMIT optionsChanged();
        });
    connect(m_mlp, &QLineEdit::textChanged, this, &ModelOptionsPanel::optionsChanged);
    connect(m_deterministic, &QCheckBox::toggled, this, &ModelOptionsPanel::optionsChanged);
    connect(m_encoder, &EncoderSource::changed, this, &ModelOptionsPanel::optionsChanged);
    if (runner) {
        connect(runner, &TrainingRunner::deviceProbed, this, &ModelOptionsPanel::showDevice);
        runner->probeDevice();
    }

    BertMlpOptions start;
    start.threads = TrainingRunner::maxTorchThreads();
    setOptions(m_presets->lastUsed().value_or(start));
    refreshPresets();
}

ModelOptionsPanel::~ModelOptionsPanel() = default;

QWidget* ModelOptionsPanel::createBlendGroup() {
    auto* box = new QGroupBox(tr("Blend"), this);
    auto* form = new QFormLayout(box);
    const QString tip = tr("α: weight of collaborative filtering s_cf in p = α·s_cf + (1 − α)·f; "
                           "the rest goes to the text model f");
    m_alphaSlider = new QSlider(Qt::Horizontal, box);
    m_alphaSlider->setRange(0, 100);
    m_alphaSlider->setToolTip(tip);
    m_alpha = new QDoubleSpinBox(box);
    m_alpha->setRange(0, 1);
    m_alpha->setDecimals(2);
    m_alpha->setSingleStep(0.05);
    m_alpha->setToolTip(tip);
    // Linked both ways; the guards stop the echo that would round the spin box to the slider.
    connect(m_alphaSlider, &QSlider::valueChanged, this, [this](int v) {
        if (qRound(m_alpha->value() * 100) != v)
            m_alpha->setValue(v / 100.0);
    });
    connect(m_alpha, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this](double v) {
        if (m_alphaSlider->value() != qRound(v * 100))
            m_alphaSlider->setValue(qRound(v * 100));
    });
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("text"), box));
    row->addWidget(m_alphaSlider, 1);
    row->addWidget(new QLabel(tr("CF"), box));
    row->addWidget(m_alpha);
    form->addRow(tr("α:"), row);
    m_blend = combo(box, {{tr("Probabilities"), QStringLiteral("probability")},
                          {tr("Rank percentiles"), QStringLiteral("rank")}},
                    tr("How the two scores are combined: as probabilities, or as their rank "
                       "percentiles over the catalogue"));
    form->addRow(tr("Combine:"), m_blend);
    return box;
}

QWidget* ModelOptionsPanel::createModelGroup() {
    auto* box = new QGroupBox(tr("Model"), this);
    auto* form = new QFormLayout(box);
    m_finetune = combo(box, {{tr("Frozen"), QStringLiteral("frozen")},
                             {tr("Last layers"), QStringLiteral("last")},
                             {tr("Full"), QStringLiteral("full")}},
                       tr("Frozen: item vectors are computed once (fast). Last layers / full: the "
                          "encoder is tuned too (slow without a GPU)"));
    m_tunedLayers = spin(box, 1, 48, tr("How many of the encoder's last layers are tuned"));
    auto* ft = new QHBoxLayout;
    ft->addWidget(m_finetune, 1);
    ft->addWidget(m_tunedLayers);
    form->addRow(tr("Fine-tuning:"), ft);
    m_sessionEncoder = combo(box, {{tr("Pooled item vectors"), QStringLiteral("pooled")},
                                   {tr("BERT over the session text"), QStringLiteral("text")}},
                             tr("Pooled: the session tower pools its items' vectors (fast). Text: "
                                "BERT reads the session's item texts joined"));
    form->addRow(tr("Session encoder:"), m_sessionEncoder);
    m_pooling = combo(box, {{tr("Attention"), QStringLiteral("attention")},
                            {tr("Mean"), QStringLiteral("mean")}},
                      tr("How the pooled tower combines item vectors"));
    form->addRow(tr("Pooling:"), m_pooling);
    m_sessionItems = spin(box, 1, 512, tr("The most recent items of a session the tower reads"));
    form->addRow(tr("Session items:"), m_sessionItems);
    m_itemTokens = spin(box, 3, 512, tr("Item texts are cut to this many tokens"));
    form->addRow(tr("Item text tokens:"), m_itemTokens);
    m_sessionTokens = spin(box, 3, 512, tr("Session texts (text tower) are cut to this many tokens"));
    form->addRow(tr("Session text tokens:"), m_sessionTokens);
    m_mlp = new QLineEdit(box);
    m_mlp->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("\\s*\\d{1,5}(\\s*,\\s*\\d{1,5})*\\s*,?\\s*")), m_mlp));
    m_mlp->setToolTip(tr("Hidden widths of the MLP, comma-separated (e.g. 256,128); the output "
                         "layer is added"));
    form->addRow(tr("MLP layers:"), m_mlp);
    return box;
}

QWidget* ModelOptionsPanel::createTrainingGroup() {
    auto* box = new QGroupBox(tr("Training"), this);
    auto* form = new QFormLayout(box);
    m_lr = new QDoubleSpinBox(box);
    m_lr->setDecimals(5);
    m_lr->setRange(0.00001, 1.0);
    m_lr->setSingleStep(0.0005);
    m_lr->setToolTip(tr("AdamW learning rate of the MLP and session tower (warm-up, then linear "
                        "decay)"));
    form->addRow(tr("Learning rate:"), m_lr);
    m_epochs = spin(box, 1, 10000, tr("Epochs; early stopping may end sooner"));
    form->addRow(tr("Epochs:"), m_epochs);
    m_batch = spin(box, 2, 1 << 20, tr("Session prefixes per step"));
    form->addRow(tr("Batch size:"), m_batch);
    m_negatives = spin(box, 0, 100000, tr("Popularity-sampled negatives per batch, besides the "
                                          "batch's own targets"));
    form->addRow(tr("Negatives:"), m_negatives);
    m_maxTrain = spin(box, 0, INT_MAX, tr("Train on the last N sessions only, for quick runs "
                                          "(0: all)"));
    m_maxTrain->setSpecialValueText(tr("all"));
    form->addRow(tr("Training sessions:"), m_maxTrain);
    m_seed = spin(box, 0, INT_MAX, tr("Seed of every random choice: the same seed gives the "
                                      "same run"));
    form->addRow(tr("Seed:"), m_seed);
    m_deterministic = new QCheckBox(tr("Deterministic algorithms"), box);
    m_deterministic->setToolTip(tr("Bit-identical weights on every run, somewhat slower"));
    form->addRow(QString(), m_deterministic);
    return box;
}

QWidget* ModelOptionsPanel::createRuntimeGroup() {
    auto* box = new QGroupBox(tr("Runtime"), this);
    auto* form = new QFormLayout(box);
    m_threads = spin(box, 1, TrainingRunner::maxTorchThreads(),
                     tr("LibTorch threads; at most the cores less one, so the window stays "
                        "responsive"));
    form->addRow(tr("Threads:"), m_threads);
    m_device = combo(box, {{tr("Automatic"), QStringLiteral("auto")},
                           {tr("CPU"), QStringLiteral("cpu")},
                           {tr("CUDA"), QStringLiteral("cuda")}},
                     tr("Automatic: CUDA (with bf16 autocast) when available, else the CPU"));
    form->addRow(tr("Device:"), m_device);
    m_deviceInfo = new QLabel(tr("Looking for CUDA…"), box);
    m_deviceInfo->setObjectName(QStringLiteral("deviceInfo"));
    m_deviceInfo->setWordWrap(true);
    m_deviceInfo->setToolTip(tr("What LibTorch found on this computer"));
    form->addRow(QString(), m_deviceInfo);
    return box;
}

void ModelOptionsPanel::showDevice(const DeviceInfo& info) {
    if (info.cuda) {
        m_deviceInfo->setText(tr("CUDA is available: automatic trains on cuda:0."));
    } else {
        m_deviceInfo->setText(tr("No CUDA device: training runs on the CPU (at most %1 LibTorch threads).")
                                  .arg(info.threads));
        if (m_device->currentData().toString() == QLatin1String("cuda"))
            m_device->setCurrentIndex(0);
    }
    if (auto* model = qobject_cast<QStandardItemModel*>(m_device->model()); model && !info.cuda)
        model->item(2)->setEnabled(false);
}

void ModelOptionsPanel::updateEnabled() {
    m_tunedLayers->setEnabled(m_finetune->currentData().toString() == QLatin1String("last"));
    const bool text = m_sessionEncoder->currentData().toString() == QLatin1String("text");
    m_pooling->setEnabled(!text);
    m_sessionItems->setEnabled(!text);
    m_sessionTokens->setEnabled(text);
}

BertMlpOptions ModelOptionsPanel::options() const {
    BertMlpOptions o = m_base;
    o.alpha = m_alpha->value();
    o.blend = m_blend->currentData().toString() == QLatin1String("rank") ? BlendMode::Rank
                                                                         : BlendMode::Probability;
    o.encoder = m_encoder->encoder().toStdString();
    const QString ft = m_finetune->currentData().toString();
    o.finetune = ft == QLatin1String("last") ? "last:" + std::to_string(m_tunedLayers->value())
                                             : ft.toStdString();
    o.sessionEncoder = m_sessionEncoder->currentData().toString().toStdString();
    o.sessionPooling = m_pooling->currentData().toString().toStdString();
    o.maxSessionItems = m_sessionItems->value();
    o.itemTextTokens = m_itemTokens->value();
    o.sessionTextTokens = m_sessionTokens->value();
    o.mlpWidths = parseMlpWidths(m_mlp->text());
    o.learningRate = m_lr->value();
    o.epochs = m_epochs->value();
    o.batchSize = m_batch->value();
    o.negatives = m_negatives->value();
    o.maxTrainSessions = m_maxTrain->value();
    o.seed = std::uint64_t(m_seed->value());
    o.deterministic = m_deterministic->isChecked();
    o.threads = m_threads->value();
    o.device = m_device->currentData().toString().toStdString();
    return o;
}

void ModelOptionsPanel::setOptions(const BertMlpOptions& o) {
    m_base = o;
    m_alpha->setValue(o.alpha);
    m_alphaSlider->setValue(qRound(o.alpha * 100));
    selectData(m_blend, o.blend == BlendMode::Rank ? QStringLiteral("rank")
                                                   : QStringLiteral("probability"));
    m_encoder->setEncoder(QString::fromStdString(o.encoder));
    const int tuned = o.tunedLayers();
    selectData(m_finetune, tuned == 0    ? QStringLiteral("frozen")
                           : tuned < 0   ? QStringLiteral("full")
                                         : QStringLiteral("last"));
    m_tunedLayers->setValue(tuned > 0 ? tuned : 1);
    selectData(m_sessionEncoder, QString::fromStdString(o.sessionEncoder));
    selectData(m_pooling, QString::fromStdString(o.sessionPooling));
    m_sessionItems->setValue(o.maxSessionItems);
    m_itemTokens->setValue(o.itemTextTokens);
    m_sessionTokens->setValue(o.sessionTextTokens);
    QStringList widths;
    for (int w : o.mlpWidths)
        widths << QString::number(w);
    m_mlp->setText(widths.join(QLatin1Char(',')));
    m_lr->setValue(o.learningRate);
    m_epochs->setValue(o.epochs);
    m_batch->setValue(o.batchSize);
    m_negatives->setValue(o.negatives);
    m_maxTrain->setValue(o.maxTrainSessions);
    m_seed->setValue(int(std::min<std::uint64_t>(o.seed, INT_MAX)));
    m_deterministic->setChecked(o.deterministic);
    m_threads->setValue(o.threads > 0 ? o.threads : TrainingRunner::maxTorchThreads());
    const QString dev = QString::fromStdString(o.device);
    selectData(m_device, dev.startsWith(QLatin1String("cuda")) ? QStringLiteral("cuda") : dev);
    updateEnabled();
    Q_EMIT optionsChanged();
}

QString ModelOptionsPanel::problem() const {
    if (m_encoder->isChecking())
        return tr("The encoder folder is still being checked");
    if (!m_encoder->isUsable())
        return tr("The encoder folder cannot be used");
    try {
        options().validate();
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return QString();
}

} // namespace srw::ui
