#pragma once
#include "settings.h"

#include "srw/model/bert_mlp_options.h"

#include <QSettings>
#include <QStringList>
#include <QVariantMap>
#include <memory>
#include <optional>

namespace srw::ui {

/**
 * @brief Named model configurations and the last one used, kept in the application's settings
 * (the same INI file as Settings when one is given) as BertMlpOptions JSON, so a preset reads
 * exactly like a run's stored configuration and `srw train` users recognise it.
 */
class ModelPresets {
public:
    /** @param iniPath empty: the application's native settings; else this INI file */
    explicit ModelPresets(const QString& iniPath = QString());
    ~ModelPresets();

    QStringList names() const;
    /** @brief The preset, or nothing when it is missing or no longer parses (an older version). */
    std::optional<BertMlpOptions> load(const QString& name) const;
    void save(const QString& name, const BertMlpOptions& options);
    void remove(const QString& name);

    std::optional<BertMlpOptions> lastUsed() const;
    void setLastUsed(const BertMlpOptions& options);
    void sync() { m_store->sync(); }

private:
    std::unique_ptr<QSettings> m_store;
    // Name → JSON text; one map so a preset is written or removed in one setValue.
    Preference<QVariantMap> m_presets{*m_store, QStringLiteral("model/presets")};
    Preference<QString> m_last{*m_store, QStringLiteral("model/lastOptions")};
};

/** @brief options as compact JSON text, and back (nothing when the text does not parse). */
QString optionsToText(const BertMlpOptions& options);
std::optional<BertMlpOptions> optionsFromText(const QString& text);

} // namespace srw::ui
