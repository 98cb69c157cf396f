#include "settings_dialog.h"

#include "settings.h"
#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace srw::ui {

SettingsDialog::SettingsDialog(Settings& settings, QWidget* parent)
    : QDialog(parent), m_settings(settings), m_theme(new QComboBox(this)),
      m_language(new QComboBox(this)), m_restartNote(new QLabel(this)) {
    setWindowTitle(tr("Settings"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setToolTip(tr("The colours of the window; changes at once"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(settings.theme.get())));
    m_language->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setToolTip(tr("The language of the interface; takes effect on the next start"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language.get())));
    m_restartNote->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* restart = buttons->addButton(tr("Apply and Restart"), QDialogButtonBox::ActionRole);
    restart->setToolTip(tr("Saves the settings and starts the application again in the new "
                           "language"));
    restart->setVisible(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(restart, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT restartRequested();
    });
    connect(m_language, &QComboBox::currentIndexChanged, this, [this, restart] {
        const bool changed = m_language->currentData().toString() != m_settings.language.get();
        restart->setVisible(changed);
        m_restartNote->setText(changed ? tr("The new language is used from the next start.")
                                       : QString());
    });
    connect(m_theme, &QComboBox::currentIndexChanged, this,
            [this] { applyTheme(m_theme->currentData().toString()); });

    auto* form = new QFormLayout;
    form->addRow(tr("Appearance:"), m_theme);
    form->addRow(tr("Language:"), m_language);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_restartNote);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(420, 200);
}

void SettingsDialog::accept() {
    m_settings.theme.set(m_theme->currentData().toString());
    m_settings.language.set(m_language->currentData().toString());
    m_settings.sync();
    QDialog::accept();
}

} // namespace srw::ui

namespace srw::ui {

void SettingsDialog::reject() {
    applyTheme(m_settings.theme.get()); // undo the live preview
    QDialog::reject();
}

} // namespace srw::ui
