#pragma once
#include <QString>

namespace srw::ui {

/** @brief "en" or "zh_CN" for a language setting ("system" follows the system locale). */
QString effectiveLanguage(const QString& setting);

/**
 * @brief Installs the application's translation for language (and Qt's own, when found) on
 * the application; English needs none. Returns false when the translation could not be loaded.
 */
bool installTranslation(const QString& language);

/** @brief Where the compiled translations are embedded: ":/i18n/srw_<language>.qm". */
QString translationResource(const QString& language);

} // namespace srw::ui
