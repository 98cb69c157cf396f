#pragma once
#include <QPalette>
#include <QString>

namespace srw::ui {

/**
 * @brief Applies "light", "dark" or "system" (the platform's palette) with the Fusion style:
 * Qt 6.4 has no colour-scheme API, so dark mode is a palette of our own.
 */
void applyTheme(const QString& theme);

/** @brief True when the palette's window is darker than its text (for charts and badges). */
bool isDark(const QPalette& palette);

} // namespace srw::ui
