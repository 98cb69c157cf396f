#include "model/model_presets.h"

#include <spdlog/spdlog.h>

namespace srw::ui {

ModelPresets::ModelPresets(const QString& iniPath)
    : m_store(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                : std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

ModelPresets::~ModelPresets() = default;

QString optionsToText(const BertMlpOptions& options) {
    return QString::fromStdString(options.toJson().dump());
}

std::optional<BertMlpOptions> optionsFromText(const QString& text) {
    if (text.isEmpty())
        return std::nullopt;
    try {
        return BertMlpOptions::fromJson(nlohmann::json::parse(text.toStdString()));
    } catch (const std::exception& e) {
        // A preset of another version may name fields this one refuses: skip it, say why.
        spdlog::warn("ignoring a stored model configuration: {}", e.what());
        return std::nullopt;
    }
}

QStringList ModelPresets::names() const {
    QStringList out = m_presets.get().keys();
    out.sort(Qt::CaseInsensitive);
    return out;
}

std::optional<BertMlpOptions> ModelPresets::load(const QString& name) const {
    return optionsFromText(m_presets.get().value(name).toString());
}

void ModelPresets::save(const QString& name, const BertMlpOptions& options) {
    QVariantMap map = m_presets.get();
    map.insert(name, optionsToText(options));
    m_presets.set(map);
}

void ModelPresets::remove(const QString& name) {
    QVariantMap map = m_presets.get();
    map.remove(name);
    m_presets.set(map);
}

std::optional<BertMlpOptions> ModelPresets::lastUsed() const { return optionsFromText(m_last.get()); }

void ModelPresets::setLastUsed(const BertMlpOptions& options) { m_last.set(optionsToText(options)); }

} // namespace srw::ui
