#pragma once
#include <QDialog>

class QComboBox;
class QLabel;

namespace srw::ui {
class Settings;

/** @brief Appearance (light/dark palette, applied at once) and language (on the next start). */
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(Settings& settings, QWidget* parent = nullptr);
    void accept() override;
    void reject() override;

Q_SIGNALS:
    /** @brief The user asked to restart now so a new language takes effect. */
    void restartRequested();

private:
    Settings& m_settings;
    QComboBox* m_theme;
    QComboBox* m_language;
    QLabel* m_restartNote;
};

} // namespace srw::ui
