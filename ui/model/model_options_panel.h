#pragma once
#include "srw/model/bert_mlp_options.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;

namespace srw::ui {
class EncoderSource;
class ModelPresets;
class TrainingRunner;
struct DeviceInfo;

/**
 * @brief Every option of the BERT+MLP model and its training, mapped to BertMlpOptions both
 * ways, with named presets. Options the panel does not show (weight decay, patience…) keep the
 * values of the last preset or configuration loaded, so a preset written by hand survives.
 */
class ModelOptionsPanel : public QWidget {
    Q_OBJECT
public:
    /**
     * @param runner checks encoder folders and probes CUDA on the LibTorch thread (may be null)
     * @param settingsPath the INI file of the settings (tests); empty: the user's settings
     */
    ModelOptionsPanel(TrainingRunner* runner, const QString& settingsPath,
                      QWidget* parent = nullptr);
    ~ModelOptionsPanel() override;

    BertMlpOptions options() const;
    void setOptions(const BertMlpOptions& options);
    /** @brief Empty when the options are usable, else why not (shown beside Start). */
    QString problem() const;

    bool savePreset(const QString& name);
    bool loadPreset(const QString& name);
    void deletePreset(const QString& name);
    QStringList presetNames() const;
    /** @brief Remembers the options for the next start (called when a training starts). */
    void rememberOptions();

    QSlider* alphaSlider() const { return m_alphaSlider; }
    QDoubleSpinBox* alphaSpin() const { return m_alpha; }
    EncoderSource* encoderSource() const { return m_encoder; }
    QComboBox* presetBox() const { return m_preset; }

Q_SIGNALS:
    void optionsChanged();
    void statusMessage(const QString& text);

private:
    QWidget* createBlendGroup();
    QWidget* createModelGroup();
    QWidget* createTrainingGroup();
    QWidget* createRuntimeGroup();
    QWidget* createPresetBar();
    void updateEnabled();
    void refreshPresets(const QString& current = QString());
    void showDevice(const DeviceInfo& info);

    std::unique_ptr<ModelPresets> m_presets;
    BertMlpOptions m_base;
    QComboBox* m_preset = nullptr;
    QSlider* m_alphaSlider = nullptr;
    QDoubleSpinBox* m_alpha = nullptr;
    QComboBox* m_blend = nullptr;
    EncoderSource* m_encoder = nullptr;
    QComboBox* m_finetune = nullptr;
    QSpinBox* m_tunedLayers = nullptr;
    QComboBox* m_sessionEncoder = nullptr;
    QComboBox* m_pooling = nullptr;
    QSpinBox* m_itemTokens = nullptr;
    QSpinBox* m_sessionTokens = nullptr;
    QSpinBox* m_sessionItems = nullptr;
    QLineEdit* m_mlp = nullptr;
    QDoubleSpinBox* m_lr = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_batch = nullptr;
    QSpinBox* m_negatives = nullptr;
    QSpinBox* m_maxTrain = nullptr;
    QSpinBox* m_seed = nullptr;
    QCheckBox* m_deterministic = nullptr;
    QSpinBox* m_threads = nullptr;
    QComboBox* m_device = nullptr;
    QLabel* m_deviceInfo = nullptr;
};

/** @brief "256,128" → {256, 128}; empty when the text is not a list of widths in [1, 65536]. */
std::vector<int> parseMlpWidths(const QString& text);

} // namespace srw::ui
