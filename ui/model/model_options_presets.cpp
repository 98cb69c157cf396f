// The preset half of ModelOptionsPanel: the bar above the form and the named configurations.
#include "model/model_options_panel.h"

#include "model/model_presets.h"
#include "training/training_worker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace srw::ui {

QWidget* ModelOptionsPanel::createPresetBar() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_preset = new QComboBox(bar);
    m_preset->setEditable(true);
    m_preset->setMinimumWidth(220);
    m_preset->setInsertPolicy(QComboBox::NoInsert);
    m_preset->lineEdit()->setPlaceholderText(tr("Preset name"));
    m_preset->setToolTip(tr("Named configurations: pick one to load it, or type a new name and "
                            "save"));
    auto* load = new QPushButton(tr("Load"), bar);
    load->setToolTip(tr("Loads the named preset into the form"));
    auto* save = new QPushButton(tr("Save Preset"), bar);
    save->setToolTip(tr("Saves the form under the typed name (replacing a preset of that name)"));
    auto* remove = new QPushButton(tr("Delete Preset"), bar);
    remove->setToolTip(tr("Forgets the named preset; runs trained with it keep their options"));
    auto* reset = new QPushButton(tr("Defaults"), bar);
    reset->setToolTip(tr("The default configuration: embedded encoder, frozen, pooled sessions"));
    row->addWidget(new QLabel(tr("Preset:"), bar));
    row->addWidget(m_preset);
    row->addWidget(load);
    row->addWidget(save);
    row->addWidget(remove);
    row->addStretch(1);
    row->addWidget(reset);
    connect(m_preset, qOverload<int>(&QComboBox::activated), this,
            [this](int i) { loadPreset(m_preset->itemText(i)); });
    connect(load, &QPushButton::clicked, this, [this] { loadPreset(m_preset->currentText()); });
    connect(save, &QPushButton::clicked, this, [this] { savePreset(m_preset->currentText()); });
    connect(remove, &QPushButton::clicked, this, [this] { deletePreset(m_preset->currentText()); });
    connect(reset, &QPushButton::clicked, this, [this] {
        BertMlpOptions d;
        d.threads = TrainingRunner::maxTorchThreads();
        setOptions(d);
    });
    return bar;
}

void ModelOptionsPanel::refreshPresets(const QString& current) {
    const QString keep = current.isEmpty() ? m_preset->currentText() : current;
    m_preset->clear();
    m_preset->addItems(m_presets->names());
    m_preset->setCurrentText(keep);
}

QStringList ModelOptionsPanel::presetNames() const { return m_presets->names(); }

bool ModelOptionsPanel::savePreset(const QString& name) {
    const QString n = name.trimmed();
    if (n.isEmpty()) {
        Q_EMIT statusMessage(tr("Type a name for the preset first"));
        return false;
    }
    m_presets->save(n, options());
    m_presets->sync();
    refreshPresets(n);
    Q_EMIT statusMessage(tr("Saved the preset '%1'").arg(n));
    return true;
}

bool ModelOptionsPanel::loadPreset(const QString& name) {
    const auto o = m_presets->load(name);
    if (!o) {
        Q_EMIT statusMessage(tr("No usable preset '%1'").arg(name));
        return false;
    }
    setOptions(*o);
    refreshPresets(name);
    Q_EMIT statusMessage(tr("Loaded the preset '%1'").arg(name));
    return true;
}

void ModelOptionsPanel::deletePreset(const QString& name) {
    if (!m_presets->names().contains(name))
        return;
    m_presets->remove(name);
    m_presets->sync();
    refreshPresets(QStringLiteral(" ")); // the deleted name should not linger in the editor
    m_preset->setCurrentText(QString());
    Q_EMIT statusMessage(tr("Deleted the preset '%1'").arg(name));
}

void ModelOptionsPanel::rememberOptions() {
    m_presets->setLastUsed(options());
    m_presets->sync();
}

} // namespace srw::ui
